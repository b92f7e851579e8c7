"""The organisers' admin for petitions, a module per concern."""

from petitions.admin import blocklists, mailings, petitions, signatures  # noqa: F401 - registers them
