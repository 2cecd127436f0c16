"""The bridge between the workspace API and the web forms: JSON in, the POST data the editor's and the progress
form's pages would send, the same forms and services, and their errors back in the request's shape.

Nothing here decides what is valid: the forms (actions.forms through actions.editor, progress.forms) and the
services do, exactly as for a person using the workspace. A PATCH is applied as if the person had opened each
editor step it touches, with the stored values filled in, changed the fields sent, and saved the step.
"""
import re

from django.db import transaction
from django.utils.translation import gettext as _

from localaction.actions import editor
from localaction.actions import forms as action_forms
from localaction.actions import services as action_services
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.progress import forms as progress_forms
from localaction.progress import services as progress_services
from localaction.taxonomy.models import Term

from .write_serializers import ActionInput, ActionOutput

TEXT_FIELDS = action_forms.TEXT_FIELDS
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
BASICS_KEYS = ("kind", "stage", "original_language", *TEXT_FIELDS, "campaign")
MONEY_KEYS = ("start_date", "end_date", "budget", "currency", "funding_sources", "unmet_funding_need")
# API field → (editor step, part of the step) — the part is editor.step_parts()'s key.
ACTION_PARTS = {
    **{key: ("basics", "basics") for key in BASICS_KEYS},
    **{key: ("mapping", "mapping") for key in (*action_forms.REFERENCE_FIELDS, "terms")},
    "partners": ("people", "partners"),
    "answers": ("people", "matching"),
    "partnership_sought": ("people", "matching"),
    **{key: ("money", "money") for key in MONEY_KEYS},
    "indicators": ("money", "indicators"),
    "links": ("documents", "links"),
    "translations": ("translations", "translations"),
}
ROW_FIELDS = {
    "partners": ("name", "kind", "website"),
    "indicators": ("name", "unit", "baseline", "target", "target_date"),
    "links": ("url", "title"),
}
# Objects whose keys are merged with the stored ones in a PATCH (lists and plain values replace).
MERGED_OBJECTS = {"translations": 2, "terms": 1, "narrative": 1, "people_reached": 1}
PROGRESS_PLAIN = (
    "stage", "discontinued_reason", "reported_on", "original_language", "money_committed", "money_spent", "currency",
)


class Errors(dict):
    """Field errors nested like the request: {"translations": {"fr": {"title": [...]}}, "partners": {1: {...}}}.
    Rows of a list are keyed by their index in the request, as Django REST framework does for lists."""

    def add(self, path, messages):
        node = self
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node.setdefault(path[-1], []).extend(str(message) for message in messages)

    def add_form(self, form, rename=lambda name: (name,)):
        for name, messages in form.errors.items():
            self.add(("non_field_errors",) if name == "__all__" else rename(name), messages)

    def merge(self, other):
        def into(target, source):
            for key, value in source.items():
                if isinstance(value, dict):
                    into(target.setdefault(key, {}), value)
                else:
                    target.setdefault(key, []).extend(value)

        into(self, other)


def text(value):
    """A value as a browser would post it."""
    return "" if value is None else str(value)


def merged(current, changes):
    """The stored state with the changes sent: plain values and lists replace, objects merge by key."""
    result = dict(current)
    for key, value in changes.items():
        depth = MERGED_OBJECTS.get(key, 0)
        if depth == 0 or value is None:
            result[key] = value
        elif depth == 1:
            result[key] = {**(current.get(key) or {}), **value}
        else:
            stored = current.get(key) or {}
            result[key] = {code: {**stored.get(code, {}), **part} for code, part in {**stored, **value}.items()}
    return result


def management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# ---------------------------------------------------------------- actions


def action_state(action):
    """The action's stored values, in the request's shape (what a GET returns, writable fields only)."""
    data = ActionOutput(action).data
    return {key: data[key] for key in ActionInput().fields}


def _rows_data(key, stored, rows, errors):
    """An inline formset's POST data: a stored row named by "id" in the request is changed (fields left out keep
    their value), a stored row not named is removed, a row without "id" is added.

    Returns (data, {form index: request row index})."""
    stored_ids = [row["id"] for row in stored]
    named = {}
    for index, row in enumerate(rows):
        if row.get("id") is None:
            continue
        if row["id"] not in stored_ids:
            errors.add((key, index, "id"), [_("There is no such row to change; leave the id out to add one.")])
        elif row["id"] in named:
            errors.add((key, index, "id"), [_("This row appears twice.")])
        else:
            named[row["id"]] = index
    added = [index for index, row in enumerate(rows) if row.get("id") is None]
    data = management(key, len(stored) + len(added), len(stored))
    positions = {}
    for form_index, row in enumerate(stored):
        data[f"{key}-{form_index}-id"] = str(row["id"])
        if row["id"] in named:
            positions[form_index] = named[row["id"]]
            values = {**row, **rows[named[row["id"]]]}
        else:
            values = row
            data[f"{key}-{form_index}-DELETE"] = "on"
        data.update({f"{key}-{form_index}-{field}": text(values.get(field)) for field in ROW_FIELDS[key]})
    for offset, index in enumerate(added, start=len(stored)):
        positions[offset] = index
        data.update({f"{key}-{offset}-{field}": text(rows[index].get(field)) for field in ROW_FIELDS[key]})
    return data, positions


