"""Loads the UN reference data (see taxonomy/data/SOURCES.md). Idempotent; reversing leaves the rows."""
from django.db import migrations


def load(apps, schema_editor):
    from localaction.taxonomy.reference import load_all

    load_all(apps)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
