from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from petitions.addresses import normalise_email
from petitions.models.petitions import Petition


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Signature.Status.CONFIRMED)

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)

    def kept_for_review(self):
        """Signatures a review layer flagged (too fast, reCAPTCHA unreachable: petitions.spam)
        that no organiser has settled yet: they count once confirmed, as any other."""
        return (
            self.not_anonymised()
            .filter(status__in=[Signature.Status.PENDING, Signature.Status.CONFIRMED])
            .exclude(review_reason__in=[Signature.Review.NONE, Signature.Review.ORGANISER])
        )

    def kept_as_spam(self):
        """Signatures an automatic layer kept as spam, until an organiser restores them or
        marks them as spam too."""
        return (
            self.not_anonymised()
            .filter(status=Signature.Status.SPAM)
            .exclude(review_reason__in=[Signature.Review.NONE, Signature.Review.ORGANISER])
        )

    def wanting_updates(self):
        """Confirmed signers who asked to hear from the organiser and have not unsubscribed."""
        return (
            self.confirmed()
            .not_anonymised()
            .filter(wants_updates=True, unsubscribed_at__isnull=True)
        )

    def recent_public(self):
        """Latest confirmed signers who agreed to be listed, newest first."""
        return self.confirmed().filter(show_publicly=True).order_by("-confirmed_at")


class Signature(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        SPAM = "spam", _("Spam")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Review(models.TextChoices):
        NONE = "", _("Nothing to review")
        HONEYPOT = "honeypot", _("Filled the hidden field")
        TOO_FAST = "too_fast", _("Sent the form too fast")
        NO_TOKEN = "no_token", _("Sent without the form's token")
        CAPTCHA_FAILED = "captcha_failed", _("Failed reCAPTCHA")
        CAPTCHA_UNAVAILABLE = "captcha_unavailable", _("reCAPTCHA could not be reached")
        BLOCKED_DOMAIN = "blocked_domain", _("Blocked email domain")
        BLOCKED_IP = "blocked_ip", _("Blocked IP range")
        ORGANISER = "organiser", _("Marked by an organiser")

    petition = models.ForeignKey(
        Petition, related_name="signatures", on_delete=models.CASCADE, verbose_name=_("petition")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    email_normalised = models.CharField(_("normalised email"), max_length=254, editable=False)
    country = CountryField(_("country"))
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the signer signed in: every email to them is in it."),
    )
    wants_updates = models.BooleanField(_("wants to hear from the organiser"), default=False)
    show_publicly = models.BooleanField(_("listed publicly"), default=False)
    # Signed in the widget on a partner's site: the confirmation offers the way back there.
    via_widget = models.BooleanField(_("signed on a partner's site"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    review_reason = models.CharField(
        _("review reason"), max_length=20, choices=Review.choices, blank=True, default=""
    )
    # A keyed hash (HMAC with the secret key) of the signer's IP address; never the address.
    ip_hash = models.CharField(
        _("IP address, scrambled"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "A code made from the signer's IP address with the site's secret key: the same "
            "address gives the same code; the address itself is never stored."
        ),
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    # The last email that answered a repeated submission: at most one an hour
    # (signing.REPEAT_EMAIL_EVERY).
    already_signed_sent_at = models.DateTimeField(
        _("“already signed” email sent at"), null=True, blank=True, editable=False
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [("export_optins", _("Can export the opt-ins with email addresses"))]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_normalised"], name="one_signature_per_email"
            )
        ]
        indexes = [
            models.Index(fields=["petition", "status", "confirmed_at"]),
            models.Index(fields=["status", "confirmation_sent_at"]),
            # The recent signers on every petition page: without it the query scans all confirmed
            # signatures when few opt in (measured with tests/benchmarks/bench_counter.py).
            models.Index(
                fields=["petition", "-confirmed_at"],
                condition=models.Q(status="confirmed", show_publicly=True),
                name="recent_public_signers",
            ),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip() or str(self.pk)

    def save(self, *args, **kwargs):
        if self.email and not self.anonymised_at:
            self.email_normalised = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_counted(self):
        return self.status == self.Status.CONFIRMED


class CountChange(models.Model):
    """An append-only log of +1/-1 changes to a petition's counter, folded in by batches.

    Confirming a signature inserts a row here instead of updating the petition row, so a rush of
    confirmations never queues on one lock; `petitions.counter` adds them up.
    """

    petition = models.ForeignKey(Petition, related_name="+", on_delete=models.CASCADE)
    delta = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("counter change")
        verbose_name_plural = _("counter changes")

    def __str__(self):
        return f"{self.delta:+d}"
