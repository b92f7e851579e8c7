from django.core.management.base import BaseCommand

from petitions.delivery import queue_due


class Command(BaseCommand):
    help = (
        "Email the delivery pack (PDF and CSV) to the target of each closed petition whose "
        "organiser asked for it, once. Run it from cron every few minutes: a pack that failed "
        "to send is tried again, one that was sent is never sent again."
    )

    def handle(self, *args, **options):
        queued = queue_due()
        self.stdout.write(f"Queued {queued} delivery email(s).")
