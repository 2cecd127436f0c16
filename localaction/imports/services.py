"""Bulk import of actions: `check` reads a whole file and says, per row, what an import would do (create, update,
leave unchanged) or why it cannot (every error with its row, column and reason) — it writes nothing, which makes
it the dry run; `apply` carries a checked file out in one transaction, so an import is all or nothing.

Idempotence: each row names its record in the source (external id); ImportedRecord keeps (source, external id) →
action and a hash of the row as last imported. Importing the same file again changes nothing; a changed row
updates its action — while the action is still with the reviewers (draft, submitted or changes requested). An
action already published is not overwritten: the public page changes only through a proposed change that a
reviewer approves, and a proposed change belongs to the government's members, who are not the importer; such
rows are reported as errors so the reviewer sees them (and can exclude them).

Imported actions enter review as submitted, in their original language, created by the importing reviewer.
"""
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from localaction.accounts.permissions import is_reviewer
from localaction.actions.models import Action
from localaction.activity.models import ActivityLog
from localaction.activity.services import record
from localaction.governments.models import Government

from .fields import REFERENCE_FIELDS, RowReader, guess_mapping, import_fields
from .models import ColumnMapping, ImportBatch, ImportedRecord
from .normalise import Lookups, fold
from .reading import read_rows

Status = Action.Status
UPDATABLE = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED)
CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
M2M = (*REFERENCE_FIELDS, "terms")
CHUNK = 500


class MappingError(ValueError):
    """The mapping leaves out a required field or names a column the file does not have."""


class ImportRefused(Exception):
    """Some rows have errors and the importer did not choose to leave them out: nothing was written."""


@dataclass
class RowResult:
    """What the import does with one row, as the report shows it."""

    number: int
    outcome: str
    external_id: str
    title: str
    government: str
    new_government: bool = False
    errors: list = field(default_factory=list)
    public_id: str = ""
    row: object = None
    government_key: tuple = None
    action_id: int = None

    def as_json(self):
        return [self.number, self.outcome, self.external_id, self.title, self.government, self.new_government,
                [list(error) for error in self.errors], self.public_id]


@dataclass
class Plan:
    """The outcome of checking a whole file."""

    results: list
    new_governments: dict
    governments: dict

    def count(self, outcome):
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def counts(self):
        return {outcome: self.count(outcome) for outcome in (CREATE, UPDATE, UNCHANGED, ERROR)}

    def report(self):
        used = {result.government_key for result in self.results if result.outcome in (CREATE, UPDATE)}
        return {
            "counts": self.counts,
            "rows": [result.as_json() for result in self.results],
            "new_governments": [[name, country] for key, (name, country) in self.new_governments.items() if key in used],
        }


def check_mapping(mapping, headers):
    known = {item.key: item for item in import_fields()}
    unknown_headers = sorted(header for header in mapping.values() if header not in headers)
    if unknown_headers:
        raise MappingError(_("The file has no column called %(names)s.") % {"names": ", ".join(f"“{h}”" for h in unknown_headers)})
    missing = [str(item.label) for key, item in known.items() if item.required and key not in mapping]
    has_title = any(key == "title" or key.startswith("title_") for key in mapping)
    if not has_title:
        missing.append(_("a title column"))
    if missing:
        raise MappingError(_("Choose a column for: %(fields)s.") % {"fields": "; ".join(missing)})


def check(handle, mapping, source, default_language="en"):
    """Read the whole file and decide every row's outcome; writes nothing (this is the dry run)."""
    headers, rows = read_rows(handle)
    check_mapping(mapping, headers)
    reader = RowReader(mapping, headers, Lookups(), default_language)
    governments = {}
    for pk, name, country in Government.objects.order_by("pk").values_list("pk", "name", "country_id"):
        governments.setdefault((fold(name), country), pk)
    records = {
        external_id: (action_id, row_hash, status, public_id)
        for external_id, action_id, row_hash, status, public_id in ImportedRecord.objects.filter(source=source).values_list(
            "external_id", "action_id", "row_hash", "action__status", "action__public_id"
        )
    }
    seen, new_governments, results = {}, {}, []
    for number, cells in rows:
        results.append(_decide(reader.read(number, cells), reader, seen, records, governments, new_governments))
    return Plan(results, new_governments, governments)


