from pathlib import Path

import pytest

from localaction.factories import GovernmentFactory
from localaction.taxonomy.models import Country

SAMPLES = Path(__file__).resolve().parent / "samples"


@pytest.fixture
def known_governments(personas):
    """Governments the sample files name, written differently there (accents, case)."""
    return {
        "bogota": GovernmentFactory(name="Bogotá", slug="bogota", country=Country.objects.get(code="CO")),
        "dakar": GovernmentFactory(name="Dakar", slug="dakar", country=Country.objects.get(code="SN")),
        "a": personas.government_a,
    }
