"""Back-office pages of governments: registering and joining, the reviewers' queue of requests, members and
invitations. Views parse input, call one service and render or redirect; the services check who may do what."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles

from . import services
from .access import FOCAL_POINT_ONLY, get_government_for_member
from .forms import DecisionForm, GovernmentSearchForm, InvitationForm, JoinForm, RegistrationForm
from .models import Government, GovernmentRequest, Invitation, Membership

SEARCH_RESULTS = 25


def paginate(request, queryset):
    return Paginator(queryset, settings.LOCALACTION_PAGE_SIZE).get_page(request.GET.get("page"))


def post_only(request):
    """405 for anything but POST, answered after the access checks so strangers still get their 404/403."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


# ---------------------------------------------------------------- the user's own governments and requests


@login_required
def my_governments(request):
    memberships = request.user.memberships.select_related("government__country").order_by("government__name")
    government_requests = request.user.government_requests.select_related("government").order_by("-created_at")
    return render(
        request, "governments/workspace/my_governments.html",
        {"memberships": memberships, "government_requests": government_requests},
    )


@login_required
def register(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        government_request = services.request_registration(request.user, **form.service_arguments())
        messages.success(request, _(
            "%(government)s is registered. A reviewer will verify it; until then nothing it writes can be published."
        ) % {"government": government_request.government.name})
        return redirect("governments_workspace:my_governments")
    return render(request, "governments/workspace/register.html", {"form": form})


@login_required
def join(request):
    """Search verified governments (GET), pick one (GET ?government=slug), then ask to join it (POST)."""
    search = GovernmentSearchForm(request.GET or None)
    results = None
    if search.is_valid() and search.cleaned_data["q"].strip():
        results = (
            Government.objects.public().filter(name__icontains=search.cleaned_data["q"].strip())
            .select_related("country").order_by("name")[:SEARCH_RESULTS]
        )
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_join(request.user, data["government"], data["role"], data["position"], data["message"])
            except services.GovernmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your request to join %(government)s was sent to the reviewers.") % {"government": data["government"].name},
                )
                return redirect("governments_workspace:my_governments")
        chosen = form.cleaned_data.get("government") if form.is_bound else None
    else:
        chosen = Government.objects.public().filter(slug=request.GET.get("government", "")).first()
        form = JoinForm(initial={"government": chosen.slug}) if chosen else None
    member_of = set(request.user.memberships.values_list("government_id", flat=True))
    return render(
        request, "governments/workspace/join.html",
        {"search": search, "results": results, "chosen": chosen, "form": form, "member_of": member_of},
    )


# ---------------------------------------------------------------- reviewers


@role_required(Roles.REVIEWER)
def request_queue(request):
    pending = (
        GovernmentRequest.objects.filter(status=GovernmentRequest.Status.PENDING)
        .select_related("user", "government__country").order_by("created_at", "id")
    )
    page = paginate(request, pending)
    for government_request in page:
        # One form per request on the page; distinct ids keep each label tied to its own box.
        government_request.decision_form = DecisionForm(auto_id=f"request-{government_request.pk}-%s")
    return render(request, "governments/workspace/requests.html", {"page": page})


@role_required(Roles.REVIEWER)
def request_decide(request, pk):
    government_request = get_object_or_404(
        GovernmentRequest.objects.select_related("user", "government__country", "decided_by"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == DecisionForm.Decision.APPROVE:
                services.approve_request(government_request, by=request.user)
                done = _("The request about %(government)s was approved.")
            else:
                services.decline_request(government_request, by=request.user, reason=form.cleaned_data["reason"])
                done = _("The request about %(government)s was declined.")
        except services.GovernmentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done % {"government": government_request.government.name})
        return redirect("governments_workspace:requests")
    return render(request, "governments/workspace/request_decide.html", {"government_request": government_request, "form": form})


# ---------------------------------------------------------------- members and invitations


def render_members(request, government, membership, invitation_form=None, status=200):
    is_focal_point = membership.role == Membership.Role.FOCAL_POINT
    context = {
        "government": government,
        "membership": membership,
        "is_focal_point": is_focal_point,
        "memberships": government.memberships.select_related("user").order_by("role", "user__full_name", "user__email"),
    }
    if is_focal_point:
        context["invitation_form"] = invitation_form or InvitationForm()
        context["invitation_days"] = settings.LOCALACTION_INVITATION_DAYS
        context["invitations"] = services.pending_invitations().filter(government=government).select_related("invited_by")
    return render(request, "governments/workspace/members.html", context, status=status)


@login_required
def members(request, slug):
    government, membership = get_government_for_member(request, slug)
    return render_members(request, government, membership)


@login_required
def invite(request, slug):
    government, membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    if refused := post_only(request):
        return refused
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invite(government, form.cleaned_data["email"], form.cleaned_data["role"], by=request.user)
        except services.GovernmentError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
            return redirect("governments_workspace:members", slug=government.slug)
    return render_members(request, government, membership, invitation_form=form)


@login_required
def invitation_revoke(request, slug, pk):
    government, _membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    invitation = get_object_or_404(Invitation, pk=pk, government=government)
    if refused := post_only(request):
        return refused
    try:
        services.revoke_invitation(invitation, by=request.user)
    except services.GovernmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
    return redirect("governments_workspace:members", slug=government.slug)


@login_required
def member_remove(request, slug, pk):
    """GET asks for confirmation; POST removes the member."""
    government, _membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    target = get_object_or_404(Membership.objects.select_related("user"), pk=pk, government=government)
    if request.method != "POST":
        return render(request, "governments/workspace/member_remove.html", {"government": government, "target": target})
    try:
        services.remove_member(target, by=request.user)
    except services.GovernmentError as error:
        messages.error(request, str(error))
        return redirect("governments_workspace:members", slug=government.slug)
    messages.success(
        request,
        _("%(person)s is no longer a member of %(government)s.")
        % {"person": target.user.get_full_name(), "government": government.name},
    )
    if target.user_id == request.user.pk:
        return redirect("governments_workspace:my_governments")
    return redirect("governments_workspace:members", slug=government.slug)


def invitation_accept(request, token):
    """The link of an invitation e-mail. Signed-out visitors are asked to sign in or sign up and come back;
    the invited person then sees the government and role and accepts with a POST."""
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(request, "governments/workspace/invitation_invalid.html", {"error": str(error)}, status=410)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.path)
        return render(request, "governments/workspace/invitation_accept.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            membership = services.accept_invitation(token, request.user)
        except services.InvitationError as error:
            return render(request, "governments/workspace/invitation_invalid.html", {"error": str(error)}, status=410)
        messages.success(request, _("Welcome to %(government)s.") % {"government": membership.government.name})
        return redirect("governments_workspace:members", slug=membership.government.slug)
    try:
        services.check_invitee(invitation, request.user)
        problem = None
    except services.InvitationError as error:
        problem = str(error)
    return render(request, "governments/workspace/invitation_accept.html", {"invitation": invitation, "problem": problem})
