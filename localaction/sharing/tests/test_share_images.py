"""Server-made share images: valid 1200×630 PNGs of published content only, cached and revalidated."""
import io
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from PIL import Image

from localaction.actions.models import Action
from localaction.factories import ActionFactory, GovernmentFactory
from localaction.sharing import images

pytestmark = pytest.mark.django_db


def action_image_url(action):
    return reverse("sharing:action_image", args=[action.public_id, images.action_card(action).version])


def open_png(response):
    assert response["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(response.content))
    picture.verify()
    return picture


def test_an_action_image_is_a_1200_by_630_png_kept_by_caches(client):
    action = ActionFactory(published=True, kind=Action.Kind.PLEDGE)
    response = client.get(action_image_url(action))
    assert response.status_code == 200
    picture = open_png(response)
    assert (picture.format, picture.size) == ("PNG", (1200, 630))
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert response["ETag"] == f'"{images.action_card(action).version}"'
    assert "Cookie" not in response.get("Vary", "")


def test_an_image_is_drawn_once_and_kept_in_the_cache(client):
    action = ActionFactory(published=True)
    card = images.action_card(action)
    key = f"localaction:share-image:action:{action.public_id}:en:{card.version}"
    assert cache.get(key) is None
    first = client.get(action_image_url(action))
    assert cache.get(key) == first.content
    cache.set(key, b"kept bytes")
    assert client.get(action_image_url(action)).content == b"kept bytes"


@pytest.mark.parametrize(
    "status",
    [Action.Status.DRAFT, Action.Status.SUBMITTED, Action.Status.CHANGES_REQUESTED, Action.Status.REJECTED,
     Action.Status.WITHDRAWN],
)
def test_an_unpublished_action_has_no_image(client, status):
    action = ActionFactory(status=status)
    assert client.get(action_image_url(action)).status_code == 404


def test_the_same_etag_gives_a_304_without_the_image(client):
    url = action_image_url(ActionFactory(published=True))
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_changed_title_changes_the_address_and_the_old_one_leads_to_the_new(client):
    action = ActionFactory(published=True, title_en="First title")
    old = action_image_url(action)
    action.title_en = "Second title"
    action.save()
    new = action_image_url(action)
    assert new != old
    response = client.get(old)
    assert response.status_code == 302 and response["Location"] == new


def test_the_image_is_drawn_in_the_language_of_its_address(client):
    action = ActionFactory(published=True, title_en="Welcome desk", title_fr="Guichet d'accueil")
    with translation.override("fr"):
        french = action_image_url(action)
        assert images.action_card(action).title == "Guichet d'accueil"
    assert french.startswith("/fr/")
    assert open_png(client.get(french)).size == (1200, 630)


def test_a_government_image_counts_only_published_actions(client, government, actions_in_every_state):
    card = images.government_card(government, 2)
    response = client.get(reverse("sharing:government_image", args=[government.slug, card.version]))
    assert response.status_code == 200
    assert open_png(response).size == (1200, 630)
    assert "2 published actions" in card.byline


def test_an_unverified_or_unknown_government_has_no_image(client):
    hidden = GovernmentFactory(verified=False)
    version = images.government_card(hidden, 0).version
    assert client.get(reverse("sharing:government_image", args=[hidden.slug, version])).status_code == 404
    assert client.get(reverse("sharing:government_image", args=["nowhere", version])).status_code == 404


def test_the_generic_image_is_a_png_too(client):
    response = client.get(reverse("sharing:site_image", args=[images.site_card().version]))
    assert response.status_code == 200
    assert open_png(response).size == (1200, 630)


def test_a_long_title_is_wrapped_and_cut_with_an_ellipsis():
    title_font = images.font(48, True)
    title = "Welcome centres for refugees and migrants " * 10
    lines, cut = images.wrap(title, title_font, images.TEXT_WIDTH, 4)
    assert cut and len(lines) == 4
    assert lines[-1].endswith("…")
    assert all(title_font.getlength(line) <= images.TEXT_WIDTH for line in lines)
    assert images.wrap("Short title", title_font, images.TEXT_WIDTH, 4) == (["Short title"], False)


def test_a_word_longer_than_a_line_is_broken():
    title_font = images.font(64, True)
    lines, _cut = images.wrap("x" * 200, title_font, images.TEXT_WIDTH, 10)
    assert len(lines) > 1
    assert all(title_font.getlength(line) <= images.TEXT_WIDTH for line in lines)


def test_drawing_a_card_takes_less_than_half_a_second():
    # The target is ~200 ms; the bound leaves room for a busy test machine.
    card = images.Card(kicker="Pledge", title="Welcome centres for refugees and migrants " * 6, byline="Town, France")
    images.render_png(card)
    started = time.perf_counter()
    images.render_png(card)
    assert time.perf_counter() - started < 0.5
