"""The receipt a browser keeps for a while after signing: the address the email went to.

The thanks page shows it to that browser alone ("we sent the email to ada@example.org"), and
offers to send the email again or, for a mistyped address, to sign again. It is a signed cookie
(django.core.signing, keyed with SECRET_KEY), set by the sign form's POST:

- Not the session: visitors have none (only organisers signed in to the admin), and a session
  cookie would make each later page of theirs skip the shared page cache (page_cache.has_session)
  and cost a database write per signer.
- Never in a cached page, a URL or a log: the thanks page is kept in the cache with a
  placeholder, filled in for each request and then answered "private, no-store"; the cookie is
  HttpOnly, lives RECEIPT_SECONDS, is sent only to the thanks page's own address and what is below
  it, and SameSite=Lax keeps it off every request another site starts (a forged POST carries none).
- A submission kept as spam gets a receipt of the same shape, so that neither the page nor the
  cookie tells a bot its verdict; only its proof is not the keyed one (`genuine`), and its "send
  again" and "sign again" change nothing and send nothing.
"""

import json
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.html import escape

COOKIE_NAME = "petition_receipt"
SALT = "petitions.receipt"
RECEIPT_SECONDS = 3600
# What the thanks page holds in the cache instead of the address; the block between the marks
# is dropped for a browser without a receipt.
ADDRESS_PLACEHOLDER = "receipt-address-of-this-visitor"
START_MARK = "<!-- receipt -->"
END_MARK = "<!-- /receipt -->"


@dataclass(frozen=True)
class Receipt:
    petition_slug: str
    signature_id: int
    email: str
    genuine: bool  # the submission earned emails (not kept as spam)


def _proof(petition_slug, signature_id, email):
    text = f"{petition_slug}:{signature_id}:{email}"
    return salted_hmac(SALT, text, algorithm="sha256").hexdigest()[:32]


def _path(slug):
    """The thanks page's address in the active language: the cookie goes there and below."""
    return reverse("petitions:thanks", args=[slug])


def give(response, *, petition, signature, email, is_spam):
    """Set the receipt of a submission on the response that answers it."""
    proof = secrets.token_hex(16) if is_spam else _proof(petition.slug, signature.pk, email)
    value = json.dumps({"p": petition.slug, "s": signature.pk, "e": email, "k": proof})
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=SALT,
        max_age=RECEIPT_SECONDS,
        path=_path(petition.slug),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def read(request, slug):
    """The receipt this browser holds for the petition `slug`, or None (none, expired, forged,
    odd)."""
    try:
        value = request.get_signed_cookie(COOKIE_NAME, salt=SALT, max_age=RECEIPT_SECONDS)
        data = json.loads(value)
        petition_slug, signature_id = data["p"], data["s"]
        email, proof = data["e"], data["k"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if petition_slug != slug or type(signature_id) is not int:
        return None
    if not isinstance(email, str) or not isinstance(proof, str):
        return None
    genuine = constant_time_compare(proof, _proof(slug, signature_id, email))
    return Receipt(slug, signature_id, email, genuine)


def take_back(response, slug):
    response.delete_cookie(COOKIE_NAME, path=_path(slug), samesite="Lax")


def fill_in(content, receipt):
    """The cached thanks page for this browser: the address filled in, or the block dropped."""
    start, end = content.find(START_MARK), content.find(END_MARK)
    if start == -1 or end == -1:
        return content
    if receipt is None:
        return content[:start] + content[end + len(END_MARK) :]
    return content.replace(ADDRESS_PLACEHOLDER, escape(receipt.email))
