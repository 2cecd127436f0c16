"""The import pages. Bulk import is for reviewers (role_required: 403 for others): upload, map the columns, read
the dry-run report, confirm. The offline template belongs to a government's members, reached through the
government (strangers get 404): download it empty or filled with one of their actions, upload it as a new draft.

Imports run synchronously: a dry run of 10,000 rows takes seconds and the import well under a minute (see
bench/import_actions.py), so a job with progress reporting is not needed yet.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.actions.models import Action
from localaction.core.translation import current_language
from localaction.governments.access import get_government_for_member, membership_of

from . import services, template
from .forms import BatchUploadForm, ConfirmForm, MappingForm, TemplateUploadForm
from .models import ImportBatch
from .reading import UnreadableFile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 200


@role_required(Roles.REVIEWER)
def batch_list(request):
    batches = ImportBatch.objects.select_related("created_by")[:50]
    return render(request, "imports/batch_list.html", {"batches": batches})


@role_required(Roles.REVIEWER)
def batch_upload(request):
    form = BatchUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = services.create_batch(data["file"], data["source"], data["default_language"], request.user)
        except UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            return redirect("imports:mapping", batch.pk)
    return render(request, "imports/batch_upload.html", {"form": form})


def _mapping_form(request, batch):
    if request.method != "POST":
        initial = {f"field_{key}": header for key, header in batch.mapping.items()}
        return MappingForm(headers=batch.headers, initial=initial)
    form = MappingForm(request.POST, headers=batch.headers)
    if "load" in request.POST and form.is_valid() and form.cleaned_data["saved"]:
        # Fill the choices in from the saved mapping (columns this file lacks stay empty) and show them again.
        saved = form.cleaned_data["saved"].mapping
        initial = {f"field_{key}": header for key, header in saved.items() if header in batch.headers}
        return MappingForm(headers=batch.headers, initial=initial)
    return form


@role_required(Roles.REVIEWER)
def batch_mapping(request, pk):
    """Which column holds which field (guessed from the headers, or from a saved mapping); then the dry run."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status == ImportBatch.Status.IMPORTED:
        return redirect("imports:batch", batch.pk)
    form = _mapping_form(request, batch)
    if form.is_bound and "load" not in request.POST and form.is_valid():
        try:
            services.set_mapping(batch, form.mapping(), request.user, save_as=form.cleaned_data["save_as"].strip())
        except services.MappingError as error:
            form.add_error(None, str(error))
        else:
            services.dry_run(batch, request.user)
            return redirect("imports:batch", batch.pk)
    return render(request, "imports/batch_mapping.html", {"batch": batch, "form": form})


@role_required(Roles.REVIEWER)
def batch_detail(request, pk):
    """The dry-run report (or the import's result): counts, the rows with errors first, then every row."""
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=pk)
    rows = batch.report.get("rows", [])
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "imports/batch_detail.html", {
        "batch": batch, "error_rows": [row for row in rows if row[6]], "page": page,
        "new_governments": batch.report.get("new_governments", []),
        "confirm_form": ConfirmForm(), "can_confirm": batch.status == ImportBatch.Status.DRY_RUN,
    })


@role_required(Roles.REVIEWER)
@require_POST
def batch_confirm(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status != ImportBatch.Status.DRY_RUN:
        messages.info(request, _("Check the file (dry run) before importing it."))
        return redirect("imports:batch", batch.pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        plan = services.confirm(batch, request.user, exclude_errors=form.cleaned_data.get("exclude_errors", False))
    except services.ImportRefused as refused:
        messages.error(request, str(refused))
    else:
        counts = plan.counts
        messages.success(request, _("Imported: %(create)s created, %(update)s updated, %(unchanged)s unchanged.") % counts)
    return redirect("imports:batch", batch.pk)


# ---------------------------------------------------------------- the offline template


def _xlsx_response(content, name):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def template_page(request, government_slug):
    """Download the template; upload a filled one as a new draft."""
    government, _membership = get_government_for_member(request, government_slug)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            action = template.upload(government, request.user, form.cleaned_data["file"])
        except UnreadableFile as error:
            form.add_error("file", str(error))
        except template.TemplateErrors as failed:
            errors = failed.errors
        else:
            messages.success(request, _("The template was read into a new draft. Check it, then submit it."))
            return redirect("actions_workspace:edit", action.public_id, "review")
    return render(request, "imports/template.html", {"government": government, "form": form, "errors": errors})


@login_required
def template_download(request, government_slug):
    government, _membership = get_government_for_member(request, government_slug)
    content = template.build(government, language=current_language())
    return _xlsx_response(content, f"{slugify(government.name) or 'government'}-action-template")


@login_required
def template_export(request, public_id):
    """One of the government's actions in the template (to work on offline, or to start a similar one)."""
    action = get_object_or_404(Action.objects.select_related("government", "campaign", "matches"), public_id=public_id)
    if membership_of(request.user, action.government) is None:
        raise Http404
    content = template.build(action.government, action=action, language=current_language())
    return _xlsx_response(content, f"action-{action.public_id}")
