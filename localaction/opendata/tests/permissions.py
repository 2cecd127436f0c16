"""Open data's entries in the permission matrix: downloads and dictionary (permissions_downloads.py), feeds and
archive (permissions_feeds.py)."""
from . import permissions_downloads, permissions_feeds

ENTRIES = {**permissions_downloads.ENTRIES, **permissions_feeds.ENTRIES}


def make_objects(personas):
    objects = {}
    for module in (permissions_downloads, permissions_feeds):
        if hasattr(module, "make_objects"):
            objects.update(module.make_objects(personas))
    return objects
