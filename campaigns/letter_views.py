"""The public side of letters: the form a supporter writes with, and the thanks page."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from campaigns.letter_form import LetterForm
from campaigns.models import Campaign, Letter
from campaigns.views import PUBLIC_FORM_RATE, supporter_form_page
from sitewide.views import rate_limited


@require_http_methods(["GET", "POST"])
def write(request, slug):
    """Write a letter or a postcard; it waits for an organiser's approval."""
    if is_ratelimited(
        request,
        group="campaigns.letter",
        key="ip",
        rate=PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    ):
        return rate_limited(request)
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    if not LetterForm.is_open_for(campaign):
        message = _("This campaign does not take letters through the site at the moment.")
        return supporter_form_page(request, "campaigns/closed.html", campaign, message, status=410)
    # "Send a card" links ask for the postcard.
    kind = request.GET.get("kind") if request.GET.get("kind") in Letter.Kind.values else None
    form = LetterForm(
        request.POST or None, campaign=campaign, initial={"kind": kind or Letter.Kind.LETTER}
    )
    if form.is_valid():
        if not form.is_spam:
            form.save()
        return redirect("campaigns:write_thanks", slug=slug)
    return render(
        request,
        "campaigns/letter_form.html",
        {"campaign": campaign, "form": form, "address": campaign.current_address()},
    )


def write_thanks(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    message = _(
        "We have received your words. They wait for an organiser, who reads them before "
        "printing and posting them with the others."
    )
    return supporter_form_page(request, "campaigns/thanks.html", campaign, message)
