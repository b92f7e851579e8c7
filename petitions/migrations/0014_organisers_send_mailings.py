from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_organisers_send_mailings(apps, schema_editor):
    """Organisers write and send emails to signers; exporting the opt-ins (email addresses)
    is a permission given to chosen people only."""
    app_config = apps.get_app_config("petitions")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers = Group.objects.filter(name="Organisers").first()
    if organisers is not None:
        organisers.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="petitions",
                content_type__model="mailing",
            )
        )


class Migration(migrations.Migration):
    dependencies = [("petitions", "0013_signer_mailings_unsubscribe_milestones")]

    operations = [migrations.RunPython(let_organisers_send_mailings, migrations.RunPython.noop)]
