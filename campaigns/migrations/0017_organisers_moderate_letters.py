from django.contrib.auth.management import create_permissions
from django.db import migrations

NEW_MODELS = ["letter", "postcarddesign", "prisonaddress"]


def let_organisers_handle_letters(apps, schema_editor):
    """Organisers moderate letters and keep the addresses and postcard designs."""
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
            content_type__app_label="campaigns", content_type__model__in=NEW_MODELS
        )
    )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0016_letters_and_how_to_help")]

    operations = [migrations.RunPython(let_organisers_handle_letters, migrations.RunPython.noop)]
