from django.conf import settings
from django.core.management.base import BaseCommand

from petitions.anonymisation import anonymise_closed, anonymise_closed_paper


class Command(BaseCommand):
    help = (
        "Erase signers' personal data (names, email, postal code, IP hash; paper signers' names "
        "and scrambled email) from petitions closed "
        "more than N days ago; statuses, countries and dates stay, so every count holds."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after closing (default: PETITIONS_ANONYMISE_AFTER_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days is None:
            days = settings.PETITIONS_ANONYMISE_AFTER_DAYS
        count = anonymise_closed(days=days)
        self.stdout.write(f"Anonymised {count} signature(s).")
        paper = anonymise_closed_paper(days=days)
        self.stdout.write(f"Anonymised {paper} paper signature(s).")
