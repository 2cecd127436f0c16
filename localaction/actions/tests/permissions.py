"""The actions app's back-office URL names in the permission matrix: the editor's and the reviewers'."""
from .permissions_editor import ENTRIES as EDITOR_ENTRIES
from .permissions_editor import make_objects as make_editor_objects
from .permissions_review import ENTRIES as REVIEW_ENTRIES
from .permissions_review import make_objects as make_review_objects

ENTRIES = {**EDITOR_ENTRIES, **REVIEW_ENTRIES}


def make_objects(personas):
    return {**make_editor_objects(personas), **make_review_objects(personas)}
