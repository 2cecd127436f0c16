"""The PDF renderer: shipped fonts only, no network, reproducible bytes."""
from datetime import date

import pytest
from django.conf import settings

from localaction.reports import pdf
from localaction.reports.charts import count_chart

from .helpers import font_names, page_text, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("needs_weasyprint")]


def test_the_fetcher_serves_our_static_files_and_data_uris_only():
    fetcher = pdf.fetcher_class()()
    font = fetcher.fetch(pdf.site_url() + "static/fonts/DejaVuSans.ttf")
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font, read from the project's static folder
    assert fetcher.fetch("data:text/plain;base64,aGVsbG8=").read() == b"hello"
    for url in (
        "https://example.org/static/fonts/DejaVuSans.ttf",  # another host
        "http://127.0.0.1:9/secret",
        pdf.site_url() + "media/declarations/letter.pdf",  # our site, but not a static file
        pdf.site_url() + "static/../settings.py",
        "file:///etc/passwd",
        "ftp://example.org/file",
    ):
        with pytest.raises(pdf.ResourceRefused):
            fetcher.fetch(url)


def test_the_print_stylesheet_and_its_fonts_ship_with_the_project():
    assert pdf.static_file(pdf.site_url() + "static/css/print.css").is_file()
    fonts = settings.BASE_DIR / "localaction" / "static" / "fonts"
    assert (fonts / "DejaVu-LICENSE.txt").read_text().count("Bitstream")
    assert {path.name for path in fonts.glob("*.ttf")} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}


def test_a_pdf_uses_only_the_shipped_font_even_in_svg(tmp_path):
    target = tmp_path / "out.pdf"
    pdf.render_pdf(
        "reports/pdf/compendium.html",
        {"title": "Fonts", "total": 3, "charts": [count_chart("c", "A chart", [("Alpha", 2), ("Beta", 1)], item_header="Item")],
         "sections": []},
        target, language="fr", title="Fonts",
    )
    document = reader(target)
    assert font_names(document) and all("Local-Action-Sans" in name for name in font_names(document))
    assert "Fonts" in page_text(document)


def test_a_pdf_never_fetches_what_its_content_points_to(settings, tmp_path, caplog):
    (tmp_path / "remote.html").write_text(
        '{% extends "reports/pdf/_document.html" %}{% block body %}<h1>Remote</h1>'
        '<img src="https://example.org/tracker.png" alt=""><img src="/media/declarations/letter.png" alt="">'
        '<link rel="stylesheet" href="http://example.org/evil.css">{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    pdf.render_pdf("remote.html", {}, tmp_path / "remote.pdf", language="en", title="Remote")
    assert "Remote" in page_text(reader(tmp_path / "remote.pdf"))
    refused = [record.getMessage() for record in caplog.records if "static files" in str(record.exc_info) + record.getMessage()]
    assert any("example.org/tracker.png" in message for message in refused)


def test_the_same_content_and_dates_give_the_same_bytes(tmp_path):
    context = {"title": "Réunion à Montréal — Año", "total": 0, "charts": [], "sections": []}
    for name in ("a.pdf", "b.pdf"):
        pdf.render_pdf("reports/pdf/compendium.html", context, tmp_path / name, language="es", title="Año",
                       created=date(2026, 5, 1))
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    document = reader(tmp_path / "a.pdf")
    assert document.metadata.creation_date.date() == date(2026, 5, 1)
    assert document.metadata.title == "Año"
    assert "Réunion à Montréal — Año" in page_text(document)