def _decide(row, reader, seen, records, governments, new_governments):
    language = row.values.get("original_language", "en")
    result = RowResult(
        row.number, CREATE, row.external_id, row.values.get(f"title_{language}", ""), row.government_name,
        errors=list(row.errors), row=row,
    )
    if row.external_id:
        if row.external_id in seen:
            result.errors.append((reader.header("external_id"), _("The external id “%(id)s” is already used on row %(row)s.")
                                  % {"id": row.external_id, "row": seen[row.external_id]}))
        seen.setdefault(row.external_id, row.number)
    if row.government_name and row.country:
        result.government_key = (fold(row.government_name), row.country)
        if result.government_key not in governments:
            new_governments.setdefault(result.government_key, (row.government_name, row.country))
            result.new_government = True
    existing = records.get(row.external_id)
    if existing is not None:
        result.action_id, previous_hash, status, result.public_id = existing
        if not result.errors:
            if previous_hash == row.digest():
                result.outcome = UNCHANGED
            elif status not in UPDATABLE:
                result.errors.append((reader.header("external_id"), _(
                    "The action imported from this row before is no longer with the reviewers (it is %(status)s): "
                    "its owners change it through a proposed change, not by import."
                ) % {"status": Action.Status(status).label}))
            else:
                result.outcome = UPDATE
    if result.errors:
        result.outcome = ERROR
    return result


def apply(plan, by, source, batch=None, exclude_errors=False, progress=None, delay=0.0, chunk=CHUNK):
    """Carry out a checked plan in one transaction: all of it, or (with `exclude_errors`) all its good rows.
    Returns the counts. `progress(done, total)` is called after each chunk of rows; `delay` (seconds per row)
    exists for the test that kills an import half-way.

    New actions are written in bulk (bulk_create sends no signals): they are submitted, not public, so the search
    index has nothing to add, and their activity-log entries are written in bulk too. Updates go through save()."""
    if plan.count(ERROR) and not exclude_errors:
        raise _refusal(plan)
    todo = [result for result in plan.results if result.outcome in (CREATE, UPDATE)]
    context = Context(by if by is not None and by.is_authenticated else None, source, batch, timezone.now())
    with transaction.atomic():
        government_ids = _create_governments(plan, todo, context)
        for start in range(0, len(todo), chunk):
            part = todo[start:start + chunk]
            _create_many([result for result in part if result.outcome == CREATE], government_ids, context, delay)
            for result in part:
                if result.outcome == UPDATE:
                    _update(result, government_ids[result.government_key], context)
                    if delay:
                        time.sleep(delay)
            if progress:
                progress(start + len(part), len(todo))
    return plan.counts


@dataclass
class Context:
    """Who imports, from which source and batch, and when."""

    user: object
    source: str
    batch: object
    now: object

    def log(self, verb, obj_id, government_id, content_type, **payload):
        return ActivityLog(actor=self.user, verb=verb, content_type=content_type, object_id=str(obj_id),
                           government_id=government_id, payload={**self.payload, **payload})

    @property
    def payload(self):
        return {"imported": True, "source": self.source, "batch": self.batch.pk if self.batch else None}


def _refusal(plan):
    return ImportRefused(_("%(count)s rows have errors; nothing was imported.") % {"count": plan.count(ERROR)})


def _free_slug(name, taken):
    base = slugify(name)[:200].strip("-") or "government"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _create_governments(plan, todo, context):
    """The governments the rows name: existing ones, and new ones (unverified: a reviewer verifies them before
    anything of theirs is published), created once each."""
    needed = {result.government_key for result in todo} - set(plan.governments)
    if needed:
        taken = set(Government.objects.values_list("slug", flat=True))
        created = Government.objects.bulk_create([
            Government(name=plan.new_governments[key][0], slug=_free_slug(plan.new_governments[key][0], taken),
                       country_id=key[1], verified=False)
            for key in sorted(needed)
        ])
        content_type = ContentType.objects.get_for_model(Government)
        ActivityLog.objects.bulk_create([
            context.log("government.imported", government.pk, government.pk, content_type) for government in created
        ])
        for key, government in zip(sorted(needed), created):
            plan.governments[key] = government.pk
    return {result.government_key: plan.governments[result.government_key] for result in todo}


def _slug(action):
    # As Action.save() does for an unpublished action (bulk_create does not call save()).
    return slugify(action.translated("title", action.original_language).text)[:80].strip("-") or "action"


def _create_many(results, government_ids, context, delay):
    actions = []
    for result in results:
        action = Action(government_id=government_ids[result.government_key], created_by=context.user,
                        status=Status.SUBMITTED, submitted_at=context.now, editor_step="review", **result.row.values)
        action.slug = _slug(action)
        actions.append(action)
        if delay:
            time.sleep(delay)
    Action.objects.bulk_create(actions)
    content_type = ContentType.objects.get_for_model(Action)
    for name in M2M:
        _link(getattr(Action, name).through, [
            (action.pk, value) for action, result in zip(actions, results) for value in result.row.references.get(name, [])
        ])
    ImportedRecord.objects.bulk_create([
        ImportedRecord(source=context.source, external_id=result.external_id, action=action,
                       row_hash=result.row.digest(), batch=context.batch)
        for action, result in zip(actions, results)
    ])
    ActivityLog.objects.bulk_create([
        context.log("action.submitted", action.pk, action.government_id, content_type, external_id=result.external_id)
        for action, result in zip(actions, results)
    ])
    for action, result in zip(actions, results):
        result.public_id = action.public_id


