"""Petitions in the read-only JSON API (sitewide/api.py): the published petitions, as their
pages show them, with the count; never a signer."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from petitions.counter import fresh_count
from petitions.models import Petition
from sitewide import api

STATUSES = ["open", "closed"]


def petition_data(request, petition):
    # Its campaign only once that is published: the site does not name it before.
    campaign = petition.campaign if petition.campaign and petition.campaign.is_published else None
    slug = petition.slug
    return {
        "slug": slug,
        "title": petition.title,
        "target": petition.target,
        "demands": [demand.text for demand in petition.demands.all()],
        **api.languages_of(petition),
        "main_language": petition.language,
        "status": "open" if petition.is_open else "closed",
        "count": petition.signature_count,
        "goal": petition.current_goal,
        "opens_at": petition.opens_at,
        "closes_at": petition.closes_at,
        "campaign": campaign
        and {
            "slug": campaign.slug,
            "name": campaign.name,
            "api": api.api_url(request, "campaign", campaign.slug),
        },
        "urls": {
            "page": api.absolute(request, petition.get_absolute_url()),
            "api": api.api_url(request, "petition", slug),
            "count": api.absolute(request, reverse("petitions:count", args=[slug])),
            "share_image": api.absolute(request, reverse("petitions:share_card", args=[slug])),
        },
    }


def _published():
    return Petition.objects.published().select_related("campaign").prefetch_related("demands")


@api.endpoint
def petition_list(request):
    """Published petitions, newest first; `?status=` open or closed."""
    petitions = _published()
    status = request.GET.get("status")
    if status is not None:
        status = api.choice(request, "status", STATUSES, None)
        petitions = petitions.open() if status == "open" else petitions.closed()
    return api.paginate(request, petitions, petition_data)


@api.endpoint
def petition_detail(request, slug):
    """One published petition, with its count as fresh as its page's."""
    return petition_data(request, fresh_count(get_object_or_404(_published(), slug=slug)))
