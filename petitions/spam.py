"""The sign form's spam layers, in the order they run, and the verdict they reach.

Refused outright, with a page that says why:
1. Rate limits (django-ratelimit): per visitor address per petition and across all petitions,
   PETITIONS_RATE_PER_PETITION and PETITIONS_RATE_OVERALL. Over either: the 429 page. They
   count in the shared cache; while it is down they let everyone through (RATELIMIT_FAIL_OPEN
   in config/settings.py says why) and the layers below still hold.
2. Disposable addresses (the disposable-email-domains list, subdomains too): a form error,
   since such an address cannot confirm a signature (`is_disposable`, run by the form).
3. A stale form: shown more than a day ago, it comes back with what was typed and a fresh
   start token (`is_stale`, run by the form), so a bot cannot reuse one token forever.

Judged on a valid submission (`judge`), kept as spam (a shadow ban: stored, never counted, no
email, and the sender sees the usual thanks page):
4. Honeypot: a field people never see, which bots fill.
5. No form token: the page signs the time it showed the form (tied to the petition); a POST
   without a genuine one never loaded the form.
6. reCAPTCHA v3, only when RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY are set: a failed
   check or a score below PETITIONS_RECAPTCHA_MIN_SCORE.
7. Blocked email domains (edited in the admin; subdomains too).
8. Blocked IP ranges (edited in the admin).
Kept for an organiser's review, yet emailed a confirmation and counted once confirmed, since
none of these alone proves a bot and timing must never discard a person:
9. Too fast: sent less than PETITIONS_MIN_FILL_SECONDS after the form was shown (a browser
   that autofills can be that fast).
10. reCAPTCHA is on but sent no token (no JavaScript, Google blocked) or Google could not be
   reached.

What the form token is worth: it is not bound to the visitor, so a script that loads the page
before each POST gets a fresh, valid one (and may reuse one until it is a day old). It stops
bots that post without loading the form and flags the hurried; the rate limits (1), the
confirmation email and the organisers' review bound the rest.
"""

import logging
import time
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from disposable_email_domains import blocklist as disposable_domains
from django.conf import settings
from django.core import checks, signing
from django.core.exceptions import ValidationError
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django_ratelimit.core import is_ratelimited
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV3

from petitions.addresses import email_domain_and_parents
from petitions.models import BlockedDomain, BlockedIPRange, Signature

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    SIGN = "sign"
    REVIEW = "review"  # signed, and shown to organisers in the review queue
    SPAM = "spam"  # shadow ban


@dataclass(frozen=True)
class Verdict:
    """What to do with a submission, and why (a Signature.Review reason)."""

    outcome: Outcome = Outcome.SIGN
    reason: str = Signature.Review.NONE

    @property
    def is_spam(self):
        return self.outcome is Outcome.SPAM


CLEAN = Verdict()

# Reasons given by the automatic layers: a later clean submission may reopen a signature kept as
# spam for one of them (the confirmation email still proves the address). An organiser's
# "spam" verdict sticks.
AUTOMATIC_SPAM_REASONS = {
    Signature.Review.HONEYPOT,
    Signature.Review.NO_TOKEN,
    Signature.Review.TOO_FAST,  # before too-fast submissions were kept for review
    Signature.Review.CAPTCHA_FAILED,
    Signature.Review.BLOCKED_DOMAIN,
    Signature.Review.BLOCKED_IP,
}


def judge(*, petition, data, captcha_outcome, ip):
    """The verdict of layers 4 to 10 on a valid submission (the form's cleaned data)."""
    if data.get("website"):
        return Verdict(Outcome.SPAM, Signature.Review.HONEYPOT)
    elapsed = seconds_since(data.get("started") or "", petition)
    if elapsed is None:
        return Verdict(Outcome.SPAM, Signature.Review.NO_TOKEN)
    if captcha_outcome == "failed":
        return Verdict(Outcome.SPAM, Signature.Review.CAPTCHA_FAILED)
    if BlockedDomain.blocks(data["email"]):
        return Verdict(Outcome.SPAM, Signature.Review.BLOCKED_DOMAIN)
    if BlockedIPRange.blocks(ip):
        return Verdict(Outcome.SPAM, Signature.Review.BLOCKED_IP)
    if elapsed < settings.PETITIONS_MIN_FILL_SECONDS:
        return Verdict(Outcome.REVIEW, Signature.Review.TOO_FAST)
    if captcha_outcome == "unavailable":
        return Verdict(Outcome.REVIEW, Signature.Review.CAPTCHA_UNAVAILABLE)
    return CLEAN


