ENTRIES = {}


def make_objects(personas):
    return {}
