"""Feeds and the archive are public: everyone gets them. The archive's URLs answer 404 until an archive exists, so
make_objects builds one (into the test's own folder: see the root conftest)."""
from localaction.core.tests.matrix import PUBLIC
from localaction.opendata import archive

ENTRIES = {
    "opendata:actions_feed": (None, PUBLIC),
    "opendata:archive": (None, PUBLIC),
    "opendata:archive_checksum": (None, PUBLIC),
}


def make_objects(personas):
    return {"archive": archive.build()[0]}
