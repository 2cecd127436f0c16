"""Public reports pages, under /<lang>/reports/: the published editions of the annual report with their PDFs, and
the verification of certificates of recognition (what a code certifies, never any personal data)."""
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from localaction.core.translation import LANGUAGE_CODES, current_language

from . import services
from .certificates import facts_for, read
from .forms import VerificationForm
from .models import AnnualReport, GeneratedFile
from .downloads import file_response


def report_list(request):
    """Published editions, newest period first, each with the languages its PDF is ready in."""
    editions = list(AnnualReport.objects.published())
    ready = (
        GeneratedFile.objects.filter(kind=GeneratedFile.Kind.ANNUAL_REPORT, status=GeneratedFile.Status.READY,
                                     parameters__edition__in=[edition.pk for edition in editions])
        .exclude(file="").values_list("parameters__edition", "language")
    )
    languages = {}
    for edition_pk, language in ready:
        languages.setdefault(edition_pk, set()).add(language)
    rows = [
        {"edition": edition, "languages": [code for code in LANGUAGE_CODES if code in languages.get(edition.pk, ())]}
        for edition in editions
    ]
    return render(request, "reports/report_list.html", {"rows": rows, "form": VerificationForm()})


def report_download(request, pk, language):
    """The latest PDF of a published edition in `language` (anything else: 404)."""
    edition = get_object_or_404(AnnualReport.objects.published(), pk=pk)
    generated = services.public_annual_report_file(edition, language)
    if generated is None:
        raise Http404
    return file_response(generated, attachment=False, private=False)


def verify_lookup(request):
    """The verification form: a code typed in goes to its certificate's page, or the form says it is unknown."""
    form = VerificationForm(request.GET or None)
    if form.is_valid():
        certificate = services.find_certificate(form.cleaned_data["code"])
        if certificate is not None:
            return redirect("reports:verify", code=certificate.code)
        form.add_error("code", translation.gettext("No certificate has this code."))
    return render(request, "reports/verify_lookup.html", {"form": form})


def verify(request, code):
    """What a certificate certifies, in the reader's language, and whether the records still show it."""
    certificate = services.find_certificate(code)
    if certificate is None:
        raise Http404
    if certificate.code != code:
        return redirect("reports:verify", code=certificate.code)
    language = current_language()
    reading = read(certificate, language)
    still_holds = facts_for(certificate.government, certificate.basis, certificate.campaign) is not None
    return render(request, "reports/verify.html", {
        "certificate": certificate, "reading": reading, "still_holds": still_holds,
    })
