"""The campaigns' texts that organisers write in each language (django-modeltranslation finds
this module; sitewide/content_languages.py says how a page picks the language)."""

from campaigns.models import (
    Campaign,
    CaseUpdate,
    Event,
    Hearing,
    PostcardDesign,
    TimelineEntry,
)
from sitewide.content_languages import register

register(
    Campaign,
    [
        "name",
        "summary",
        "slogan",
        "portrait_alt",
        "biography",
        "place_of_detention",
        "charges",
        "sentence",
        "organiser_name",
        "letter_rules",
    ],
)
register(TimelineEntry, ["title", "text"])
register(CaseUpdate, ["title", "summary", "body"])
register(Event, ["title", "description", "call_to_action"])
register(Hearing, ["court", "courtroom", "address", "subject", "outcome"])
register(PostcardDesign, ["title"])
