import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files go to the test's own folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
