import contextlib
import ipaddress
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

# Goals an organiser may let the petition climb through once reached: 100, 250, 500, 1,000, ...
GOAL_STEPS = (1, 2.5, 5)


def next_goal_step(count):
    """The smallest goal of the 1-2.5-5 series that is above `count` (at least 100)."""
    magnitude = 10 ** max(2, int(math.log10(max(count, 1))))
    while True:
        for step in GOAL_STEPS:
            goal = int(step * magnitude)
            if goal > count:
                return goal
        magnitude *= 10


def normalise_email(address):
    """The form of an address used to find a person's signature: case, +tags and Gmail dots.

    `Jane.Doe+petition@GoogleMail.com` and `janedoe@gmail.com` reach the same mailbox, so they
    are one signer; so are `ada@exämple.org` and `ada@xn--exmple-cua.org` (IDNA). A local part
    that is only a +tag is kept whole: `+tag@example.org` is not everyone at example.org.
    """
    local, _at, domain = address.strip().lower().rpartition("@")
    with contextlib.suppress(UnicodeError):  # not a valid international name: kept as typed
        domain = domain.encode("idna").decode("ascii")
    local = local.split("+", 1)[0] or local
    if domain in {"gmail.com", "googlemail.com"}:
        domain = "gmail.com"
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain_and_parents(email):
    """An address's domain and each domain above it: mail.spam.example, spam.example, example.

    A list of domains matches its subdomains through these.
    """
    parts = email.rpartition("@")[2].strip().lower().split(".")
    return {".".join(parts[i:]) for i in range(len(parts))}


class PetitionQuerySet(models.QuerySet):
    def published(self):
        """Petitions visitors may see: open or closed, once their opening time has come."""
        return self.exclude(status=Petition.Status.DRAFT).filter(opens_at__lte=timezone.now())

    def open(self):
        now = timezone.now()
        return self.filter(status=Petition.Status.OPEN, opens_at__lte=now).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )

    def closed(self):
        """Published petitions no longer taking signatures: closed, or past their closing time."""
        now = timezone.now()
        return self.filter(opens_at__lte=now).filter(
            Q(status=Petition.Status.CLOSED) | Q(status=Petition.Status.OPEN, closes_at__lte=now)
        )


class Petition(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", pgettext_lazy("petition", "Closed")

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    target = models.CharField(
        _("target"), max_length=200, help_text=_("Whom the petition addresses.")
    )
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        related_name="petitions",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("campaign"),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    goal = models.PositiveIntegerField(_("goal"), default=1000)
    goal_steps_up = models.BooleanField(
        _("raise the goal when reached"),
        default=False,
        help_text=_("When the goal is reached, show the next of 100, 250, 500, 1,000, 2,500, …"),
    )
    offset = models.PositiveIntegerField(
        _("signatures gathered elsewhere"),
        default=0,
        help_text=_("Added to the counter: paper signatures, earlier platforms."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True, help_text=_("Markdown."))
    share_text = models.CharField(_("share text"), max_length=280, blank=True)
    next_action_text = models.CharField(
        _("next action"),
        max_length=200,
        blank=True,
        help_text=_("Shown after signing, for example “Write to Azat”."),
    )
    next_action_url = models.URLField(_("next action link"), blank=True)
    # Confirmed signatures folded in so far (see services.fold_counts); never counted on a view.
    confirmed_count = models.PositiveIntegerField(_("confirmed signatures"), default=0)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Created by the load_demo command.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return self.title

    def save(self, **kwargs):
        # Closing by hand dates the closing, which the anonymise command counts from.
        if self.status == self.Status.CLOSED and self.closes_at is None:
            self.closes_at = timezone.now()
        if not self._state.adding and not kwargs.get("force_insert"):
            # The stored count belongs to the fold-in and the recount (UPDATE ... F()): an object
            # loaded before a fold (an organiser's edit during a rush) must not write it back.
            fields = kwargs.get("update_fields")
            if fields is None:
                fields = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = [name for name in fields if name != "confirmed_count"]
        super().save(**kwargs)

    def get_absolute_url(self):
        return reverse("petitions:detail", args=[self.slug])

    @property
    def signature_count(self):
        """What the counter shows: confirmed signatures folded in so far plus the offset."""
        return self.confirmed_count + self.offset

    @property
    def is_open(self):
        now = timezone.now()
        return (
            self.status == self.Status.OPEN
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )

    @property
    def is_closed(self):
        return not self.is_open

    @property
    def closed_at(self):
        """When the petition stopped taking signatures, if it has."""
        if self.closes_at and self.closes_at <= timezone.now():
            return self.closes_at
        return None

    @property
    def current_goal(self):
        count = self.signature_count
        if self.goal_steps_up and count >= self.goal:
            return next_goal_step(count)
        return self.goal

    @property
    def progress_percent(self):
        goal = self.current_goal
        return min(100, self.signature_count * 100 // goal) if goal else 100


class Demand(models.Model):
    petition = models.ForeignKey(
        Petition, related_name="demands", on_delete=models.CASCADE, verbose_name=_("petition")
    )
    text = models.CharField(_("text"), max_length=500)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("demand")
        verbose_name_plural = _("demands")

    def __str__(self):
        return self.text


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Signature.Status.CONFIRMED)

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
    wants_updates = models.BooleanField(_("wants to hear from the organiser"), default=False)
    show_publicly = models.BooleanField(_("listed publicly"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    review_reason = models.CharField(
        _("review reason"), max_length=20, choices=Review.choices, blank=True, default=""
    )
    # A keyed hash (HMAC with the secret key) of the signer's IP address; never the address.
    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    # The last "you already signed" email: at most one an hour (services.ALREADY_SIGNED_EVERY).
    already_signed_sent_at = models.DateTimeField(
        _("“already signed” email sent at"), null=True, blank=True, editable=False
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
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
    confirmations never queues on one lock; `services.fold_counts` adds them up.
    """

    petition = models.ForeignKey(Petition, related_name="+", on_delete=models.CASCADE)
    delta = models.SmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("counter change")
        verbose_name_plural = _("counter changes")

    def __str__(self):
        return f"{self.delta:+d}"


class BlockedDomain(models.Model):
    """Email domains whose signatures are kept as spam (subdomains included)."""

    domain = models.CharField(_("domain"), max_length=253, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("blocked email domain")
        verbose_name_plural = _("blocked email domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)

    @classmethod
    def blocks(cls, email):
        return cls.objects.filter(domain__in=email_domain_and_parents(email)).exists()


def validate_network(value):
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as error:
        raise ValidationError(
            _("Enter an IP address or a range such as 203.0.113.0/24."), code="invalid"
        ) from error


class BlockedIPRange(models.Model):
    """IP ranges whose signatures are kept as spam. The address itself is never stored."""

    network = models.CharField(
        _("IP range"),
        max_length=50,
        unique=True,
        validators=[validate_network],
        help_text=_("An address or a range in CIDR notation, for example 203.0.113.0/24."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["network"]
        verbose_name = _("blocked IP range")
        verbose_name_plural = _("blocked IP ranges")

    def __str__(self):
        return self.network

    @classmethod
    def blocks(cls, ip):
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return False
        for network in cls.objects.values_list("network", flat=True):
            try:
                if address in ipaddress.ip_network(network, strict=False):
                    return True
            except ValueError:
                continue
        return False
