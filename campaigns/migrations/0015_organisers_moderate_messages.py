from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_organisers_moderate_messages(apps, schema_editor):
    """Organisers moderate and print the messages of solidarity (the group is made by 0006)."""
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _ = Group.objects.get_or_create(name="Organisers")
    organisers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="campaigns", content_type__model="solidaritymessage"
        )
    )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0014_messages_of_solidarity")]

    operations = [
        migrations.RunPython(let_organisers_moderate_messages, migrations.RunPython.noop)
    ]
