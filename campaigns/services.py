"""Moderation of what the public sends in: local actions and photos."""

from django.utils import timezone

from campaigns.models import Moderation


def approve(submissions):
    """Publish the given local actions or photos (a queryset); returns how many changed."""
    return _moderate(submissions, Moderation.APPROVED)


def reject(submissions):
    """Keep the given local actions or photos (a queryset) off the site; returns the count."""
    return _moderate(submissions, Moderation.REJECTED)


def _moderate(submissions, status):
    return submissions.exclude(status=status).update(status=status, reviewed_at=timezone.now())
