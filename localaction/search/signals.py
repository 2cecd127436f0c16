"""What keeps the search index in step: every write to an action, its mapping, its government, or a label the
catalog shows, through the ORM, updates the index inside the same transaction. A published progress update
saves its pledge (stage, last_progress_on), which re-indexes it: its "Reporting" facet value follows.

Signals rather than calls in actions/services.py, because the services are not the only writers of public
content: reviewers fix mappings and edit vocabularies in the admin, governments are renamed, tests and imports
create actions directly. Bulk writes (bulk_create, QuerySet.update) send no signals: after those, run
`manage.py rebuild_search_index` (seed_demo does).
"""
from django.db.models.signals import m2m_changed, post_save, pre_delete

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.governments.models import Government
from localaction.taxonomy.models import Term, Vocabulary

from . import index
from .facets import M2M_FACETS

UID = "localaction.search"


def action_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.update([instance.pk])


def action_deleted(sender, instance, **kwargs):
    index.forget([instance.pk])


def mapping_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        index.touch([instance.pk])
    elif action == "pre_clear":
        # objective.actions.clear(): which actions lose it is known only before the clear.
        column = next(f.attname for f in sender._meta.fields if f.is_relation and f.related_model is not Action)
        index.touch(sender.objects.filter(**{column: instance.pk}).values_list("action_id", flat=True))
    else:
        index.touch(pk_set or [])


def government_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        index.government_changed(instance)


def label_saved(sender, instance, raw=False, **kwargs):
    # Facet labels are cached per catalog version: a renamed term or campaign needs a new version.
    if not raw:
        if sender is Campaign:
            # Its reporting interval decides its pledges' "Reporting" facet values: the index reads them again.
            index.touch(Action.objects.filter(campaign=instance).values_list("pk", flat=True))
        index.bump()


def connect():
    post_save.connect(action_saved, sender=Action, dispatch_uid=f"{UID}.action_saved")
    pre_delete.connect(action_deleted, sender=Action, dispatch_uid=f"{UID}.action_deleted")
    for relation in [*(field for field, _column in M2M_FACETS.values()), "terms"]:
        through = getattr(Action, relation).through
        m2m_changed.connect(mapping_changed, sender=through, dispatch_uid=f"{UID}.{relation}")
    post_save.connect(government_saved, sender=Government, dispatch_uid=f"{UID}.government_saved")
    for model in (Term, Vocabulary, Campaign):
        post_save.connect(label_saved, sender=model, dispatch_uid=f"{UID}.{model.__name__}")
