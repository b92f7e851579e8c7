"""Atom and RSS feeds of case updates: one for the whole site, one per campaign."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from campaigns.models import Campaign, CaseUpdate
from sitewide.templatetags.markup import render_markdown

FEED_LENGTH = 20


class LatestUpdatesFeed(Feed):
    """RSS 2.0 feed of the newest case updates of every published campaign, in the address's
    language (/fr/campaigns/updates/rss/): each update in it where translated, else in its
    campaign's main language. (Django's Feed says the active language.)"""

    def title(self, campaign=None):
        return _("%(site)s: case updates") % {"site": settings.SITE_NAME}

    def link(self, campaign=None):
        return reverse("campaigns:updates")

    def description(self, campaign=None):
        return _("News from the campaigns for the release of political prisoners.")

    def items(self, campaign=None):
        updates = CaseUpdate.objects.published().select_related("campaign")
        if campaign is not None:
            updates = updates.filter(campaign=campaign)
        return updates[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_markdown(item.body)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.campaign.organiser_name or None

    def item_categories(self, item):
        return [item.campaign.name]


class LatestUpdatesAtomFeed(LatestUpdatesFeed):
    feed_type = Atom1Feed

    def subtitle(self, campaign=None):
        return self.description(campaign)


class CampaignUpdatesFeed(LatestUpdatesFeed):
    """RSS 2.0 feed of one campaign's case updates."""

    def get_object(self, request, slug):
        return get_object_or_404(Campaign.objects.published(), slug=slug)

    def title(self, campaign=None):
        return _("%(name)s: case updates") % {"name": campaign.name}

    def link(self, campaign=None):
        return reverse("campaigns:update_list", args=[campaign.slug])

    def description(self, campaign=None):
        return campaign.summary


class CampaignUpdatesAtomFeed(CampaignUpdatesFeed):
    feed_type = Atom1Feed

    def subtitle(self, campaign=None):
        return self.description(campaign)
