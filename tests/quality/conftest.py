"""The page-quality suite (issue #13): every page type, in every language, checked for accessibility (axe-core),
valid HTML (the Nu HTML Checker), requests to other hosts and weight.

Its tests carry the `quality` marker and run on their own (`make test-quality`): `make test` and `make test-pg`
leave them out, so that they are not run twice in CI. They run when `-m` names `quality` or when this folder (or
a file in it) is named on the command line.
"""
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile


QUALITY_DIR = Path(__file__).resolve().parent


def in_this_folder(item):
    return QUALITY_DIR in Path(str(item.path)).resolve().parents


def asked_for(config):
    if "quality" in (config.option.markexpr or ""):
        return True
    return any(
        QUALITY_DIR == path or QUALITY_DIR in path.parents
        for path in (Path(arg.split("::")[0]).resolve() for arg in config.args)
    )


def pytest_itemcollected(item):
    if in_this_folder(item):
        item.add_marker(pytest.mark.quality)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Leaves the suite out of a plain `pytest` run (make test, make test-pg); see the module docstring."""
    if asked_for(config):
        return
    left_out = [item for item in items if in_this_folder(item)]
    if left_out:
        items[:] = [item for item in items if not in_this_folder(item)]
        config.hook.pytest_deselected(items=left_out)


def make_objects(personas):
    """The objects of the permission matrix (the same makers), so that every page has something to show."""
    from localaction.core.tests.test_permission_matrix import OBJECT_MAKERS
    from localaction.factories import ActionFactory

    action = ActionFactory(published=True, gcm_objectives=[16])
    document = action.documents.create(title="Report", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 test"))
    made = {"action": action, "document": document}
    for make in OBJECT_MAKERS:
        made.update(make(personas))
    return made


@pytest.fixture
def objects(settings, tmp_path, personas):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield make_objects(personas)
    cache.clear()
