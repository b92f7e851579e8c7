"""Solidarity-day events and what supporters send in for them: local actions and photos."""

import zoneinfo
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaigns import posters
from campaigns.dates import day_span, time_zone_choices
from campaigns.models.profiles import Campaign
from campaigns.posters import POSTER_EXTENSIONS
from campaigns.uploads import RandomName
from sitewide import artwork_files
from sitewide.content_languages import TranslatedContent, parent_language
from sitewide.help_texts import MARKDOWN_HELP, SLUG_HELP


class DatedQuerySet(models.QuerySet):
    """Named filters of a campaign's dated rows (events, hearings) with `starts_at`, `ends_at`
    and `is_published`."""

    def published(self):
        return self.filter(is_published=True, campaign__is_published=True)

    def upcoming(self, now=None):
        """Not over yet, soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Over, latest first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(TranslatedContent, models.Model):
    """A day of action for a campaign, such as an international day of solidarity."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="events", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=200, help_text=SLUG_HELP)
    starts_on = models.DateField(_("date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Empty for an event all day long.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("Where the date and time above are on the clock."),
    )
    # Derived from the three fields above on save, so lists can filter and sort in the database.
    starts_at = models.DateTimeField(_("starts at"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True, help_text=MARKDOWN_HELP)
    call_to_action = models.TextField(
        _("call to action"),
        blank=True,
        help_text=format_lazy("{} {}", _("What supporters can do."), MARKDOWN_HELP),
    )
    poster = models.FileField(
        _("poster"),
        upload_to=RandomName("posters"),
        blank=True,
        validators=[FileExtensionValidator(POSTER_EXTENSIONS)],
        help_text=_("A PDF or image file for supporters to download and print."),
    )
    poster_headline = models.CharField(
        _("poster text"),
        max_length=40,
        blank=True,
        help_text=_(
            "In large letters on a poster the site draws in the campaign's colour, for "
            "supporters to print and hold up in their photos, such as “FREE AZAT 04.09”. "
            "Empty: no drawn poster."
        ),
    )
    # The drawn poster's files and sizes, and what it was drawn from: written by
    # campaigns.posters alone.
    drawn_poster = models.JSONField(_("drawn poster"), default=dict, blank=True, editable=False)
    accepts_actions = models.BooleanField(_("supporters may register local actions"), default=True)
    accepts_photos = models.BooleanField(_("supporters may send photos"), default=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "slug"], name="unique_event_slug_per_campaign"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The event is on until its day ends where it takes place.
        self.starts_at, self.ends_at = day_span(self.starts_on, self.start_time, self.time_zone)
        super().save(*args, **artwork_files.leave_to_task(self, kwargs, "drawn_poster"))
        posters.refresh(self)

    def get_absolute_url(self):
        return reverse("campaigns:event_detail", args=[self.campaign.slug, self.slug])

    def main_language(self):
        return parent_language(self, "campaign")

    @property
    def local_start(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    @property
    def drawn_poster_image(self):
        return posters.drawn_image(self)

    def poster_downloads(self):
        return posters.downloads(self)

    def is_upcoming(self, now=None):
        return (now or timezone.now()) < self.starts_at

    def is_over(self, now=None):
        return (now or timezone.now()) >= self.ends_at


class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ModeratedQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Moderation.APPROVED)

    def pending(self):
        return self.filter(status=Moderation.PENDING)


class Moderated(models.Model):
    """Something the public sends in, shown only once an organiser approves it."""

    status = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Moderation,
        default=Moderation.PENDING,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True


class LocalAction(Moderated):
    """A rally or other action that supporters hold in their own city on an event's day."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="local_actions", verbose_name=_("event")
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100)
    place = models.CharField(
        _("place"), max_length=200, help_text=_("Where exactly: a square, a street, a building.")
    )
    starts_on = models.DateField(_("date"))
    start_time = models.TimeField(_("time"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, choices=time_zone_choices)
    description = models.TextField(_("what you are planning"), max_length=1000, blank=True)
    link = models.URLField(_("link"), blank=True, help_text=_("A page with more details."))
    organiser_name = models.CharField(_("organised by"), max_length=200, blank=True)
    public_contact = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        help_text=_("An email, phone number or social media account for people who want to join."),
    )
    contact_is_public = models.BooleanField(_("the contact may be published"), default=False)
    submitter_email = models.EmailField(
        _("your email"), help_text=_("Only for the organisers, never shown on the site.")
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("local action")
        verbose_name_plural = _("local actions")

    def __str__(self):
        return f"{self.city} ({self.country.code}): {self.place}"

    def get_absolute_url(self):
        return self.event.get_absolute_url() + "#local-actions"

    @property
    def city_key(self):
        """The city as compared when grouping: "Paris", "paris" and " PARIS " are one city."""
        return " ".join(self.city.split()).casefold()

    @property
    def shown_contact(self):
        """The contact, only where its owner agreed to publish it."""
        return self.public_contact if self.contact_is_public else ""


class Photo(Moderated):
    """A supporter's photo for an event's photo action, re-encoded and stripped on upload."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event")
    )
    image = models.ImageField(_("photo"), upload_to=RandomName("photos"))
    thumbnail = models.ImageField(_("thumbnail"), upload_to=RandomName("photos/thumbnails"))
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    name = models.CharField(
        _("your name"), max_length=100, blank=True, help_text=_("Optional, shown with the photo.")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    consent = models.BooleanField(_("consent to publication"), default=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return f"{self.city} ({self.country.code})"

    def get_absolute_url(self):
        return reverse("campaigns:photo_gallery", args=[self.event.campaign.slug, self.event.slug])

    @property
    def alt_text(self):
        return self.caption or _("Photo from %(city)s, %(country)s") % {
            "city": self.city,
            "country": self.country.name,
        }

    def clean(self):
        if self.status == Moderation.APPROVED and not self.image:
            raise ValidationError(
                {
                    "status": _(
                        "This photo cannot be published: its files were deleted when it was "
                        "rejected."
                    )
                }
            )

    def delete_files(self):
        """Delete the stored image and thumbnail once the transaction commits; empty the fields.

        For a rejected photo (the row stays, without its picture) and a deleted one.
        """
        for field in (self.image, self.thumbnail):
            if field:
                transaction.on_commit(partial(field.storage.delete, field.name))
        self.image = self.thumbnail = ""


@receiver(post_delete, sender=Photo)
def delete_photo_files(sender, instance, **kwargs):
    """However a photo goes (admin, cascade from its event or campaign, shell), its files go too."""
    instance.delete_files()
