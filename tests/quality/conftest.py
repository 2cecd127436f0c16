"""The page-quality suite (issue #13): every page type, in every language, checked for accessibility (axe-core),
valid HTML (the Nu HTML Checker), requests to other hosts and weight.

Its tests carry the `quality` marker and run on their own (`make test-quality`): `make test` and `make test-pg`
leave them out, so that they are not run twice in CI. They run when `-m` names `quality` or when this folder (or
a file in it) is named on the command line.
"""
from pathlib import Path

import pytest
from django.core.cache import cache

from localaction.core.tests.test_permission_matrix import make_objects


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


@pytest.fixture
def objects(settings, tmp_path, personas):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield make_objects(personas)
    cache.clear()