def _link(through, pairs):
    """Insert (action id, target id) rows of a many-to-many table. Plain executemany: model instances for tens of
    thousands of link rows cost more than the inserts themselves."""
    if not pairs:
        return
    target = next(f for f in through._meta.fields if f.is_relation and f.related_model is not Action)
    source = next(f for f in through._meta.fields if f.is_relation and f.related_model is Action)
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(through._meta.db_table)} ({quote(source.column)}, {quote(target.column)}) "
           "VALUES (%s, %s)")
    with connection.cursor() as cursor:
        cursor.executemany(sql, pairs)


def _update(result, government_id, context):
    action = Action.objects.get(pk=result.action_id)
    for name, value in result.row.values.items():
        setattr(action, name, value)
    action.government_id = government_id
    action.status = Status.SUBMITTED
    action.submitted_at = context.now
    action.save()
    for name in M2M:
        getattr(action, name).set(result.row.references.get(name, []))
    ImportedRecord.objects.filter(source=context.source, external_id=result.external_id).update(
        row_hash=result.row.digest(), batch=context.batch
    )
    record(context.user, "action.edited", action, fields=["imported"], external_id=result.external_id, **context.payload)
    return action


# ---------------------------------------------------------------- batches (the back office)


def _require_reviewer(user):
    if not is_reviewer(user):
        raise PermissionDenied


@transaction.atomic
def create_batch(upload, source, default_language, by):
    """Keep an uploaded file (under a random name) with its headers and a guessed mapping."""
    _require_reviewer(by)
    headers, _rows = read_rows(upload)
    upload.seek(0)
    batch = ImportBatch(
        filename=(getattr(upload, "name", "") or "")[:200], source=source, default_language=default_language,
        headers=headers, mapping=guess_mapping(headers), created_by=by,
    )
    batch.file.save("upload.bin", ContentFile(upload.read()), save=False)
    batch.save()
    record(by, "imports.uploaded", batch, source=source, filename=batch.filename)
    return batch


@transaction.atomic
def set_mapping(batch, mapping, by, save_as=""):
    """Use `mapping` for the batch (and keep it under a name to reuse, when `save_as` is given)."""
    _require_reviewer(by)
    check_mapping(mapping, batch.headers)
    batch.mapping = mapping
    batch.status = ImportBatch.Status.UPLOADED
    batch.save(update_fields=["mapping", "status"])
    saved = None
    if save_as:
        saved, _created = ColumnMapping.objects.update_or_create(name=save_as, defaults={"mapping": mapping, "created_by": by})
    record(by, "imports.mapped", batch, saved_as=save_as or None)
    return saved


def _store(batch, plan, status):
    batch.report = plan.report()
    counts = plan.counts
    batch.created, batch.updated, batch.unchanged, batch.errors = (counts[CREATE], counts[UPDATE], counts[UNCHANGED], counts[ERROR])
    batch.status = status
    batch.save()


def dry_run(batch, by):
    """Check the batch's file with its mapping and keep the report; nothing else is written."""
    _require_reviewer(by)
    with batch.file.open("rb") as handle:
        plan = check(handle, batch.mapping, batch.source, batch.default_language)
    with transaction.atomic():
        _store(batch, plan, ImportBatch.Status.DRY_RUN)
        record(by, "imports.dry_run", batch, **plan.counts)
    return plan


def confirm(batch, by, exclude_errors=False):
    """Check the file again (the database may have changed since the dry run) and import it, all or nothing."""
    _require_reviewer(by)
    with batch.file.open("rb") as handle:
        plan = check(handle, batch.mapping, batch.source, batch.default_language)
    if plan.count(ERROR) and not exclude_errors:
        _store(batch, plan, ImportBatch.Status.DRY_RUN)
        raise _refusal(plan)
    try:
        with transaction.atomic():
            _import(batch, plan, by, exclude_errors)
    except IntegrityError:
        # Another import of the same source and ids committed first (the unique (source, external id) pair
        # stopped this one): nothing of this one was written.
        batch.status = ImportBatch.Status.FAILED
        batch.save(update_fields=["status"])
        raise ImportRefused(_("Another import of these rows finished first; nothing was imported. Check the file again.")) from None
    return plan


def _import(batch, plan, by, exclude_errors):
    apply(plan, by, batch.source, batch=batch, exclude_errors=exclude_errors)
    batch.imported_at = timezone.now()
    _store(batch, plan, ImportBatch.Status.IMPORTED)
    record(by, "imports.imported", batch, excluded_errors=exclude_errors, **plan.counts)
