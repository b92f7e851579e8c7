import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, URLValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaigns.dates import (
    DatePrecision,
    format_period,
    localdate_in,
    period_end,
    period_start,
    start_of_day,
    time_zone_choices,
)
from campaigns.uploads import RandomName

# Campaign slugs that would shadow the app's own pages under /campaigns/.
RESERVED_SLUGS = {"updates", "events"}


def validate_campaign_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of another page; choose another."),
            code="reserved",
            params={"slug": value},
        )


class CampaignQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Campaign(models.Model):
    """A campaign for one prisoner: the profile visitors read."""

    class Status(models.TextChoices):
        DETAINED = "detained", _("detained")
        ON_TRIAL = "on_trial", _("on trial")
        SENTENCED = "sentenced", _("sentenced")
        RELEASED = "released", _("released")
        IN_EXILE = "in_exile", _("in exile")
        DIED_IN_CUSTODY = "died_in_custody", _("died in custody")

    slug = models.SlugField(_("slug"), unique=True, validators=[validate_campaign_slug])
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("one-line summary"), max_length=300)
    portrait = models.ImageField(_("portrait"), upload_to=RandomName("portraits"), blank=True)
    portrait_alt = models.CharField(
        _("portrait description"),
        max_length=300,
        blank=True,
        help_text=_("What the portrait shows, for people who cannot see it."),
    )
    biography = models.TextField(_("biography"), blank=True, help_text=_("Markdown."))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DETAINED)
    place_of_detention = models.CharField(_("place of detention"), max_length=300, blank=True)
    charges = models.TextField(_("charges"), blank=True, help_text=_("Markdown."))
    sentence = models.CharField(_("sentence"), max_length=300, blank=True)
    detained_on = models.DateField(
        _("detained on"),
        null=True,
        blank=True,
        help_text=_("If only the month or the year is known, enter its first day."),
    )
    detained_on_precision = models.CharField(
        _("precision of the detention date"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    detention_ended_on = models.DateField(
        _("detention ended on"),
        null=True,
        blank=True,
        help_text=_("Date of release, or of death in custody. Empty while detained."),
    )
    time_zone = models.CharField(
        _("time zone of the place of detention"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("The count of days behind bars turns at midnight there."),
    )
    organiser_name = models.CharField(_("organising group"), max_length=200, blank=True)
    organiser_email = models.EmailField(_("organising group's email"), blank=True)
    organiser_url = models.URLField(_("organising group's website"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Created by the load_demo command.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])

    def clean(self):
        if self.portrait and not self.portrait_alt:
            raise ValidationError(
                {"portrait_alt": _("Describe the portrait for people who cannot see it.")}
            )
        if self.detained_on and self.detained_on_precision:
            self.detained_on = period_start(self.detained_on, self.detained_on_precision)
        if (
            self.detained_on
            and self.detention_ended_on
            and self.detention_ended_on < self.detained_on
        ):
            raise ValidationError(
                {"detention_ended_on": _("The detention cannot end before it began.")}
            )

    @property
    def portrait_url(self):
        return self.portrait.url if self.portrait else ""

    @property
    def detained_since_display(self):
        if self.detained_on is None:
            return ""
        return format_period(self.detained_on, self.detained_on_precision)

    @property
    def days_are_a_minimum(self):
        """True when only the month or year of detention is known: the count is "at least"."""
        return self.detained_on_precision != DatePrecision.DAY

    def days_behind_bars(self, now=None):
        """Whole days spent in detention up to `now` (default: now), or up to the end of it.

        Days are counted on the calendar where the prisoner is held, so the figure turns at
        their midnight whatever the server's or the reader's time zone. With an approximate
        detention date, counting starts at the end of its month or year: a sure minimum.
        """
        if self.detained_on is None:
            return None
        counted_from = period_end(self.detained_on, self.detained_on_precision)
        today = localdate_in(self.time_zone, now)
        until = min(self.detention_ended_on, today) if self.detention_ended_on else today
        return max((until - counted_from).days, 0)

    @property
    def is_in_detention(self):
        return self.detained_on is not None and self.detention_ended_on is None


class TimelineEntry(models.Model):
    """A dated step in the prisoner's case, with its sources."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="timeline", verbose_name=_("campaign")
    )
    starts_on = models.DateField(
        _("date"), help_text=_("If only the month or the year is known, enter its first day.")
    )
    ends_on = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("For a period, such as July–August.")
    )
    precision = models.CharField(
        _("precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    sort_date = models.DateField(
        _("place in the timeline as if on"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. An entry dated only by its year or month is placed at the start of that "
            "period; give a day here to place it elsewhere."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    sources = models.TextField(
        _("sources"),
        blank=True,
        help_text=_("One link a line, optionally with a title first: Title | https://…"),
    )

    class Meta:
        ordering = [Coalesce("sort_date", "starts_on").asc(), "ends_on", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self):
        return f"{self.date_display}: {self.title}"

    def clean(self):
        if self.starts_on:
            self.starts_on = period_start(self.starts_on, self.precision)
        if self.ends_on:
            self.ends_on = period_start(self.ends_on, self.precision)
            if self.starts_on and self.ends_on < self.starts_on:
                raise ValidationError({"ends_on": _("The end date cannot be before the date.")})
        errors = [line for line in self.sources.splitlines() if line.strip() and not _link(line)]
        if errors:
            raise ValidationError(
                {"sources": _("Not a web address: %(line)s") % {"line": errors[0].strip()}}
            )

    @property
    def date_display(self):
        return format_period(self.starts_on, self.precision, self.ends_on)

    @property
    def is_range(self):
        return self.ends_on is not None and self.ends_on != self.starts_on

    def source_links(self):
        """The sources as (title, url) pairs; lines that are not http(s) links are left out."""
        return [link for link in map(_link, self.sources.splitlines()) if link]


def _link(line):
    title, _sep, url = line.rpartition("|")
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return None
    return (title.strip() or url, url)


class CaseUpdateQuerySet(models.QuerySet):
    def live(self, now=None):
        """Posts whose publish time has come, newest first."""
        return self.filter(publish_at__lte=now or timezone.now()).order_by("-publish_at", "-pk")

    def published(self, now=None):
        """Live posts of published campaigns: what the public may read."""
        return self.live(now).filter(campaign__is_published=True)


class CaseUpdate(models.Model):
    """A news post about a campaign: a draft, scheduled, or published by its publish time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="updates", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists, feeds and link previews."),
    )
    body = models.TextField(_("text"), help_text=_("Markdown."))
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty: a draft. A time in the future: published automatically then."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = CaseUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("case update")
        verbose_name_plural = _("case updates")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "slug"], name="unique_update_slug_per_campaign"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:update_detail", args=[self.campaign.slug, self.slug])

    def status(self, now=None):
        if self.publish_at is None:
            return self.Status.DRAFT
        if self.publish_at > (now or timezone.now()):
            return self.Status.SCHEDULED
        return self.Status.PUBLISHED

    @property
    def is_published(self):
        return self.status() == self.Status.PUBLISHED and self.campaign.is_published


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, campaign__is_published=True)

    def upcoming(self, now=None):
        """Events not over yet, soonest first."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Events that are over, latest first."""
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(models.Model):
    """A day of action for a campaign, such as an international day of solidarity."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="events", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
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
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    call_to_action = models.TextField(
        _("call to action"), blank=True, help_text=_("What supporters can do. Markdown.")
    )
    poster = models.FileField(
        _("poster"),
        upload_to=RandomName("posters"),
        blank=True,
        validators=[FileExtensionValidator(["pdf", "png", "jpg", "jpeg"])],
        help_text=_("A PDF or image file for supporters to download and print."),
    )
    accepts_actions = models.BooleanField(_("supporters may register local actions"), default=True)
    accepts_photos = models.BooleanField(_("supporters may send photos"), default=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = EventQuerySet.as_manager()

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
        self.starts_at = datetime.datetime.combine(
            self.starts_on,
            self.start_time or datetime.time.min,
            tzinfo=zoneinfo.ZoneInfo(self.time_zone),
        )
        # The event is on until its day ends where it takes place.
        self.ends_at = start_of_day(self.starts_on + datetime.timedelta(days=1), self.time_zone)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:event_detail", args=[self.campaign.slug, self.slug])

    @property
    def local_start(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def is_upcoming(self, now=None):
        return (now or timezone.now()) < self.starts_at

    def is_over(self, now=None):
        return (now or timezone.now()) >= self.ends_at


class Moderation(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


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

    def delete_files(self):
        """Remove the stored image and thumbnail, for when the photo itself goes."""
        for field in (self.image, self.thumbnail):
            if field:
                field.delete(save=False)
