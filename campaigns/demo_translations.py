"""The demo campaigns' French and Russian texts, written into the columns still empty.

A database loaded before they existed gets them on the next `load_demo`; a text an organiser
wrote in one of these languages is left as it is.
"""

from campaigns import demo_french, demo_russian
from sitewide.content_languages import fill_in

TRANSLATIONS = {"fr": demo_french, "ru": demo_russian}


def add(campaigns):
    """Fill in the translations of the demo campaigns (by slug) and all they hold."""
    for language, texts in TRANSLATIONS.items():
        for slug, campaign in campaigns.items():
            fill_in(campaign, language, texts.CAMPAIGNS[slug])
            for entry in campaign.timeline.all():
                title, text = texts.TIMELINE.get(entry.text_in("title", "en"), ("", ""))
                fill_in(entry, language, {"title": title, "text": text})
            for update in campaign.updates.all():
                title, summary, body = texts.UPDATES.get(update.slug, ("", "", ""))
                fill_in(update, language, {"title": title, "summary": summary, "body": body})
            for event in campaign.events.all():
                fill_in(event, language, texts.EVENTS.get(event.slug, {}))
            for hearing in campaign.hearings.all():
                fill_in(hearing, language, texts.HEARINGS.get(hearing.starts_on.isoformat(), {}))
