"""The open-data archive: a complete, self-describing snapshot of all published data that could be restored or
published elsewhere if the platform ended.

One zip holds a folder with every resource of the downloads (exporters.EXPORTERS) as CSV and JSON, a Frictionless
`datapackage.json` with relative paths (and each file's size and SHA-256), a README (what it is, the licence, how
to check, restore and republish it) and `SHA256SUMS` (`sha256sum -c SHA256SUMS` checks every file). The snapshot is
written in English (column keys are English anyway; translated texts have a column per language).

Writing is atomic: files are assembled in a staging folder beside the archives, the zip is moved into place with
one rename, then its description (`<zip>.json`, with the zip's SHA-256) is renamed into place; only archives with a
description are offered. Building again when the published data has not changed keeps the existing archive (the
data files' checksums are compared), so the daily job adds a file only when something changed. The newest KEEP
archives are kept.
"""
import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from . import datapackage
from .exporters import EXPORTERS
from .renderers import LICENCE, RENDERERS, About, utc_text

PREFIX = "localaction-archive-"
FORMATS = ("csv", "json")
KEEP = 3
# Leftovers of a build that crashed (a staging folder, a zip without description) are removed after this long.
STALE_AFTER_SECONDS = 24 * 3600
STAGING_PREFIX = ".staging-"
BLOCK = 1024 * 1024


@dataclass(frozen=True)
class Archive:
    """A finished archive in the archive folder, as its description file records it."""

    path: Path
    sha256: str
    size: int
    created: datetime
    data_sha256: str
    resources: dict

    @property
    def name(self):
        return self.path.name

    def checksum_line(self):
        """The archive's line in the format `sha256sum -c` reads."""
        return f"{self.sha256}  {self.name}\n"


def folder():
    """The folder where archives are kept (settings.LOCALACTION_ARCHIVE_DIR)."""
    return Path(settings.LOCALACTION_ARCHIVE_DIR)


def _description_path(path):
    return path.with_name(path.name + ".json")


def _read(description):
    try:
        data = json.loads(description.read_text(encoding="utf-8"))
        path = description.with_name(data["file"])
        if not path.is_file():
            return None
        return Archive(
            path=path, sha256=data["sha256"], size=data["bytes"], created=datetime.fromisoformat(data["created"]),
            data_sha256=data["data_sha256"], resources=data["resources"],
        )
    except (OSError, ValueError, KeyError):
        return None


def archives(directory=None):
    """The finished archives, newest first."""
    directory = Path(directory or folder())
    if not directory.is_dir():
        return []
    found = [_read(description) for description in directory.glob(f"{PREFIX}*.zip.json")]
    return sorted((archive for archive in found if archive), key=lambda a: (a.created, a.name), reverse=True)


def latest(directory=None):
    """The newest finished archive, or None."""
    found = archives(directory)
    return found[0] if found else None


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


class _Counted:
    """An exporter that counts the rows it yields (the README and the description list them)."""

    def __init__(self, exporter):
        self._exporter = exporter
        self.written = 0

    def __getattr__(self, name):
        return getattr(self._exporter, name)

    def rows(self):
        for row in self._exporter.rows():
            self.written += 1
            yield row


def _write_resources(data_folder, created):
    """Every resource in every archive format, under data/; returns {name: rows} and {relative path: (sha256,
    bytes)}."""
    base = settings.LOCALACTION_BASE_URL
    about = About(
        source=base + reverse("opendata:archive"), datapackage="../datapackage.json",
        dictionary=base + reverse("opendata:dictionary"), generated_at=created,
    )
    counts, files = {}, {}
    for name, exporter_class in EXPORTERS.items():
        for extension in FORMATS:
            exporter = _Counted(exporter_class())
            relative = f"data/{name}.{extension}"
            digest, size = hashlib.sha256(), 0
            with open(data_folder / f"{name}.{extension}", "wb") as handle:
                for chunk in RENDERERS[extension]().render(exporter, about):
                    handle.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
            files[relative] = (digest.hexdigest(), size)
            counts[name] = exporter.written
    return counts, files


def _package(files, created):
    """The data package: the CSV files as tabular resources (validated by Frictionless), the JSON files beside
    them as plain data resources; each with its size and SHA-256."""
    package = datapackage.descriptor(lambda name: f"data/{name}.csv", generated_at=created)
    # Not only tabular resources: the JSON copies are described too.
    package["profile"] = "data-package"
    json_resources = []
    for resource in package["resources"]:
        digest, size = files[resource["path"]]
        resource.update({"hash": f"sha256:{digest}", "bytes": size})
        path = f"data/{resource['name']}.json"
        digest, size = files[path]
        json_resources.append({
            "name": f"{resource['name']}-json",
            # A file to check (size, hash), not data to read: Frictionless would take a JSON file with "name" and
            # "data" keys for a resource descriptor, and an empty one for a broken table.
            "type": "file",
            "path": path,
            "title": f"{resource['title']} (JSON)",
            "description": resource["description"],
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "licenses": [LICENCE],
            "hash": f"sha256:{digest}",
            "bytes": size,
        })
    package["resources"] += json_resources
    return package


