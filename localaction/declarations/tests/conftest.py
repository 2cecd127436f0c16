import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Letters written by these tests go to a temporary folder, never to the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
