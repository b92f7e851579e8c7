"""sitemap.xml sections for the campaigns app: each page in each language it exists in."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaigns.models import Campaign, CaseUpdate, Event


class CampaignsSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        """What organisers wrote, in the languages it is written in; other pages in all."""
        if hasattr(item, "translated_languages"):
            return item.translated_languages()
        return super().get_languages_for_item(item)


class PageSitemap(CampaignsSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "campaigns:updates"]

    def location(self, item):
        return reverse(item)


class CampaignSitemap(CampaignsSitemap):
    changefreq = "daily"
    priority = 0.9

    def items(self):
        return Campaign.objects.published()

    def lastmod(self, campaign):
        return campaign.updated_at


class CaseUpdateSitemap(CampaignsSitemap):
    def items(self):
        return CaseUpdate.objects.published().select_related("campaign")

    def lastmod(self, update):
        return update.updated_at


class EventSitemap(CampaignsSitemap):
    def items(self):
        return Event.objects.published().select_related("campaign")


sitemaps = {
    "pages": PageSitemap,
    "campaigns": CampaignSitemap,
    "updates": CaseUpdateSitemap,
    "events": EventSitemap,
}
