"""Loads the exchange rates shipped in figures/data/exchange_rates.csv (see SOURCES.md there). Idempotent;
reversing leaves the rows."""
from django.db import migrations


def load(apps, schema_editor):
    from localaction.figures.rates import load_rates

    load_rates(apps.get_model("figures", "ExchangeRate"))


class Migration(migrations.Migration):
    dependencies = [("figures", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
