"""Court hearings in a prisoner's case: ahead on the campaign page, in its timeline once past."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.dates import day_span, localdate_in, time_zone_choices, time_zone_names
from campaigns.models.events import DatedQuerySet
from campaigns.models.profiles import Campaign
from sitewide.content_languages import TranslatedContent, parent_language


class HearingQuerySet(DatedQuerySet):
    """`ends_at` is the end of the hearing's day where the court sits."""


class Hearing(TranslatedContent, models.Model):
    """A court hearing: when and where, what is decided, whether the public may attend, and
    once it is over, its outcome."""

    translation_key = "subject"

    class PublicAccess(models.TextChoices):
        YES = "yes", _("The public may attend")
        NO = "no", _("Closed to the public")
        UNKNOWN = "unknown", _("Not known whether the public may attend")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="hearings", verbose_name=_("campaign")
    )
    starts_on = models.DateField(_("date"))
    start_time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("Empty when the time is not known.")
    )
    # No default: a hearing at the wrong hour sends supporters to an empty courtroom.
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        help_text=_("The court's: where the date and time above are on the clock."),
    )
    # Derived from the three fields above on save, so lists can filter and sort in the database.
    starts_at = models.DateTimeField(_("starts at"), editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends at"), editable=False, db_index=True)
    court = models.CharField(_("court"), max_length=200)
    courtroom = models.CharField(_("courtroom"), max_length=100, blank=True)
    address = models.CharField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Where the hearing is held: the court's address, or where it sits."),
    )
    subject = models.CharField(
        _("what is decided"),
        max_length=300,
        help_text=_("Such as “appeal against the sentence” or “verdict”."),
    )
    public_access = models.CharField(
        _("may the public attend?"),
        max_length=7,
        choices=PublicAccess,
        default=PublicAccess.UNKNOWN,
    )
    outcome = models.TextField(
        _("outcome"), blank=True, help_text=_("Once the hearing is over: what the court decided.")
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = HearingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    def __str__(self):
        return f"{self.starts_on:%Y-%m-%d}: {self.court}"

    def save(self, *args, **kwargs):
        self.starts_at, self.ends_at = day_span(self.starts_on, self.start_time, self.time_zone)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.campaign.get_absolute_url()}#hearing-{self.pk}"

    def clean(self):
        if (
            self.outcome
            and self.starts_on
            and self.time_zone in time_zone_names()
            and self.starts_on > localdate_in(self.time_zone)
        ):
            raise ValidationError(
                {"outcome": _("A hearing has an outcome only once it has taken place.")}
            )

    def get_calendar_url(self):
        return reverse("campaigns:hearing_calendar", args=[self.campaign.slug, self.pk])

    def main_language(self):
        return parent_language(self, "campaign")

    def is_over(self, now=None):
        return (now or timezone.now()) >= self.ends_at

    @property
    def local_start(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    @property
    def public_may_attend(self):
        return self.public_access == self.PublicAccess.YES

    @property
    def place(self):
        """Court, courtroom and address on one line, as far as they are known."""
        return ", ".join(part for part in (self.court, self.courtroom, self.address) if part)
