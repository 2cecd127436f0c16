"""Back office of reports, under /<lang>/workspace/reports/: reviewers edit the annual report's editions, ask for
their PDFs and follow the builds, list every generated file and download it; a government's focal points get its
certificates of recognition."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles
from localaction.governments.access import FOCAL_POINT_ONLY, get_government_for_member

from . import services
from .certificates import recognitions
from .downloads import file_response
from .forms import AnnualReportForm, CertificateForm, LanguageForm
from .models import AnnualReport, Certificate, GeneratedFile

Status = GeneratedFile.Status
IN_PROGRESS = (Status.QUEUED, Status.BUILDING)
FILES_PER_PAGE = 50


@role_required(Roles.REVIEWER)
def index(request):
    """The editions of the annual report, and every generated file (any kind) with who asked and its status."""
    kinds = GeneratedFile.Kind
    kind = request.GET.get("kind", "")
    files = GeneratedFile.objects.select_related("requested_by", "campaign", "government")
    if kind in kinds.values:
        files = files.filter(kind=kind)
    page = Paginator(files, FILES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reports/workspace/index.html", {
        "editions": AnnualReport.objects.select_related("updated_by"),
        "page": page, "kinds": kinds.choices, "kind": kind,
        "refresh": any(generated.status in IN_PROGRESS for generated in page),
    })


@role_required(Roles.REVIEWER)
@require_http_methods(["GET", "POST"])
def edition_create(request):
    form = AnnualReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        edition = services.save_annual_report(form.save(commit=False), request.user, form.cleaned_data["highlighted"])
        messages.success(request, _("The edition is saved. You can now make its PDFs."))
        return redirect("reports_workspace:edition", pk=edition.pk)
    return render(request, "reports/workspace/edition_form.html", {"form": form})


def _render_edition(request, edition, form=None, status=200):
    files = list(edition.files().select_related("requested_by"))
    return render(request, "reports/workspace/edition.html", {
        "edition": edition,
        "form": form or AnnualReportForm(instance=edition),
        "build_form": LanguageForm(),
        "files": files,
        "refresh": any(generated.status in IN_PROGRESS for generated in files),
    }, status=status)


@role_required(Roles.REVIEWER)
@require_http_methods(["GET", "POST"])
def edition_detail(request, pk):
    """The edition's form, its PDFs (with progress) and the buttons to make one and to publish the edition."""
    edition = get_object_or_404(AnnualReport, pk=pk)
    if request.method == "POST":
        form = AnnualReportForm(request.POST, instance=edition)
        if form.is_valid():
            services.save_annual_report(form.save(commit=False), request.user, form.cleaned_data["highlighted"])
            messages.success(request, _("The edition is saved. Make its PDFs again to include the changes."))
            return redirect("reports_workspace:edition", pk=edition.pk)
        return _render_edition(request, edition, form)
    return _render_edition(request, edition)


@role_required(Roles.REVIEWER)
@require_POST
def edition_build(request, pk):
    edition = get_object_or_404(AnnualReport, pk=pk)
    form = LanguageForm(request.POST)
    if form.is_valid():
        generated = services.request_annual_report(edition, form.cleaned_data["language"], request.user)
        messages.success(request, _("The PDF is being made; this page shows how far it has got."))
        return redirect("reports_workspace:file", pk=generated.pk)
    messages.error(request, _("Choose English, French or Spanish."))
    return redirect("reports_workspace:edition", pk=edition.pk)


@role_required(Roles.REVIEWER)
@require_POST
def edition_publish(request, pk):
    edition = get_object_or_404(AnnualReport, pk=pk)
    published = request.POST.get("published") == "1"
    services.publish_annual_report(edition, request.user, published=published)
    if published:
        messages.success(request, _("The edition and its PDFs are on the public reports page."))
    else:
        messages.success(request, _("The edition is no longer on the public reports page."))
    return redirect("reports_workspace:edition", pk=edition.pk)


@role_required(Roles.REVIEWER)
def file_detail(request, pk):
    """One generated file: who asked, when, its status and progress (the page reloads itself while it builds)."""
    generated = get_object_or_404(GeneratedFile.objects.select_related("requested_by", "campaign", "government"), pk=pk)
    edition = None
    if generated.kind == GeneratedFile.Kind.ANNUAL_REPORT:
        edition = AnnualReport.objects.filter(pk=generated.parameters.get("edition")).first()
    return render(request, "reports/workspace/file.html", {
        "generated": generated, "edition": edition, "refresh": generated.status in IN_PROGRESS,
    })


@role_required(Roles.REVIEWER)
def file_download(request, pk):
    """Any ready generated file, for reviewers."""
    return file_response(get_object_or_404(GeneratedFile, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def certificates(request, slug):
    """A government's certificates of recognition, for its focal points: what it can be recognised for, in which
    language, and the certificates already issued."""
    government, _membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    available = recognitions(government)
    if request.method == "POST":
        form = CertificateForm(request.POST)
        key = form.cleaned_data["recognition"] if form.is_valid() else None
        chosen = next((item for item in available if item.key == key), None)
        if chosen is None:
            messages.error(request, _("Your government cannot receive this certificate."))
            return redirect("reports_workspace:certificates", slug=government.slug)
        try:
            certificate = services.issue_certificate(
                government, request.user, basis=chosen.basis, campaign=chosen.campaign,
                language=form.cleaned_data["language"],
            )
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Your certificate is ready. Its verification code is %(code)s.") % {"code": certificate.code}
            )
        return redirect("reports_workspace:certificates", slug=government.slug)
    issued = [
        certificate for certificate in
        Certificate.objects.filter(government=government).select_related("file", "campaign")
        if certificate.is_valid
    ]
    language = request.user.language
    # One form per recognition; distinct ids keep each label tied to its own select.
    forms = [(item, CertificateForm(initial={"recognition": item.key, "language": language}, auto_id=f"id_r{n}_%s"))
             for n, item in enumerate(available)]
    return render(request, "reports/workspace/certificates.html", {
        "government": government, "recognitions": forms, "issued": issued,
    })


@login_required
def certificate_download(request, slug, code):
    """One of the government's certificates, for its focal points (another government's member: 404)."""
    government, _membership = get_government_for_member(request, slug, roles=FOCAL_POINT_ONLY)
    certificate = get_object_or_404(Certificate.objects.select_related("file"), government=government, code=code)
    if not certificate.is_valid:
        raise Http404
    return file_response(certificate.file)
