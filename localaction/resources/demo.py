"""Demo content of the library (DEMO ONLY), called by seed_demo after the core seeder.

Eight invented resources whose titles and summaries say they are demo content; links go to example.org (a domain
reserved for examples) and the one uploaded file is a one-page PDF that says it is a demo.
"""
from django.core.files.base import ContentFile

from localaction.accounts.models import User
from localaction.taxonomy.models import SDG, GCMObjective, GCRObjective

from .models import Resource

DEMO_NOTE = {
    "en": " (Demo content: this resource does not exist.)",
    "fr": " (Contenu de démonstration : cette ressource n’existe pas.)",
    "es": " (Contenido de demostración: este recurso no existe.)",
}

# (titles by language, summary in English, type, language, year, publisher, GCM, GCR, SDG numbers, link or None)
RESOURCES = [
    ({"en": "Demo guide: welcoming newcomers at city hall",
      "fr": "Guide démo : accueillir les nouveaux arrivants à la mairie",
      "es": "Guía demo: acoger a los recién llegados en el ayuntamiento"},
     "A step-by-step guide for front desks of local governments.", "guide", "en", 2024, "Demo publisher",
     [7, 15, 16], [2], [10, 16], "https://example.org/demo/welcoming-guide"),
    ({"fr": "Rapport démo : l’intégration par le logement dans les villes moyennes"},
     "A report on housing programmes for refugees in mid-sized cities.", "report", "fr", 2023, "Demo network of towns",
     [15, 16], [2, 3], [11], "https://example.org/demo/rapport-logement"),
    ({"es": "Curso demo: servicios municipales para personas migrantes",
      "en": "Demo course: municipal services for migrants"},
     "An online course in six modules for municipal staff.", "course", "es", 2025, "Demo training institute",
     [15], [], [4, 10], "https://example.org/demo/curso-servicios"),
    ({"en": "Demo recording: mayors' panel on climate and displacement"},
     "The recording of a panel discussion between mayors.", "recording", "en", 2022, "Demo forum organisers",
     [2], [4], [13], "https://example.org/demo/panel-recording"),
    ({"en": "Demo toolkit: measuring people reached", "fr": "Boîte à outils démo : mesurer les personnes touchées"},
     "Indicator sheets and templates to count people reached by local programmes.", "toolkit", "en", 2024,
     "Demo statistics office", [1, 23], [1], [17], None),
    ({"en": "Demo report (Arabic): local labour market inclusion"},
     "A report in Arabic on access to decent work for migrants and refugees.", "report", "ar", 2021,
     "Demo regional association", [6, 18], [2], [8], "https://example.org/demo/labour-report"),
    ({"en": "Demo guide: language classes for adults"},
     "Practical advice on organising free language classes.", "guide", "en", 2020, "Demo city of learning",
     [16], [2], [4], "https://example.org/demo/language-classes"),
    ({"es": "Informe demo: niñas y niños refugiados en la escuela"},
     "A report on school enrolment of refugee children.", "report", "es", 2025, "Demo education observatory",
     [15, 16], [2], [4, 10], "https://example.org/demo/informe-escuela"),
]

# A one-page PDF whose only text says it is a demo file.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 56>>stream\nBT /F1 18 Tf 72 760 Td (Demo file - not a real toolkit) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed(write):
    """Create the library's demo resources once; `write` prints a line of the summary."""
    if Resource.objects.filter(summary_en__contains=DEMO_NOTE["en"]).exists():
        return
    reviewer = User.objects.filter(email="reviewer@localaction.test").first()
    for titles, summary, kind, language, year, publisher, gcm, gcr, sdgs, link in RESOURCES:
        resource = Resource(
            type=kind, language=language, year=year, publisher=publisher, url=link or "", is_published=True,
            created_by=reviewer,
            **{f"title_{code}": text for code, text in titles.items()},
            summary_en=summary + DEMO_NOTE["en"],
        )
        for code in ("fr", "es"):
            if code in titles:
                setattr(resource, f"summary_{code}", titles[code] + "." + DEMO_NOTE[code])
        if link is None:
            resource.file.save("demo.pdf", ContentFile(DEMO_PDF), save=False)
            resource.file_kind, resource.file_size = "pdf", len(DEMO_PDF)
        resource.save()
        resource.gcm_objectives.set(GCMObjective.objects.filter(number__in=gcm))
        resource.gcr_objectives.set(GCRObjective.objects.filter(number__in=gcr))
        resource.sdgs.set(SDG.objects.filter(number__in=sdgs))
    write(f"Resources: {len(RESOURCES)} demo resources (links to example.org, one demo PDF).")
