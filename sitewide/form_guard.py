"""Spam layers for the campaigns' moderated public forms (letters, messages of solidarity).

What they write waits for an organiser anyway, so the guard only keeps the moderation queue
free of plain bots, the way the sign form does (petitions/spam.py, layers 3 to 5):
- a honeypot field people never see, which bots fill;
- a signed time the form was shown, tied to the form's scope (a campaign, say): a POST without
  a genuine one never loaded the form.
Either marks the submission as spam: the view shows the usual thanks page and keeps nothing.
A form shown more than a day ago comes back with what was typed and a fresh token. Too fast
is never refused: timing must not discard a person, and an organiser reads everything.
Rate limits stay in the views (django-ratelimit).
"""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

STARTED_MAX_AGE = 24 * 3600


def started_token(scope, at=None):
    """A signed timestamp of when a form of `scope` was shown; a bot cannot make it older."""
    return signing.dumps(int(time.time() if at is None else at), salt=_salt(scope))


def seconds_since(token, scope):
    """Seconds since the form was shown, or None for a missing or forged token."""
    try:
        started = signing.loads(token, salt=_salt(scope))
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    return time.time() - started


def _salt(scope):
    return f"sitewide.form-started.{scope}"


class GuardedForm(forms.Form):
    """A mixin for a public form: add it before the form class, pass `guard_scope=` (a string
    naming the form and what it is for, e.g. f"letters.{campaign.pk}") and include
    `includes/form_guard.html` in the form (the start token is a hidden field, which
    `includes/form_fields.html` renders with the others).

    After `is_valid()`, `is_spam` tells the view to discard the submission quietly."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, guard_scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.guard_scope = guard_scope
        if not self.is_bound:
            self.initial["started"] = started_token(guard_scope)

    def visible_fields(self):
        # The honeypot is rendered by includes/form_guard.html, out of sight.
        return [field for field in super().visible_fields() if field.name != "website"]

    def clean(self):
        cleaned_data = super().clean()
        elapsed = seconds_since(cleaned_data.get("started") or "", self.guard_scope)
        if elapsed is not None and elapsed > STARTED_MAX_AGE:
            # Shown again with what was typed and a fresh token.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = started_token(self.guard_scope)
            raise ValidationError(
                _(
                    "This form was open for more than a day. Please check your details and "
                    "send it again."
                ),
                code="stale",
            )
        return cleaned_data

    @property
    def is_spam(self):
        """A filled honeypot or no genuine start token: a bot, whose submission is dropped."""
        token = self.cleaned_data.get("started") or ""
        return (
            bool(self.cleaned_data.get("website")) or seconds_since(token, self.guard_scope) is None
        )
