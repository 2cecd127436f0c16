"""Demo content of this app, called by seed_demo after the core seeder (DEMO ONLY)."""


def seed(write):
    """Create this app's demo rows; `write` prints a line of the summary."""
