"""Emails to the signers who asked to hear from the organiser: updates and milestones
(petitions/mailings.py sends them), and a row per recipient."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from petitions.models.petitions import Petition
from petitions.models.signatures import Signature
from sitewide.content_languages import TranslatedContent, parent_language
from sitewide.help_texts import MARKDOWN_HELP

NEITHER = _("Choose the petition or the campaign whose signers get this email.")
NOT_BOTH = _(
    "Choose a petition or a campaign, not both: an email for a campaign goes to the signers of "
    "all its petitions."
)
ONLY_UPDATES_FOR_CAMPAIGNS = _(
    "Only updates go to a whole campaign: milestone emails belong to one petition."
)


class Mailing(TranslatedContent, models.Model):
    """An update or a milestone email for a petition's signers who opted in, or an update for
    those of all a campaign's petitions (petitions.mailings lists one signature per person)."""

    translation_key = "subject"

    class Kind(models.TextChoices):
        UPDATE = "update", _("Update")
        GOAL_REACHED = "goal_reached", _("Goal reached")
        DELIVERED = "delivered", _("Petition delivered")
        RESPONSE = "response", _("Response from the target")

    MILESTONES = (Kind.GOAL_REACHED, Kind.DELIVERED, Kind.RESPONSE)

    petition = models.ForeignKey(
        Petition,
        related_name="mailings",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("petition"),
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        related_name="signer_mailings",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("campaign"),
        help_text=_(
            "Instead of a petition: an update to the signers of all the campaign’s petitions, "
            "one email per person."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True, help_text=MARKDOWN_HELP)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set once, when the recipients are listed: a mailing goes out once.
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email to signers")
        verbose_name_plural = _("emails to signers")
        constraints = [
            models.UniqueConstraint(
                fields=["petition"],
                condition=Q(kind="goal_reached"),
                name="one_goal_reached_email_per_petition",
            ),
            models.CheckConstraint(
                condition=Q(petition__isnull=False, campaign__isnull=True)
                | Q(petition__isnull=True, campaign__isnull=False, kind="update"),
                name="mailing_for_a_petition_or_a_campaigns_update",
            ),
        ]

    def __str__(self):
        return self.subject or self.get_kind_display()

    def main_language(self):
        return parent_language(self, "petition") or parent_language(self, "campaign")

    @property
    def audience(self):
        """The petition or the campaign whose signers get it."""
        return self.petition or self.campaign

    def clean(self):
        # Each error names a field: the database's check then leaves it to them.
        if self.petition_id and self.campaign_id:
            raise ValidationError({"campaign": NOT_BOTH})
        if not self.petition_id and not self.campaign_id:
            raise ValidationError({"petition": NEITHER})
        if self.campaign_id and self.kind != self.Kind.UPDATE:
            raise ValidationError({"kind": ONLY_UPDATES_FOR_CAMPAIGNS})

    def report(self):
        """How many were sent, failed, pending, skipped, and how many of its recipients have
        unsubscribed since it went out."""
        counts = dict.fromkeys(Recipient.Status.values, 0)
        rows = self.recipients.values("status").annotate(total=models.Count("pk")).order_by()
        counts |= {row["status"]: row["total"] for row in rows}
        counts["unsubscribed"] = self.recipients.filter(
            signature__unsubscribed_at__gte=self.sending_started_at
        ).count()
        return counts


class Recipient(models.Model):
    """One mailing to one signature: created pending when sending starts, marked sent once the
    mail server took it (petitions.mailings.send_batch)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent: unsubscribed or withdrawn")

    mailing = models.ForeignKey(
        Mailing, related_name="recipients", on_delete=models.CASCADE, verbose_name=_("email")
    )
    signature = models.ForeignKey(
        Signature,
        related_name="mailings_received",
        on_delete=models.CASCADE,
        verbose_name=_("signature"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "signature"], name="one_email_per_recipient")
        ]
        indexes = [models.Index(fields=["mailing", "status"])]

    def __str__(self):
        return f"{self.mailing} → {self.signature_id}"
