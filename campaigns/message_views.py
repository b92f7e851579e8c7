"""The public side of the messages of solidarity: the form and its thanks page."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from campaigns.forms import SolidarityMessageForm
from campaigns.models import Campaign
from campaigns.views import PUBLIC_FORM_RATE, supporter_form_page
from sitewide.views import rate_limited


@require_http_methods(["GET", "POST"])
def write_message(request, slug):
    """Leave a message of solidarity, which waits for an organiser's approval."""
    if is_ratelimited(
        request,
        group="campaigns.message",
        key="ip",
        rate=PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    ):
        return rate_limited(request)
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    if not campaign.accepts_messages:
        message = _("This campaign does not take messages of solidarity at the moment.")
        return supporter_form_page(request, "campaigns/closed.html", campaign, message, status=410)
    form = SolidarityMessageForm(request.POST or None, campaign=campaign)
    if form.is_valid():
        if not form.is_spam:
            form.save()
        return redirect("campaigns:message_thanks", slug=slug)
    return render(request, "campaigns/message_form.html", {"campaign": campaign, "form": form})


def message_thanks(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    message = _(
        "We have received your message. It will appear on the campaign page once an organiser "
        "has approved it."
    )
    return supporter_form_page(request, "campaigns/thanks.html", campaign, message)