def _campaign_pk(slug):
    if not slug:
        return ""
    # An unknown slug becomes a value no primary key can have, so the form answers with its own message.
    return text(Campaign.objects.filter(slug=slug).values_list("pk", flat=True).first() or "-")


def basics_data(state):
    data = {key: text(state.get(key)) for key in ("kind", "stage", "original_language", *TEXT_FIELDS)}
    data["campaign"] = _campaign_pk(state.get("campaign"))
    return data


def _mapping_data(state):
    data = {name: [text(value) for value in state.get(name) or []] for name in action_forms.REFERENCE_FIELDS}
    for vocabulary, keys in (state.get("terms") or {}).items():
        # Keys of a JSON object are not checked by the serializer; only a slug can name a vocabulary.
        known = Term.objects.filter(vocabulary_id=vocabulary, key__in=keys) if SLUG.fullmatch(vocabulary) else []
        pks = {term.key: term.pk for term in known}
        # An unknown key is passed on in a form no term id has, so the form names it in its message.
        data[action_forms.VOCABULARY_PREFIX + vocabulary] = [text(pks.get(key, f"{vocabulary}:{key}")) for key in keys]
    return data


def _translations_data(action, state):
    data = {}
    translations = state.get("translations") or {}
    for code in LANGUAGE_CODES:
        if code == action.original_language:
            continue
        values = translations.get(code) or {}
        data.update({f"{field}_{code}": text(values.get(field)) for field in TEXT_FIELDS})
        data[f"provided_{code}"] = bool(values.get("complete"))
    return data


def _step_data(action, stored, state, parts, errors):
    """The POST data of one editor step, for the parts the request touches; {part: positions} for formsets."""
    data, positions = {}, {}
    if "basics" in parts:
        data.update(basics_data(state))
    if "mapping" in parts:
        data.update(_mapping_data(state))
    if "matching" in parts:
        data.update({key: text(state.get(key)) for key in ("answers", "partnership_sought")})
    if "money" in parts:
        data.update({key: text(state.get(key)) for key in MONEY_KEYS})
    if "translations" in parts:
        data.update(_translations_data(action, state))
    for key in ("partners", "indicators", "links"):
        if key in parts:
            rows_data, positions[key] = _rows_data(key, stored[key], state.get(key) or [], errors)
            data.update(rows_data)
    return data, positions


def _mapping_name(name):
    prefix = action_forms.VOCABULARY_PREFIX
    return ("terms", name.removeprefix(prefix)) if name.startswith(prefix) else (name,)


def _translation_name(name):
    field, _sep, code = name.rpartition("_")
    return ("translations", code, "complete" if field == "provided" else field)


def _part_errors(part, positions, errors):
    """The errors of one validated part, renamed to the request's fields."""
    if part.is_formset:
        for form_index, form in enumerate(part.form.forms):
            if form_index in positions.get(part.key, {}):
                errors.add_form(form, rename=lambda name, i=positions[part.key][form_index]: (part.key, i, name))
        if part.form.non_form_errors():
            errors.add(("non_field_errors",), part.form.non_form_errors())
    elif part.key == "mapping":
        errors.add_form(part.form, rename=_mapping_name)
    elif part.key == "translations":
        errors.add_form(part.form, rename=_translation_name)
    else:
        errors.add_form(part.form)


def _check_names(action, changes, parts, errors):
    """What the request names that the forms have no field for: an unknown vocabulary, the original language
    among the translations."""
    if "mapping" in parts:
        form = parts["mapping"].form
        for vocabulary in changes.get("terms") or {}:
            if action_forms.VOCABULARY_PREFIX + vocabulary not in form.fields:
                errors.add(("terms", vocabulary), [_("There is no vocabulary with this key.")])
    if "translations" in parts and action.original_language in (changes.get("translations") or {}):
        errors.add(("translations", action.original_language), [
            _("This is the action's original language: send its text as title, summary, description and goals."),
        ])


def apply_action_changes(action, by, changes):
    """Save `changes` (validated ActionInput data) step by step through the editor's forms and
    services.save_step, all or nothing. Returns the errors (empty when everything was saved)."""
    errors = Errors()
    touched = {ACTION_PARTS[key] for key in changes if key in ACTION_PARTS}
    with transaction.atomic():
        for step in editor.STEP_KEYS:
            wanted = {part for part_step, part in touched if part_step == step}
            if not wanted:
                continue
            # Each step starts from what the previous ones saved (a new original language changes which
            # languages are translations).
            stored = action_state(action)
            step_errors = Errors()
            data, positions = _step_data(action, stored, merged(stored, changes), wanted, step_errors)
            parts = {part.key: part for part in editor.step_parts(step, action, data) if part.key in wanted}
            if not editor.all_valid(parts.values()):
                for part in parts.values():
                    _part_errors(part, positions, step_errors)
            _check_names(action, changes, parts, step_errors)
            errors.merge(step_errors)
            if errors:
                continue  # keep validating the other steps, so every error is reported at once
            changed = editor.save_parts(parts.values())
            action_services.save_step(action, by, step, changed)
        if errors:
            transaction.set_rollback(True)
    return errors


