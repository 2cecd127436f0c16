"""The recipients' own words for pledge modalities, GCM pledge types, GCR contribution types and UNHCR's progress
stages, read from the copies shipped in campaigns/data (see its SOURCES.md)."""
import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def _load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _labels(items):
    return {item["key"]: item["label"] for item in items}


def gcm_pledge_types():
    """{key: {"en": …, "fr": …, "es": …}} of the UN Network on Migration's pledge types."""
    return _labels(_load("gcm_pledge_vocabulary.json")["pledge_types"]["items"])


def gcm_pledge_modalities():
    """{key: labels} of the UN Network's pledge modalities: individual, common, in partnership, matching."""
    return _labels(_load("gcm_pledge_vocabulary.json")["pledge_modalities"]["items"])


def gcr_contribution_types():
    """{key: labels} of the forms a GCR pledge takes (financial, material, technical, policy…)."""
    return _labels(_load("gcr_pledge_stages.json")["pledge_contribution_types"]["items"])


def gcr_stages():
    """{key: labels} of UNHCR's pledge progress stages: planning, in progress, fulfilled."""
    return _labels(_load("gcr_pledge_stages.json")["pledge_progress_stages"])


def gcr_terms():
    """{key: labels} of UNHCR's terms (pledge, good practice, Global Refugee Forum…)."""
    return _labels(_load("gcr_pledge_stages.json")["terms"])


def label(labels, language):
    """One label in `language`, else in English (the research left some translations empty)."""
    return labels.get(language) or labels.get("en") or ""
