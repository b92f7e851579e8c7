import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from petitions import partners
from sitewide import artwork_files
from sitewide.content_languages import TranslatedContent, parent_language
from sitewide.help_texts import DEMO_HELP, MAIN_LANGUAGE_HELP, MARKDOWN_HELP, SLUG_HELP

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


class Petition(TranslatedContent, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", pgettext_lazy("petition", "Closed")

    slug = models.SlugField(_("web address"), unique=True, help_text=SLUG_HELP)
    title = models.CharField(_("title"), max_length=200)
    target = models.CharField(
        _("target"), max_length=200, help_text=_("Whom the petition addresses.")
    )
    introduction = models.TextField(_("introduction"), blank=True, help_text=MARKDOWN_HELP)
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        related_name="petitions",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("campaign"),
    )
    language = models.CharField(
        _("main language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=MAIN_LANGUAGE_HELP,
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
        help_text=_(
            "Added to the counter: signatures counted elsewhere without names. Paper signatures "
            "with names are imported from the petition's “Paper signatures” page."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True, help_text=MARKDOWN_HELP)
    share_text = models.CharField(_("share text"), max_length=280, blank=True)
    next_action_text = models.CharField(
        _("next action"),
        max_length=200,
        blank=True,
        help_text=_("Shown after signing, for example “Write to Azat”."),
    )
    next_action_url = models.URLField(_("next action link"), blank=True)
    partner_origins = models.TextField(
        _("partner sites"),
        blank=True,
        help_text=_(
            "The sites that may show this petition in a frame (the snippets below), one a line, "
            "for example https://partner.example. No site listed: no site may frame it."
        ),
    )
    partner_return_url = models.URLField(
        _("partner page to return to"),
        blank=True,
        help_text=_(
            "Offered to people who signed in the frame, once they have confirmed their "
            "signature. It must be on one of the partner sites."
        ),
    )
    milestone_emails = models.BooleanField(
        _("milestone emails"),
        default=False,
        help_text=_(
            "Email the signers who asked to hear from you when the goal is reached, when the "
            "petition is delivered and when the target responds."
        ),
    )
    # Confirmed signatures folded in so far (petitions.counter); never counted on a view.
    confirmed_count = models.PositiveIntegerField(_("confirmed signatures"), default=0)
    # Imported paper signatures, not undone (petitions.paper_imports alone writes it).
    paper_count = models.PositiveIntegerField(_("paper signatures"), default=0)
    # The drawn share cards per language and the count they show: petitions.share_cards alone.
    share_cards = models.JSONField(_("share cards"), default=dict, blank=True, editable=False)
    # The delivery pack (petitions.delivery_pack) and emailing it (petitions.delivery).
    hand_over_names = models.BooleanField(
        _("hand over signers’ first names and countries"),
        default=False,
        help_text=_(
            "The delivery pack then lists the first names and countries of the confirmed "
            "signers (never last names or emails), and the petition page says so."
        ),
    )
    target_email = models.EmailField(
        _("target’s email address"),
        blank=True,
        help_text=_("Where the delivery pack goes. Never shown on the site."),
    )
    email_target_when_closed = models.BooleanField(
        _("email the pack to the target when the petition closes"), default=False
    )
    is_demo = models.BooleanField(_("demo content"), default=False, help_text=DEMO_HELP)
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
            # The stored counts belong to the fold-in, the recount and the paper imports
            # (UPDATE ... F()), the share cards to their drawing task: an object loaded before
            # them (an organiser's edit during a rush) must not write them back.
            fields = kwargs.get("update_fields")
            if fields is None:
                fields = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            written_elsewhere = ("confirmed_count", "paper_count", "share_cards")
            kwargs["update_fields"] = [name for name in fields if name not in written_elsewhere]
        super().save(**kwargs)
        from petitions import share_cards  # which reads this module

        share_cards.refresh(self)

    def get_absolute_url(self):
        return reverse("petitions:detail", args=[self.slug])

    def clean(self):
        super().clean()
        errors = {}
        if self.email_target_when_closed and not self.target_email:
            errors["target_email"] = _("Give the target’s email address to send them the pack.")
        if self.hand_over_names and self._names_were_promised_to_stay():
            errors["hand_over_names"] = _(
                "People have signed while the page said their names are not handed over: "
                "their names stay with you."
            )
        errors |= self._partner_errors()
        if errors:
            raise ValidationError(errors)

    def _names_were_promised_to_stay(self):
        """Whether this petition was saved without handing names over and has signatures."""
        was_off = Petition.objects.filter(pk=self.pk, hand_over_names=False).exists()
        return was_off and self.signatures.exists()

    def _partner_errors(self):
        """What is wrong with the partner sites (petitions.partners), kept in their plain form."""
        try:
            self.partner_origins = "\n".join(partners.clean_origins(self.partner_origins))
        except ValidationError as error:
            return {"partner_origins": error}
        if self.partner_return_url and (
            partners.origin_of(self.partner_return_url) not in self.partner_origin_list
        ):
            return {
                "partner_return_url": _(
                    "This page is not on one of the partner sites listed above."
                )
            }
        return {}

    @property
    def partner_origin_list(self):
        """The sites that may frame the embed pages (petitions.partners keeps them clean)."""
        return self.partner_origins.split()

    def main_language(self):
        return self.language

    @property
    def share_card(self):
        """The drawn share card in the active language: {"alt", "share_version"...}, or {}."""
        return artwork_files.in_language(self.share_cards)

    @property
    def signature_count(self):
        """What the counter shows: confirmed signatures folded in so far, paper signatures
        imported and the offset."""
        return self.confirmed_count + self.paper_count + self.offset

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
        """Published and no longer taking signatures, as in Petition.objects.closed(): a draft,
        or a petition whose opening time has not come, is neither open nor closed."""
        published = self.status != self.Status.DRAFT and self.opens_at <= timezone.now()
        return published and not self.is_open

    @property
    def closed_on(self):
        """When a closed petition stopped taking signatures, if known: its closing time, once
        passed (a petition closed by hand before a later closing time closed at an unknown
        time)."""
        if self.is_closed and self.closes_at and self.closes_at <= timezone.now():
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


class Demand(TranslatedContent, models.Model):
    translation_key = "text"

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

    def main_language(self):
        return parent_language(self, "petition")
