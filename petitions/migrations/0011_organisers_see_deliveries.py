from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_organisers_see_deliveries(apps, schema_editor):
    """Organisers see the log of emails to petitions' targets (the group is made by campaigns
    0006); nobody edits it."""
    app_config = apps.get_app_config("petitions")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _ = Group.objects.get_or_create(name="Organisers")
    organisers.permissions.add(
        *Permission.objects.filter(content_type__app_label="petitions", codename="view_delivery")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0006_organisers_group"),
        ("petitions", "0010_petition_delivery_pack_and_deliveries"),
    ]

    operations = [migrations.RunPython(let_organisers_see_deliveries, migrations.RunPython.noop)]
