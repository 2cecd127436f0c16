"""Reviewers keep the vocabularies (themes, target groups, later priorities) in the admin without code changes."""
from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure those of taxonomy exist now.
    # The historical app config has no models module; create_permissions only checks that it is set.
    app_config = apps.get_app_config("taxonomy")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reviewers, _created = Group.objects.get_or_create(name="reviewers")
    codenames = [f"{verb}_{model}" for verb in ("add", "change", "view") for model in ("vocabulary", "term")]
    codenames += [f"view_{model}" for model in ("region", "country", "gcmobjective", "guidingprinciple", "gcrobjective", "gcrarea", "sdg")]
    reviewers.permissions.add(*Permission.objects.filter(content_type__app_label="taxonomy", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_reference_data"), ("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
