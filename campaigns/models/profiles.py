"""A prisoner's profile: a campaign."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.dates import (
    DatePrecision,
    format_period,
    localdate_in,
    period_end,
    period_start,
    time_zone_choices,
)
from campaigns.models.how_to_help import HowToHelp
from campaigns.uploads import RandomName
from sitewide import artwork, artwork_files
from sitewide.content_languages import TranslatedContent
from sitewide.help_texts import DEMO_HELP, MAIN_LANGUAGE_HELP, MARKDOWN_HELP, SLUG_HELP

SLOGAN_HELP = _(
    "A few words above the name on the campaign's poster, such as “Free”. Empty: chosen from "
    "the status."
)
# Campaign slugs that would shadow the app's own pages under /campaigns/.
RESERVED_SLUGS = {"updates"}


def validate_campaign_slug(value):
    refuse_reserved_slug(value, RESERVED_SLUGS)


def refuse_reserved_slug(value, reserved):
    """Raise ValidationError if `value` is one of the `reserved` slugs."""
    if value in reserved:
        raise ValidationError(
            _("“%(slug)s” is the address of another page; choose another."),
            code="reserved",
            params={"slug": value},
        )


class CampaignQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Campaign(TranslatedContent, HowToHelp, models.Model):
    """A campaign for one prisoner: the profile visitors read."""

    # Names are often written alike in several languages; the summary is always the language's.
    translation_key = "summary"

    class Status(models.TextChoices):
        DETAINED = "detained", _("Detained")
        ON_TRIAL = "on_trial", _("On trial")
        SENTENCED = "sentenced", _("Sentenced")
        RELEASED = "released", _("Released")
        IN_EXILE = "in_exile", _("In exile")
        DIED_IN_CUSTODY = "died_in_custody", _("Died in custody")

    # Released, in exile (out of prison, abroad) or dead: no longer behind bars.
    STATUSES_AFTER_DETENTION = {Status.RELEASED, Status.IN_EXILE, Status.DIED_IN_CUSTODY}

    slug = models.SlugField(
        _("web address"), unique=True, validators=[validate_campaign_slug], help_text=SLUG_HELP
    )
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(
        _("main language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=MAIN_LANGUAGE_HELP,
    )
    summary = models.CharField(_("one-line summary"), max_length=300)
    portrait = models.ImageField(_("portrait"), upload_to=RandomName("portraits"), blank=True)
    portrait_alt = models.CharField(
        _("portrait description"),
        max_length=300,
        blank=True,
        help_text=_("What the portrait shows, for people who cannot see it."),
    )
    slogan = models.CharField(_("slogan"), max_length=60, blank=True, help_text=SLOGAN_HELP)
    colour = models.CharField(
        _("campaign colour"),
        max_length=7,
        blank=True,
        default=artwork.DEFAULT_COLOUR,
        validators=[artwork.validate_colour],
        help_text=_("Of the poster and share images: # and six hexadecimal digits. Empty: red."),
    )
    # The drawn poster and share image per language: written by campaigns.visuals alone.
    visuals = models.JSONField(_("campaign visuals"), default=dict, blank=True, editable=False)
    biography = models.TextField(_("biography"), blank=True, help_text=MARKDOWN_HELP)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DETAINED)
    place_of_detention = models.CharField(_("place of detention"), max_length=300, blank=True)
    charges = models.TextField(_("charges"), blank=True, help_text=MARKDOWN_HELP)
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
    facts_checked_on = models.DateField(
        _("facts last checked on"),
        null=True,
        blank=True,
        help_text=_(
            "The day an organiser last checked this profile against the news; the profile "
            "shows it. While the person is held, the count of days behind bars stops at this "
            "date: the page claims nothing about the days since. Leave empty for a count that "
            "runs to today."
        ),
    )
    organiser_name = models.CharField(_("organising group"), max_length=200, blank=True)
    organiser_email = models.EmailField(_("organising group's email"), blank=True)
    organiser_url = models.URLField(_("organising group's website"), blank=True)
    accepts_messages = models.BooleanField(
        _("supporters may leave messages of solidarity"),
        default=False,
        help_text=_("They appear on the campaign page once an organiser has approved them."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveIntegerField(
        _("place on the home page"), default=0, help_text=_("Lower numbers come first.")
    )
    is_demo = models.BooleanField(_("demo content"), default=False, help_text=DEMO_HELP)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def save(self, **kwargs):
        super().save(**artwork_files.leave_to_task(self, kwargs, "visuals"))
        from campaigns import visuals  # which reads this module

        visuals.refresh(self)

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])

    @property
    def visual(self):
        """The drawn poster in the active language: {"url", "alt", "share_version"}, or {}."""
        return artwork_files.in_language(self.visuals)

    def main_language(self):
        return self.language

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
        if self.detained_on and not self.detention_ended_on and self._detention_has_ended:
            raise ValidationError(
                {
                    "detention_ended_on": _(
                        "Enter the date the detention ended: the date of release, of leaving "
                        "the country, or of death. Without it the count of days behind bars "
                        "would keep growing."
                    )
                }
            )

    @property
    def _detention_has_ended(self):
        return self.status in self.STATUSES_AFTER_DETENTION

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
        """Whole days spent in detention up to `now` (default: now), up to the end of it, or,
        while detained, up to the day the facts were last checked (days_counted_until).

        Days are counted on the calendar where the prisoner is held, so the figure turns at
        their midnight whatever the server's or the reader's time zone. With an approximate
        detention date, counting starts at the end of its month or year: a sure minimum.
        """
        if self.detained_on is None:
            return None
        if self.detention_ended_on is None and self._detention_has_ended:
            # The status says it is over but not when: no figure rather than a growing one.
            return None
        counted_from = period_end(self.detained_on, self.detained_on_precision)
        today = localdate_in(self.time_zone, now)
        until = min(self.detention_ended_on or self.days_counted_until or today, today)
        return max((until - counted_from).days, 0)

    @property
    def days_counted_until(self):
        """The date of the last check of the facts while the person is held: the count stops
        there rather than claim they are still held today. None: the count runs to today."""
        return self.facts_checked_on if self.is_in_detention else None

    @property
    def is_in_detention(self):
        return (
            self.detained_on is not None
            and self.detention_ended_on is None
            and not self._detention_has_ended
        )
