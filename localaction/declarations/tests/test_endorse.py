"""The focal point's endorsement page: the form, its checks on the letter and the date, and the status shown."""
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from localaction.declarations.models import Endorsement
from localaction.factories import GovernmentFactory, MembershipFactory
from localaction.governments.models import Membership

from .factories import PDF, EndorsementFactory, pdf_upload

pytestmark = pytest.mark.django_db


def url(government):
    return reverse("declarations_workspace:endorse", args=[government.slug])


def post_data(**overrides):
    data = {"signatory_name": "Amina Haddad", "signatory_title": "Mayor of Government A", "signed_on": "2019-06-20",
            "letter": pdf_upload()}
    data.update(overrides)
    return data


def test_a_focal_point_sees_the_form_with_a_hint_about_choosing_the_file_again(client_for, personas):
    page = client_for("member_a").get(url(personas.government_a)).content.decode()
    assert "Endorse the Declaration" in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="letter"' in page and 'accept="application/pdf,.pdf"' in page
    assert "choose the file again" in page
    assert "not endorsed the Declaration on this platform yet" in page


def test_a_focal_point_sends_an_endorsement_and_sees_it_waiting(client_for, personas):
    client = client_for("member_a")

    response = client.post(url(personas.government_a), post_data(), follow=True)

    assert response.redirect_chain == [(url(personas.government_a), 302)]
    endorsement = Endorsement.objects.get()
    assert (endorsement.signatory_name, endorsement.signatory_title) == ("Amina Haddad", "Mayor of Government A")
    assert endorsement.signed_on == datetime.date(2019, 6, 20)
    assert endorsement.status == Endorsement.Status.SUBMITTED
    page = response.content.decode()
    assert "Your endorsement was sent" in page
    assert "Waiting for verification" in page
    assert reverse("declarations_workspace:letter", args=[endorsement.pk]) in page
    assert 'name="letter"' not in page  # no second endorsement while this one is in play


def assert_refused_with_the_other_fields_kept(response, field, message):
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    # The message sits next to its field, and the summary links to the field.
    assert f'id="id_{field}_error">{message}' in page
    assert f'aria-invalid="true" aria-describedby="id_{field}_helptext id_{field}_error"' in page
    assert f'href="#id_{field}"' in page
    assert 'value="Amina Haddad"' in page
    assert 'value="Mayor of Government A"' in page
    assert not Endorsement.objects.exists()
    return page


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(client_for, personas):
    fake = SimpleUploadedFile("letter.pdf", b"MZ\x90\x00 an executable in disguise", content_type="application/pdf")
    response = client_for("member_a").post(url(personas.government_a), post_data(letter=fake))
    page = assert_refused_with_the_other_fields_kept(response, "letter", "This file is not a PDF.")
    assert 'value="2019-06-20"' in page


def test_a_letter_larger_than_the_limit_is_refused(client_for, personas, settings):
    settings.LOCALACTION_MAX_UPLOAD_BYTES = 1024
    large = pdf_upload(content=PDF + b"0" * 2048)
    response = client_for("member_a").post(url(personas.government_a), post_data(letter=large))
    page = assert_refused_with_the_other_fields_kept(response, "letter", "This file is")
    assert "the limit is 1.0\xa0KB" in page


def test_a_letter_is_required(client_for, personas):
    data = post_data()
    del data["letter"]
    response = client_for("member_a").post(url(personas.government_a), data)
    assert_refused_with_the_other_fields_kept(response, "letter", "This field is required.")


def test_a_date_in_the_future_is_refused(client_for, personas):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_for("member_a").post(url(personas.government_a), post_data(signed_on=tomorrow))
    page = assert_refused_with_the_other_fields_kept(response, "signed_on", "The date of signature cannot be in the future.")
    assert f'value="{tomorrow}"' in page


def test_a_date_before_the_declaration_was_adopted_is_refused(client_for, personas):
    response = client_for("member_a").post(url(personas.government_a), post_data(signed_on="2018-12-07"))
    page = assert_refused_with_the_other_fields_kept(response, "signed_on", "The Declaration was adopted on Dec. 8, 2018; the date of signature cannot be earlier.")
    assert 'value="2018-12-07"' in page


def test_the_day_of_adoption_is_accepted(client_for, personas):
    client_for("member_a").post(url(personas.government_a), post_data(signed_on="2018-12-08"))
    assert Endorsement.objects.get().signed_on == datetime.date(2018, 12, 8)


def test_a_verified_endorsement_is_shown_without_a_form(client_for, personas):
    EndorsementFactory(government=personas.government_a, verified=True)
    page = client_for("member_a").get(url(personas.government_a)).content.decode()
    assert "Verified" in page
    assert "on the public list of signatories" in page
    assert 'name="letter"' not in page


def test_a_rejected_endorsement_shows_the_reason_and_a_form_for_a_new_one(client_for, personas):
    EndorsementFactory(government=personas.government_a, rejected=True, reason="The letter is not signed.")
    page = client_for("member_a").get(url(personas.government_a)).content.decode()
    assert "Rejected" in page
    assert "The letter is not signed." in page
    assert "Send a new endorsement" in page
    assert 'name="letter"' in page


def test_sending_a_second_endorsement_while_one_is_in_play_is_refused(client_for, personas):
    EndorsementFactory(government=personas.government_a)
    response = client_for("member_a").post(url(personas.government_a), post_data(), follow=True)
    assert "already been sent" in response.content.decode()
    assert Endorsement.objects.count() == 1


def test_a_government_not_yet_verified_cannot_endorse(client):
    membership = MembershipFactory(government=GovernmentFactory(verified=False), role=Membership.Role.FOCAL_POINT)
    client.force_login(membership.user)
    page = client.get(url(membership.government)).content.decode()
    assert "not verified yet" in page
    assert 'name="letter"' not in page
    client.post(url(membership.government), post_data())
    assert not Endorsement.objects.exists()


def test_an_editor_is_refused_and_a_stranger_does_not_see_the_page(client_for, personas):
    assert client_for("editor_a").post(url(personas.government_a), post_data()).status_code == 403
    assert client_for("member_b").get(url(personas.government_a)).status_code == 404
    assert client_for("reviewer").get(url(personas.government_a)).status_code == 404
    assert not Endorsement.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("declarations_workspace:endorse", args=["government-a"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
