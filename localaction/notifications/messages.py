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
    "fund.decision.invite": _("The application of %(government)s to “%(round)s” is now at the stage “Invited to a concept note”. Read the Fund’s feedback on the application page."),
    "fund.decision.request_proposal": _("The application of %(government)s to “%(round)s” is now at the stage “Proposal”: the Fund asks for a full proposal. Read its feedback on the application page."),
    "fund.decision.evaluate": _("The application of %(government)s to “%(round)s” is now at the stage “Under evaluation”."),
    "fund.decision.award": _("The application of %(government)s to “%(round)s” is now at the stage “Awarded”. Read the Fund’s feedback on the application page."),
    "fund.decision.waitlist": _("The application of %(government)s to “%(round)s” is now at the stage “Waitlisted”. Read the Fund’s feedback on the application page."),
    "fund.decision.decline": _("The application of %(government)s to “%(round)s” is now at the stage “Declined”. Read the Fund’s feedback on the application page."),
    "fund.evaluator_assigned": _("You are asked to evaluate the application of %(government)s to “%(round)s”: first declare any conflict of interest."),
    "fund.conflict_declared": _("%(evaluator)s declared a conflict of interest on the application of %(government)s to “%(round)s”: assign another evaluator."),
    # Fund: grants (section kept by the Fund's grants code).
    "fund.grant_created": _("The Global Cities Fund awarded %(government)s a grant of %(amount)s %(currency)s (“%(round)s”)."),
    "fund.payment_recorded": _("The Global Cities Fund paid %(amount)s %(currency)s on %(date)s for the grant of “%(round)s”."),
    "fund.report_submitted": _("The grant report of %(government)s for the period ending on %(date)s (“%(round)s”) was submitted."),
    "fund.report_received": _("%(government)s submitted its grant report for the period ending on %(date)s (“%(round)s”)."),
    # Contact between governments.
    "contact.received": _("%(sender)s (%(organisation)s) wrote to %(government)s about “%(title)s”: %(subject)s"),
    "contact.replied": _("New answer from %(government)s in the conversation “%(subject)s”."),
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
