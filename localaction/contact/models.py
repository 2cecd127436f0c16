"""Messages relayed between governments without exposing addresses.

A member of a verified government (or a verified partner organisation) writes to another government about one
of its published actions. The platform e-mails the text to that government's focal points, naming the writer and
their government or organisation but never their address; recipients read and answer on a workspace page, and
each answer is e-mailed back the same way. Whoever answers from the receiving side reveals their own address
(their answer carries it as Reply-To); only then is the writer's address revealed to them in turn.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class VerifiedPartner(models.Model):
    """A person speaking for an organisation (UN agency, NGO, network) whom the reviewers have verified, so they
    may contact governments through the platform without belonging to one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="verified_partner"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verified by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("verified partner")
        verbose_name_plural = _("verified partners")

    def __str__(self):
        return self.organisation


class BlockedSender(models.Model):
    """A person the reviewers have barred from the relay (abuse); unblocking deletes the row, the log keeps both."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="contact_block"
    )
    reason = models.TextField(_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("blocked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    blocked_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked sender")
        verbose_name_plural = _("blocked senders")

    def __str__(self):
        return str(self.user_id)


class ContactMessage(models.Model):
    """The first message of a conversation: who wrote, for whom (government or partner organisation), to which
    government, about which action. Answers follow as ContactReply rows."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be e-mailed")
        RELAYED = "relayed", _("E-mailed to the government")
        ANSWERED = "answered", _("Answered")

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("sender"), on_delete=models.CASCADE, related_name="contact_messages")
    sender_government = models.ForeignKey(
        "governments.Government", verbose_name=_("sender's government"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender_partner = models.ForeignKey(
        VerifiedPartner, verbose_name=_("sender's organisation"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name shown to the recipients, kept as sent: a later rename of the person or the body changes nothing.
    sender_name = models.CharField(_("sender's name"), max_length=200)
    sender_organisation = models.CharField(_("on behalf of"), max_length=200)
    government = models.ForeignKey(
        "governments.Government", verbose_name=_("government contacted"), on_delete=models.CASCADE, related_name="contact_messages"
    )
    action = models.ForeignKey(
        "actions.Action", verbose_name=_("about the action"), null=True, on_delete=models.SET_NULL, related_name="contact_messages"
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    relayed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["sender", "created_at"], name="contact_sender_time")]
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("contact_workspace:thread", args=[self.pk])


class ContactReply(models.Model):
    """An answer in a conversation, by the writer or by a member of the government contacted."""

    message = models.ForeignKey(ContactMessage, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(_("author's name"), max_length=200)
    from_government = models.BooleanField(_("from the government contacted"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.message_id}: {self.author_name}"


class Delivery(models.Model):
    """One e-mail of the relay to one person. The job that sends it marks it sent, so a retried job never sends it
    twice; `reply_to` is the address the person may answer to directly, set only once its owner revealed it."""

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="deliveries")
    reply = models.ForeignKey(ContactReply, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reply_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("e-mail of the relay")
        verbose_name_plural = _("e-mails of the relay")

    def __str__(self):
        return f"{self.message_id} → {self.recipient_id}"
