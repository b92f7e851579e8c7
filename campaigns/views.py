from django.shortcuts import get_object_or_404, render

from campaigns.models import Campaign


def _visible_campaigns(request):
    """Published campaigns; staff who may edit campaigns also preview unpublished ones."""
    if request.user.has_perm("campaigns.change_campaign"):
        return Campaign.objects.all()
    return Campaign.objects.published()


def home(request):
    campaigns = Campaign.objects.published()
    return render(request, "campaigns/home.html", {"campaigns": campaigns})


def campaign_detail(request, slug):
    campaign = get_object_or_404(_visible_campaigns(request), slug=slug)
    return render(
        request,
        "campaigns/campaign_detail.html",
        {"campaign": campaign, "timeline": campaign.timeline.all()},
    )
