"""The list of every page type of the platform, for the page-quality suite.

Each URL name that answers HTML is in PAGES, with the persona who views it (one who gets a 200 in the permission
matrix) and, where one address is not enough, the query strings or argument lists to check (the catalog with
filters, each step of the action editor). The arguments come from the permission matrix (its `make_objects`
functions build the objects), so a page is checked on the same data as its permissions.

Every other URL name is in NOT_HTML, with the reason. test_page_list_complete.py fails when a URL name is in
neither, so a new page type cannot escape the suite.
"""
from dataclasses import dataclass, field
from typing import Callable

from django.urls import reverse
from django.utils import translation

from localaction.actions.editor import STEP_KEYS
from localaction.core.tests.test_permission_matrix import MATRIX

LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class Page:
    persona: str = "anonymous"
    queries: tuple = ("",)
    # objects → several argument lists, for a page whose every variant deserves a check; default: the matrix's.
    args: Callable | None = field(default=None, compare=False)


MEMBER, REVIEWER, FUND, EVALUATOR = "member_a", "reviewer", "fund_manager", "evaluator"

CATALOG_FILTERS = "?q=centre&kind=pledge&gcm=16&sdg=10&sort=newest"

PAGES = {
    # Public pages
    "core:home": Page(),
    "core:about": Page(),
    "actions:list": Page(queries=("", CATALOG_FILTERS, "?q=nothing-matches-this")),
    "actions:detail": Page(),
    "governments:list": Page(),
    "governments:detail": Page(),
    "taxonomy:gcm_index": Page(),
    "taxonomy:gcm_objective": Page(),
    "taxonomy:gcr_index": Page(),
    "taxonomy:gcr_objective": Page(),
    "taxonomy:gcr_area": Page(),
    "taxonomy:sdg_index": Page(),
    "taxonomy:sdg": Page(),
    "declarations:signatories": Page(),
    "figures:campaign": Page(),
    "reports:list": Page(),
    "reports:verify_lookup": Page(),
    "reports:verify": Page(),
    "insights:index": Page(),
    "insights:map": Page(),
    "insights:gaps": Page(),
    "api_docs:index": Page(),
    "opendata:index": Page(),
    "opendata:dictionary": Page(),
    "fund:index": Page(),
    "events:list": Page(),
    "events:detail": Page(),
    "resources:list": Page(),
    "resources:detail": Page(),
    "sharing:government_widget": Page(),
    # Accounts
    "accounts:login": Page(),
    "accounts:signup": Page(),
    "accounts:password_reset": Page(),
    "accounts:password_reset_done": Page(),
    "accounts:password_reset_confirm": Page(),
    "accounts:password_reset_complete": Page(),
    "accounts:account": Page(MEMBER),
    "accounts:two_factor_setup": Page(MEMBER),
    "accounts:delete_account": Page(MEMBER),
    "accounts:password_change": Page(MEMBER),
    "accounts:password_change_done": Page(MEMBER),
    "governments_workspace:invitation_accept": Page(),
    # A government's workspace
    "workspace:home": Page(MEMBER),
    "notifications:inbox": Page(MEMBER),
    "governments_workspace:my_governments": Page(MEMBER),
    "governments_workspace:register": Page(MEMBER),
    "governments_workspace:join": Page(MEMBER),
    "governments_workspace:members": Page(MEMBER),
    "governments_workspace:member_remove": Page(MEMBER),
    "declarations_workspace:endorse": Page(MEMBER),
    "actions_workspace:create": Page(MEMBER),
    "actions_workspace:copledge_invitations": Page(MEMBER),
    "actions_workspace:detail": Page(MEMBER),
    "actions_workspace:edit": Page(
        MEMBER, args=lambda o: [[*MATRIX["actions_workspace:edit"][0](o)[:-1], step] for step in STEP_KEYS]
    ),
    "actions_workspace:withdraw": Page(MEMBER),
    "review:action": Page(MEMBER),
    "review:revision": Page(MEMBER),
    "reports_workspace:certificates": Page(MEMBER),
    "progress_workspace:list": Page(MEMBER),
    "progress_workspace:new": Page(MEMBER),
    "progress_workspace:edit": Page(MEMBER),
    "progress_workspace:reminders": Page(MEMBER),
    "imports:template": Page(MEMBER),
    "api_tokens:list": Page(MEMBER),
    "api_tokens:create": Page(MEMBER),
    "api_tokens:revoke": Page(MEMBER),
    "contact:new": Page(MEMBER),
    "contact_workspace:inbox": Page(MEMBER),
    "contact_workspace:thread": Page(MEMBER),
    "fund_workspace:government": Page(MEMBER),
    "fund_workspace:start": Page(MEMBER),
    "fund_workspace:answer": Page(MEMBER),
    "fund_workspace:budget": Page(MEMBER),
    "fund_workspace:government_grants": Page(MEMBER),
    "fund_workspace:government_grant": Page(MEMBER),
    "fund_workspace:grant_report": Page(MEMBER),
    # Reviewers
    "governments_workspace:requests": Page(REVIEWER),
    "governments_workspace:request_decide": Page(REVIEWER),
    "declarations_workspace:queue": Page(REVIEWER),
    "review:queue": Page(REVIEWER),
    "review:detail": Page(REVIEWER),
    "campaigns_workspace:list": Page(REVIEWER),
    "campaigns_workspace:detail": Page(REVIEWER),
    "campaigns_workspace:snapshot": Page(REVIEWER),
    "campaigns_workspace:announced_at": Page(REVIEWER),
    "reports_workspace:index": Page(REVIEWER),
    "reports_workspace:edition_create": Page(REVIEWER),
    "reports_workspace:edition": Page(REVIEWER),
    "reports_workspace:file": Page(REVIEWER),
    "progress_workspace:queue": Page(REVIEWER),
    "progress_workspace:review": Page(REVIEWER),
    "events_workspace:list": Page(REVIEWER),
    "events_workspace:create": Page(REVIEWER),
    "events_workspace:edit": Page(REVIEWER),
    "events_workspace:slot": Page(REVIEWER),
    "contact_workspace:log": Page(REVIEWER),
    "contact_workspace:log_detail": Page(REVIEWER),
    "contact_workspace:partners": Page(REVIEWER),
    "resources_workspace:list": Page(REVIEWER),
    "resources_workspace:create": Page(REVIEWER),
    "resources_workspace:edit": Page(REVIEWER),
    "resources_workspace:delete": Page(REVIEWER),
    "imports:batches": Page(REVIEWER),
    "imports:upload": Page(REVIEWER),
    "imports:batch": Page(REVIEWER),
    "imports:mapping": Page(REVIEWER),
    # The fund
    "fund_workspace:rounds": Page(FUND),
    "fund_workspace:round_create": Page(FUND),
    "fund_workspace:round_edit": Page(FUND),
    "fund_workspace:applications": Page(FUND),
    "fund_workspace:application": Page(FUND),
    "fund_workspace:ranking": Page(FUND),
    "fund_workspace:grants": Page(FUND),
    "fund_workspace:grant_create": Page(FUND),
    "fund_workspace:grant": Page(FUND),
    "fund_workspace:evaluations": Page(EVALUATOR),
    "fund_workspace:assignment": Page(EVALUATOR),
}

