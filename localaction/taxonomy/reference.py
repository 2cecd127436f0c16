"""Loads the reference data shipped in taxonomy/data/ into the database.

Called from a data migration with the historical app registry, and idempotent (update_or_create on stable keys),
so it can be re-run when the reference files are corrected.
"""
import csv
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGS = ("en", "fr", "es")


def _json(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def _csv(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _per_language(field, values, fallback=None):
    """{'title_en': …, 'title_fr': …} with a missing translation falling back to `fallback` (or English)."""
    fallback = fallback or values
    return {f"{field}_{lang}": (values.get(lang) or fallback.get(lang) or values.get("en") or "") for lang in LANGS}


def load_regions_and_countries(apps):
    Region = apps.get_model("taxonomy", "Region")
    Country = apps.get_model("taxonomy", "Country")
    rows = _csv("regions.csv")
    for row in sorted(rows, key=lambda r: bool(r["parent"])):  # regions before their sub-regions
        Region.objects.update_or_create(
            code=row["code"],
            defaults={"parent_id": row["parent"] or None, **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGS}},
        )
    for row in _csv("countries.csv"):
        Country.objects.update_or_create(
            code=row["code"],
            defaults={
                "iso3": row["iso3"],
                "numeric": row["numeric"],
                "region_id": row["region"] or None,
                "subregion_id": row["subregion"] or None,
                **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGS},
            },
        )


def load_compacts(apps):
    GCMObjective = apps.get_model("taxonomy", "GCMObjective")
    GuidingPrinciple = apps.get_model("taxonomy", "GuidingPrinciple")
    GCRObjective = apps.get_model("taxonomy", "GCRObjective")
    GCRArea = apps.get_model("taxonomy", "GCRArea")
    SDG = apps.get_model("taxonomy", "SDG")

    for item in _json("gcm_objectives.json"):
        GCMObjective.objects.update_or_create(
            number=item["number"],
            defaults={
                **_per_language("title", item["title"]),
                **_per_language("short_label", item["short_label"]),
                "verified": item.get("verified", {}),
            },
        )
    for position, item in enumerate(_json("gcm_guiding_principles.json"), start=1):
        GuidingPrinciple.objects.update_or_create(
            key=item["key"],
            defaults={
                "paragraph": item["paragraph"],
                "position": position,
                **_per_language("name", item["name"]),
                "verified": item.get("verified", {}),
            },
        )
    gcr = _json("gcr_objectives.json")
    for item in gcr["objectives"]:
        GCRObjective.objects.update_or_create(
            number=item["number"],
            defaults={"key": item["key"], **_per_language("text", item["text"]), "verified": item.get("verified", {})},
        )
    for position, item in enumerate(gcr["grf_2019_areas_of_focus"]["items"], start=1):
        GCRArea.objects.update_or_create(
            key=item["key"],
            defaults={"position": position, **_per_language("name", item["name"]), "verified": item.get("verified", {})},
        )
    for item in _json("sdgs.json"):
        SDG.objects.update_or_create(
            number=item["number"],
            defaults={**_per_language("short_title", item["short_title"]), **_per_language("title", item["title"])},
        )


def load_vocabularies(apps):
    Vocabulary = apps.get_model("taxonomy", "Vocabulary")
    Term = apps.get_model("taxonomy", "Term")
    data = _json("vocabularies.json")
    vocabularies = list(data["vocabularies"])
    gcm = _json("gcm_pledge_vocabulary.json")
    vocabularies.append(
        {
            "key": "gcm_pledge_types",
            "name": {"en": "GCM pledge types", "fr": "Types d’engagement (PMM)", "es": "Tipos de compromiso (PMM)"},
            "source": gcm["source"],
            "terms": [{"key": i["key"], "name": i["label"]} for i in gcm["pledge_types"]["items"]],
        }
    )
    gcr = _json("gcr_pledge_stages.json")
    vocabularies.append(
        {
            "key": "gcr_contribution_types",
            "name": {"en": "GCR contribution types", "fr": "Types de contribution (PMR)", "es": "Tipos de contribución (PMR)"},
            "source": gcr["source"],
            "terms": [{"key": i["key"], "name": i["label"]} for i in gcr["pledge_contribution_types"]["items"]],
        }
    )
    for v_position, vocabulary in enumerate(vocabularies, start=1):
        vocab, _created = Vocabulary.objects.update_or_create(
            key=vocabulary["key"],
            defaults={
                "position": v_position,
                "source": vocabulary.get("source", data["source"]),
                **_per_language("name", vocabulary["name"]),
            },
        )
        for position, term in enumerate(vocabulary["terms"], start=1):
            Term.objects.update_or_create(
                vocabulary=vocab, key=term["key"], defaults={"position": position, **_per_language("name", term["name"])}
            )


def load_all(apps):
    load_regions_and_countries(apps)
    load_compacts(apps)
    load_vocabularies(apps)
