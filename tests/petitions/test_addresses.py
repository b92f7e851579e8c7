"""One email identity: every check, dedupe and send uses the canonical address."""

import pytest
from django.core import mail

from petitions.addresses import InvalidAddress, canonical_email, normalise_email
from petitions.models import BlockedDomain, Signature

pytestmark = pytest.mark.django_db


def fullwidth(text):
    """ASCII letters as their fullwidth forms (U+FF41...): NFKC maps them back."""
    return "".join(chr(ord(char) + 0xFEE0) for char in text)


FULLWIDTH_MAILINATOR = f"bot@{fullwidth('mailinator')}.{fullwidth('com')}"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        (FULLWIDTH_MAILINATOR, "bot@mailinator.com"),
        ("bot@mailin\u00adator.com", "bot@mailinator.com"),  # soft hyphen
        ("bot@mailin\u200bator.com", "bot@mailinator.com"),  # zero-width space
        ("bot@sub.mailinator\u3002com", "bot@sub.mailinator.com"),  # ideographic full stop
        ('"janevar"@example.org', "janevar@example.org"),
        ('"j\\anevar"@example.org', "janevar@example.org"),
        ("Ada@Exämple.ORG", "Ada@xn--exmple-cua.org"),
        ("  ada@example.org ", "ada@example.org"),
    ],
)
def test_addresses_are_made_canonical_before_any_check(typed, canonical):
    assert canonical_email(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    [
        "\u0130" * 130 + "@example.org",  # lower() would double it
        "a@" + ".".join(["\u00e4" * 14] * 14) + ".org",  # punycode grows it past 254
        "a@" + "\u00df" * 60 + ".org",  # the mailer's IDNA makes a label over 63
        '"jane doe"@example.org',  # a quoted local part that is not a plain one
        "caf\u00e9@example.org",  # the mailer cannot send to a non-ASCII local part
        "a" * 65 + "@example.org",
    ],
)
def test_addresses_the_mailer_cannot_use_are_refused(typed):
    with pytest.raises(InvalidAddress):
        canonical_email(typed)


def test_one_mailbox_in_several_spellings_is_one_signer():
    keys = {
        normalise_email(typed)
        for typed in ["janevar@example.org", '"janevar"@example.org', '"j\\anevar"@example.org']
    }
    assert keys == {"janevar@example.org"}


@pytest.mark.parametrize(
    "email", [FULLWIDTH_MAILINATOR, "bot@mailin\u00adator.com", "bot@sub.mailinator\u3002com"]
)
def test_disguised_disposable_addresses_are_refused_at_the_form(sign, email):
    response = sign(email=email)
    assert response.status_code == 400
    assert "temporary email services" in response.text
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_a_disguised_blocked_domain_is_kept_as_spam(sign):
    BlockedDomain.objects.create(domain="spam.example")
    sign(email=f"bot@{fullwidth('spam')}.example")
    assert Signature.objects.get().status == Signature.Status.SPAM
    assert mail.outbox == []


def test_a_blocked_domain_typed_with_accents_blocks_its_ascii_form():
    blocked = BlockedDomain.objects.create(domain="Exämple.org")
    assert blocked.domain == "xn--exmple-cua.org"
    assert BlockedDomain.blocks("ada@exämple.org")


def test_quoted_spellings_of_one_mailbox_make_one_signature(sign):
    for email in ["janevar@example.org", '"janevar"@example.org', '"j\\anevar"@example.org']:
        assert sign(email=email).status_code == 302
    signature = Signature.objects.get()
    assert signature.email == "janevar@example.org"


@pytest.mark.parametrize(
    "email",
    [
        "\u0130" * 130 + "@example.org",
        "a@" + ".".join(["\u00e4" * 14] * 14) + ".org",
        "a@" + "\u00df" * 60 + ".org",
    ],
)
def test_addresses_that_overflow_after_normalising_get_a_form_error_not_a_500(sign, email):
    response = sign(email=email)
    assert response.status_code == 400
    assert 'id="id_email"' in response.text
    assert not Signature.objects.exists()


def test_the_confirmation_goes_to_the_canonical_address(sign):
    sign(email="Ada@Exämple.org")
    assert mail.outbox[0].to == ["Ada@xn--exmple-cua.org"]
