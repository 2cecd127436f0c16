import pytest

from localaction.reports.pdf import weasyprint_missing


@pytest.fixture(autouse=True)
def media_folder(settings, tmp_path):
    """Files built in a test are stored in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def needs_weasyprint():
    """PDF tests run wherever WeasyPrint can; they are skipped, saying why, only where its libraries are missing."""
    if weasyprint_missing():
        pytest.skip(f"WeasyPrint cannot run here: {weasyprint_missing()}")
