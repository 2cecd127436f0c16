"""The government page offers the widget's code to copy, without JavaScript."""
import lxml.html
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_government_page_shows_the_iframe_code_the_snippet_address_and_a_preview(client, government):
    page = client.get(government.get_absolute_url()).content
    assert b"&lt;iframe " in page  # shown as text to copy, not framed here
    tree = lxml.html.fromstring(page)
    widget = f"http://testserver{reverse('sharing:government_widget', args=[government.slug])}"
    snippet = f"http://testserver{reverse('sharing:government_snippet', args=[government.slug])}"

    (code,) = tree.xpath("//textarea[@id='widget-code-iframe']")
    assert code.get("readonly") is not None
    assert tree.xpath("//label[@for='widget-code-iframe']")
    iframe = lxml.html.fragment_fromstring(code.text)  # the text, once unescaped, is an <iframe> element
    assert iframe.tag == "iframe" and iframe.get("src") == widget
    assert "Ville de Partage" in iframe.get("title")

    (address,) = tree.xpath("//input[@id='widget-code-snippet']")
    assert address.get("value") == snippet and address.get("readonly") is not None
    assert tree.xpath("//label[@for='widget-code-snippet']")
    assert tree.xpath(f"//section[@aria-labelledby='widget-code-title']//a[@href='{widget}']")
