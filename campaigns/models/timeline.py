"""The timeline of a prisoner's case: dated steps with their sources."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from campaigns.dates import DatePrecision, format_period, period_start
from campaigns.models.profiles import Campaign
from sitewide.content_languages import TranslatedContent, parent_language
from sitewide.help_texts import MARKDOWN_HELP


class TimelineEntry(TranslatedContent, models.Model):
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
        _("how exact the date is"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
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
    text = models.TextField(_("text"), blank=True, help_text=MARKDOWN_HELP)
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

    def main_language(self):
        return parent_language(self, "campaign")

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
