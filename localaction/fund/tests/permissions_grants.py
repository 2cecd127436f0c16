"""Fund grants URLs in the permission matrix; composed by permissions.py."""
ENTRIES = {}


def make_objects(personas):
    return {}