# ---------------------------------------------------------------- progress updates


def progress_state(update):
    """A saved update's values, or a new one's pre-filled values (services.start_update), in the request's shape."""
    action, saved = update.action, update.pk is not None
    if saved:
        values = dict(update.indicator_values.values_list("indicator_id", "value"))
        people = dict(update.people_reached.values_list("target_group_id", "count"))
    else:
        values = getattr(update, "prefill_indicator_values", {})
        people = getattr(update, "prefill_people_reached", {})
    keys = dict(Term.objects.filter(pk__in=list(people)).values_list("pk", "key"))
    return {
        **{name: getattr(update, name) for name in PROGRESS_PLAIN},
        "narrative": {code: getattr(update, f"narrative_{code}") for code in LANGUAGE_CODES},
        "indicator_values": [
            {"indicator": indicator.pk, "value": values[indicator.pk]} for indicator in action.indicators.all()
            if indicator.pk in values
        ],
        "people_reached": {keys[pk]: count for pk, count in people.items() if pk in keys},
        "links": [{"title": e.title, "url": e.url} for e in update.evidence.exclude(url="")] if saved else [],
    }


def _links_data(update, rows):
    """The evidence links formset's POST data: the rows sent, and the stored links beyond them removed."""
    stored = list(update.evidence.exclude(url="").values("title", "url")) if update.pk else []
    data = management("links", max(len(stored), len(rows)), len(stored))
    for index in range(max(len(stored), len(rows))):
        row = rows[index] if index < len(rows) else stored[index]
        data.update({f"links-{index}-{field}": text(row.get(field)) for field in ("title", "url")})
        if index >= len(rows):
            data[f"links-{index}-DELETE"] = "on"
    return data


def save_progress(update, by, changes):
    """Validate `changes` (ProgressInput data, over the update's stored or pre-filled values) with the web's update
    form and save it through services.save_update. Returns (saved update or None, errors)."""
    action = update.action
    state = merged(progress_state(update), changes)
    errors = Errors()
    data = {name: text(state.get(name)) for name in PROGRESS_PLAIN}
    data.update({f"narrative_{code}": text((state.get("narrative") or {}).get(code)) for code in LANGUAGE_CODES})
    indicators = {indicator.pk for indicator in action.indicators.all()}
    value_rows = {}
    for index, row in enumerate(state.get("indicator_values") or []):
        if row["indicator"] not in indicators:
            errors.add(("indicator_values", index, "indicator"), [_("The pledge has no indicator with this id.")])
        elif row["indicator"] in value_rows:
            errors.add(("indicator_values", index, "indicator"), [_("This row appears twice.")])
        else:
            value_rows[row["indicator"]] = index
            data[f"{progress_forms.INDICATOR_PREFIX}{row['indicator']}"] = text(row.get("value"))
    data.update(_links_data(update, state.get("links") or []))
    # The form offers one field per target group (the active ones and those already reported on).
    offered = progress_forms.ProgressUpdateForm(action=action, update=update).target_groups
    groups = {term.key: term.pk for term in offered}
    for key, count in (state.get("people_reached") or {}).items():
        if key in groups:
            data[f"{progress_forms.PEOPLE_PREFIX}{groups[key]}"] = text(count)
        else:
            errors.add(("people_reached", key), [_("There is no target group with this key.")])
    form = progress_forms.ProgressUpdateForm(data, action=action, update=update)
    links = progress_forms.link_formset(update, data)
    names = {f"{progress_forms.PEOPLE_PREFIX}{pk}": key for key, pk in groups.items()}

    def rename(name):
        if name.startswith("narrative_"):
            return ("narrative", name.removeprefix("narrative_"))
        if name.startswith(progress_forms.INDICATOR_PREFIX):
            pk = int(name.removeprefix(progress_forms.INDICATOR_PREFIX))
            return ("indicator_values", value_rows[pk], "value")
        if name in names:
            return ("people_reached", names[name])
        return (name,)

    if not all([form.is_valid(), links.is_valid()]) or errors:
        errors.add_form(form, rename=rename)
        for index, row in enumerate(links.forms):
            errors.add_form(row, rename=lambda name, i=index: ("links", i, name))
        if links.non_form_errors():
            errors.add(("non_field_errors",), links.non_form_errors())
        return None, errors
    try:
        saved = progress_services.save_update(action, by, form.service_data(links), update=update)
    except progress_services.TransitionError as refused:
        # The web form shows the service's refusal above the form; here it is the request's error.
        errors.add(("non_field_errors",), [str(refused)])
        return None, errors
    return saved, errors
