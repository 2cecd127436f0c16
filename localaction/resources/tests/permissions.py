"""The library's URL names in the permission matrix (see core/tests/matrix.py)."""
from localaction.core.tests.matrix import PUBLIC, reviewers

from .factories import ResourceFactory, pdf_upload

ENTRIES = {
    "resources:list": (None, PUBLIC),
    "resources:csv": (None, PUBLIC),
    "resources:detail": (lambda o: [o["resource"].pk], PUBLIC),
    "resources:file": (lambda o: [o["resource"].pk], PUBLIC),
    "resources_workspace:list": (None, reviewers()),
    "resources_workspace:create": (None, reviewers()),
    "resources_workspace:edit": (lambda o: [o["resource"].pk], reviewers()),
    "resources_workspace:publish": (lambda o: [o["resource"].pk], reviewers(405)),  # POST only
    "resources_workspace:delete": (lambda o: [o["resource"].pk], reviewers()),  # GET: the confirmation page
}


def make_objects(personas):
    """A published resource with a stored file (the matrix's objects fixture points MEDIA_ROOT at a temporary
    folder)."""
    return {"resource": ResourceFactory(file=pdf_upload(), url="")}
