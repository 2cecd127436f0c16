"""Jobs of the governments app (run by `manage.py runjobs`)."""
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from localaction.notifications.tasks import absolute, render_email, send_email

from .models import Invitation


def send_invitation_email(invitation_id, token):
    """E-mail an invitation link, in the inviter's language (the invited person has no account, hence no
    language, yet). The raw token comes in the job's payload because the database keeps only its hash.
    Nothing is sent for an invitation revoked, used or expired before the job ran."""
    invitation = Invitation.objects.select_related("government", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or invitation.revoked_at or invitation.accepted_at or invitation.expires_at <= timezone.now():
        return
    language = invitation.invited_by.language if invitation.invited_by else settings.LANGUAGE_CODE
    with translation.override(language):
        url = absolute(reverse("governments_workspace:invitation_accept", args=[token]))
    context = {
        "invitation": invitation,
        "government": invitation.government,
        "inviter": invitation.invited_by,
        "role": invitation.get_role_display,
        "url": url,
        "expires_at": invitation.expires_at,
    }
    subject, text, html = render_email("governments/email/invitation", language, context)
    send_email(invitation.email, subject, text, html)
