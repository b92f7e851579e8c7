"""reCAPTCHA v3, the optional spam layer: never a reason to refuse a person."""

from urllib.error import URLError

import pytest
from django.core import mail

from petitions import counter
from petitions.models import Petition, Signature
from tests.petitions.helpers import assert_shadow_banned, confirm_by_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"


class FakeVerdict:
    def __init__(self, is_valid, score=0.9):
        self.is_valid = is_valid
        self.error_codes = []
        self.extra_data = {"score": score}
        self.action = "sign"


def test_recaptcha_runs_only_when_keys_are_set(client, petition, recaptcha_keys, settings):
    assert "recaptcha" in client.get(petition.get_absolute_url()).content.decode()
    settings.RECAPTCHA_PUBLIC_KEY = ""
    assert "recaptcha" not in client.get(petition.get_absolute_url()).content.decode()


def test_a_passed_recaptcha_signs_normally(sign, recaptcha_keys, monkeypatch):
    monkeypatch.setattr("django_recaptcha.client.submit", lambda **kw: FakeVerdict(True))
    sign(captcha="token")
    signature = Signature.objects.get()
    assert (signature.status, signature.review_reason) == (Signature.Status.PENDING, "")
    assert len(mail.outbox) == 1


def test_a_failed_recaptcha_is_kept_as_spam(sign, recaptcha_keys, monkeypatch):
    monkeypatch.setattr("django_recaptcha.client.submit", lambda **kw: FakeVerdict(False))
    response = sign(captcha="token")
    assert_shadow_banned(response, Signature.Review.CAPTCHA_FAILED)


def test_a_low_recaptcha_score_is_kept_as_spam(sign, recaptcha_keys, monkeypatch):
    monkeypatch.setattr("django_recaptcha.client.submit", lambda **kw: FakeVerdict(True, score=0.1))
    response = sign(captcha="token")
    assert_shadow_banned(response, Signature.Review.CAPTCHA_FAILED)


def test_the_minimum_recaptcha_score_is_configurable(sign, recaptcha_keys, monkeypatch, settings):
    settings.PETITIONS_RECAPTCHA_MIN_SCORE = 0.05
    monkeypatch.setattr("django_recaptcha.client.submit", lambda **kw: FakeVerdict(True, score=0.1))
    sign(captcha="token")
    signature = Signature.objects.get()
    assert (signature.status, signature.review_reason) == (Signature.Status.PENDING, "")
    assert len(mail.outbox) == 1


def test_when_google_cannot_be_reached_the_signature_is_kept_for_review(
    client, sign, recaptcha_keys, monkeypatch
):
    def unreachable(**kwargs):
        raise URLError("Name or service not known")

    monkeypatch.setattr("django_recaptcha.client.submit", unreachable)
    response = sign(captcha="token")
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.review_reason == Signature.Review.CAPTCHA_UNAVAILABLE
    confirm_by_link(client, mail.outbox[0])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1


def test_a_browser_that_sent_no_recaptcha_token_is_kept_for_review_not_refused(
    client, sign, recaptcha_keys, monkeypatch
):
    def must_not_ask_google(**kwargs):
        raise AssertionError("an empty token is not sent to Google")

    monkeypatch.setattr("django_recaptcha.client.submit", must_not_ask_google)

    response = sign()

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.review_reason == Signature.Review.CAPTCHA_UNAVAILABLE
    assert len(mail.outbox) == 1


def test_only_the_sign_form_may_load_recaptcha_and_only_when_it_is_on(
    client, petition, recaptcha_keys, settings
):
    policy = client.get(petition.get_absolute_url())["Content-Security-Policy"]
    assert "script-src 'self' https://www.google.com/recaptcha/" in policy
    assert "google" not in client.get("/")["Content-Security-Policy"]

    settings.RECAPTCHA_PUBLIC_KEY = ""
    assert "google" not in client.get(petition.get_absolute_url())["Content-Security-Policy"]


def test_the_recaptcha_widget_uses_our_script_not_an_inline_one(client, petition, recaptcha_keys):
    html = client.get(petition.get_absolute_url()).content.decode()

    assert "js/recaptcha-v3.js" in html
    assert "grecaptcha.execute" not in html
    assert 'data-action="sign"' in html
