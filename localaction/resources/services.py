"""State changes of the library: a reviewer saves, publishes, unpublishes or deletes a resource. Each checks the
person, writes and records the change in the activity log in one transaction; a file replaced or deleted leaves
storage once the transaction has committed (never before: a rollback would otherwise lose it)."""
from django.db import transaction

from localaction.accounts.permissions import require_reviewer
from localaction.activity.services import record

from .models import Resource


def _delete_stored_file_on_commit(name):
    if not name:
        return

    def delete():
        Resource._meta.get_field("file").storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def save_resource(form, by):
    """Save a valid ResourceForm (a new resource or changes); returns the resource."""
    require_reviewer(by)
    resource = form.instance
    created = resource.pk is None
    previous = None if created else Resource.objects.filter(pk=resource.pk).values("file", "is_published").first()
    if created:
        resource.created_by = by
    resource = form.save()
    if created:
        record(by, "resource.created", resource, government=None, published=resource.is_published)
        return resource
    record(by, "resource.updated", resource, government=None, changed=sorted(form.changed_data))
    if previous["is_published"] != resource.is_published:
        record(by, "resource.published" if resource.is_published else "resource.unpublished", resource, government=None)
    if previous["file"] and previous["file"] != resource.file.name:
        _delete_stored_file_on_commit(previous["file"])
    return resource


@transaction.atomic
def set_published(resource, is_published, by):
    """Publish or unpublish a resource (no change, no log entry)."""
    require_reviewer(by)
    if resource.is_published == is_published:
        return resource
    resource.is_published = is_published
    resource.save(update_fields=["is_published", "updated_at"])
    record(by, "resource.published" if is_published else "resource.unpublished", resource, government=None)
    return resource


@transaction.atomic
def delete_resource(resource, by):
    """Delete a resource and, once committed, its stored file. The log keeps its title."""
    require_reviewer(by)
    record(by, "resource.deleted", resource, government=None, title=str(resource.t.title))
    _delete_stored_file_on_commit(resource.file.name)
    resource.delete()
