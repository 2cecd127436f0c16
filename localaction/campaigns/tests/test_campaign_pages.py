"""The reviewers' campaign pages (freeze, request a package, the list of packages and their downloads) and the
packages published on the public campaign page."""
import pytest
from django.urls import reverse

from localaction.reports.models import GeneratedFile

from .. import services
from .factories import build, campaign, gcm_action, gcr_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(personas):
    imrf = campaign(name_en="IMRF 2026")
    gcm_action(personas.government_a, imrf)
    gcr_action(personas.government_b, imrf)
    services.freeze(imrf, by=personas.reviewer)
    return imrf


def detail_url(imrf):
    return reverse("campaigns_workspace:detail", args=[imrf.slug])


def test_the_list_shows_each_campaigns_window_counts_and_snapshot(client_for, frozen):
    other = campaign(name_en="GRF 2027")
    page = client_for("reviewer").get(reverse("campaigns_workspace:list")).content.decode()
    assert f'<a href="{detail_url(frozen)}">IMRF 2026</a>' in page
    assert "Frozen on" in page and "2 actions" in page
    assert f'<a href="{detail_url(other)}">GRF 2027</a>' in page and "Not frozen" in page


def test_an_unfrozen_campaign_offers_the_freeze_button_and_no_package(client_for):
    imrf = campaign()
    page = client_for("reviewer").get(detail_url(imrf)).content.decode()
    assert "Freeze the campaign now" in page
    assert "freeze the campaign first" in page and "Build the package" not in page


def test_a_reviewer_requests_a_package_and_sees_it_queued_with_who_asked(client_for, frozen, personas):
    client = client_for("reviewer")

    response = client.post(
        reverse("campaigns_workspace:request_package", args=[frozen.slug]),
        {"recipient": "unhcr", "language": "en"}, follow=True,
    )

    page = response.content.decode()
    assert "The package is queued" in page
    generated = GeneratedFile.objects.get()
    assert (generated.kind, generated.parameters, generated.requested_by) == ("handover", {"recipient": "unhcr"}, personas.reviewer)
    assert "Queued" in page and personas.reviewer.full_name in page
    assert '<meta http-equiv="refresh" content="10">' in page
    assert '<meta http-equiv="refresh"' not in client.get(detail_url(frozen) + "?refresh=off").content.decode()


def test_a_request_without_recipient_is_refused_with_the_reason(client_for, frozen):
    response = client_for("reviewer").post(
        reverse("campaigns_workspace:request_package", args=[frozen.slug]), {"language": "en"}
    )
    assert response.status_code == 400
    assert 'id="id_recipient_error"' in response.content.decode()
    assert not GeneratedFile.objects.exists()


def test_a_building_package_shows_its_progress(client_for, frozen, personas):
    generated = services.request_handover(frozen, "un_network", personas.reviewer)
    GeneratedFile.objects.filter(pk=generated.pk).update(status="building", progress=45, message="Laying out the compendium")

    page = client_for("reviewer").get(detail_url(frozen)).content.decode()

    assert '<progress max="100" value="45"' in page and "Laying out the compendium" in page


def test_a_ready_package_is_downloaded_by_reviewers(client_for, frozen, personas):
    generated = build(frozen, "un_network", personas.reviewer)
    client = client_for("reviewer")

    page = client.get(detail_url(frozen)).content.decode()
    download = reverse("campaigns_workspace:download", args=[generated.pk])
    assert f'href="{download}"' in page

    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"handover-{frozen.slug}-un-network-en" in response["Content-Disposition"]
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert client_for("member_a").get(download).status_code == 403


def test_a_failed_package_shows_the_reason_and_no_download(client_for, frozen, personas):
    generated = services.request_handover(frozen, "un_network", personas.reviewer)
    GeneratedFile.objects.filter(pk=generated.pk).update(status="failed", message="No space left on device")

    page = client_for("reviewer").get(detail_url(frozen)).content.decode()

    assert "No space left on device" in page
    assert reverse("campaigns_workspace:download", args=[generated.pk]) not in page
    assert client_for("reviewer").get(reverse("campaigns_workspace:download", args=[generated.pk])).status_code == 404


def test_published_packages_are_linked_and_downloadable_from_the_public_campaign_page(client, client_for, frozen, personas):
    public = build(frozen, "unhcr", personas.reviewer, is_public=True)
    private = build(frozen, "un_network", personas.reviewer)
    campaign_page = reverse("figures:campaign", args=[frozen.slug])

    page = client.get(campaign_page).content.decode()

    public_url = reverse("campaigns:file", args=[frozen.slug, public.pk])
    assert f'href="{public_url}"' in page and public.sha256 in page
    assert reverse("campaigns:file", args=[frozen.slug, private.pk]) not in page
    assert client.get(public_url).status_code == 200
    assert client.get(reverse("campaigns:file", args=[frozen.slug, private.pk])).status_code == 404
    other = campaign()
    assert client.get(reverse("campaigns:file", args=[other.slug, public.pk])).status_code == 404

    client_for("reviewer").post(reverse("campaigns_workspace:publish", args=[private.pk]), {"public": "1"})
    client.logout()
    assert reverse("campaigns:file", args=[frozen.slug, private.pk]) in client.get(campaign_page).content.decode()
    client_for("reviewer").post(reverse("campaigns_workspace:publish", args=[public.pk]), {"public": "0"})
    client.logout()
    assert client.get(public_url).status_code == 404


def test_the_snapshot_page_lists_the_frozen_actions_and_their_recipients(client_for, frozen):
    page = client_for("reviewer").get(reverse("campaigns_workspace:snapshot", args=[frozen.slug])).content.decode()
    assert "UN Network on Migration" in page and "UNHCR" in page
    for entry in frozen.snapshot.entries.all():
        assert f"<code>{entry.public_id}</code>" in page