# 1. Rate limits ----------------------------------------------------------------------------


def rate_limited(request, petition):
    """Per IP per petition, and per IP across petitions; both count every POST."""
    per_petition = is_ratelimited(
        request,
        group=f"petitions.sign.{petition.pk}",
        key="ip",
        rate=settings.PETITIONS_RATE_PER_PETITION,
        method="POST",
        increment=True,
    )
    overall = is_ratelimited(
        request,
        group="petitions.sign",
        key="ip",
        rate=settings.PETITIONS_RATE_OVERALL,
        method="POST",
        increment=True,
    )
    return per_petition or overall


# 2. Disposable addresses -------------------------------------------------------------------


def is_disposable(email):
    return not disposable_domains.isdisjoint(email_domain_and_parents(email))


# 3, 5 and 9. The form's start token -----------------------------------------------------------

STARTED_SALT = "petitions.form-started"
# A form shown longer ago than this is not taken as it is: the person is asked to send it again
# (with what they typed kept and a fresh token), so a bot cannot reuse one old token forever.
STARTED_MAX_AGE = 24 * 3600


def _started_salt(petition_id):
    # Tied to the petition: a token fetched for one petition is worth nothing on another.
    return f"{STARTED_SALT}.{petition_id}"


def form_started_token(petition, at=None):
    """A signed timestamp of when the form was shown; a bot cannot make it older."""
    return form_started_token_for(petition.pk, at)


def form_started_token_for(petition_id, at=None):
    """form_started_token, given the petition's id (for a page filled in from the cache)."""
    return signing.dumps(int(time.time() if at is None else at), salt=_started_salt(petition_id))


def seconds_since(token, petition):
    """Seconds since the form was shown, or None for a missing or forged token."""
    try:
        started = signing.loads(token, salt=_started_salt(petition.pk))
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    return time.time() - started


def is_stale(token, petition):
    """True for a genuine token older than a day (a forged or missing one is layer 5's)."""
    elapsed = seconds_since(token, petition)
    return elapsed is not None and elapsed > STARTED_MAX_AGE


# 6 and 10. reCAPTCHA ------------------------------------------------------------------------


def recaptcha_enabled():
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class ResilientReCaptchaField(ReCaptchaField):
    """reCAPTCHA that never blocks a person: its outcome goes to `judge`.

    `outcome` is "passed", "failed" or "unavailable" (no token, or Google could not be reached).
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


def recaptcha_field():
    """The form's reCAPTCHA v3 field; a score below the minimum is a failed check."""
    widget = ReCaptchaV3(action="sign", required_score=settings.PETITIONS_RECAPTCHA_MIN_SCORE)
    return ResilientReCaptchaField(label="", widget=widget)


def allow_recaptcha(view):
    """The sign form is the one page whose Content Security Policy lets Google's reCAPTCHA in,
    and only when it is turned on (the site-wide policy is SECURE_CSP in config/settings.py)."""

    def policy():
        google = f"https://{getattr(settings, 'RECAPTCHA_DOMAIN', 'www.google.com')}/recaptcha/"
        return {
            **settings.SECURE_CSP,
            "script-src": [CSP.SELF, google, "https://www.gstatic.com/recaptcha/"],
            "frame-src": [google],
            "connect-src": [CSP.SELF, google],
        }

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if recaptcha_enabled():
            return csp_override(policy())(view)(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapped


@checks.register(checks.Tags.security, deploy=True)
def check_recaptcha_keys(app_configs, **kwargs):
    if recaptcha_enabled():
        return []
    return [
        checks.Warning(
            "reCAPTCHA keys are not set: petition forms run without a captcha.",
            hint="Set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY.",
            id="solidarity.W001",
        )
    ]
