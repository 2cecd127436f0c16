"""The government profile's figures partial and its template tag."""
import pytest
from django.template.loader import render_to_string

from localaction.factories import GovernmentFactory

pytestmark = pytest.mark.django_db


def test_the_partial_shows_the_pledges_the_government_leads(dataset):
    html = render_to_string("figures/_government_figures.html", {"government": dataset.france})

    assert '<h2 id="figures-title">Pledges in figures</h2>' in html
    assert "50.0% (1 of 2 pledges fulfilled)" in html
    assert '<th scope="row">Migrants</th><td class="num">120</td>' in html
    assert '<td class="num">2,400</td>' in html  # 2,000 EUR at 1.20
    assert '<td class="num">7,500</td>' not in html  # the co-pledged Canadian pledge is Canada's


def test_the_partial_is_empty_for_a_government_without_published_pledges(db):
    html = render_to_string("figures/_government_figures.html", {"government": GovernmentFactory()})

    assert html.strip() == ""


def test_the_template_tag_gives_the_figures_to_the_template(dataset):
    from django.template import Context, Template

    template = Template("{% load figures %}{% government_figures government as figures %}{{ figures.count }}")

    assert template.render(Context({"government": dataset.canada})) == "2"
