import logging
import time
import unicodedata

from disposable_email_domains import blocklist as disposable_domains
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV3

from petitions.models import Signature, email_domain_and_parents

logger = logging.getLogger(__name__)

STARTED_SALT = "petitions.form-started"
# A form shown longer ago than this is not taken as it is: the person is asked to send it again
# (with what they typed kept and a fresh token), so a bot cannot reuse one old token forever.
STARTED_MAX_AGE = 24 * 3600


def _started_salt(petition):
    # Tied to the petition: a token fetched for one petition is worth nothing on another.
    return f"{STARTED_SALT}.{petition.pk}"


def form_started_token(petition, at=None):
    """A signed timestamp of when the form was shown; a bot cannot make it older."""
    return signing.dumps(int(time.time() if at is None else at), salt=_started_salt(petition))


def seconds_since(token, petition):
    """Seconds since the form was shown, or None for a missing or forged token."""
    try:
        started = signing.loads(token, salt=_started_salt(petition))
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    return time.time() - started


def clean_text(value):
    """Drop control and format characters other than the ones scripts need (RTL marks stay)."""
    kept = []
    for char in value:
        category = unicodedata.category(char)
        if category == "Cc" or (category == "Cf" and char not in "\u200c\u200d\u200e\u200f"):
            continue
        kept.append(char)
    return " ".join("".join(kept).split())


def recaptcha_enabled():
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class ResilientReCaptchaField(ReCaptchaField):
    """reCAPTCHA that never blocks a person: its verdict goes to the form's spam layers.

    `outcome` is "passed", "failed" or "unavailable" (Google could not be reached).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.required = False
        self.outcome = None

    def clean(self, value):
        if not value:
            # No token: the browser runs no JavaScript or could not load Google's script. The
            # confirmation email still proves the address; an organiser reviews the signature.
            self.outcome = "unavailable"
            return value
        try:
            super().validate(value)
        except ValidationError as error:
            self.outcome = "unavailable" if error.code == "captcha_error" else "failed"
        except Exception:  # an unreachable Google (URLError, timeouts, bad JSON) is not our 500
            logger.warning("reCAPTCHA verification failed to run", exc_info=True)
            self.outcome = "unavailable"
        else:
            self.outcome = "passed"
        return value


class SignatureForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    country = CountryField(blank_label=_("Choose your country")).formfield(label=_("Country"))
    postal_code = forms.CharField(label=_("Postal code (optional)"), max_length=20, required=False)
    wants_updates = forms.BooleanField(
        label=_("Keep me informed about this campaign by email"), required=False
    )
    show_publicly = forms.BooleanField(
        label=_("Show my first name and country in the list of recent signers"), required=False
    )
    # Spam layers: a field people never see (bots fill it) and when the form was shown.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, petition, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        if recaptcha_enabled():
            # A score below the minimum is a failed captcha: kept as spam (shadow ban).
            widget = ReCaptchaV3(
                action="sign", required_score=settings.PETITIONS_RECAPTCHA_MIN_SCORE
            )
            self.fields["captcha"] = ResilientReCaptchaField(label="", widget=widget)
        if not self.is_bound:
            self.initial["started"] = form_started_token(petition)
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
        return self._required_text("first_name")

    def clean_last_name(self):
        return self._required_text("last_name")

    def clean_postal_code(self):
        return clean_text(self.cleaned_data["postal_code"])

    def _required_text(self, name):
        value = clean_text(self.cleaned_data[name])
        # The direction and joiner marks clean_text keeps are invisible: a name made only of
        # them is no name.
        if not "".join(char for char in value if unicodedata.category(char) != "Cf").strip():
            raise ValidationError(self.fields[name].error_messages["required"], code="required")
        if "<" in value or ">" in value or "://" in value:
            raise ValidationError(_("Please write your name without links or angle brackets."))
        return value

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if not disposable_domains.isdisjoint(email_domain_and_parents(email)):
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
        elapsed = seconds_since(cleaned_data.get("started") or "", self.petition)
        if elapsed is not None and elapsed > STARTED_MAX_AGE:
            # Shown again with what was typed and a fresh token (a forged or missing token is
            # left to the spam layers instead: see spam_reason).
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = form_started_token(self.petition)
            raise ValidationError(
                _(
                    "This form was open for more than a day. Please check your details and "
                    "send it again."
                ),
                code="stale",
            )
        return cleaned_data

    def spam_reason(self):
        """Which spam layer, if any, this (valid) submission tripped; "" for a clean one."""
        if self.cleaned_data.get("website"):
            return Signature.Review.HONEYPOT
        elapsed = seconds_since(self.cleaned_data.get("started") or "", self.petition)
        if elapsed is None or elapsed < settings.PETITIONS_MIN_FILL_SECONDS:
            return Signature.Review.TOO_FAST
        captcha = self.fields.get("captcha")
        if captcha is not None and captcha.outcome == "failed":
            return Signature.Review.CAPTCHA_FAILED
        return ""

    def review_reason(self):
        captcha = self.fields.get("captcha")
        if captcha is not None and captcha.outcome == "unavailable":
            return Signature.Review.CAPTCHA_UNAVAILABLE
        return ""
