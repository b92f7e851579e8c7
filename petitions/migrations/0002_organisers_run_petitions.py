from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_organisers_run_petitions(apps, schema_editor):
    """Organisers edit petitions and review signatures (the group is made by campaigns 0006)."""
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("petitions")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _ = Group.objects.get_or_create(name="Organisers")
    organisers.permissions.add(*Permission.objects.filter(content_type__app_label="petitions"))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0006_organisers_group"),
        ("petitions", "0001_initial"),
    ]

    operations = [migrations.RunPython(let_organisers_run_petitions, migrations.RunPython.noop)]
