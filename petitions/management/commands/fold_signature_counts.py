from django.core.management.base import BaseCommand

from petitions.counter import fold_counts


class Command(BaseCommand):
    help = (
        "Fold the logged counter changes (confirmations, withdrawals, signatures marked as spam, "
        "restored or deleted, recounts) into each petition's stored counter. Page views do it "
        "every few seconds; run this every minute from cron for petitions nobody views."
    )

    def handle(self, *args, **options):
        folded = fold_counts()
        self.stdout.write(f"Folded {folded} counter change(s).")