_POST_ONLY = "POST only: a form on another page sends here, and answers with a redirect"
_DOWNLOAD = "a file download (PDF, ZIP, spreadsheet), not a page"
NOT_HTML = {
    **dict.fromkeys(
        [
            "api:root", "api:schema", "api:action-list", "api:action-detail", "api:progress-update-list",
            "api:government-list", "api:government-detail", "api:endorsement-list", "api:campaign-list",
            "api:campaign-detail", "api:gcm-objective-list", "api:guiding-principle-list", "api:gcr-objective-list",
            "api:gcr-area-list", "api:sdg-list", "api:region-list", "api:country-list", "api:vocabulary-list",
            "api:statistics", "api:workspace-government-list", "api:workspace-action-list",
            "api:workspace-action-detail", "api:workspace-action-submit", "api:workspace-action-withdraw",
            "api:workspace-action-revise", "api:workspace-progress-list", "api:workspace-progress-detail",
            "api:workspace-progress-submit", "api:workspace-progress-withdraw", "health",
            "accounts:data_export", "opendata:datapackage",
        ],
        "JSON (the API, the health check, a user's data export, the data package)",
    ),
    **dict.fromkeys(
        [
            "actions:document", "campaigns:file", "reports:download", "declarations_workspace:letter",
            "actions_workspace:document", "review:document", "campaigns_workspace:download",
            "reports_workspace:file_download", "reports_workspace:certificate_download", "progress:evidence",
            "resources:file", "imports:template_download", "imports:template_export", "opendata:download",
            "opendata:archive", "opendata:archive_checksum",
        ],
        _DOWNLOAD,
    ),
    **dict.fromkeys(
        ["opendata:actions_download", "insights:chart_csv", "fund_workspace:ranking_csv", "resources:csv"],
        "CSV (or the same data as XLSX/JSON)",
    ),
    **dict.fromkeys(["events:ics", "events:agenda_ics"], "an iCalendar file"),
    "opendata:actions_feed": "an Atom feed",
    **dict.fromkeys(
        ["sharing:site_image", "sharing:action_image", "sharing:government_image"], "a PNG (social sharing card)"
    ),
    "sharing:government_snippet": "an HTML fragment for other sites to paste (the widget page, in PAGES, shows it)",
    **dict.fromkeys(["actions:detail_short", "accounts:two_factor_verify", "actions_workspace:resume"], "a redirect"),
    **dict.fromkeys(
        [
            "accounts:logout", "accounts:backup_codes", "accounts:two_factor_disable", "notifications:read",
            "notifications:read_all", "governments_workspace:invite", "governments_workspace:invitation_revoke",
            "declarations_workspace:decide", "actions_workspace:copledge_answer", "actions_workspace:revise",
            "actions_workspace:submit", "actions_workspace:copledge_invite", "actions_workspace:copledge_remove",
            "review:decide", "review:mapping", "campaigns_workspace:freeze", "campaigns_workspace:request_package",
            "campaigns_workspace:publish", "reports_workspace:edition_build", "reports_workspace:edition_publish",
            "progress_workspace:practice", "progress_workspace:submit", "progress_workspace:withdraw",
            "progress_workspace:discard", "progress_workspace:decide", "fund_workspace:decide",
            "fund_workspace:override", "fund_workspace:assign_evaluators", "fund_workspace:unassign_evaluator",
            "fund_workspace:record_payment", "contact_workspace:block", "contact_workspace:partner_toggle",
            "resources_workspace:publish", "imports:confirm",
        ],
        _POST_ONLY,
    ),
}


