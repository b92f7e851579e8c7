"""The petitions' texts that organisers write in each language (django-modeltranslation finds
this module; sitewide/content_languages.py says how a page picks the language)."""

from petitions.models import Demand, Mailing, Petition
from sitewide.content_languages import register

register(
    Petition,
    [
        "title",
        "target",
        "introduction",
        "body",
        "thank_you_text",
        "share_text",
        "next_action_text",
    ],
)
register(Demand, ["text"])
register(Mailing, ["subject", "body"])
