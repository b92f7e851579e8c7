"""Each spam layer's verdict on its own (petitions.spam.judge), in the order they run."""

import time

import pytest

from petitions import spam
from petitions.models import BlockedDomain, BlockedIPRange, Signature

pytestmark = pytest.mark.django_db


def human(petition, **changes):
    """What a person's valid form holds: no honeypot, shown a minute ago."""
    data = {
        "email": "ada@example.org",
        "website": "",
        "started": spam.form_started_token(petition, at=time.time() - 60),
    }
    return data | changes


def judge(petition, data, captcha_outcome=None, ip="192.0.2.1"):
    return spam.judge(petition=petition, data=data, captcha_outcome=captcha_outcome, ip=ip)


def test_a_person_gets_the_clean_verdict(petition):
    verdict = judge(petition, human(petition))
    assert verdict == spam.CLEAN
    assert (verdict.outcome, verdict.reason, verdict.is_spam) == (spam.Outcome.SIGN, "", False)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"website": "http://spam.example"}, Signature.Review.HONEYPOT),
        ({"started": ""}, Signature.Review.NO_TOKEN),
        ({"started": "forged"}, Signature.Review.NO_TOKEN),
    ],
)
def test_the_honeypot_and_a_missing_form_token_keep_a_bot_as_spam(petition, changes, reason):
    verdict = judge(petition, human(petition, **changes))
    assert (verdict.outcome, verdict.reason, verdict.is_spam) == (spam.Outcome.SPAM, reason, True)


def test_too_fast_is_kept_for_review_never_spam_and_the_minimum_is_configurable(petition, settings):
    data = human(petition, started=spam.form_started_token(petition, at=time.time() - 10))
    assert judge(petition, data) == spam.CLEAN
    settings.PETITIONS_MIN_FILL_SECONDS = 30
    verdict = judge(petition, data)
    assert (verdict.outcome, verdict.reason) == (spam.Outcome.REVIEW, Signature.Review.TOO_FAST)


def test_a_spam_layer_wins_over_too_fast(petition):
    BlockedDomain.objects.create(domain="spam.example")
    data = human(petition, email="bot@spam.example", started=spam.form_started_token(petition))
    assert judge(petition, data).reason == Signature.Review.BLOCKED_DOMAIN


def test_a_failed_captcha_is_spam_and_an_unavailable_one_is_kept_for_review(petition):
    failed = judge(petition, human(petition), captcha_outcome="failed")
    unavailable = judge(petition, human(petition), captcha_outcome="unavailable")
    assert (failed.outcome, failed.reason) == (spam.Outcome.SPAM, Signature.Review.CAPTCHA_FAILED)
    assert (unavailable.outcome, unavailable.reason) == (
        spam.Outcome.REVIEW,
        Signature.Review.CAPTCHA_UNAVAILABLE,
    )
    assert judge(petition, human(petition), captcha_outcome="passed") == spam.CLEAN


def test_blocked_domains_and_ip_ranges_keep_a_submission_as_spam(petition):
    BlockedDomain.objects.create(domain="spam.example")
    BlockedIPRange.objects.create(network="203.0.113.0/24")
    by_domain = judge(petition, human(petition, email="bot@mail.spam.example"))
    by_ip = judge(petition, human(petition), ip="203.0.113.9")
    assert by_domain.reason == Signature.Review.BLOCKED_DOMAIN
    assert by_ip.reason == Signature.Review.BLOCKED_IP
    assert by_domain.is_spam and by_ip.is_spam


def test_a_spam_layer_wins_over_keeping_for_review(petition):
    BlockedIPRange.objects.create(network="203.0.113.0/24")
    verdict = judge(petition, human(petition), captcha_outcome="unavailable", ip="203.0.113.9")
    assert verdict.reason == Signature.Review.BLOCKED_IP


@pytest.mark.parametrize(
    ("email", "disposable"),
    [
        ("ada@mailinator.com", True),
        ("ada@inbox.mailinator.com", True),
        ("ada@example.org", False),
    ],
)
def test_disposable_domains_and_their_subdomains_are_recognised(email, disposable):
    assert spam.is_disposable(email) is disposable


def test_only_a_genuine_token_older_than_a_day_is_stale(petition):
    day_old = spam.form_started_token(petition, at=time.time() - spam.STARTED_MAX_AGE - 60)
    assert spam.is_stale(day_old, petition)
    assert not spam.is_stale(spam.form_started_token(petition), petition)
    assert not spam.is_stale("forged", petition)
