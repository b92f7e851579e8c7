"""Webhooks: the organisers' own tools told of each signature confirmed, withdrawn or
unsubscribed (petitions.webhooks sends them; this is what is configured and logged)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from petitions.webhook_http import validate_webhook_url


def new_secret():
    return f"whsec_{secrets.token_urlsafe(32)}"


class WebhookEvent(models.TextChoices):
    CONFIRMED = "signature.confirmed", _("A signature is confirmed")
    WITHDRAWN = "signature.withdrawn", _("A signature is withdrawn")
    UNSUBSCRIBED = "signature.unsubscribed", _("A signer stops hearing from the organiser")
    ERASED = "signature.erased", _("A signer erases their data")


class WebhookEndpointQuerySet(models.QuerySet):
    def listening_to(self, event):
        """Active endpoints that asked for `event`."""
        return [endpoint for endpoint in self.filter(is_active=True) if event in endpoint.events]


class WebhookEndpoint(models.Model):
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Where each event is POSTed as JSON: an https:// address of your own tool."),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    events = models.JSONField(pgettext_lazy("webhook", "events"), default=list)
    secret = models.CharField(_("signing secret"), max_length=100, default=new_secret)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WebhookEndpointQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.description or self.url


class WebhookDelivery(models.Model):
    """One event for one endpoint, and its fate. The payload (which may hold a signer's name
    and address) is kept only until it is delivered or given up."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Given up")
        CANCELLED = (
            "cancelled",
            _(
                "Cancelled: the signer withdrew, unsubscribed or erased their data, or the "
                "webhook was turned off"
            ),
        )

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        related_name="deliveries",
        on_delete=models.CASCADE,
        verbose_name=_("webhook"),
    )
    event_id = models.CharField(_("event id"), max_length=40, db_index=True)
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    # The signature it is about, to cancel what waits when its signer withdraws; not a key,
    # so that the log outlives a deleted signature.
    signature_id = models.BigIntegerField(_("signature"), null=True, blank=True, db_index=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} → {self.endpoint}"


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(
        WebhookDelivery,
        related_name="attempt_log",
        on_delete=models.CASCADE,
        verbose_name=_("delivery"),
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("sent at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    next_retry_at = models.DateTimeField(_("next retry"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return _("Attempt %(number)s") % {"number": self.number}

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300