README = """# Local Action for Migrants and Refugees: open data archive

This is a complete snapshot of the data published on the Local Action platform
({home}): every published action and pledge, the governments, the endorsements
of the Marrakech Mayors Declaration, the progress reported on pledges and the
campaigns. It holds only what the public pages show: no draft, no review note,
no e-mail address, phone number or name of a member.

Snapshot taken: {created} (UTC).

## Licence

CC BY 4.0: {licence_title} ({licence_name}), {licence_path}
You may share and adapt the data for any purpose, provided you give appropriate
credit ("Local Action for Migrants and Refugees, {home}") and indicate changes.

## Contents

- `datapackage.json`: a Frictionless Data Package (https://datapackage.org/)
  describing every file: each column's key, type and meaning, primary and
  foreign keys, the licence, and each file's size and SHA-256.
- `data/<resource>.csv`: UTF-8, comma-separated, with a header row. Text cells
  that began with =, +, -, @, a tab or a carriage return start with an
  apostrophe, so spreadsheets do not run them as formulas. Lists of codes are
  separated by ";"; structured cells (partners, indicators…) hold JSON arrays.
- `data/<resource>.json`: the same rows as JSON (an object whose "data" array
  holds one object per row, keyed by the same column keys).
- `SHA256SUMS`: the SHA-256 of every other file.

{resources}

Identifiers are stable: an action is identified by its `id` (the public
identifier in its address, {home}/en/actions/<id>/), a government and a
campaign by their `slug`; objectives, areas of focus and goals by their UN
numbers and keys. Translated texts have one column per language (`title_en`,
`title_fr`, `title_es`); `original_language` says which one the government
wrote.

## Checking it

    sha256sum -c SHA256SUMS
    frictionless validate datapackage.json

## Restoring or publishing it elsewhere

The files need no software of this platform. To publish them, put this whole
folder on any web server or data repository (for example a university
repository or Zenodo) and keep the licence and credit. To load them into a
database, create one table per CSV file with the columns and types that
`datapackage.json` lists (tools such as `frictionless` or `csvkit` do it), then
import the CSV files; the primary and foreign keys in `datapackage.json` link
the tables (progress updates to actions by `action`, endorsements to
governments by `government`, actions to governments and campaigns by slug).
Keep the identifiers unchanged, so that links and citations keep working.
"""


def _readme(counts, created):
    home = settings.LOCALACTION_BASE_URL
    lines = [
        f"- {EXPORTERS[name].name}: {count} rows — {EXPORTERS[name].title}" for name, count in counts.items()
    ]
    return README.format(
        home=home, created=utc_text(created), licence_title=LICENCE["title"], licence_name=LICENCE["name"],
        licence_path=LICENCE["path"], resources="Resources in this snapshot:\n\n" + "\n".join(lines),
    )


def _zip(source, target, top, created):
    """Zip the files under `source` into `target`, inside a folder `top`, in a fixed order."""
    stamp = created.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(source).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as handle, archive.open(info, "w") as entry:
                shutil.copyfileobj(handle, entry, BLOCK)


def _write_atomically(path, text):
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def build(directory=None, keep=KEEP, now=None):
    """Write a new archive of all published data into `directory` (default: settings.LOCALACTION_ARCHIVE_DIR)
    unless the newest one already holds the same data. Returns (archive, created: bool)."""
    directory = Path(directory or folder())
    directory.mkdir(parents=True, exist_ok=True)
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    name = f"{PREFIX}{created:%Y%m%dT%H%M%SZ}"
    with translation.override(settings.LANGUAGE_CODE), tempfile.TemporaryDirectory(
        prefix=STAGING_PREFIX, dir=directory
    ) as staging:
        staging = Path(staging)
        content = staging / name
        (content / "data").mkdir(parents=True)
        counts, files = _write_resources(content / "data", created)
        # The CSV files hold all the data; the JSON files hold the same rows plus the time they were written.
        data_sha256 = hashlib.sha256(
            "".join(f"{path}:{files[path][0]}\n" for path in sorted(files) if path.endswith(".csv")).encode()
        ).hexdigest()
        current = latest(directory)
        if current is not None and current.data_sha256 == data_sha256:
            prune(directory, keep)
            return current, False
        package = json.dumps(_package(files, created), ensure_ascii=False, indent=2) + "\n"
        (content / "datapackage.json").write_text(package, encoding="utf-8")
        (content / "README.md").write_text(_readme(counts, created), encoding="utf-8")
        sums = {path: digest for path, (digest, _size) in files.items()}
        for extra in ("README.md", "datapackage.json"):
            sums[extra] = _sha256(content / extra)
        sums_text = "".join(f"{sums[path]}  {path}\n" for path in sorted(sums))
        (content / "SHA256SUMS").write_text(sums_text, encoding="utf-8")

        packed = staging / f"{name}.zip"
        _zip(content, packed, name, created)
        target = directory / packed.name
        if target.exists():  # a second build within the same second
            target = directory / f"{name}-{os.getpid()}.zip"
        description = {
            "file": target.name, "sha256": _sha256(packed), "bytes": packed.stat().st_size,
            "created": created.isoformat(), "data_sha256": data_sha256, "resources": counts,
        }
        os.replace(packed, target)
    _write_atomically(_description_path(target), json.dumps(description, indent=2) + "\n")
    prune(directory, keep)
    return _read(_description_path(target)), True


def prune(directory=None, keep=KEEP):
    """Delete all but the newest `keep` archives, and what crashed builds left behind."""
    directory = Path(directory or folder())
    for old in archives(directory)[keep:]:
        _description_path(old.path).unlink(missing_ok=True)
        old.path.unlink(missing_ok=True)
    stale_before = time.time() - STALE_AFTER_SECONDS
    described = {archive.path for archive in archives(directory)}
    for path in directory.glob(f"{PREFIX}*.zip"):
        if path not in described and path.stat().st_mtime < stale_before:
            path.unlink(missing_ok=True)
    for path in directory.glob(f"{STAGING_PREFIX}*"):
        if path.is_dir() and path.stat().st_mtime < stale_before:
            shutil.rmtree(path, ignore_errors=True)