@dataclass(frozen=True)
class Visit:
    """One address to check: the page type, the persona who opens it and its language."""

    name: str
    persona: str
    language: str
    path: str

    @property
    def label(self):
        return f"{self.name} [{self.persona}, {self.language}] {self.path}"


def visits(objects, languages=LANGUAGES, names=None):
    """Every address of PAGES (or of `names`) in each language, grouped by persona then language."""
    found = []
    for name, page in PAGES.items():
        if names is not None and name not in names:
            continue
        make_args = MATRIX[name][0]
        arg_lists = page.args(objects) if page.args else [make_args(objects) if make_args else None]
        for language in languages:
            with translation.override(language):
                for args in arg_lists:
                    path = reverse(name, args=args)
                    found.extend(Visit(name, page.persona, language, path + query) for query in page.queries)
    return sorted(found, key=lambda visit: (visit.persona, visit.language))


# The pages axe also checks in French and Spanish (every page is checked in English; see test_axe.py): the public
# pages a visitor reads, the sign-in, and the main screens of each workspace role.
AXE_IN_EVERY_LANGUAGE = {
    "core:home", "actions:list", "actions:detail", "governments:list", "governments:detail", "taxonomy:gcm_objective",
    "declarations:signatories", "insights:index", "insights:map", "insights:gaps", "events:list", "events:detail",
    "fund:index", "resources:list", "resources:detail", "opendata:index", "reports:list", "accounts:login",
    "accounts:signup", "workspace:home", "actions_workspace:edit", "review:queue", "review:detail",
    "progress_workspace:new", "fund_workspace:answer", "fund_workspace:assignment",
}
