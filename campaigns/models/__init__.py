from campaigns.models.events import Event, LocalAction, Moderated, Moderation, Photo
from campaigns.models.hearings import Hearing
from campaigns.models.letters import Letter, PostcardDesign, PrisonAddress
from campaigns.models.messages import SolidarityMessage
from campaigns.models.profiles import (
    RESERVED_SLUGS,
    Campaign,
    validate_campaign_slug,
)
from campaigns.models.timeline import TimelineEntry
from campaigns.models.updates import CaseUpdate

__all__ = [
    "RESERVED_SLUGS",
    "Campaign",
    "CaseUpdate",
    "Event",
    "Hearing",
    "Letter",
    "LocalAction",
    "Moderated",
    "Moderation",
    "Photo",
    "PostcardDesign",
    "PrisonAddress",
    "SolidarityMessage",
    "TimelineEntry",
    "validate_campaign_slug",
]
