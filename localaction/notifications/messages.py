"""What each notification says, by verb. Sentences are translated when rendered, in the reader's language.

Context keys are filled by the service that notifies (see services.notify); keep them plain strings.
"""
from django.utils import translation
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "government_request.approved": _("Your request about %(government)s was approved."),
    "government_request.declined": _("Your request about %(government)s was declined: %(reason)s"),
    "membership.removed": _("You are no longer a member of %(government)s."),
    "endorsement.verified": _("The endorsement of the Marrakech Mayors Declaration by %(government)s was verified."),
    "endorsement.rejected": _("The endorsement of the Marrakech Mayors Declaration by %(government)s was not accepted: %(reason)s"),
    "action.changes_requested": _("Reviewers asked for changes to “%(title)s”: %(note)s"),
    "action.published": _("“%(title)s” is now published."),
    "action.rejected": _("“%(title)s” was not accepted: %(note)s"),
    "action.revision_approved": _("Your changes to “%(title)s” are now public."),
    "copledge.invited": _("%(lead)s invites %(government)s to join the pledge “%(title)s”."),
    "copledge.confirmed": _("%(co_government)s joined the pledge “%(title)s”."),
    "copledge.declined": _("%(co_government)s declined to join the pledge “%(title)s”."),
    "copledge.removed": _("%(lead)s took %(government)s off the pledge “%(title)s”."),
    "progress.published": _("The progress update of %(date)s on “%(title)s” is now public."),
    "progress.returned": _("Reviewers returned the progress update on “%(title)s” with comments: %(note)s"),
    # Fund: applications and evaluation (section kept by the Fund's evaluation code).
    # Fund: grants (section kept by the Fund's grants code).
    # Contact between governments.
    # Resources and events.
    # Imports.
}


class _Context(dict):
    """A notice's context in which a key the sentence needs but the notice lacks (an older notice, a verb whose
    sentence gained a placeholder) reads as "…" instead of breaking the inbox."""

    def __missing__(self, key):
        return "…"


def render_message(verb, context):
    """The sentence for a verb in the active language; unknown verbs show the verb itself. Never raises."""
    template = MESSAGES.get(verb)
    if template is None:
        return verb
    values = _Context(context) if isinstance(context, dict) else _Context()
    try:
        return str(template) % values
    except (TypeError, ValueError):
        # A broken translation (e.g. a stray "%") falls back to the English sentence, then to the verb.
        try:
            with translation.override("en"):
                return str(template) % values
        except (TypeError, ValueError):
            return verb
