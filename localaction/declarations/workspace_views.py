"""Back office of the Declaration: a focal point endorses it for their government; reviewers verify."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.governments.access import FOCAL_POINT_ONLY, get_government_for_member

from . import services
from .forms import DecisionForm, EndorsementForm
from .models import Endorsement


@login_required
@require_http_methods(["GET", "POST"])
def endorse(request, slug):
    """The government's endorsement: its status, and the form while there is none in play (or it was rejected)."""
    government, _membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    if request.method == "POST":
        form = EndorsementForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.endorse(government, request.user, **form.cleaned_data)
            except services.TransitionError as error:
                # Only when the government may not endorse now (not verified, or one already in play): the page
                # then shows the status instead of the form, so there is no input to keep.
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you. Your endorsement was sent; a reviewer will verify the letter."))
            return redirect("declarations_workspace:endorse", slug=government.slug)
    else:
        form = EndorsementForm()
    current = services.current_endorsement(government)
    can_endorse = government.verified and (current is None or current.status == Endorsement.Status.REJECTED)
    return render(
        request, "declarations/workspace/endorse.html",
        {"government": government, "current": current, "can_endorse": can_endorse, "form": form},
    )


def _decision_prefix(endorsement_pk):
    # One form per row: the prefix keeps field ids unique on the page and ties a POST to its row.
    return f"endorsement-{endorsement_pk}"


def _render_queue(request, failed_pk=None, failed_form=None):
    endorsements = (
        Endorsement.objects.filter(status=Endorsement.Status.SUBMITTED)
        .select_related("government__country", "submitted_by")
        .order_by("created_at", "id")
    )
    rows = [
        (endorsement, failed_form if endorsement.pk == failed_pk else DecisionForm(prefix=_decision_prefix(endorsement.pk)))
        for endorsement in endorsements
    ]
    if failed_pk is not None and not any(endorsement.pk == failed_pk for endorsement, _form in rows):
        messages.error(request, _("This endorsement has already been decided."))
    return render(request, "declarations/workspace/queue.html", {"rows": rows})


@role_required(Roles.REVIEWER)
def queue(request):
    """Endorsements waiting for verification, oldest first."""
    return _render_queue(request)


@role_required(Roles.REVIEWER)
@require_POST
def decide(request, pk):
    """Verify or reject one endorsement; a rejection without a reason comes back with the error on its row."""
    endorsement = get_object_or_404(Endorsement.objects.select_related("government"), pk=pk)
    form = DecisionForm(request.POST, prefix=_decision_prefix(pk))
    if not form.is_valid():
        return _render_queue(request, failed_pk=endorsement.pk, failed_form=form)
    try:
        if form.cleaned_data["decision"] == DecisionForm.VERIFY:
            services.verify(endorsement, request.user)
            messages.success(request, _("The endorsement of %(government)s is verified.") % {"government": endorsement.government.name})
        else:
            services.reject(endorsement, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The endorsement of %(government)s was rejected.") % {"government": endorsement.government.name})
    except services.TransitionError as error:
        messages.error(request, str(error))
    return redirect("declarations_workspace:queue")


@login_required
def letter(request, pk):
    """The signed letter, for reviewers and members of the government only (anyone else: 404)."""
    endorsement = get_object_or_404(Endorsement.objects.select_related("government"), pk=pk)
    if not services.can_read_letter(request.user, endorsement):
        raise Http404
    try:
        handle = endorsement.letter.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # A neutral name: never the name the uploader gave the file, which may hold anything.
    filename = f"marrakech-declaration-{endorsement.government.slug}-{endorsement.pk}.pdf"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response
