"""An interface language without content columns (Arabic, written right to left) needs a catalog and a setting,
not code: this builds a small Arabic catalog, adds "ar" to LANGUAGES the way LOCALACTION_EXTRA_LANGUAGES does, and
reads the public pages in it."""
import html
import re

import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from localaction.actions.models import Action
from localaction.core.translation import LANGUAGE_CODES, current_language, page_language
from localaction.factories import ActionFactory
from localaction.settings import CONTENT_LANGUAGES, interface_languages

pytestmark = pytest.mark.django_db

ARABIC = {
    "Skip to main content": "انتقل إلى المحتوى الرئيسي",
    "Actions and pledges": "الإجراءات والتعهدات",
}


@pytest.fixture
def arabic(tmp_path):
    """Arabic as a fourth interface language, with a catalog that exists only in this test's folder."""
    folder = tmp_path / "locale" / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = polib.POFile()
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "ar",
        "Plural-Forms": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
                        "n%100>=11 && n%100<=99 ? 4 : 5;",
    }
    for msgid, msgstr in ARABIC.items():
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalog.save(str(folder / "django.po"))
    polib.pofile(str(folder / "django.po")).save_as_mofile(str(folder / "django.mo"))
    languages = interface_languages(CONTENT_LANGUAGES, ["ar"])
    # override_settings sends setting_changed, which empties Django's catalog and language caches; ours read the
    # setting at call time. Pages cached before (or during) the test were made with other languages on offer.
    cache.clear()
    with override_settings(LANGUAGES=languages, LOCALE_PATHS=[tmp_path / "locale", *settings.LOCALE_PATHS]):
        yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def action():
    return ActionFactory(published=True, kind=Action.Kind.PLEDGE, title_en="Welcome desk & <shelter> for arrivals")


def in_english(page, text):
    """True when `text` sits directly in an element marked lang="en"."""
    return re.search(r'<[a-z0-9]+[^>]*\slang="en"[^>]*>\s*' + re.escape(html.escape(text)), page) is not None


def urls_in(language, action):
    with translation.override(language):
        return {
            "home": reverse("core:home"),
            "catalog": reverse("actions:list"),
            "action": action.get_absolute_url(),
            "government": action.government.get_absolute_url(),
        }


def test_the_extra_language_is_listed_after_the_content_languages():
    languages = interface_languages(CONTENT_LANGUAGES, ["ar", "fr"])
    assert [code for code, _name in languages] == ["en", "fr", "es", "ar"]
    assert str(dict(languages)["ar"]) == "Arabic"


def test_an_unknown_extra_language_stops_the_start_up():
    with pytest.raises(ImproperlyConfigured, match="'xx'"):
        interface_languages(CONTENT_LANGUAGES, ["xx"])


def test_content_stays_in_the_content_languages(arabic):
    assert LANGUAGE_CODES == ("en", "fr", "es")
    with translation.override("ar"):
        assert page_language() == "ar"
        assert current_language() == settings.LANGUAGE_CODE


def test_content_on_an_arabic_page_is_a_fallback(arabic, action):
    with translation.override("ar"):
        title = action.t.title
    assert (title.text, title.language, title.is_fallback) == (action.title_en, "en", True)
    with translation.override("en"):
        assert not action.t.title.is_fallback


@pytest.mark.parametrize("page", ["home", "catalog", "action", "government"])
def test_public_pages_answer_in_arabic_right_to_left(client, arabic, action, page):
    url = urls_in("ar", action)[page]
    assert url.startswith("/ar/")
    response = client.get(url)
    assert response.status_code == 200, url
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert ARABIC["Skip to main content"] in content
    assert ARABIC["Actions and pledges"] in content
    if page != "home":
        assert in_english(content, action.title_en), "English content on an Arabic page must say its language"
    # The switcher offers Arabic, in its own name, and marks it as the current language.
    assert re.search(r'<a href="/ar/[^"]*" lang="ar" hreflang="ar" aria-current="true">', content)
    assert 'hreflang="ar" href="http://testserver/ar/' in content


def test_the_other_languages_are_unaffected(client, arabic, action):
    for page, url in urls_in("fr", action).items():
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert '<html lang="fr">' in content, page
        assert "dir=" not in content.split("<head>")[0], page
        assert ARABIC["Skip to main content"] not in content, page
        # The switcher offers Arabic from the French page too.
        assert re.search(r'<a href="/ar/[^"]*" lang="ar" hreflang="ar">', content), page
        if page != "home":
            assert in_english(content, action.title_en), page


def test_without_the_setting_there_is_no_arabic(client, action):
    assert "ar" not in dict(settings.LANGUAGES)
    assert client.get("/ar/").status_code == 404
    assert 'hreflang="ar"' not in client.get(urls_in("en", action)["home"]).content.decode()


SECTIONS = ["", "actions/", "governments/", "insights/", "insights/map/", "data/", "data/api/", "fund/", "events/",
            "resources/", "reports/", "declaration/", "accounts/login/", "accounts/signup/", "contact/"]


def test_every_section_answers_in_arabic_as_it_does_in_english(client, arabic, action):
    """Nothing on the way reads a column named after the page language (title_ar) or offers a choice of it."""
    paths = [*SECTIONS, action.get_absolute_url()[len("/en/"):], action.government.get_absolute_url()[len("/en/"):]]
    for path in paths:
        english = client.get(f"/en/{path}")
        arabic_page = client.get(f"/ar/{path}")
        assert arabic_page.status_code == english.status_code, path
        if arabic_page.status_code == 200 and arabic_page["Content-Type"].startswith("text/html"):
            assert '<html lang="ar" dir="rtl">' in arabic_page.content.decode(), path


def test_forms_offer_arabic_for_the_interface_only(client, arabic):
    from localaction.factories import MembershipFactory

    membership = MembershipFactory()
    client.force_login(membership.user)
    with translation.override("ar"):
        create = reverse("actions_workspace:create", args=[membership.government.slug])
        signup = reverse("accounts:signup")
    # The language an action is written in is a content language: there is no column for Arabic text.
    response = client.get(create)
    assert response.status_code == 200
    assert '<option value="ar"' not in response.content.decode()
    # The preferred language of e-mails and pages is an interface language, proposed in the page's language.
    client.logout()
    response = client.get(signup)
    assert response.status_code == 200
    assert '<option value="ar" selected>' in response.content.decode()


def test_the_embeddable_snippet_is_right_to_left_in_arabic(client, arabic, action):
    with translation.override("ar"):
        arabic_snippet = client.get(reverse("sharing:government_snippet", args=[action.government.slug]))
    with translation.override("fr"):
        french_snippet = client.get(reverse("sharing:government_snippet", args=[action.government.slug]))

    assert arabic_snippet.status_code == french_snippet.status_code == 200
    assert '<div class="localaction-widget" lang="ar" dir="rtl">' in arabic_snippet.content.decode()
    assert in_english(arabic_snippet.content.decode(), action.title_en)
    assert '<div class="localaction-widget" lang="fr">' in french_snippet.content.decode()
