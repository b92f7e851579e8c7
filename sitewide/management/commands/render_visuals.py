from django.core.management.base import BaseCommand

from campaigns import posters, visuals
from campaigns.models import Campaign, Event
from petitions import share_cards
from petitions.models import Petition
from sitewide import artwork_files


class Command(BaseCommand):
    help = (
        "Draw the campaign visuals, event posters and petition share cards that are missing or "
        "out of date (after an upgrade, a change of translation, lost files). Each task leaves "
        "what is up to date alone."
    )

    def handle(self, *args, **options):
        jobs = [
            (visuals.render_visuals, Campaign.objects.all()),
            (posters.render_poster, Event.objects.exclude(poster_headline="", drawn_poster={})),
            (share_cards.render_cards, Petition.objects.all()),
        ]
        for task, rows in jobs:
            ids = list(rows.values_list("pk", flat=True))
            for pk in ids:
                artwork_files.queue(task, pk)
            self.stdout.write(f"{task.name}: {len(ids)} queued.")
