"""The Atom feed of a catalog view: the same actions as the catalog, their changes and progress updates, newest
first, in the reader's language, with no member's personal data."""
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from localaction.actions import services
from localaction.actions.models import Action
from localaction.actions.tests.factories_review import proposed_change, published_action
from localaction.factories import ActionFactory, GovernmentFactory, MembershipFactory
from localaction.opendata import feeds
from localaction.progress.tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(language="en", **params):
    with translation.override(language):
        url = reverse("opendata:actions_feed")
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{url}?{query}" if query else url


def read(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def entries(root):
    return root.findall(f"{ATOM}entry")


def titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in entries(root)]


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def test_it_lists_the_published_actions_of_the_view_newest_first(client):
    ActionFactory(published=True, title_en="Housing first", published_at=ago(days=3), gcm_objectives=[16])
    ActionFactory(published=True, title_en="Job fairs", published_at=ago(days=1), gcm_objectives=[16])
    ActionFactory(published=True, title_en="Bus tickets", published_at=ago(days=2), gcm_objectives=[5])
    ActionFactory(title_en="A draft", gcm_objectives=[16])

    assert titles(read(client, feed_url(gcm=16))) == ["Job fairs", "Housing first"]
    assert titles(read(client, feed_url())) == ["Job fairs", "Bus tickets", "Housing first"]


def test_it_follows_the_text_query_like_the_catalog(client):
    ActionFactory(published=True, title_en="Housing first for refugees")
    ActionFactory(published=True, title_en="First aid, then housing")
    ActionFactory(published=True, title_en="Language cafés")

    assert titles(read(client, feed_url(q='"housing+first"'))) == ["Housing first for refugees"]
    found = sorted(titles(read(client, feed_url(q="housing"))))
    assert found == ["First aid, then housing", "Housing first for refugees"]


@pytest.mark.parametrize("params", [{"gcm": 99}, {"kind": "promise"}, {"sort": "random"}, {"country": "ZZ"}])
def test_invalid_filters_get_a_400_that_says_which(client, params):
    response = client.get(feed_url(**params))

    assert response.status_code == 400
    assert next(iter(params)) in response.content.decode()


def test_a_revised_action_keeps_its_entry_id_and_moves_up_with_its_new_date(client, personas):
    old = published_action(personas.government_a, title_en="Language cafés", published_at=ago(days=10))
    ActionFactory(published=True, title_en="Job fairs", published_at=ago(days=5))
    first = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in entries(read(client, feed_url()))}

    services.approve(proposed_change(old, personas.member_a, title_en="Language cafés for all"), personas.reviewer)

    root = read(client, feed_url())
    assert titles(root) == ["Language cafés for all", "Job fairs"]
    entry = entries(root)[0]
    assert entry.findtext(f"{ATOM}id") == first["Language cafés"]
    assert entry.findtext(f"{ATOM}updated") > entry.findtext(f"{ATOM}published")


def test_progress_updates_published_on_the_views_actions_are_entries(client):
    pledge = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Language cafés", published_at=ago(days=9),
                           gcm_objectives=[16])
    other = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Bus tickets", published_at=ago(days=8),
                          gcm_objectives=[5])
    ProgressUpdateFactory(action=pledge, published=True, narrative_en="Two cafés opened.")
    ProgressUpdateFactory(action=pledge, narrative_en="A draft update.")
    ProgressUpdateFactory(action=other, published=True, narrative_en="Tickets handed out.")

    root = read(client, feed_url(gcm=16))

    assert titles(root) == ["Progress on “Language cafés”: In progress", "Language cafés"]
    update = entries(root)[0]
    assert update.findtext(f"{ATOM}summary") == "Two cafés opened."
    assert update.find(f"{ATOM}link").get("href").endswith(pledge.get_absolute_url() + "#progress-title")
    assert "A draft update." not in str(ElementTree.tostring(root))


def test_updates_of_a_withdrawn_action_leave_the_feed(client):
    pledge = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Language cafés")
    ProgressUpdateFactory(action=pledge, published=True)
    pledge.status = Action.Status.WITHDRAWN
    pledge.save()

    assert entries(read(client, feed_url())) == []


