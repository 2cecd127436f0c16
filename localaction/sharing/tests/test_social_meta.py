"""Open Graph and Twitter card metadata on public pages, in each language."""
import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from localaction.actions.models import Action
from localaction.factories import ActionFactory
from localaction.sharing import images

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}


def metadata(response):
    """{property or name: [content, …]} of the <meta> tags in the page's <head>."""
    tree = lxml.html.fromstring(response.content)
    found = {}
    for element in tree.xpath("//head/meta[@property or @name]"):
        found.setdefault(element.get("property") or element.get("name"), []).append(element.get("content"))
    return found


def get_in(client, language, name, args=None, query=""):
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url + query)
    assert response.status_code == 200
    return url, metadata(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_describes_the_site_in_its_language(client, language):
    url, meta = get_in(client, language, "core:home")
    assert meta["og:url"] == [f"http://testserver{url}"]
    assert url.startswith(f"/{language}/")
    assert meta["og:type"] == ["website"]
    assert meta["og:locale"] == [OG_LOCALES[language]]
    assert sorted(meta["og:locale:alternate"]) == sorted(v for k, v in OG_LOCALES.items() if k != language)
    with translation.override(language):
        site_image = reverse("sharing:site_image", args=[images.site_card().version])
    assert meta["og:image"] == [f"http://testserver{site_image}"] == meta["twitter:image"]
    assert site_image.startswith(f"/{language}/share/images/site/")
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:image:alt"][0]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["og:site_name"] and meta["og:title"] and meta["og:description"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalog_shares_its_filters_but_not_its_page_number(client, language):
    url, meta = get_in(client, language, "actions:list", query="?kind=pledge&page=2")
    assert meta["og:url"] == [f"http://testserver{url}?kind=pledge"]
    with translation.override(language):
        assert meta["og:title"] == [gettext("Actions and pledges")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_action_page_gives_its_title_summary_and_own_image(client, language):
    action = ActionFactory(
        published=True, kind=Action.Kind.PLEDGE, title_en="Welcome desk", title_fr="Guichet d'accueil",
        title_es="Ventanilla de acogida", summary_en="Help in English.", summary_fr="De l'aide en français.",
        summary_es="Ayuda en español.",
    )
    url, meta = get_in(client, language, "actions:detail", args=[action.public_id, action.slug])
    with translation.override(language):
        card = images.action_card(action)
        image = reverse("sharing:action_image", args=[action.public_id, card.version])
    assert meta["og:title"] == [getattr(action, f"title_{language}")] == meta["twitter:title"]
    assert meta["og:description"] == [getattr(action, f"summary_{language}")]
    assert meta["og:type"] == ["article"]
    assert meta["og:url"] == [f"http://testserver{url}"]
    assert meta["og:image"] == [f"http://testserver{image}"]
    assert image.startswith(f"/{language}/share/images/actions/{action.public_id}/")
    assert getattr(action, f"title_{language}") in meta["og:image:alt"][0]
    # The image named in the page is there, and is a card of this action.
    assert client.get(image).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_government_page_gives_its_own_image(client, language, government, actions_in_every_state):
    url, meta = get_in(client, language, "governments:detail", args=[government.slug])
    with translation.override(language):
        card = images.government_card(government, 2)  # the two published actions only
        image = reverse("sharing:government_image", args=[government.slug, card.version])
    assert meta["og:title"] == ["Ville de Partage"]
    assert meta["og:url"] == [f"http://testserver{url}"]
    assert meta["og:image"] == [f"http://testserver{image}"]
    assert "Ville de Partage" in meta["og:image:alt"][0]
    assert client.get(image).status_code == 200


def test_the_action_image_address_follows_the_language_of_the_content(client):
    action = ActionFactory(published=True, title_en="Welcome desk", title_fr="Guichet d'accueil")
    _, english = get_in(client, "en", "actions:detail", args=[action.public_id, action.slug])
    _, french = get_in(client, "fr", "actions:detail", args=[action.public_id, action.slug])
    assert english["og:image"] != french["og:image"]
