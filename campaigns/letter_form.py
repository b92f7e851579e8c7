"""The form a supporter writes a letter or a postcard with."""

from django import forms
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from campaigns.forms import COUNTRY_PLACEHOLDER
from campaigns.models import Letter
from sitewide import text
from sitewide.countries import CountrySelect, countries_to_choose
from sitewide.form_guard import GuardedForm


class DesignChoiceField(forms.ModelChoiceField):
    """Postcard designs as radio cards, each with its thumbnail."""

    def label_from_instance(self, design):
        return format_html(
            '<img src="{}" alt="" width="160" class="design-choice__image">'
            '<span class="design-choice__title">{}</span>',
            design.thumbnail.url,
            design.title,
        )


class LetterForm(GuardedForm, forms.ModelForm):
    design = DesignChoiceField(
        queryset=None,
        required=False,
        label=_("Postcard design"),
        widget=forms.RadioSelect(attrs={"class": "design-choice"}),
        empty_label=None,
    )

    class Meta:
        model = Letter
        fields = [
            "kind",
            "design",
            "text",
            "name",
            "country",
            "email",
            "reply_by_email",
            "show_on_wall",
        ]
        field_classes = {
            "name": text.OneLineTextField,
            "text": text.MultilineTextField,
            "email": text.EmailAddressField,
        }
        labels = {
            "kind": _("What you send"),
            "text": _("Your words"),
            "name": _("Your name or a pseudonym"),
            "email": _("Your email (optional)"),
            "reply_by_email": _("Email me the reply if there is one."),
            "show_on_wall": _(
                "Show my first name, country and a short excerpt on the campaign page."
            ),
        }
        help_texts = {
            "email": _(
                "Only for the organisers, never shown: to tell you if your letter cannot be "
                "sent and, if you agree below, to forward a reply."
            ),
            "name": _("Signed at the bottom of your letter."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "country": CountrySelect,
            "text": forms.Textarea(attrs={"rows": 10}),
        }

    @staticmethod
    def is_open_for(campaign):
        return campaign.accepts_letters

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, guard_scope=f"letters.{campaign.pk}", **kwargs)
        self.instance.campaign = campaign
        self.instance.language = get_language()
        designs = campaign.postcard_designs.all()
        self.fields["design"].queryset = designs
        if len(designs) == 1:
            self.fields["design"].initial = designs[0].pk
        if not designs:
            # Without designs, only letters.
            del self.fields["design"]
            self.fields["kind"].choices = [(Letter.Kind.LETTER, Letter.Kind.LETTER.label)]
        self.fields["country"].choices = countries_to_choose(COUNTRY_PLACEHOLDER)
        self.fields["text"].help_text = _(
            "Up to %(letter)s characters for a letter, %(postcard)s for a postcard."
        ) % {
            "letter": number_format(Letter.MAX_LENGTH[Letter.Kind.LETTER], force_grouping=True),
            "postcard": number_format(Letter.MAX_LENGTH[Letter.Kind.POSTCARD], force_grouping=True),
        }
        self.fields["email"].help_text = format_lazy(
            "{} {}",
            self.fields["email"].help_text,
            ngettext(
                "Erased %(days)d day after you write.",
                "Erased %(days)d days after you write.",
                settings.LETTERS_KEEP_EMAIL_DAYS,
            )
            % {"days": settings.LETTERS_KEEP_EMAIL_DAYS},
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "nickname"

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        written = cleaned_data.get("text") or ""
        if kind in Letter.MAX_LENGTH and len(written) > Letter.MAX_LENGTH[kind]:
            self.add_error(
                "text",
                forms.ValidationError(
                    _(
                        "A %(kind)s can hold %(limit)s characters; yours has %(count)s. "
                        "Please shorten it."
                    ),
                    code="too_long",
                    params={
                        "kind": Letter.Kind(kind).label.lower(),
                        "limit": number_format(Letter.MAX_LENGTH[kind], force_grouping=True),
                        "count": number_format(len(written), force_grouping=True),
                    },
                ),
            )
        if kind == Letter.Kind.POSTCARD and "design" in self.fields:
            if not cleaned_data.get("design") and "design" not in self.errors:
                self.add_error("design", _("Choose a design for your postcard."))
        elif kind == Letter.Kind.LETTER:
            cleaned_data["design"] = None
        wants_reply = cleaned_data.get("reply_by_email")
        if wants_reply and not cleaned_data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email to receive a reply, or untick the box."))
        return cleaned_data
