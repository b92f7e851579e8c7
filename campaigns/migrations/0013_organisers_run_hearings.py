from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_organisers_run_hearings(apps, schema_editor):
    """Organisers add, edit and publish hearings, as they do the rest of a campaign."""
    # Permissions are normally created after all migrations ran; the group needs them now.
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _ = Group.objects.get_or_create(name="Organisers")
    organisers.permissions.add(
        *Permission.objects.filter(content_type__app_label="campaigns", content_type__model="hearing")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("campaigns", "0012_hearings"),
    ]

    operations = [migrations.RunPython(let_organisers_run_hearings, migrations.RunPython.noop)]
