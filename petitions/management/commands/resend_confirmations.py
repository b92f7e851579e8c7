from django.core.management.base import BaseCommand

from petitions.emails import resend_unsent_confirmations


class Command(BaseCommand):
    help = (
        "Queue again the confirmation emails that failed to send (pending signatures with no "
        "'sent' mark). Run it from cron every few minutes; sending twice is prevented."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=10,
            help="Only signatures older than this, to leave the first attempt time (default 10).",
        )

    def handle(self, *args, minutes, **options):
        queued = resend_unsent_confirmations(older_than_minutes=minutes)
        self.stdout.write(f"Queued {queued} confirmation email(s).")
