"""Demo content of this app, called by seed_demo after the core seeder (DEMO ONLY).

The launch of the Call at an IMRF side event in New York (May 2022), with an illustrative agenda whose speakers
are placeholders (no real person is named), and one upcoming online peer exchange."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign

from .models import Event, Speaker

NEW_YORK = ZoneInfo("America/New_York")
MADRID = ZoneInfo("Europe/Madrid")
LAUNCH_SLUG = "launch-imrf-2022"
ANNOUNCED_AT_LAUNCH = 8  # demo actions of the IMRF 2022 cohort tagged as announced at the launch

LAUNCH = {
    "title_en": "Launch of the Call to Local Action for Migrants and Refugees (demo)",
    "title_fr": "Lancement de l’Appel à l’action locale pour les migrants et les réfugiés (démo)",
    "title_es": "Lanzamiento del Llamamiento a la acción local por las personas migrantes y refugiadas (demo)",
    "description_en": (
        "A side event of the International Migration Review Forum where local and regional governments launched "
        "the Call and announced their first actions and pledges.\n\nDemo content: the agenda and speakers are "
        "illustrative placeholders."
    ),
    "description_fr": (
        "Un événement parallèle du Forum d’examen des migrations internationales, où des collectivités locales et "
        "régionales ont lancé l’Appel et annoncé leurs premières actions et leurs premiers engagements.\n\n"
        "Contenu de démonstration : le programme et les intervenants sont fictifs."
    ),
    "description_es": (
        "Un evento paralelo del Foro de Examen de la Migración Internacional en el que gobiernos locales y "
        "regionales lanzaron el Llamamiento y anunciaron sus primeras acciones y compromisos.\n\n"
        "Contenido de demostración: el programa y los ponentes son ficticios."
    ),
    "time_zone": "America/New_York",
    "venue_name": "Conference room, New York (demo)",
    "venue_address": "New York, NY, United States",
    "online": True,
    "livestream_url": "https://example.org/demo-livestream",
    "interpretation_languages": ["en", "fr"],
    "hashtags": ["CallToLocalAction", "IMRF2022"],
    "organisers": "Mayors Mechanism (UCLG, Mayors Migration Council, IOM)\nUNHCR",
    "partners": "Demo partner network of cities\nDemo migrant-led organisation",
    "is_published": True,
}

# (start, end on New York's wall clock on the day, titles en/fr/es, speakers: (name, title, organisation, role, tbc))
LAUNCH_DAY = (2022, 5, 18)
LAUNCH_SLOTS = [
    ((13, 15), (13, 25), ("Welcome and opening", "Accueil et ouverture", "Bienvenida y apertura"), [
        ("Moderator (demo)", "Head of programme", "Demo city network", Speaker.Role.MODERATOR, False),
        ("Mayor of a demo city", "Mayor", "Demo city", Speaker.Role.KEYNOTE, False),
    ]),
    ((13, 25), (13, 45), ("Why local action matters for the Global Compacts",
                          "Pourquoi l’action locale compte pour les pactes mondiaux",
                          "Por qué la acción local importa para los pactos mundiales"), [
        ("Representative of a UN agency (demo)", "Director", "Demo UN agency", Speaker.Role.KEYNOTE, True),
    ]),
    ((13, 45), (14, 10), ("Cities announce their actions and pledges",
                          "Les villes annoncent leurs actions et engagements",
                          "Las ciudades anuncian sus acciones y compromisos"), [
        ("Moderator (demo)", "Head of programme", "Demo city network", Speaker.Role.MODERATOR, False),
        ("Mayor of a second demo city", "Mayor", "Second demo city", Speaker.Role.PANELLIST, False),
        ("Governor of a demo region", "Governor", "Demo region", Speaker.Role.PANELLIST, True),
        ("Migrant-led organisation representative (demo)", "Coordinator", "Demo migrant-led organisation",
         Speaker.Role.PANELLIST, False),
    ]),
    ((14, 10), (14, 25), ("Questions from the audience", "Questions du public", "Preguntas del público"), [
        ("Moderator (demo)", "Head of programme", "Demo city network", Speaker.Role.MODERATOR, False),
    ]),
    ((14, 25), (14, 30), ("Closing and next steps", "Clôture et prochaines étapes", "Clausura y próximos pasos"), [
        ("Rapporteur (demo)", "Policy officer", "Demo city network", Speaker.Role.RAPPORTEUR, True),
    ]),
]

UPCOMING = {
    "title_en": "Peer exchange: reporting progress on local pledges (demo)",
    "title_fr": "Échange entre pairs : rendre compte des progrès des engagements locaux (démo)",
    "title_es": "Intercambio entre pares: informar sobre los avances de los compromisos locales (demo)",
    "description_en": (
        "An online exchange for focal points on reporting progress before the next review forum. Demo content."
    ),
    "description_fr": (
        "Un échange en ligne entre points focaux sur le suivi des progrès avant le prochain forum d’examen. "
        "Contenu de démonstration."
    ),
    "description_es": (
        "Un intercambio en línea entre puntos focales sobre el informe de avances antes del próximo foro de "
        "examen. Contenido de demostración."
    ),
    "time_zone": "Europe/Madrid",
    "online": True,
    "interpretation_languages": ["en", "fr", "es"],
    "hashtags": ["CallToLocalAction"],
    "organisers": "Mayors Mechanism (UCLG, Mayors Migration Council, IOM)",
    "is_published": True,
}


def wall_clock(day, time, zone):
    return datetime(*day, *time, tzinfo=zone)


def seed_launch():
    starts = wall_clock(LAUNCH_DAY, LAUNCH_SLOTS[0][0], NEW_YORK)
    ends = wall_clock(LAUNCH_DAY, LAUNCH_SLOTS[-1][1], NEW_YORK)
    event, created = Event.objects.get_or_create(
        slug=LAUNCH_SLUG, defaults={**LAUNCH, "starts_at": starts, "ends_at": ends}
    )
    if not created:
        return event
    for order, (start, end, titles, speakers) in enumerate(LAUNCH_SLOTS):
        slot = event.slots.create(
            starts_at=wall_clock(LAUNCH_DAY, start, NEW_YORK), ends_at=wall_clock(LAUNCH_DAY, end, NEW_YORK),
            order=order, **dict(zip(("title_en", "title_fr", "title_es"), titles)),
        )
        for position, (name, title, organisation, role, tbc) in enumerate(speakers):
            slot.speakers.create(name=name, title=title, organisation=organisation, role=role,
                                 to_be_confirmed=tbc, order=position)
    campaign = Campaign.objects.filter(slug="imrf-2022").first()
    if campaign is not None:
        event.campaigns.add(campaign)
        # The core seeder tags no action as "announced at": a few of the cohort's are, so the page shows some.
        announced = Action.objects.published().filter(campaign=campaign).order_by("pk")[:ANNOUNCED_AT_LAUNCH]
        for action in announced:
            action.announced_at.add(campaign)
    return event


def seed_upcoming():
    day = (timezone.now() + timedelta(days=45)).astimezone(MADRID)
    starts = day.replace(hour=15, minute=0, second=0, microsecond=0)
    event, created = Event.objects.get_or_create(
        slug="peer-exchange-progress-reporting",
        defaults={**UPCOMING, "starts_at": starts, "ends_at": starts + timedelta(minutes=90)},
    )
    if created:
        event.slots.create(starts_at=starts, ends_at=starts + timedelta(minutes=45), title_en="How cities report",
                           title_fr="Comment les villes rendent compte", title_es="Cómo informan las ciudades", order=0)
        event.slots.create(starts_at=starts + timedelta(minutes=45), ends_at=starts + timedelta(minutes=90),
                           title_en="Open discussion", title_fr="Discussion ouverte", title_es="Debate abierto",
                           order=1)
    return event


def seed(write):
    """Create this app's demo rows; `write` prints a line of the summary."""
    launch = seed_launch()
    seed_upcoming()
    write(f"Events: the launch ({launch.slots.count()} agenda slots, "
          f"{launch.campaigns.count()} campaign linked) and one upcoming online exchange.")
