"""Demo content of this app, called by seed_demo after the core seeder (DEMO ONLY)."""


def seed(write):
    """Nothing to create: images and widgets are drawn from the published actions the core seeder made."""
