import pytest


@pytest.fixture(autouse=True)
def media_folder(settings, tmp_path):
    """Packages built in a test are stored in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
