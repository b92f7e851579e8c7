"""Case updates: the news posts of a campaign."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models.profiles import Campaign, refuse_reserved_slug
from sitewide.content_languages import TranslatedContent, parent_language
from sitewide.help_texts import MARKDOWN_HELP, SLUG_HELP

# Update slugs that would shadow the campaign's feeds at /campaigns/<slug>/updates/rss|atom/.
RESERVED_UPDATE_SLUGS = {"rss", "atom"}


def validate_update_slug(value):
    refuse_reserved_slug(value, RESERVED_UPDATE_SLUGS)


class CaseUpdateQuerySet(models.QuerySet):
    def live(self, now=None):
        """Posts whose publish time has come, newest first."""
        return self.filter(publish_at__lte=now or timezone.now()).order_by("-publish_at", "-pk")

    def published(self, now=None):
        """Live posts of published campaigns: what the public may read."""
        return self.live(now).filter(campaign__is_published=True)


class CaseUpdate(TranslatedContent, models.Model):
    """A news post about a campaign: a draft, scheduled, or published by its publish time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="updates", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("web address"), max_length=200, validators=[validate_update_slug], help_text=SLUG_HELP
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists, feeds and link previews."),
    )
    body = models.TextField(_("text"), help_text=MARKDOWN_HELP)
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

    def main_language(self):
        return parent_language(self, "campaign")

    def status(self, now=None):
        if self.publish_at is None:
            return self.Status.DRAFT
        if self.publish_at > (now or timezone.now()):
            return self.Status.SCHEDULED
        return self.Status.PUBLISHED

    @property
    def is_published(self):
        return self.status() == self.Status.PUBLISHED and self.campaign.is_published
