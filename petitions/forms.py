import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from petitions import spam
from petitions.addresses import DEFAULT_IGNORABLE, FULL_STOPS, InvalidAddress, canonical_email
from sitewide.countries import CountryChoiceField, CountrySelect
from sitewide.text import OneLineTextField

# What a person reads when their address cannot be used as typed (petitions.addresses).
ADDRESS_ERRORS = {
    "invalid": _("Enter a valid email address."),
    "quoted": _("Please write your email address without quotation marks."),
    "local_part": _(
        "We cannot send email to this address. Please write the part before the @ in plain "
        "Latin letters, digits and . _ - + only."
    ),
    "domain": _("This email domain is not valid. Please check the part after the @."),
    "too_long": _("This email address is too long. Please check it or use another one."),
}


# Markup or a web address, in any spelling once folded: "<", "://", "www", an "@", or a dot
# between a letter or digit and two or more letters ("scam.example", "ｓｃａｍ．ｃｏｍ", "x.рф").
LINK_LIKE = re.compile(r"[<>@]|://|\bwww\b|[^\W_]\.[^\W\d_]{2,}")


def looks_like_a_link(text):
    """True when a name carries markup or a link, however it is spelt: names are shown in
    public lists and to the organisers, so they must not become a way to advertise."""
    plain = DEFAULT_IGNORABLE.sub("", unicodedata.normalize("NFKC", text))
    return bool(LINK_LIKE.search(plain.translate(FULL_STOPS).casefold()))


class SignatureForm(forms.Form):
    first_name = OneLineTextField(label=_("First name"), max_length=100)
    last_name = OneLineTextField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    country = CountryField(blank_label=_("Choose your country")).formfield(
        label=_("Country"), widget=CountrySelect, choices_form_class=CountryChoiceField
    )
    postal_code = OneLineTextField(label=_("Postal code (optional)"), max_length=20, required=False)
    wants_updates = forms.BooleanField(
        label=_("Keep me informed about this campaign by email"), required=False
    )
    show_publicly = forms.BooleanField(
        label=_("Show my first name and country in the list of recent signers"), required=False
    )
    # Spam layers 4 and 5 (petitions/spam.py): a field people never see, which bots fill, and
    # when the form was shown.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        if spam.recaptcha_enabled():
            self.fields["captcha"] = spam.recaptcha_field()
        if not self.is_bound:
            self.initial["started"] = spam.form_started_token(petition)
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "email": "email",
            "country": "country",
            "postal_code": "postal-code",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def clean_first_name(self):
        return self._name_without_links("first_name")

    def clean_last_name(self):
        return self._name_without_links("last_name")

    def _name_without_links(self, name):
        value = self.cleaned_data[name]  # cleaned and required by OneLineTextField
        if looks_like_a_link(value):
            raise ValidationError(_("Please write your name without links or angle brackets."))
        return value

    def clean_email(self):
        try:
            email = canonical_email(self.cleaned_data["email"])
        except InvalidAddress as error:
            raise ValidationError(ADDRESS_ERRORS[error.code], code=error.code) from error
        if spam.is_disposable(email):
            raise ValidationError(
                _(
                    "Addresses from temporary email services cannot confirm a signature. "
                    "Please use your usual address."
                ),
                code="disposable",
            )
        return email

    def clean(self):
        cleaned_data = super().clean()
        if spam.is_stale(cleaned_data.get("started") or "", self.petition):
            # Shown again with what was typed and a fresh token.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = spam.form_started_token(self.petition)
            raise ValidationError(
                _(
                    "This form was open for more than a day. Please check your details and "
                    "send it again."
                ),
                code="stale",
            )
        return cleaned_data

    @property
    def captcha_outcome(self):
        """reCAPTCHA's outcome for `spam.judge`: None when it is off."""
        captcha = self.fields.get("captcha")
        return captcha.outcome if captcha is not None else None
