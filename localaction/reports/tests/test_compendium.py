"""render_compendium: the handover package's PDF, from a snapshot's plain-dict entries."""
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.figures.services import stage_label
from localaction.reports.pdf import render_compendium

from .helpers import all_text, page_text, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]

ENTRIES = [
    {"id": "aaaa0001", "kind": "pledge", "title_en": "Language classes for newcomers", "title_fr": "Cours de langue",
     "original_language": "en", "government": "Lyon", "country": "FR", "region": "150", "gcm_objectives": [16, 15],
     "gcr_areas": ["education"], "sdgs": [4], "stage": "in_progress", "url": "/en/actions/aaaa0001/x/"},
    {"id": "aaaa0002", "kind": "practice", "title_es": "Casa de acogida", "original_language": "es",
     "government": "Bogotá", "country": "CO", "region": "019", "gcr_objectives": [1]},
    {"id": "aaaa0003", "kind": "pledge", "title_en": "Legal advice desk", "government": "Dakar", "country": "SN",
     "region": "002", "stage": ""},
    {"id": "aaaa0004", "title": "No region at all"},
]


def render(tmp_path, language, entries=ENTRIES, **kwargs):
    path = tmp_path / f"compendium-{language}.pdf"
    kwargs.setdefault("title", "IMRF 2026 — compendium")
    rendered = render_compendium(entries, language, path, **kwargs)
    return rendered, reader(path)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_it_opens_as_searchable_text_with_the_title_and_every_entry(tmp_path, language):
    rendered, document = render(tmp_path, language, date="2026-05-01")
    assert rendered.pages == len(document.pages) > 3
    assert "IMRF 2026 — compendium" in page_text(document, 0)
    text = all_text(document)
    assert len(set(re.findall(r"aaaa000\d", text))) == 4
    with translation.override(language):
        assert gettext("Summary") in page_text(document, 1)


def test_entries_are_grouped_by_region_with_their_mapping_and_stage(tmp_path):
    _rendered, document = render(tmp_path, "fr")
    text = all_text(document)
    # Regions in alphabetical order of their French names, entries without a region last.
    with translation.override("fr"):
        no_region = gettext("No region")
    positions = [text.index(name) for name in ("Afrique", "Amériques", "Europe", no_region)]
    assert positions == sorted(positions)
    assert "Cours de langue" in text  # the French title when there is one
    assert "Casa de acogida" in text  # else the original language's
    assert "16." in text and "15." in text  # GCM objectives by number and name
    with translation.override("fr"):
        assert str(Action.Stage.IN_PROGRESS.label) in text
        assert str(stage_label("not_reported")) in text  # a pledge without a report


def test_pledge_figures_given_as_a_dict_are_printed(tmp_path):
    figures = {"pledges": 2, "fulfilment_rate": "0.5000", "people_reached_total": 1200, "money_committed_usd": "15000.00"}
    _rendered, document = render(tmp_path, "en", figures=figures)
    text = all_text(document)
    assert "50.0 %" in text and "1,200" in text and "15,000" in text


def test_progress_is_reported_as_the_build_goes(tmp_path):
    seen = []
    render(tmp_path, "en", entries=ENTRIES[:1], progress=lambda percent, message: seen.append(percent))
    assert seen[0] < seen[-1] == 100


def test_an_empty_snapshot_still_gives_a_pdf(tmp_path):
    _rendered, document = render(tmp_path, "es", entries=[])
    assert "IMRF 2026 — compendium" in page_text(document, 0)
