from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.models import Letter


class Command(BaseCommand):
    help = (
        "Erase the email addresses of letter writers whose letters were written more than N "
        "days ago (with their consent to an emailed reply); the letters themselves stay."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after writing (default: LETTERS_KEEP_EMAIL_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days is None:
            days = settings.LETTERS_KEEP_EMAIL_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        count = (
            Letter.objects.filter(submitted_at__lt=cutoff)
            .exclude(email="")
            .update(email="", reply_by_email=False)
        )
        self.stdout.write(f"Erased the email of {count} letter writer(s).")