def test_entries_are_in_the_feeds_language_or_labelled_with_their_own(client):
    ActionFactory(published=True, title_en="Language cafés", title_fr="Cafés des langues", summary_fr="Chaque semaine.",
                  published_at=ago(days=1))
    ActionFactory(published=True, original_language="es", title_en="", title_es="Escuelas abiertas", summary_en="",
                  summary_es="Para todos.")

    root = read(client, feed_url("fr"))

    assert root.get(XML_LANG) == "fr"
    by_title = {entry.findtext(f"{ATOM}title"): entry for entry in entries(root)}
    assert set(by_title) == {"Cafés des langues", "Escuelas abiertas"}
    assert by_title["Cafés des langues"].get(XML_LANG) is None
    assert by_title["Cafés des langues"].findtext(f"{ATOM}summary") == "Chaque semaine."
    assert by_title["Escuelas abiertas"].get(XML_LANG) == "es"
    assert "/fr/" in by_title["Cafés des langues"].find(f"{ATOM}link").get("href")


def test_links_are_absolute_ids_stable_and_the_licence_is_stated(client, settings):
    settings.LOCALACTION_BASE_URL = "https://local-action.example"
    action = ActionFactory(published=True)

    root = read(client, feed_url(kind="practice"))

    entry = entries(root)[0]
    assert entry.findtext(f"{ATOM}id") == f"tag:local-action.example,2025:action/{action.public_id}/en"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{action.get_absolute_url()}"
    assert "CC BY 4.0" in root.findtext(f"{ATOM}rights")
    assert "CC BY 4.0" in entry.findtext(f"{ATOM}rights")
    alternate = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
    assert alternate == [f"http://testserver{reverse('actions:list')}?kind=practice"]
    assert "Kind: Practice" in root.findtext(f"{ATOM}title")


def test_the_government_is_the_author_and_no_members_data_appears(client):
    government = GovernmentFactory(name="Dakar")
    member = MembershipFactory(
        government=government, user__email="focal.point@dakar.example", user__full_name="Awa Diop"
    ).user
    pledge = ActionFactory(published=True, kind=Action.Kind.PLEDGE, government=government, created_by=member)
    ProgressUpdateFactory(action=pledge, published=True, created_by=member)

    response = client.get(feed_url())
    root = ElementTree.fromstring(response.content)

    assert {entry.findtext(f"{ATOM}author/{ATOM}name") for entry in entries(root)} == {"Dakar"}
    body = response.content.decode()
    assert "focal.point@dakar.example" not in body and "Awa Diop" not in body and "<email>" not in body


def test_the_feed_holds_at_most_the_latest_entries(client):
    for n in range(feeds.LIMIT + 5):
        ActionFactory(published=True, title_en=f"Action {n}", published_at=ago(hours=n))

    root = read(client, feed_url())

    assert len(entries(root)) == feeds.LIMIT
    assert titles(root)[:2] == ["Action 0", "Action 1"]


def test_many_matching_actions_give_the_same_entries_as_few(client, settings, monkeypatch):
    old = published_action(GovernmentFactory(), title_en="Old but revised", published_at=ago(days=30))
    for n in range(8):
        ActionFactory(published=True, title_en=f"Action {n}", published_at=ago(days=n + 1))
    ProgressUpdateFactory(action=ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Pledge",
                                               published_at=ago(days=20)), published=True,
                          published_at=ago(hours=2))
    old.revisions.create(number=2, data={}, approved_at=ago(hours=1))
    expected = titles(read(client, feed_url()))

    # Above the IN-query limit the feed scans the latest revisions and updates instead.
    monkeypatch.setattr(feeds, "IN_QUERY_LIMIT", 2)
    monkeypatch.setattr(feeds, "LIMIT", 4)
    scanned = titles(read(client, feed_url()))

    assert expected[:4] == scanned
    assert scanned[0] == "Old but revised"


def test_a_second_request_with_the_etag_gets_a_304_until_something_is_published(client):
    ActionFactory(published=True)
    first = client.get(feed_url())

    assert client.get(feed_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    ActionFactory(published=True)
    assert client.get(feed_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_catalog_page_offers_the_feed_of_its_view(client):
    ActionFactory(published=True, gcm_objectives=[16])

    body = client.get(reverse("actions:list") + "?gcm=16&page=1").content.decode()

    expected = reverse("opendata:actions_feed") + "?gcm=16"
    assert f'<link rel="alternate" type="application/atom+xml"' in body
    assert body.count(f'href="{expected}"') == 2


def test_the_number_of_queries_does_not_grow_with_the_entries(client, django_assert_max_num_queries):
    for n in range(30):
        pledge = ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en=f"Pledge {n}", gcm_objectives=[16])
        ProgressUpdateFactory(action=pledge, published=True)
    client.get(feed_url(gcm=16))  # the process's index catches up with the new actions first

    with django_assert_max_num_queries(8):
        root = read(client, feed_url(gcm=16, page=2))

    assert len(entries(root)) == feeds.LIMIT
