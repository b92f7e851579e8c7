"""Moderation of what the public sends in: local actions, photos, messages of solidarity.

A decision changes what pages show: the cached pages are renewed (sitewide.page_cache).
"""

from django.db import transaction
from django.utils import timezone

from campaigns.models import Moderation, Photo
from sitewide import page_cache


def approve(submissions):
    """Publish the given local actions or photos (a queryset); returns how many changed.

    Photos rejected earlier have lost their files: they stay rejected.
    """
    if submissions.model is Photo:
        submissions = submissions.exclude(image="")
    page_cache.content_changed(sender=submissions.model)
    return submissions.exclude(status=Moderation.APPROVED).update(
        status=Moderation.APPROVED, reviewed_at=timezone.now()
    )


@transaction.atomic
def reject(submissions):
    """Keep the given local actions or photos (a queryset) off the site; returns the count.

    A rejected photo's files are deleted: nobody will see it, so nobody needs to keep it.
    """
    submissions = submissions.exclude(status=Moderation.REJECTED)
    page_cache.content_changed(sender=submissions.model)
    if submissions.model is not Photo:
        return submissions.update(status=Moderation.REJECTED, reviewed_at=timezone.now())
    photos = list(submissions.select_for_update())
    for photo in photos:
        record_review(photo, Moderation.REJECTED)
    Photo.objects.bulk_update(photos, ["status", "reviewed_at", "image", "thumbnail"])
    return len(photos)


def record_review(submission, status):
    """Give a local action or photo the status an organiser chose, with the time (not saved).

    For a status changed by hand in the admin; a rejected photo's files are deleted once the
    transaction commits.
    """
    submission.status = status
    page_cache.content_changed(sender=type(submission))
    submission.reviewed_at = None if status == Moderation.PENDING else timezone.now()
    if isinstance(submission, Photo) and status == Moderation.REJECTED:
        submission.delete_files()
