"""Small functions that build test data (fixtures in the conftest files chain them)."""

import datetime
import time

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from campaigns.models import (
    CaseUpdate,
    Hearing,
    Letter,
    LocalAction,
    Moderation,
    Photo,
    PostcardDesign,
    SolidarityMessage,
    TimelineEntry,
)
from petitions.models import Petition, Signature
from petitions.spam import form_started_token
from sitewide.form_guard import started_token
from tests.images import image_bytes


def add_timeline_entry(campaign, starts_on, title="Something happened", **fields):
    return TimelineEntry.objects.create(
        campaign=campaign, starts_on=starts_on, title=title, **fields
    )


def add_update(campaign, title="News", days_ago=1, **fields):
    """A case update published `days_ago` days ago (negative: scheduled; None: a draft)."""
    publish_at = None if days_ago is None else timezone.now() - datetime.timedelta(days=days_ago)
    fields.setdefault("body", f"About {title}.")
    return CaseUpdate.objects.create(
        campaign=campaign, title=title, slug=slugify(title), publish_at=publish_at, **fields
    )


def add_hearing(campaign, days_ahead=20, **fields):
    """A published hearing `days_ahead` days from today (negative: past), at 10:00 in Moscow."""
    values = {
        "starts_on": timezone.localdate() + datetime.timedelta(days=days_ahead),
        "start_time": datetime.time(10, 0),
        "time_zone": "Europe/Moscow",
        "court": "Moscow City Court",
        "courtroom": "Room 635",
        "address": "Bogorodsky Val 8, Moscow",
        "subject": "Appeal against the sentence",
        "public_access": Hearing.PublicAccess.YES,
        "is_published": True,
    }
    return Hearing.objects.create(campaign=campaign, **(values | fields))


def add_photo(event, city="Paris", status=Moderation.APPROVED, **fields):
    """An already-cleaned photo, stored through the storage API like the form does."""
    photo = Photo(event=event, city=city, country="FR", consent=True, status=status, **fields)
    photo.image.save("photo.jpg", ContentFile(image_bytes("JPEG")), save=False)
    photo.thumbnail.save("thumbnail.jpg", ContentFile(image_bytes("JPEG")), save=False)
    photo.save()
    return photo


def add_local_action(event, city="Lyon", country="FR", status=Moderation.APPROVED, **fields):
    fields = {
        "place": f"Town hall of {city}",
        "starts_on": event.starts_on,
        "start_time": datetime.time(18, 0),
        "time_zone": "Europe/Paris",
        "submitter_email": "private-supporter@example.org",
        **fields,
    }
    return LocalAction.objects.create(
        event=event, city=city, country=country, status=status, **fields
    )


def add_petition(campaign, slug="free-jane-doe", **fields):
    """An open petition for `campaign`, opened yesterday."""
    defaults = {
        "title": "Free Jane Doe",
        "target": "the Minister of Justice",
        "goal": 1000,
        "status": Petition.Status.OPEN,
        "opens_at": timezone.now() - datetime.timedelta(days=1),
    }
    return Petition.objects.create(campaign=campaign, slug=slug, **(defaults | fields))


def add_signature(petition, email, status=Signature.Status.CONFIRMED, **fields):
    """A signature stored as it is, counter untouched; a confirmed one was confirmed now."""
    values = {"first_name": "Ada", "last_name": "Lovelace", "country": "GB"}
    if status == Signature.Status.CONFIRMED:
        values["confirmed_at"] = timezone.now()
    return Signature.objects.create(
        petition=petition, email=email, status=status, **(values | fields)
    )


def form_data(petition, **overrides):
    """A human's valid submission to `petition`: the form was shown a minute ago."""
    data = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.org",
        "country": "GB",
        "postal_code": "",
        "started": form_started_token(petition, at=time.time() - 60),
    }
    data.update(overrides)
    return data


def event_admin_form(event, **fields):
    """The admin's change form for `event` as an organiser sends it, with no local action."""
    return {
        "campaign": event.campaign.pk,
        "title_en": event.title,
        "slug": event.slug,
        "starts_on": event.starts_on.isoformat(),
        "start_time": "18:00",
        "time_zone": event.time_zone,
        "accepts_actions": "on",
        "is_published": "on",
        "local_actions-TOTAL_FORMS": "0",
        "local_actions-INITIAL_FORMS": "0",
        **fields,
    }


def local_action_form(event, **fields):
    """A supporter's valid "join with your own action" form for `event`, on its day."""
    return {
        "country": "FR",
        "city": "Marseille",
        "place": "Vieux-Port",
        "starts_on": event.starts_on.isoformat(),
        "start_time": "17:30",
        "time_zone": "Europe/Paris",
        "description": "Banners and speeches.",
        "link": "https://example.org/marseille",
        "organiser_name": "Marseille solidarity",
        "public_contact": "marseille@example.org",
        "contact_is_public": "on",
        "submitter_email": "me@example.org",
        **fields,
    }


def add_postcard_design(campaign, title="Free Jane", **fields):
    """A postcard design, stored as the admin stores a cleaned upload."""
    design = PostcardDesign(campaign=campaign, title=title, **fields)
    design.image.save("design.jpg", ContentFile(image_bytes("JPEG")), save=False)
    design.thumbnail.save("thumbnail.jpg", ContentFile(image_bytes("JPEG")), save=False)
    design.save()
    return design


def add_letter(campaign, text="Stay strong, we think of you.", **fields):
    fields = {
        "name": "Camille Martin",
        "country": "FR",
        "language": "en",
        "status": Moderation.PENDING,
        **fields,
    }
    return Letter.objects.create(campaign=campaign, text=text, **fields)


def letter_form(campaign, **fields):
    """What a supporter's browser sends for a letter, with a genuine start token."""
    return {
        "kind": "letter",
        "text": "Stay strong, we think of you.",
        "name": "Camille",
        "country": "FR",
        "email": "",
        "website": "",
        "started": started_token(f"letters.{campaign.pk}"),
        **fields,
    }


# The campaign admin's inline forms, empty: for tests posting the campaign's change page.
NO_CAMPAIGN_INLINES = {
    f"{prefix}-{count}": "0"
    for prefix in ("timeline", "prison_addresses", "postcard_designs")
    for count in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def add_message(campaign, message="We are with you.", status=Moderation.APPROVED, **fields):
    fields = {"name": "Camille", "country": "FR", **fields}
    return SolidarityMessage.objects.create(
        campaign=campaign, message=message, status=status, **fields
    )


def message_form(campaign, **fields):
    """A supporter's valid message of solidarity for `campaign`: the form was shown a minute ago."""
    return {
        "name": "Camille",
        "country": "FR",
        "message": "Stay strong, we are with you.",
        "consent": "on",
        "website": "",
        "started": started_token(f"messages.{campaign.pk}", at=time.time() - 60),
        **fields,
    }
