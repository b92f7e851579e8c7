"""The organisers' admin for campaigns, a module per concern."""

from campaigns.admin import events, letters, profiles, submissions  # noqa: F401 - registers them
