"""The API's entries in the permission matrix: read endpoints (permissions_read.py) and members' write
endpoints and token pages (permissions_write.py)."""
from . import permissions_read, permissions_write

ENTRIES = {**permissions_read.ENTRIES, **permissions_write.ENTRIES}


def make_objects(personas):
    objects = {}
    for module in (permissions_read, permissions_write):
        if hasattr(module, "make_objects"):
            objects.update(module.make_objects(personas))
    return objects
