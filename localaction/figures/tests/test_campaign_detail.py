"""The public campaign page: a campaign's pledges in figures, in each language."""
import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_it_shows_the_campaigns_figures_and_links_to_its_actions_in_the_catalog(client, dataset):
    response = client.get(reverse("figures:campaign", args=["first"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1><span>First cohort</span></h1>" in html
    assert f'href="{reverse("actions:list")}?campaign=first"' in html
    assert "<caption>Pledges by stage</caption>" in html
    assert "40.0% (2 of 5 pledges fulfilled)" in html
    assert '<th scope="row">Refugees</th><td class="num">230</td>' in html
    assert '<td class="num">1,360</td>' in html  # people reached, in all
    assert '<td class="num">13,450</td>' in html  # committed, in US dollars
    assert '<td class="num">5,130</td>' in html  # spent: 5,129.99 shown in whole dollars
    assert '<th scope="row">COP</th><td class="num">5,000,000</td>' in html
    assert "No exchange rate is stored for COP." in html


@pytest.mark.parametrize(
    "language, name, committed, heading",
    [
        ("en", "First cohort", "13,450", "Pledges by stage"),
        ("fr", "Première cohorte", "13\xa0450", None),
        ("es", "Primera cohorte", "13\xa0450", None),
    ],
)
def test_it_renders_in_each_language_with_numbers_formatted_for_it(client, dataset, language, name, committed, heading):
    with translation.override(language):
        url = reverse("figures:campaign", args=["first"])

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert name in html
    assert f'<td class="num">{committed}</td>' in html
    if heading:
        assert heading in html


def test_a_campaign_without_published_pledges_says_so(client, db):
    from localaction.factories import CampaignFactory

    CampaignFactory(slug="empty", name_en="Empty")

    response = client.get(reverse("figures:campaign", args=["empty"]))

    assert response.status_code == 200
    assert "No pledge of this campaign has been published yet." in response.content.decode()


def test_an_unknown_campaign_is_not_found(client, db):
    assert client.get(reverse("figures:campaign", args=["no-such-campaign"])).status_code == 404


def test_the_page_needs_a_fixed_number_of_queries(client, dataset, django_assert_max_num_queries):
    url = reverse("figures:campaign", args=["first"])

    with django_assert_max_num_queries(8):  # session-free visitor: campaign + five for the figures + slack
        assert client.get(url).status_code == 200
