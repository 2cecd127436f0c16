"""The page list covers every URL name: each is either a page (checked by the suite) or named as not HTML."""
import pytest
from django.urls import reverse

from localaction.core.tests.test_permission_matrix import MATRIX, NAMESPACES_CHECKED_AS_A_GROUP, url_names
from pages import NOT_HTML, PAGES

FRAGMENTS = {"sharing:government_snippet"}  # HTML, but not a page: a piece for other sites to paste


def all_url_names():
    return {name for name, _ in url_names() if name.split(":")[0] not in NAMESPACES_CHECKED_AS_A_GROUP}


def test_every_url_name_is_a_checked_page_or_named_as_not_html():
    names = all_url_names()
    missing = sorted(names - PAGES.keys() - NOT_HTML.keys())
    assert not missing, f"add these URL names to tests/quality/pages.py (PAGES, or NOT_HTML with a reason): {missing}"
    assert not sorted(PAGES.keys() & NOT_HTML.keys()), "a URL name cannot be both a page and not HTML"
    assert not sorted((PAGES.keys() | NOT_HTML.keys()) - names), "the page list names URLs that no longer exist"


def test_each_page_is_viewed_by_a_persona_who_may_see_it():
    wrong = {name: page.persona for name, page in PAGES.items() if MATRIX[name][1][page.persona] != 200}
    assert not wrong, f"these personas do not get a 200 in the permission matrix: {wrong}"


@pytest.mark.django_db
def test_what_is_named_as_not_html_is_not_an_html_page(client_for, objects):
    """Keeps NOT_HTML honest: whatever answers 200 there answers something else than an HTML page."""
    html = []
    for name in sorted(NOT_HTML.keys() - FRAGMENTS):
        make_args, expected = MATRIX[name]
        persona = next((persona for persona, status in expected.items() if status == 200), None)
        if persona is None:
            continue
        response = client_for(persona).get(reverse(name, args=make_args(objects) if make_args else None))
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            html.append(name)
    assert not html, f"these answer HTML pages: move them to PAGES: {html}"
