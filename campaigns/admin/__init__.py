"""The organisers' admin for campaigns, a module per concern."""

from campaigns.admin import events, hearings, profiles, submissions  # noqa: F401 - registers them
