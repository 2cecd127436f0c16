"""Small helpers shared by the editor's tests: the POST data a browser sends for each step."""
import io
import zipfile

from django.urls import reverse

from localaction.actions.models import Action
from localaction.taxonomy.models import Term


def edit_url(action, step):
    return reverse("actions_workspace:edit", args=[action.public_id, step])


def management(prefix, total, initial=0):
    """The hidden fields of a formset."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, *values, existing=()):
    """A formset's POST data: `existing` rows (dicts with "id") first, then new rows."""
    data = management(prefix, len(existing) + len(values), initial=len(existing))
    for index, row in enumerate([*existing, *values]):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def basics(**overrides):
    data = {
        "kind": "pledge", "stage": "planning", "original_language": "en", "title": "Language cafés for newcomers",
        "summary": "Weekly conversation tables.", "description": "", "goals": "", "campaign": "",
    }
    data.update(overrides)
    return data


def target_group(key="refugees"):
    return Term.objects.get(vocabulary_id="target_groups", key=key)


def mapping(gcm=(16,), target_groups=("refugees",), **extra):
    data = {"gcm_objectives": [str(n) for n in gcm],
            "vocabulary_target_groups": [str(target_group(key).pk) for key in target_groups]}
    data.update(extra)
    return data


def people(partners=(), existing=(), **extra):
    data = rows("partners", *partners, existing=existing)
    data.update({"answers": "", "partnership_sought": ""})
    data.update(extra)
    return data


def money(indicators=(), existing=(), **extra):
    data = {"start_date": "", "end_date": "", "budget": "", "currency": "USD", "funding_sources": "", "unmet_funding_need": ""}
    data.update(extra)
    data.update(rows("indicators", *indicators, existing=existing))
    return data


def documents(links=(), documents_existing=(), **extra):
    data = rows("links", *links)
    data.update(rows("documents", existing=documents_existing))
    data.update({"upload-title": "", "upload-is_public": "on"})
    data.update(extra)
    return data


def complete(action):
    """Fill in what the checklist asks for (directly, as the steps would have)."""
    action.summary_en = action.summary_en or "A summary."
    action.start_date, action.end_date = "2025-01-01", "2026-12-31"
    action.save()
    action.gcm_objectives.add(16)
    action.terms.add(target_group())
    if action.kind == Action.Kind.PLEDGE:
        action.indicators.create(name="People reached", target=500)
    return action


def office_file(kind):
    """A minimal DOCX, XLSX or ODT: a ZIP with the part that identifies it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "docx":
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
        elif kind == "xlsx":
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        elif kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("notes.txt", "just a zip")
    return buffer.getvalue()
