"""Demo content: the two campaigns of the demo site, built through the models.

Facts as of September 2023. Every function here is idempotent: running it twice changes nothing.
"""

from campaigns.models import Campaign


def load():
    """Create or refresh the demo campaigns; returns them by slug."""
    azat, _ = Campaign.objects.update_or_create(
        slug="azat-miftakhov",
        defaults={
            "name": "Azat Miftakhov",
            "summary": (
                "Mathematician and doctoral student at Lomonosov Moscow State University, "
                "imprisoned in Russia since 2019."
            ),
            "is_published": True,
            "order": 1,
            "is_demo": True,
        },
    )
    navalny, _ = Campaign.objects.update_or_create(
        slug="aleksei-navalny",
        defaults={
            "name": "Aleksei Navalny",
            "summary": (
                "Russian opposition figure and anti-corruption activist, unlawfully detained "
                "since January 2021."
            ),
            "is_published": True,
            "order": 2,
            "is_demo": True,
        },
    )
    return {campaign.slug: campaign for campaign in (azat, navalny)}
