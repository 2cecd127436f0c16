"""Submission windows: whether an action can be submitted to a campaign today, said in a sentence the person can
act on. The editor's form and actions.services.submit ask the same question here, so the page and the service
never disagree."""
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Campaign


def window_note(campaign, today=None):
    """The window's state and dates in a short sentence, e.g. "Open until 1 March 2026"."""
    state = campaign.window_state(today)
    dates = {"opens": date_format(campaign.opens_on), "closes": date_format(campaign.closes_on)}
    if state == Campaign.WINDOW_OPEN:
        return _("Open for submissions from %(opens)s until %(closes)s.") % dates
    if state == Campaign.WINDOW_UPCOMING:
        return _("Opens for submissions on %(opens)s, until %(closes)s.") % dates
    return _("Closed for submissions since %(closes)s (it was open from %(opens)s).") % dates


def _taken_in(action, campaign):
    """True when the campaign already took the action in, so its window no longer matters: a proposed change to a
    published action that keeps its campaign, or an answer to requested changes that keeps it."""
    if action.revision_of_id:
        return action.revision_of.campaign_id == campaign.pk
    return action.status == action.Status.CHANGES_REQUESTED and action.campaign_id == campaign.pk


def submission_window_error(campaign, action=None, today=None, drafting=False):
    """Why `action` (a new action when None) cannot be submitted to `campaign` today, as a translated sentence;
    None when it can, or when there is no campaign. With `drafting`, a window that opens later is fine: the action
    can be prepared now, and the window is checked again when it is submitted."""
    if campaign is None:
        return None
    state = campaign.window_state(today)
    if state == Campaign.WINDOW_OPEN or (action is not None and _taken_in(action, campaign)):
        return None
    context = {"campaign": campaign, "opens": date_format(campaign.opens_on), "closes": date_format(campaign.closes_on)}
    if state == Campaign.WINDOW_UPCOMING:
        if drafting:
            return None
        return _("Submissions to “%(campaign)s” open on %(opens)s: you can submit it from that day.") % context
    return _("Submissions to “%(campaign)s” closed on %(closes)s. Choose an open campaign, or none.") % context
