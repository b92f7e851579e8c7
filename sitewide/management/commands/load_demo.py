from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from campaigns import demo as campaigns_demo
from petitions import demo as petitions_demo


class Command(BaseCommand):
    help = (
        "Create the demo campaigns and petitions where missing. Running it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # The texts go into the columns of the language they are written in: the main one,
        # unless a loader says otherwise.
        with translation.override(settings.LANGUAGE_CODE):
            campaigns = campaigns_demo.load()
            petitions = petitions_demo.load(campaigns)
        self.stdout.write(
            f"Demo content ready: {len(campaigns)} campaigns, {len(petitions)} petitions."
        )
