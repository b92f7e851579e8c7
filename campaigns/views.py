import datetime
from collections import Counter
from itertools import groupby

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from campaigns import case_timeline, visuals
from campaigns.forms import LocalActionForm, PhotoForm
from campaigns.models import Campaign, CaseUpdate, Event
from sitewide import artwork_files, page_cache
from sitewide.views import rate_limited

UPDATES_PER_PAGE = 10
LATEST_UPDATES_ON_CAMPAIGN = 3
PHOTOS_ON_EVENT = 8
PHOTOS_PER_PAGE = 24
LETTERS_ON_WALL = 6
MESSAGES_ON_CAMPAIGN = 12
# Submissions per visitor address to the public forms (local actions, photos).
PUBLIC_FORM_RATE = "10/h"


def _may_preview(request, permission):
    """Staff with `permission` preview what is not published. Only a request with a session can
    be theirs: others never touch the session, so their pages may be cached (page_cache)."""
    return page_cache.has_session(request) and request.user.has_perm(permission)


def _visible_campaigns(request):
    """Published campaigns; staff who may edit campaigns also preview unpublished ones."""
    if _may_preview(request, "campaigns.change_campaign"):
        return Campaign.objects.all()
    return Campaign.objects.published()


def campaign_detail(request, slug):
    return page_cache.public_page(request, lambda: _campaign_page(request, slug))


def _campaign_page(request, slug):
    campaign = get_object_or_404(_visible_campaigns(request), slug=slug)
    latest_updates = campaign.updates.live()
    events = campaign.events.filter(is_published=True)
    petitions = list(campaign.petitions.published())
    # One query for both: those ahead are listed, past ones join the timeline.
    hearings = list(campaign.hearings.filter(is_published=True))
    now = timezone.now()
    upcoming_hearings = [hearing for hearing in hearings if not hearing.is_over(now)]
    past_hearings = [hearing for hearing in hearings if hearing.is_over(now)]
    letters_sent, wall = None, []
    if campaign.accepts_letters:
        letters_sent = campaign.letters.posted().count()
        wall = campaign.letters.on_the_wall()[:LETTERS_ON_WALL]
    messages = campaign.solidarity_messages.approved().with_total()
    messages = list(messages[:MESSAGES_ON_CAMPAIGN])
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "timeline": case_timeline.with_hearings(campaign.timeline.all(), past_hearings),
            "upcoming_hearings": upcoming_hearings,
            # For the "How to help" panel (includes/how_to_help_hearing.html).
            "next_hearing": upcoming_hearings[0] if upcoming_hearings else None,
            "latest_updates": latest_updates[:LATEST_UPDATES_ON_CAMPAIGN],
            "upcoming_events": events.upcoming(),
            "past_events": events.past(),
            # One query for both: what may be signed leads, closed ones follow.
            "open_petitions": [petition for petition in petitions if petition.is_open],
            "closed_petitions": [petition for petition in petitions if not petition.is_open],
            "letters_sent": letters_sent,
            "wall": wall,
            "birthday": campaign.birthday_soon(),
            # The newest approved messages and, in the same query, how many there are.
            "solidarity_messages": messages,
            "solidarity_message_count": messages[0].total if messages else 0,
            # Plain text, escaped once where it is used: a template's blocktranslate would
            # HTML-escape the name, and the share links would then URL-encode the entities.
            # "Free ..." only while the person is held.
            "share_text": (
                _("Free %(name)s") % {"name": campaign.name}
                if campaign.is_in_detention
                else campaign.name
            ),
        },
    )


@require_safe
def share_image(request, slug):
    """The campaign's 1200x630 share image in this address's language (og:image), or the site's
    until it is drawn. One found out of date is queued for drawing."""
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    if campaign.visuals.get("source") != visuals.source(campaign):
        artwork_files.queue_once(visuals.render_visuals, campaign.pk)
    return artwork_files.serve_png(request, [campaign.visual.get("share_name")])


