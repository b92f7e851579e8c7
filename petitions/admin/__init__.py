"""The organisers' admin for petitions, a module per concern."""

from petitions.admin import blocklists, petitions, signatures, webhooks  # noqa: F401 - registers them
