"""Campaigns, their case updates and events in the read-only JSON API (sitewide/api.py): what
is published, as the pages show it; never the organisers' or supporters' email addresses."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from campaigns.models import Campaign, CaseUpdate, Event
from sitewide import api

WHEN = ["upcoming", "past"]


def campaign_ref(request, campaign):
    return {
        "slug": campaign.slug,
        "name": campaign.name,
        "api": api.api_url(request, "campaign", campaign.slug),
    }


def campaign_data(request, campaign):
    slug = campaign.slug
    return {
        "slug": slug,
        "name": campaign.name,
        "summary": campaign.summary,
        "status": campaign.status,
        **api.languages_of(campaign),
        "main_language": campaign.language,
        "petitions": [
            {
                "slug": petition.slug,
                "title": petition.title,
                "api": api.api_url(request, "petition", petition.slug),
            }
            for petition in campaign.petitions.published()
        ],
        "urls": {
            "page": api.absolute(request, campaign.get_absolute_url()),
            "api": api.api_url(request, "campaign", slug),
            "updates": api.api_url(request, "updates") + f"?campaign={slug}",
            "events": api.api_url(request, "events") + f"?campaign={slug}",
            "updates_feed": api.absolute(request, reverse("campaigns:update_rss", args=[slug])),
        },
    }


def update_data(request, update):
    return {
        "slug": update.slug,
        "title": update.title,
        "summary": update.summary,
        "published_at": update.publish_at,
        "campaign": campaign_ref(request, update.campaign),
        **api.languages_of(update),
        "urls": {"page": api.absolute(request, update.get_absolute_url())},
    }


def event_data(request, event):
    return {
        "slug": event.slug,
        "title": event.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "all_day": event.start_time is None,
        "time_zone": event.time_zone,
        "campaign": campaign_ref(request, event.campaign),
        **api.languages_of(event),
        "urls": {"page": api.absolute(request, event.get_absolute_url())},
    }


def _of_campaign(request, items):
    """`items` of the campaign `?campaign=` names (published), if it names one."""
    if "campaign" not in request.GET:
        return items
    slug = request.GET["campaign"]
    campaign = Campaign.objects.published().filter(slug=slug).first()
    if campaign is None:
        raise api.not_found("There is no such published campaign.")
    return items.filter(campaign=campaign)


@api.endpoint
def campaign_list(request):
    """Published campaigns, in the home page's order."""
    return api.paginate(request, Campaign.objects.published(), campaign_data)


@api.endpoint
def campaign_detail(request, slug):
    return campaign_data(request, get_object_or_404(Campaign.objects.published(), slug=slug))


@api.endpoint
def update_list(request):
    """Published case updates, newest first; `?campaign=` one campaign's."""
    updates = CaseUpdate.objects.published().select_related("campaign")
    return api.paginate(request, _of_campaign(request, updates), update_data)


@api.endpoint
def event_list(request):
    """Published events, upcoming (soonest first) or `?when=past` (latest first)."""
    when = api.choice(request, "when", WHEN, "upcoming")
    events = Event.objects.published().select_related("campaign")
    events = events.upcoming() if when == "upcoming" else events.past()
    return api.paginate(request, _of_campaign(request, events), event_data)