@page_cache.public_response
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
    preview = _may_preview(request, "campaigns.change_caseupdate")
    if not preview:
        updates = updates.published()
    update = get_object_or_404(updates, campaign__slug=slug, slug=update_slug)
    response = render(request, "campaigns/update_detail.html", {"update": update})
    if preview:
        patch_cache_control(response, private=True)
        return response
    return page_cache.public(response)


def _visible_event(request, slug, event_slug):
    events = Event.objects.select_related("campaign")
    if not _may_preview(request, "campaigns.change_event"):
        events = events.published()
    return get_object_or_404(events, campaign__slug=slug, slug=event_slug)


def event_detail(request, slug, event_slug):
    event = _visible_event(request, slug, event_slug)
    return render(
        request,
        "campaigns/event_detail.html",
        {
            "event": event,
            "actions_by_country": _by_country_and_city(event.local_actions.approved()),
            "photos": event.photos.approved()[:PHOTOS_ON_EVENT],
        },
    )


def _by_country_and_city(actions):
    """[(country name, [(city, [actions])])], in alphabetical then chronological order.

    Supporters spell a city in several ways ("Paris", "paris"): it gets one heading, under
    the spelling most of its actions use ("Paris" rather than "paris" or "PARIS" on a tie).
    """
    actions = sorted(
        actions,
        key=lambda action: (
            action.country.name.casefold(),
            action.city_key,
            action.starts_on,
            action.start_time or datetime.time.min,
        ),
    )
    countries = []
    for country, in_country in groupby(actions, key=lambda action: action.country.name):
        cities = []
        for _key, in_city in groupby(in_country, key=lambda action: action.city_key):
            in_city = list(in_city)
            spellings = Counter(" ".join(action.city.split()) for action in in_city)
            spelling = max(spellings, key=lambda city: (spellings[city], _is_mixed_case(city)))
            cities.append((spelling, in_city))
        countries.append((country, cities))
    return countries


def _is_mixed_case(text):
    return text != text.lower() and text != text.upper()


# The public forms of an event, by the `kind` their URL gives.
EVENT_FORMS = {"local_action": LocalActionForm, "photo": PhotoForm}


@require_http_methods(["GET", "POST"])
def event_form(request, slug, event_slug, kind):
    """An event's public form: a local action or a photo, which waits for an organiser's approval.

    Each kind has its own rate-limit bucket per visitor address.
    """
    if is_ratelimited(
        request,
        group=f"campaigns.{kind}",
        key="ip",
        rate=PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    ):
        return rate_limited(request)
    event = _visible_event(request, slug, event_slug)
    form_class = EVENT_FORMS[kind]
    if not form_class.is_open_for(event):
        message = _("This event no longer takes new submissions.")
        return supporter_form_page(request, "campaigns/closed.html", event, message, status=410)
    form = form_class(request.POST or None, request.FILES or None, event=event)
    if form.is_valid():
        form.save()
        return redirect(f"campaigns:{kind}_thanks", slug=slug, event_slug=event_slug)
    return render(request, f"campaigns/{kind}_form.html", {"event": event, "form": form})


def local_action_thanks(request, slug, event_slug):
    message = _(
        "We have received your action. It will appear on the event page once an organiser has "
        "approved it."
    )
    return _thanks(request, slug, event_slug, message)


def photo_thanks(request, slug, event_slug):
    message = _(
        "We have received your photo. It will appear in the gallery once an organiser has "
        "approved it."
    )
    return _thanks(request, slug, event_slug, message)


def _thanks(request, slug, event_slug, message):
    event = _visible_event(request, slug, event_slug)
    return supporter_form_page(request, "campaigns/thanks.html", event, message)


def supporter_form_page(request, template, back_to, message, status=200):
    """A supporter's form's thanks or closed page: `message` and a link back to `back_to`, the
    campaign or event the form belongs to."""
    context = {
        "message": message,
        "back_url": back_to.get_absolute_url(),
        "back_name": getattr(back_to, "title", None) or back_to.name,
    }
    return render(request, template, context, status=status)


def photo_gallery(request, slug, event_slug):
    event = _visible_event(request, slug, event_slug)
    page = Paginator(event.photos.approved(), PHOTOS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "campaigns/photo_gallery.html", {"event": event, "page": page})
