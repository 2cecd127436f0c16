"""Fixtures of the read API's tests."""
import pytest

from .read_data import make_read_data


@pytest.fixture
def read_data(db, settings, tmp_path):
    """The demo-like data set of read_data.py (uploads go to a temporary folder)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_read_data()
