"""Share links on action and government pages: plain links carrying the address, the title and the hashtags."""
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.utils import translation

from localaction.factories import ActionFactory
from localaction.sharing.links import DEFAULT_HASHTAGS

pytestmark = pytest.mark.django_db


def share_section(response):
    tree = lxml.html.fromstring(response.content)
    (section,) = tree.xpath("//section[@aria-labelledby='share-title']")
    return section


def share_links(response):
    """{visible name: <a>} of the page's share links."""
    return {link.text_content().strip(): link for link in share_section(response).xpath(".//a")}


def query(link):
    return parse_qs(urlsplit(link.get("href")).query)


@pytest.fixture
def action():
    return ActionFactory(published=True, title_en="Jobs & homes: #1 for all")


def test_the_action_page_offers_each_network_with_the_address_title_and_hashtags(client, action):
    response = client.get(action.get_absolute_url())
    links = share_links(response)
    assert set(links) == {"E-mail", "X", "LinkedIn", "Facebook", "WhatsApp"}
    address = f"http://testserver{action.get_absolute_url()}"
    tags = " ".join(f"#{tag}" for tag in DEFAULT_HASHTAGS)

    x = query(links["X"])
    assert urlsplit(links["X"].get("href")).netloc == "x.com"
    assert x == {"text": [action.title_en], "url": [address], "hashtags": [",".join(DEFAULT_HASHTAGS)]}

    mail = links["E-mail"].get("href")
    assert mail.startswith("mailto:?")
    assert parse_qs(mail.removeprefix("mailto:?")) == {"subject": [action.title_en], "body": [f"{action.title_en}\n\n{address}\n\n{tags}"]}

    assert query(links["LinkedIn"]) == {"url": [address]}
    assert query(links["Facebook"]) == {"u": [address], "hashtag": ["#LocalAction"]}
    assert query(links["WhatsApp"]) == {"text": [f"{action.title_en} {tags}\n{address}"]}


def test_titles_and_addresses_are_url_encoded(client, action):
    href = share_links(client.get(action.get_absolute_url()))["E-mail"].get("href")
    assert "Jobs%20%26%20homes%3A%20%231%20for%20all" in href  # spaces as %20, never "+", for mail programs
    assert "http%3A%2F%2Ftestserver%2Fen%2Factions%2F" in href


def test_links_say_where_they_lead_and_load_nothing_until_clicked(client, action):
    section = share_section(client.get(action.get_absolute_url()))
    labels = {link.text_content().strip(): link.get("aria-label") for link in section.xpath(".//a")}
    assert labels["LinkedIn"] == "Share on LinkedIn (opens another site)"
    assert labels["X"] == "Share on X (opens another site)"
    assert labels["E-mail"] == "Share by e-mail (opens your e-mail program)"
    assert section.xpath(".//script | .//img | .//iframe") == []
    assert all("noopener" in link.get("rel") for link in section.xpath(".//a"))


def test_the_hashtags_come_from_the_setting(client, action, settings):
    settings.LOCALACTION_SHARE_HASHTAGS = ["GRF2027", "#CitiesForRefugees"]
    x = query(share_links(client.get(action.get_absolute_url()))["X"])
    assert x["hashtags"] == ["GRF2027,CitiesForRefugees"]


def test_the_government_page_shares_its_own_address_in_its_language(client, government):
    with translation.override("es"):
        url = government.get_absolute_url()
    links = share_links(client.get(url + "?page=1"))
    assert query(links["LinkedIn"]) == {"url": [f"http://testserver{url}"]}
    assert query(links["X"])["text"] == ["Ville de Partage"]
