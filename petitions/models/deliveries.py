from django.db import models
from django.utils.translation import gettext_lazy as _

from petitions.models.petitions import Petition


class Delivery(models.Model):
    """One sending of a petition's delivery pack to its target by email (petitions.delivery)."""

    class Outcome(models.TextChoices):
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    petition = models.ForeignKey(
        Petition, related_name="deliveries", on_delete=models.CASCADE, verbose_name=_("petition")
    )
    sent_at = models.DateTimeField(_("when"), auto_now_add=True)
    recipient = models.EmailField(_("to"))
    signature_count = models.PositiveIntegerField(_("signatures in total"))
    names_included = models.BooleanField(_("first names included"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("email to the target")
        verbose_name_plural = _("emails to the target")

    def __str__(self):
        return f"{self.recipient} ({self.get_outcome_display()})"
