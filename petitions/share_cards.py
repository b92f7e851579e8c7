"""A petition's share card: the 1200x630 image a link preview shows (og:image), with the
petition's title, its target, the count and the campaign's visual, in each language.

It is drawn by a task, never during a request: when the count crosses a step of 1, 2, 5, 10,
20, 50... (the counter's fold-in checks, petitions.counter), when an organiser edits what it
shows (Petition.save), and when the card is asked for and found out of date (the campaign's
visual was drawn again, for instance).
"""

import hashlib
import io
import json
import math

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, pgettext
from PIL import Image

from petitions.models import Petition
from sitewide import artwork, artwork_files, page_cache

SIZE = (1200, 630)
VISUAL_SIZE = (504, 630)  # the campaign's 4:5 poster, at the card's full height
DESIGN = 1
FOLDER = "share-cards"
STEPS = (1, 2, 5)


def count_step(count):
    """The largest of 0, 1, 2, 5, 10, 20, 50, 100... that is at most `count`."""
    if count < 1:
        return 0
    magnitude = 10 ** int(math.log10(count))
    return max(step * magnitude for step in STEPS if step * magnitude <= count)


def texts(petition, count):
    """What the card says in the active language."""
    return {
        "kicker": pgettext("share card", "Petition")
        if petition.is_open
        else pgettext("share card", "Closed petition"),
        "title": petition.title,
        "target": gettext("To: %(target)s") % {"target": petition.target},
        "count": number_format(count, force_grouping=True),
        "label": ngettext("signature", "signatures", count),
        "progress": min(1, count / petition.current_goal) if petition.current_goal else 1,
    }


def _campaign_visual(petition, language):
    """The campaign's poster for `language` (a file name), and the campaign's colour."""
    campaign = petition.campaign
    if campaign is None:
        return "", artwork.DEFAULT_COLOUR
    drawn = campaign.visuals.get("languages", {}).get(language, {})
    return drawn.get("poster", ""), campaign.colour


def source(petition):
    """A digest of what the cards show, with the count's step: it changes when they must be
    drawn again."""
    count = petition.signature_count
    said = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said[code] = {**texts(petition, count), "visual": _campaign_visual(petition, code)}
            del said[code]["count"], said[code]["label"], said[code]["progress"]
    drawn_from = json.dumps([DESIGN, count_step(count), said], sort_keys=True)
    return hashlib.sha256(drawn_from.encode()).hexdigest()[:16]


def refresh(petition):
    """Queue the drawing if what the cards show has changed since they were drawn."""
    if petition.share_cards.get("source") != source(petition):
        artwork_files.queue(render_cards, petition.pk)


def refresh_after_fold(petition_id, *, count, drawn_count):
    """From the counter's fold-in: queue the drawing when the count has crossed a step since the
    cards were drawn (at `drawn_count`; None if never)."""
    if drawn_count is None or count_step(count) != count_step(drawn_count):
        artwork_files.queue(render_cards, petition_id)


@task
def render_cards(petition_id):
    """Draw a petition's share card in each language and store them. Does nothing when they are
    up to date."""
    petition = Petition.objects.select_related("campaign").filter(pk=petition_id).first()
    if petition is None:
        return
    drawn_from = source(petition)
    old = petition.share_cards
    old_names = {drawn["wide"] for drawn in old.get("languages", {}).values()}
    if old.get("source") == drawn_from and all(map(artwork_files.exists, old_names)):
        return
    count = petition.signature_count
    languages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said = texts(petition, count)
            visual, colour = _campaign_visual(petition, code)
            card = draw_card(said, visual=visual, colour=colour)
            languages[code] = {
                "wide": artwork_files.store(FOLDER, card, "png"),
                "alt": alt_text(said),
            }
    Petition.objects.filter(pk=petition_id).update(
        share_cards={"source": drawn_from, "count": count, "languages": languages}
    )
    artwork_files.discard(old_names)
    transaction.on_commit(page_cache.bump_version)


def alt_text(said):
    return gettext("%(kicker)s: %(title)s – %(target)s – %(count)s %(label)s") % said


def draw_card(said, *, visual, colour):
    """The card: the campaign's poster on the left; title, target and count on white."""
    width, height = SIZE
    image, draw = artwork.canvas(SIZE, artwork.WHITE)
    background = artwork.rgb(colour)
    _paste_visual(image, draw, visual, background)
    accent = artwork.accent_on_white(background)
    left = VISUAL_SIZE[0] + 56
    inner = width - left - 56
    top = 56
    kicker = artwork.fit(
        said["kicker"].upper(), artwork.BLACK, width=inner, height=30, largest=24, max_lines=1
    )
    artwork.draw_block(draw, kicker, artwork.BLACK, left=left, top=top, fill=accent)
    top += kicker.height + 24
    title = artwork.fit(
        said["title"], artwork.BLACK, width=inner, height=200, largest=60, line_spacing=1.08
    )
    artwork.draw_block(draw, title, artwork.BLACK, left=left, top=top, fill=artwork.INK)
    top += title.height + 22
    target = artwork.fit(
        said["target"], artwork.SEMIBOLD, width=inner, height=70, largest=26, line_spacing=1.25
    )
    artwork.draw_block(draw, target, artwork.SEMIBOLD, left=left, top=top, fill=artwork.GREY)
    _draw_count(draw, said, accent, left=left, width=inner, bottom=height - 56)
    return artwork.png(image)


def _paste_visual(image, draw, visual, background):
    """The campaign's poster, or while it is not drawn (or not readable) its colour and bars."""
    try:
        with default_storage.open(visual, "rb") as stored:
            poster = Image.open(io.BytesIO(stored.read())).convert("RGB")
        image.paste(poster.resize(VISUAL_SIZE, Image.Resampling.LANCZOS), (0, 0))
    except Exception:
        draw.rectangle((0, 0, VISUAL_SIZE[0] - 1, VISUAL_SIZE[1]), fill=background)
        artwork.bars(
            draw, background, width=VISUAL_SIZE[0], height=VISUAL_SIZE[1], bar_width=22, count=4
        )


def _draw_count(draw, said, accent, *, left, width, bottom):
    """The count large, what it counts beside it, and a bar filled up to the goal."""
    bar_top = bottom - 14
    draw.rectangle((left, bar_top, left + width, bottom), fill=(228, 228, 228))
    filled = max(14, round(width * said["progress"]))
    draw.rectangle((left, bar_top, left + filled, bottom), fill=accent)
    count = artwork.fit(
        said["count"], artwork.BLACK, width=width * 0.6, height=84, largest=88, max_lines=1
    )
    count_top = bar_top - 24 - count.height
    artwork.draw_block(draw, count, artwork.BLACK, left=left, top=count_top, fill=accent)
    label = artwork.fit(
        said["label"],
        artwork.SEMIBOLD,
        width=width - count.width - 20,
        height=count.height,
        largest=30,
        line_spacing=1.2,
    )
    label_top = count_top + count.height - label.height
    label_left = left + count.width + 18
    artwork.draw_block(
        draw, label, artwork.SEMIBOLD, left=label_left, top=label_top, fill=artwork.INK
    )
