"""Letters and postcards that supporters write to a prisoner, the postal address they go to,
and the postcard designs organisers offer."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from campaigns.models.events import Moderated, ModeratedQuerySet, Moderation
from campaigns.models.profiles import Campaign
from campaigns.uploads import RandomName
from sitewide.content_languages import TranslatedContent, parent_language


class PrisonAddress(models.Model):
    """Where letters go from a date on: prisoners are moved, the history stays."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="prison_addresses",
        verbose_name=_("campaign"),
    )
    address = models.TextField(
        _("postal address"), help_text=_("As it goes on the envelope, one line per line.")
    )
    valid_from = models.DateField(_("valid from"))

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("postal address for letters")
        verbose_name_plural = _("postal addresses for letters")

    def __str__(self):
        return self.address.splitlines()[0] if self.address else ""


class PostcardDesign(TranslatedContent, models.Model):
    """A picture for the front of a postcard, uploaded by organisers (cleaned like a photo)."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="postcard_designs",
        verbose_name=_("campaign"),
    )
    title = models.CharField(
        _("description"),
        max_length=200,
        help_text=_("What it shows, for people who cannot see it."),
    )
    image = models.ImageField(_("image"), upload_to=RandomName("postcards"))
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=RandomName("postcards/thumbnails"), editable=False
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("postcard design")
        verbose_name_plural = _("postcard designs")

    def __str__(self):
        return self.title

    def main_language(self):
        return parent_language(self, "campaign")


class LetterQuerySet(ModeratedQuerySet):
    def posted(self):
        return self.filter(posted_at__isnull=False)

    def on_the_wall(self):
        """Approved letters whose writers agreed to show an excerpt, newest first."""
        return self.approved().filter(show_on_wall=True).order_by("-submitted_at", "-pk")


class Letter(Moderated):
    """A letter or postcard written online, printed and posted by the organisers once approved."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        POSTCARD = "postcard", _("Postcard")

    # Characters, counted on the server.
    MAX_LENGTH = {Kind.LETTER: 2000, Kind.POSTCARD: 500}
    EXCERPT_LENGTH = 160

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="letters", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.LETTER)
    design = models.ForeignKey(
        PostcardDesign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name=_("postcard design"),
    )
    name = models.CharField(_("name or pseudonym"), max_length=100)
    country = CountryField(_("country"))
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Never shown; erased after a while.")
    )
    reply_by_email = models.BooleanField(_("agreed to receive a reply by email"), default=False)
    show_on_wall = models.BooleanField(_("agreed to show an excerpt publicly"), default=False)
    text = models.TextField(_("text"))
    # The language the writer used the site in: their emails are written in it.
    language = models.CharField(_("language of the form"), max_length=10, editable=False)
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Emailed to the writer if they left an email, once the letter is rejected."),
    )
    rejection_sent_at = models.DateTimeField(_("rejection emailed"), null=True, blank=True)
    posted_at = models.DateTimeField(_("posted"), null=True, blank=True)
    reply = models.TextField(
        _("reply from the prisoner"),
        blank=True,
        help_text=_("Emailed to the writer once saved, if they left an email and agreed."),
    )
    reply_sent_at = models.DateTimeField(_("reply emailed"), null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name} ({self.country.code})"

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.campaign.slug]) + "#letters"

    @property
    def excerpt(self):
        text = " ".join(self.text.split())
        if len(text) <= self.EXCERPT_LENGTH:
            return text
        return text[: self.EXCERPT_LENGTH].rsplit(" ", 1)[0] + "…"

    @property
    def first_name(self):
        """What the wall shows of the name: its first word."""
        return self.name.split()[0] if self.name.split() else ""

    @property
    def may_get_reply(self):
        return bool(self.email) and self.reply_by_email

    @property
    def is_approved(self):
        return self.status == Moderation.APPROVED
