from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CampaignQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Campaign(models.Model):
    """A campaign for one prisoner: the profile visitors read."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("one-line summary"), max_length=300)
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Created by the load_demo command.")
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])
