"""events entries in the permission matrix (see core/tests/matrix.py)."""
ENTRIES = {}


def make_objects(personas):
    return {}
