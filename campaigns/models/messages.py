"""Messages of solidarity: a few words supporters leave on a campaign page, moderated."""

from django.db import models
from django.db.models import Count, Window
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaigns.models.events import Moderated, ModeratedQuerySet
from campaigns.models.profiles import Campaign
from sitewide import page_cache

MESSAGE_MAX_LENGTH = 500


class SolidarityMessageQuerySet(ModeratedQuerySet):
    def with_total(self):
        """Each row carries `total`, the count of the whole filtered set (before any slice):
        the newest few and how many there are, in one query."""
        return self.annotate(total=Window(Count("pk")))

    def to_print(self):
        """Approved and chosen by an organiser to be printed and posted with the letters."""
        return self.approved().filter(to_print=True)


class SolidarityMessage(Moderated):
    """A short message for the prisoner, shown on the campaign page once approved."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="solidarity_messages",
        verbose_name=_("campaign"),
    )
    name = models.CharField(_("name"), max_length=100)
    country = CountryField(_("country"))
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    to_print = models.BooleanField(
        _("to print"),
        default=False,
        help_text=_("Printed with the next letters to the prisoner."),
    )

    objects = SolidarityMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("message of solidarity")
        verbose_name_plural = _("messages of solidarity")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    def get_absolute_url(self):
        return self.campaign.get_absolute_url() + "#messages"


@receiver(post_delete, sender=SolidarityMessage)
def message_deleted(sender, **kwargs):
    """A deleted message leaves the cached campaign page at once (decisions renew it too:
    campaigns.moderation); a new one, still pending, changes no page."""
    page_cache.content_changed(sender, **kwargs)
