from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from campaigns.models import Campaign, CaseUpdate

UPDATES_PER_PAGE = 10
LATEST_UPDATES_ON_CAMPAIGN = 3
LATEST_UPDATES_ON_HOME = 5


def _visible_campaigns(request):
    """Published campaigns; staff who may edit campaigns also preview unpublished ones."""
    if request.user.has_perm("campaigns.change_campaign"):
        return Campaign.objects.all()
    return Campaign.objects.published()


def home(request):
    campaigns = Campaign.objects.published()
    latest_updates = CaseUpdate.objects.published().select_related("campaign")
    return render(
        request,
        "campaigns/home.html",
        {"campaigns": campaigns, "latest_updates": latest_updates[:LATEST_UPDATES_ON_HOME]},
    )


def campaign_detail(request, slug):
    campaign = get_object_or_404(_visible_campaigns(request), slug=slug)
    latest_updates = campaign.updates.live()
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "timeline": campaign.timeline.all(),
            "latest_updates": latest_updates[:LATEST_UPDATES_ON_CAMPAIGN],
        },
    )


def update_list(request, slug=None):
    """The case updates of one campaign, or of all campaigns, newest first, a page at a time."""
    campaign = None
    updates = CaseUpdate.objects.published().select_related("campaign")
    if slug is not None:
        campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
        updates = updates.filter(campaign=campaign)
    page = Paginator(updates, UPDATES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "campaigns/update_list.html", {"campaign": campaign, "page": page})


def update_detail(request, slug, update_slug):
    updates = CaseUpdate.objects.select_related("campaign")
    if not request.user.has_perm("campaigns.change_caseupdate"):
        updates = updates.published()
    update = get_object_or_404(updates, campaign__slug=slug, slug=update_slug)
    return render(request, "campaigns/update_detail.html", {"update": update})
