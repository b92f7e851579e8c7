from django.shortcuts import get_object_or_404, render

from campaigns.models import Campaign


def home(request):
    campaigns = Campaign.objects.published()
    return render(request, "campaigns/home.html", {"campaigns": campaigns})


def campaign_detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    return render(request, "campaigns/campaign_detail.html", {"campaign": campaign})
