"""The relay's pages: writing to a government from one of its action pages (public URL, signed-in writers),
the conversations of the writer and of the government contacted (workspace), and the reviewers' relay log,
blocks and verified partners.

A conversation is reached only by its writer and the members of the government contacted; anyone else gets a
404, reviewers included: they read the relay through the log, which says that they can.
"""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.governments.models import Membership

from . import services
from .forms import BlockForm, ContactForm, PartnerForm, ReplyForm
from .models import BlockedSender, ContactMessage, VerifiedPartner

PAGE_SIZE = 50


# ---------------------------------------------------------------- writing to a government


@login_required
def contact_new(request, public_id):
    """The form to write to the lead government of a published action; 429 when over the rate limit."""
    action = get_object_or_404(Action.objects.published().select_related("government"), public_id=public_id)
    identities = services.sender_identities(request.user, action.government)
    if not identities:
        raise PermissionDenied
    if services.is_blocked(request.user):
        return render(request, "contact/blocked.html", {"action": action}, status=403)
    form = ContactForm(request.POST or None, identities=identities)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            message = services.send_message(request.user, action, data["on_behalf"], data["subject"], data["body"])
        except services.RateLimited as refused:
            services.record_refusal(request.user, action.government, "rate_limited")
            form.add_error(None, str(refused))
            status = 429
        else:
            messages.success(request, _("Your message was sent to %(government)s. Their answer will reach you by e-mail "
                                        "and in your workspace; your e-mail address has not been shared.")
                             % {"government": action.government.name})
            return redirect(message)
    return render(request, "contact/contact_form.html", {"action": action, "form": form, "identities": identities, "per_hour": services.limits()[0]},
                  status=status)


# ---------------------------------------------------------------- conversations


@login_required
def inbox(request):
    """The conversations the user wrote, and those addressed to their governments."""
    governments = Membership.objects.filter(user=request.user).values("government")
    conversations = (
        ContactMessage.objects.filter(Q(sender=request.user) | Q(government__in=governments))
        .select_related("government", "action").annotate(answers=Count("replies")).order_by("-created_at", "-pk")
    )
    page = Paginator(conversations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "contact/workspace/inbox.html", {"page": page})


def get_conversation(request, pk):
    """(message, role) for its writer or a member of the government contacted; 404 for anyone else."""
    message = get_object_or_404(ContactMessage.objects.select_related("government", "action__government"), pk=pk)
    role = services.thread_role(request.user, message)
    if role is None:
        raise Http404
    return message, role


@login_required
def thread(request, pk):
    """One conversation and the form to answer it."""
    message, role = get_conversation(request, pk)
    form = ReplyForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(message, request.user, form.cleaned_data["body"])
        except services.RateLimited as refused:
            services.record_refusal(request.user, message.government, "rate_limited")
            form.add_error(None, str(refused))
            status = 429
        except services.ContactRefused as refused:
            form.add_error(None, str(refused))
            status = 403
        else:
            messages.success(request, _("Your answer was sent."))
            return redirect(message)
    return render(request, "contact/workspace/thread.html", {
        "message": message, "role": role, "replies": message.replies.all(), "form": form,
    }, status=status)


# ---------------------------------------------------------------- reviewers


@role_required(Roles.REVIEWER)
def log(request):
    """Every relayed message, newest first, filterable by sender."""
    sender = None
    if request.GET.get("sender", "").isdigit():
        sender = get_user_model().objects.filter(pk=request.GET["sender"]).first()
    entries = services.relay_log(sender).annotate(answers=Count("replies"))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    blocked = BlockedSender.objects.filter(user=sender).first() if sender is not None else None
    return render(request, "contact/workspace/log.html", {
        "page": page, "sender": sender, "blocked": blocked, "block_form": BlockForm(),
        "blocks": BlockedSender.objects.select_related("user", "blocked_by").order_by("-blocked_at"),
    })


@role_required(Roles.REVIEWER)
def log_detail(request, pk):
    """One conversation as the reviewers see it: both sides' texts, and to how many people it was e-mailed."""
    message = get_object_or_404(ContactMessage.objects.select_related("sender", "sender_government", "government", "action"), pk=pk)
    return render(request, "contact/workspace/log_detail.html", {
        "message": message, "replies": message.replies.select_related("author"),
        "deliveries": message.deliveries.count(), "blocked": BlockedSender.objects.filter(user=message.sender).first(),
        "block_form": BlockForm(),
    })


@role_required(Roles.REVIEWER)
@require_POST
def block(request, user_id):
    """Block a sender (with a reason) or, with `unblock`, let them use the relay again."""
    user = get_object_or_404(get_user_model(), pk=user_id)
    if "unblock" in request.POST:
        services.unblock_sender(user, request.user)
        messages.success(request, _("The sender can use the relay again."))
    else:
        form = BlockForm(request.POST)
        if form.is_valid():
            services.block_sender(user, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The sender is blocked from the relay."))
        else:
            messages.error(request, _("Give the reason for blocking."))
    return redirect(f"{reverse('contact_workspace:log')}?sender={user.pk}")


@role_required(Roles.REVIEWER)
def partners(request):
    """Verified partner organisations: the list, and the form to verify one more."""
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.verify_partner(form.cleaned_data["email"], form.cleaned_data["organisation"], request.user)
        messages.success(request, _("The partner is verified: they can now contact governments."))
        return redirect("contact_workspace:partners")
    listed = VerifiedPartner.objects.select_related("user", "verified_by")
    return render(request, "contact/workspace/partners.html", {"form": form, "partners": listed})


@role_required(Roles.REVIEWER)
@require_POST
def partner_toggle(request, pk):
    """Suspend a verified partner, or restore them."""
    partner = get_object_or_404(VerifiedPartner, pk=pk)
    services.set_partner_active(partner, not partner.active, request.user)
    return redirect("contact_workspace:partners")
