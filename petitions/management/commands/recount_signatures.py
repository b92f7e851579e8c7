from django.core.management.base import BaseCommand, CommandError

from petitions.counter import recount
from petitions.models import Petition


class Command(BaseCommand):
    help = (
        "Recount each petition's confirmed signatures from the signatures table and repair the "
        "stored counter if it drifted. Safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these petitions (default: all).")

    def handle(self, *args, slugs, **options):
        petitions = Petition.objects.all()
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
            missing = set(slugs) - set(petitions.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No petition with slug: {', '.join(sorted(missing))}")
        for petition in petitions:
            old, new = recount(petition=petition)
            if old != new:
                self.stdout.write(f"{petition.slug}: repaired {old} -> {new}")
            else:
                self.stdout.write(f"{petition.slug}: {new}, correct")
