"""iCalendar files (RFC 5545), written by the icalendar library: a feed of hearings and events
for the whole site and one per campaign, for calendar applications to subscribe to, and a file
per hearing or event for "Add to calendar".

Texts are in the address's language (/fr/campaigns/calendar.ics): each item where translated,
else in its campaign's main language, as on the pages, cleaned of Markdown and of the hidden
characters sitewide.text removes from what the public types. A time is in its own time zone,
described by a VTIMEZONE; a day with no time is an all-day item. An item's UID names its row
and the site's host, so that an application updates the item rather than adding it twice.
"""

import datetime
import html
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from campaigns.models import Campaign, Event, Hearing
from sitewide.page_cache import public_response
from sitewide.templatetags.markup import render_markdown
from sitewide.text import clean_multiline_text, clean_text

# Items of each kind in a feed, the latest first: years of a busy campaign.
FEED_LENGTH = 200
# How often a subscribed application should read a feed again.
REFRESH = datetime.timedelta(hours=1)


@require_safe
@public_response
def site_calendar(request):
    name = _("%(site)s: hearings and events") % {"site": settings.SITE_NAME}
    filename = f"{slugify(settings.SITE_NAME) or 'calendar'}.ics"
    return _feed(request, name, filename, Hearing.objects.published(), Event.objects.published())


@require_safe
@public_response
def campaign_calendar(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    name = _("%(name)s: hearings and events") % {"name": campaign.name}
    hearings = campaign.hearings.filter(is_published=True)
    events = campaign.events.filter(is_published=True)
    return _feed(request, name, f"{slug}.ics", hearings, events)


@require_safe
@public_response
def hearing_calendar(request, slug, pk):
    hearings = Hearing.objects.published().select_related("campaign")
    hearing = get_object_or_404(hearings, campaign__slug=slug, pk=pk)
    filename = f"{slug}-hearing-{hearing.starts_on:%Y-%m-%d}.ics"
    return _response(request, [hearing_entry(request, hearing)], filename)


@require_safe
@public_response
def event_calendar(request, slug, event_slug):
    events = Event.objects.published().select_related("campaign")
    event = get_object_or_404(events, campaign__slug=slug, slug=event_slug)
    return _response(request, [event_entry(request, event)], f"{event.slug}.ics")


def hearing_entry(request, hearing):
    lines = [
        hearing.subject,
        hearing.get_public_access_display(),
        hearing.outcome and _("Outcome: %(outcome)s") % {"outcome": hearing.outcome},
    ]
    return _entry(
        request,
        f"hearing-{hearing.pk}",
        hearing,
        summary=_("Court hearing: %(name)s") % {"name": hearing.campaign.name},
        description=lines,
        location=hearing.place,
    )


def event_entry(request, event):
    markdown = [event.description, event.call_to_action]
    lines = [html.unescape(strip_tags(render_markdown(text))) for text in markdown if text]
    return _entry(request, f"event-{event.pk}", event, summary=event.title, description=lines)


def _entry(request, key, item, *, summary, description, location=""):
    """A VEVENT for `item` (a hearing or an event): `description` is a list of paragraphs."""
    url = request.build_absolute_uri(item.get_absolute_url())
    vevent = icalendar.Event.new(uid=f"{key}@{_host(request)}", url=url)
    if item.start_time:
        vevent.start = item.local_start
    else:
        vevent.start = item.starts_on
        vevent.end = item.starts_on + datetime.timedelta(days=1)
    # Applications that do not show the URL still show the description.
    paragraphs = [clean_multiline_text(text) for text in [*description, url] if text]
    texts = {
        "summary": clean_text(summary),
        "location": clean_text(location),
        "description": "\n\n".join(paragraph for paragraph in paragraphs if paragraph),
    }
    for name, text in texts.items():
        if text:
            vevent.add(name, text, parameters={"LANGUAGE": item.content_language})
    return vevent


def _feed(request, name, filename, hearings, events):
    items = [
        *(hearing_entry(request, hearing) for hearing in _latest(hearings)),
        *(event_entry(request, event) for event in _latest(events)),
    ]
    return _response(request, items, filename, name=name)


def _latest(items):
    return items.select_related("campaign").order_by("-starts_at", "-pk")[:FEED_LENGTH]


def _response(request, entries, filename, name=None):
    """The calendar of `entries`: a feed to subscribe to when it has a `name`, else a file to
    add to one's calendar."""
    calendar = icalendar.Calendar.new(
        prodid=f"-//{settings.SITE_NAME}//Solidarity//EN",
        method="PUBLISH",
        calscale="GREGORIAN",
        name=name,
        uid=f"{filename}@{_host(request)}",
        subcomponents=entries,
    )
    if name:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(REFRESH).to_ical().decode())
    starts = [entry.start for entry in entries if isinstance(entry.start, datetime.datetime)]
    if starts:
        # Each time zone described only over the days the calendar needs, not over decades.
        calendar.add_missing_timezones(
            first_date=min(starts).date() - datetime.timedelta(days=1),
            last_date=max(starts).date() + datetime.timedelta(days=1),
        )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(name is None, filename)
    return response


def _host(request):
    return urlsplit(request.build_absolute_uri("/")).hostname
