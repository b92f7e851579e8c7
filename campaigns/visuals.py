"""A campaign's visuals: a poster-style image (slogan, the person's full name, the campaign colour)
shown where there is no portrait, and a 1200x630 variant that link previews show.

Never a picture of the person: lettering and the bars motif only (sitewide.artwork). They are
drawn once per language by a task whenever what they say changes (Campaign.save queues it;
`manage.py render_visuals` draws what is missing), stored as files, and never drawn during a
request.
"""

import hashlib
import json

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from campaigns import posters
from campaigns.models import Campaign
from sitewide import artwork, artwork_files, page_cache

POSTER_SIZE = (800, 1000)
WIDE_SIZE = (1200, 630)
# Bump when the drawing changes, so that every campaign is drawn again.
DESIGN = 1
FOLDER = "visuals"


def slogan_for(campaign):
    """The words above the name: the organisers' slogan, or one that fits the status."""
    if campaign.slogan:
        return campaign.slogan
    Status = Campaign.Status
    return {
        Status.RELEASED: pgettext("campaign visual", "Free at last"),
        Status.IN_EXILE: pgettext("campaign visual", "Solidarity with"),
        Status.DIED_IN_CUSTODY: pgettext("campaign visual", "In memory of"),
    }.get(campaign.status, pgettext("campaign visual", "Free"))


def status_line(campaign):
    """The status, with the date detention began or ended: "Sentenced · Detained since 2019"."""
    parts = [str(campaign.get_status_display())]
    if campaign.detention_ended_on:
        parts.append(date_format(campaign.detention_ended_on, "DATE_FORMAT"))
    elif campaign.detained_on:
        if campaign.status == Campaign.Status.DETAINED:
            parts = []  # "Detained · Detained since..." would say it twice
        date = campaign.detained_since_display
        parts.append(gettext("Detained since %(date)s") % {"date": date})
    return " · ".join(parts)


def texts(campaign):
    """What the visuals say in the active language."""
    return {"slogan": slogan_for(campaign), "name": campaign.name, "footer": status_line(campaign)}


def alt_text(said):
    return gettext("Campaign poster: %(slogan)s %(name)s. %(footer)s") % said


def source(campaign):
    """A digest of everything the visuals show, in every language: it changes when they must be
    drawn again."""
    said = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said[code] = texts(campaign)
    drawn_from = json.dumps([DESIGN, campaign.colour, said], sort_keys=True)
    return hashlib.sha256(drawn_from.encode()).hexdigest()[:16]


def refresh(campaign):
    """Queue the drawing of the campaign's visuals, and of its events' posters (drawn in its
    colour, with its name), where what they show has changed since they were drawn."""
    if campaign.visuals.get("source") != source(campaign):
        artwork_files.queue(render_visuals, campaign.pk)
    if campaign.pk:
        for event in campaign.events.exclude(poster_headline=""):
            posters.refresh(event)


@task
def render_visuals(campaign_id):
    """Draw a campaign's visuals in each language (once per different wording), store them,
    and let the pages show them. Does nothing when they are up to date."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return
    drawn_from = source(campaign)
    old = campaign.visuals
    if old.get("source") == drawn_from and _files_exist(old):
        return
    languages, by_wording = {}, {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said = texts(campaign)
            key = json.dumps(said, sort_keys=True)
            if key not in by_wording:
                poster, wide = draw_poster(campaign.colour, said), draw_wide(campaign.colour, said)
                by_wording[key] = {
                    "poster": artwork_files.store(FOLDER, poster, "png"),
                    "wide": artwork_files.store(FOLDER, wide, "png"),
                }
            languages[code] = {**by_wording[key], "alt": alt_text(said)}
    Campaign.objects.filter(pk=campaign_id).update(
        visuals={"source": drawn_from, "languages": languages}
    )
    artwork_files.discard(_names(old) - _names({"languages": languages}))
    transaction.on_commit(page_cache.bump_version)


def _names(visuals):
    return {
        name
        for drawn in visuals.get("languages", {}).values()
        for name in (drawn.get("poster"), drawn.get("wide"))
        if name
    }


def _files_exist(visuals):
    names = _names(visuals)
    return bool(names) and all(artwork_files.exists(name) for name in names)


# How each format lays out the same lettering: bars, the slogan's label, the gap under it.
POSTER_LAYOUT = {
    "size": POSTER_SIZE,
    "bar_width": 36,
    "bars": 6,
    "label_width": lambda inner: inner - 40,
    "label_height": 170,
    "label_largest": 104,
    "gap": 56,
}
WIDE_LAYOUT = {
    "size": WIDE_SIZE,
    "bar_width": 24,
    "bars": 9,
    "label_width": lambda inner: round(inner * 0.7),
    "label_height": 110,
    "label_largest": 64,
    "gap": 28,
}


def draw_poster(colour, said):
    """The 4:5 poster: slogan on a label at the top, the name large at the bottom, over bars."""
    return _draw(colour, said, POSTER_LAYOUT)


def draw_wide(colour, said):
    """The 1200x630 share image: the same lettering, laid out for a link preview."""
    return _draw(colour, said, WIDE_LAYOUT)


def _draw(colour, said, layout):
    width, height = layout["size"]
    background = artwork.rgb(colour)
    ink = artwork.ink_on(background)
    image, draw = artwork.canvas(layout["size"], background)
    artwork.bars(
        draw,
        background,
        width=width,
        height=height,
        bar_width=layout["bar_width"],
        count=layout["bars"],
    )
    margin = 64
    inner = width - 2 * margin
    _label, label_height = artwork.sticker(
        draw,
        said["slogan"],
        left=margin,
        top=margin,
        width=layout["label_width"](inner),
        height=layout["label_height"],
        largest=layout["label_largest"],
        fill=ink,
        ink=background,
    )
    _name_and_footer(
        draw,
        said,
        ink,
        left=margin,
        width=inner,
        top=margin + label_height + layout["gap"],
        bottom=height,
    )
    return artwork.png(image)


def _name_and_footer(draw, said, ink, *, left, width, top, bottom):
    """The footer line at the bottom under a rule, and the name as large as fits above it."""
    margin = left
    footer = artwork.fit(
        said["footer"], artwork.SEMIBOLD, width=width, height=72, largest=30, max_lines=2
    )
    footer_top = bottom - margin - footer.height
    artwork.draw_block(draw, footer, artwork.SEMIBOLD, left=left, top=footer_top, fill=ink)
    rule_bottom = footer_top - 26
    draw.rectangle((left, rule_bottom - 8, left + width, rule_bottom), fill=ink)
    name_bottom = rule_bottom - 34
    name = artwork.fit(
        said["name"].upper(),
        artwork.BLACK,
        width=width,
        height=name_bottom - top,
        largest=180,
        line_spacing=0.94,
    )
    artwork.draw_block(
        draw, name, artwork.BLACK, left=left, top=name_bottom - name.height, fill=ink
    )
