from django.core.management.base import BaseCommand

from petitions.mailings import resume_all


class Command(BaseCommand):
    help = (
        "Queue the next batch of every update or milestone email still being sent: resumes "
        "what a restart or a mail server outage left. Run it from cron every few minutes; "
        "nobody gets an email twice."
    )

    def handle(self, *args, **options):
        queued = resume_all()
        self.stdout.write(f"Queued a batch for {queued} mailing(s).")
