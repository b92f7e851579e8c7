from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_USERNAME = "admin"
DEV_PASSWORD = "solidarity-dev"  # noqa: S105 - documented development login, DEBUG only


class Command(BaseCommand):
    help = "Create the local development admin account (admin / solidarity-dev). DEBUG only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create the development admin with DEBUG off. "
                "Use `manage.py createsuperuser` on a real deployment."
            )
        User = get_user_model()
        if User.objects.filter(username=DEV_USERNAME).exists():
            return
        User.objects.create_superuser(DEV_USERNAME, "admin@localhost", DEV_PASSWORD)
        self.stdout.write(
            f"Development admin created: log in at /admin/ as {DEV_USERNAME} / {DEV_PASSWORD}"
        )
