"""The organisers' admin for petitions, a module per concern."""

from petitions.admin import (  # noqa: F401 - registers them
    blocklists,
    mailings,
    petitions,
    signatures,
    webhooks,
)
