"""The embeddable widget and snippet of a government: published actions only, frameable, cache-friendly."""
import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from localaction.actions.models import Action, CoPledger
from localaction.factories import ActionFactory, GovernmentFactory

pytestmark = pytest.mark.django_db

WIDGETS = ("sharing:government_widget", "sharing:government_snippet")


def widget_url(government, name="sharing:government_widget", language="en"):
    with translation.override(language):
        return reverse(name, args=[government.slug])


@pytest.mark.parametrize("name", WIDGETS)
def test_it_lists_only_published_actions(client, government, actions_in_every_state, name):
    joined = ActionFactory(published=True, title_en="Joint pledge it joined", kind=Action.Kind.PLEDGE)
    CoPledger.objects.create(action=joined, government=government, confirmed_at=timezone.now())
    ActionFactory(published=True, title_en="Another government's action")
    response = client.get(widget_url(government, name))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Published practice" in page and "Published pledge" in page and "Joint pledge it joined" in page
    for status in ("draft", "submitted", "changes_requested", "rejected", "withdrawn"):
        assert f"Hidden {status} action" not in page
    assert "Another government" not in page


def test_the_widget_may_be_framed_by_any_site_but_other_pages_may_not(client, government):
    assert "X-Frame-Options" not in client.get(widget_url(government))
    assert client.get(government.get_absolute_url())["X-Frame-Options"] == "DENY"


def test_the_widget_is_a_standalone_page_without_script(client, government, actions_in_every_state):
    response = client.get(widget_url(government))
    tree = lxml.html.fromstring(response.content)
    assert tree.xpath("//script") == [] and tree.xpath("//*[@style]") == []
    assert tree.xpath("//link[@rel='stylesheet']/@href") == ["/static/css/widget.css"]
    links = tree.xpath("//ul[@class='la-widget-list']//a")
    assert [link.text for link in links] == ["Published pledge", "Published practice"]  # newest first
    pledge = actions_in_every_state["pledge"]
    assert links[0].get("href") == f"http://testserver{pledge.get_absolute_url()}"
    assert links[0].get("target") == "_blank" and "noopener" in links[0].get("rel")


@pytest.mark.parametrize("name", WIDGETS)
def test_it_is_cache_friendly(client, government, actions_in_every_state, name):
    response = client.get(widget_url(government, name))
    assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert "Cookie" not in response.get("Vary", "")  # one copy in shared caches for every reader
    again = client.get(widget_url(government, name), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_a_new_publication_changes_the_etag(client, government, actions_in_every_state):
    etag = client.get(widget_url(government))["ETag"]
    ActionFactory(government=government, published=True, title_en="Freshly published")
    response = client.get(widget_url(government), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Freshly published" in response.content.decode()


def test_a_withdrawal_changes_the_etag_and_removes_the_action(client, government, actions_in_every_state):
    etag = client.get(widget_url(government))["ETag"]
    practice = actions_in_every_state["practice"]
    practice.status = Action.Status.WITHDRAWN
    practice.save()
    response = client.get(widget_url(government), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Published practice" not in response.content.decode()


def test_options_choose_the_kind_and_the_number(client, government, actions_in_every_state):
    pledges = client.get(widget_url(government) + "?kind=pledge").content.decode()
    assert "Published pledge" in pledges and "Published practice" not in pledges
    one = client.get(widget_url(government) + "?limit=1").content.decode()
    assert "Published pledge" in one and "Published practice" not in one


@pytest.mark.parametrize("query", ["?limit=0", "?limit=21", "?limit=many", "?kind=promise"])
def test_options_it_cannot_use_are_refused(client, government, query):
    response = client.get(widget_url(government) + query)
    assert response.status_code == 400
    assert "options it cannot use" in response.content.decode()


@pytest.mark.parametrize("name", WIDGETS)
def test_a_government_without_published_actions_shows_an_empty_list(client, name):
    government = GovernmentFactory()
    ActionFactory(government=government, status=Action.Status.SUBMITTED, title_en="Waiting for review")
    page = client.get(widget_url(government, name)).content.decode()
    assert "No published action yet." in page and "Waiting for review" not in page


@pytest.mark.parametrize("name", WIDGETS)
def test_an_unverified_or_unknown_government_has_no_widget(client, name):
    assert client.get(widget_url(GovernmentFactory(verified=False), name)).status_code == 404
    assert client.get(reverse(name, args=["nowhere"])).status_code == 404


def test_the_widget_speaks_the_language_of_its_address(client, government):
    action = ActionFactory(government=government, published=True, title_en="Welcome desk", title_fr="Guichet d'accueil")
    tree = lxml.html.fromstring(client.get(widget_url(government, language="fr")).content)
    assert tree.get("lang") == "fr"
    link = tree.xpath("//ul[@class='la-widget-list']//a")[0]
    assert link.text == "Guichet d'accueil"
    with translation.override("fr"):
        assert link.get("href") == f"http://testserver{action.get_absolute_url()}"


def test_the_snippet_is_a_plain_fragment(client, government, actions_in_every_state):
    response = client.get(widget_url(government, "sharing:government_snippet"))
    page = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "<html" not in page and "<script" not in page and "style=" not in page and "<link" not in page
    fragment = lxml.html.fragment_fromstring(page)
    assert [a.text for a in fragment.xpath(".//ul/li/a")] == ["Published pledge", "Published practice"]
    assert all(href.startswith("http://testserver/en/") for href in fragment.xpath(".//a/@href"))
