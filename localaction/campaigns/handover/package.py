"""Building one handover package: a ZIP holding, for one recipient, the frozen snapshot's records as

- `compendium.pdf`: cover, summary figures and charts, then one section per region and one entry per pledge or
  practice (localaction.reports.pdf.render_compendium);
- `<sheet>.xlsx`: the recipient's columns, plus a "Columns" sheet mapping each to its source;
- `records.json`: the same records under the same keys;
- `manifest.json` and `SHA256SUMS`: every other file's size and SHA-256 checksum.

Everything is built from the snapshot, dated by its freeze time, and sorted, so the same snapshot built twice
gives byte-identical spreadsheets, JSON and manifest (and PDF, as far as the PDF renderer keeps its promise).
"""
import hashlib
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _

from localaction.reports import pdf

from ..models import CampaignSnapshot
from .recipients import RECIPIENTS
from .records import Lookups, Record
from .writers import FixedDateZipFile, json_value, write_json, write_xlsx, zip_stamp

FORMAT_VERSION = 1


@dataclass
class Built:
    """A package written to `path`, with the name it is stored and downloaded under."""

    path: Path
    filename: str
    records: int


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def compendium_entry(record):
    """The plain dict pdf.render_compendium prints (see its docstring) for one record."""
    content, entry = record.content, record.entry
    data = {
        "id": entry["public_id"],
        "url": record.url(),
        "kind": content.get("kind") or "",
        "stage": content.get("stage") or "",
        "original_language": content.get("original_language") or "",
        "government": entry["government"]["name"],
        "country": entry["government"]["country"],
        "region": entry["government"].get("region") or "",
        "campaign": record.campaign(),
        "gcm_objectives": record.numbers("gcm_objectives"),
        "gcr_objectives": record.numbers("gcr_objectives"),
        "gcr_areas": list(content.get("gcr_areas") or []),
        "sdgs": record.numbers("sdgs"),
    }
    for key, value in content.items():
        if key.startswith(("title_", "summary_")):
            data[key] = value
    return data


def package_name(campaign, recipient_key, language):
    """"handover-imrf-2026-un-network-en": the folder inside the ZIP, and the ZIP's name without ".zip"."""
    return f"handover-{campaign.slug}-{recipient_key.replace('_', '-')}-{language}"


def build(generated, folder, progress=lambda percent, message="": None):
    """Write the package of `generated` (a GeneratedFile of kind handover: its campaign, language, and
    parameters["recipient"]) into `folder`; returns a Built. Raises if the campaign is not frozen."""
    recipient = RECIPIENTS[generated.parameters["recipient"]]
    language = generated.language or "en"
    campaign = generated.campaign
    snapshot = CampaignSnapshot.objects.filter(campaign=campaign).first()
    if snapshot is None:
        raise ValueError(f"campaign {campaign.slug} has no frozen snapshot")
    folder = Path(folder)
    stamp = snapshot.frozen_at
    top = package_name(campaign, recipient.key, language)
    with translation.override(language):
        progress(2, _("Reading the frozen snapshot"))
        lookups = Lookups(language)
        entries = snapshot.entries.order_by("position").values_list("data", flat=True).iterator(chunk_size=500)
        records = [Record(entry, lookups) for entry in entries if recipient.selects(entry)]
        campaign_name = campaign.translated("name", language).text
        title = _("%(campaign)s: handover to %(recipient)s") % {"campaign": campaign_name, "recipient": recipient.name}
        about = {
            "format_version": FORMAT_VERSION,
            "campaign": {"slug": campaign.slug, "name": campaign_name, "forum": campaign.forum,
                         "forum_date": campaign.forum_date.isoformat()},
            "recipient": {"key": recipient.key, "name": str(recipient.name), "rule": str(recipient.rule)},
            "language": language,
            "frozen_at": _iso(stamp),
            "snapshot_actions": snapshot.action_count,
            "records": len(records),
        }
        progress(10, _("Writing the spreadsheet"))
        rows = [[column.value(record) for column in recipient.columns] for record in records]
        sheet_name = recipient.sheet.lower().replace(" ", "-") + ".xlsx"
        notes = [
            [title], [str(recipient.rule)], [],
            [_("Campaign"), campaign_name], [_("Frozen at (UTC)"), stamp.astimezone(UTC).replace(tzinfo=None)],
            [_("Records"), len(records)], [_("Language"), language],
            [],
            [_("Text cells that began with =, +, -, @, a tab or a carriage return start with an apostrophe, so that "
               "spreadsheets do not run them as formulas.")],
        ]
        write_xlsx(folder / sheet_name, sheet_title=recipient.sheet, columns=recipient.columns, rows=rows, notes=notes,
                   title=title, stamp=stamp)
        progress(30, _("Writing the JSON"))
        document = {
            "about": about,
            "columns": [{"key": c.key, "header": str(c.header), "type": c.type, "source": str(c.source)}
                        for c in recipient.columns],
            "records": [{column.key: json_value(column, value) for column, value in zip(recipient.columns, row)}
                        for row in rows],
        }
        write_json(folder / "records.json", document)
        files = [sheet_name, "records.json"]
        progress(40, _("Laying out the compendium"))
        pdf.render_compendium(
            [compendium_entry(record) for record in records], language, folder / "compendium.pdf", title=title,
            subtitle=str(recipient.rule), date=stamp.date(),
            progress=lambda percent, message="": progress(40 + percent * 0.5, message),
        )
        files.insert(0, "compendium.pdf")
        progress(92, _("Writing the manifest and the archive"))
        listed = [{"name": name, "bytes": (folder / name).stat().st_size, "sha256": _sha256(folder / name)}
                  for name in sorted(files)]
        write_json(folder / "manifest.json", {**about, "title": title, "files": listed})
        (folder / "SHA256SUMS").write_text("".join(f"{item['sha256']}  {item['name']}\n" for item in listed),
                                           encoding="utf-8")
        archive = folder / f"{top}.zip"
        with FixedDateZipFile(archive, "w", date_time=zip_stamp(stamp)) as packed:
            for name in [*sorted(files), "manifest.json", "SHA256SUMS"]:
                packed.write(folder / name, f"{top}/{name}")
    return Built(path=archive, filename=f"{top}.zip", records=len(records))
