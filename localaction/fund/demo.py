"""Demo content of the Fund (DEMO ONLY), called by seed_demo after the core seeder."""


def seed(write):
    """Create the Fund's demo rows; `write` prints a line of the summary."""
