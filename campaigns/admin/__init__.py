"""The organisers' admin for campaigns, a module per concern."""

from campaigns.admin import (  # noqa: F401 - registers them
    events,
    hearings,
    letters,
    messages,
    profiles,
    submissions,
)
