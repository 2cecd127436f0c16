"""The search index of the public catalog: one document per action that is or was public, and the catalog's
version number that every change to a public action bumps.

The text itself is indexed outside these models (an FTS5 table on SQLite, tsvector columns with GIN indexes on
PostgreSQL; see migrations/0001 and backends.py); the documents carry what the app processes need to keep their
in-memory facet index in step (see facets.py).
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """An action's place in the index. `position` orders the catalog by publication (it is the FTS rowid and the
    facet bitmaps' member); a document whose action left the catalog stays as a tombstone (is_public false), so
    the processes that read changes since their version also learn about removals."""

    position = models.PositiveIntegerField(_("position"), primary_key=True)
    action = models.OneToOneField(
        "actions.Action", verbose_name=_("action"), null=True, on_delete=models.SET_NULL, related_name="search_document"
    )
    is_public = models.BooleanField(_("public"), default=True)
    version = models.PositiveBigIntegerField(_("changed in version"), db_index=True)
    # What the text index holds of the government, to notice a rename or a move to another country.
    government_name = models.CharField(_("government name"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"#{self.position} → {self.action_id}"


class SearchState(models.Model):
    """The single row that says which version of the catalog is current. Writers bump `version` under the row
    lock (so versions commit in order); readers compare it with the version of their in-memory index. A new
    `generation` (after the table was emptied, or a rebuild) makes every process start again from scratch."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    generation = models.CharField(_("generation"), max_length=32)
    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("search state")
        verbose_name_plural = _("search state")

    def __str__(self):
        return f"{self.generation}:{self.version}"


class TermPostings(models.Model):
    """The positions of the documents matching one frequent query term, as a serialized compressed bitmap, kept
    in the database so that every app process (and the next one after a restart) reads them in one row instead
    of asking the text index: a word most actions contain costs 20-30 ms in PostgreSQL's GIN index at 100,000
    actions, its stored bitmap well under a millisecond. Valid for its `generation`; brought up to date from
    `version` with the documents changed since (search/terms.py)."""

    key = models.CharField(_("term"), max_length=255, primary_key=True)
    generation = models.CharField(_("generation"), max_length=32)
    version = models.PositiveBigIntegerField(_("version"))
    count = models.PositiveIntegerField(_("documents"))
    positions = models.BinaryField(_("positions"))

    class Meta:
        verbose_name = _("term postings")
        verbose_name_plural = _("term postings")

    def __str__(self):
        return f"{self.key} ({self.count})"
