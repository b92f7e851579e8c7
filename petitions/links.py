"""The signed links in every email: the one that confirms a signature, the one that withdraws it."""

from django.core import signing
from django.utils.crypto import salted_hmac

from petitions.models import Signature

CONFIRM_SALT = "petitions.confirm"
WITHDRAW_SALT = "petitions.withdraw"


def confirmation_token(signature):
    return signing.dumps(signature.pk, salt=CONFIRM_SALT)


def withdrawal_token(signature):
    return signing.dumps(signature.pk, salt=WITHDRAW_SALT)


def signature_from_token(token, salt, max_age=None):
    """The signature a link points at (None if deleted); raises signing errors for broken or
    expired links."""
    signature_id = signing.loads(token, salt=salt, max_age=max_age)
    if type(signature_id) is not int:  # signed by us, but not a link we send (bool is an int)
        raise signing.BadSignature("Not a signature id")
    return Signature.objects.select_related("petition").filter(pk=signature_id).first()


def signature_from_expired_token(token, salt):
    """The signature an expired link points at, or None."""
    try:
        return signature_from_token(token, salt)
    except signing.BadSignature:
        return None


def details_fingerprint(signature):
    """A keyed hash of what the confirmation page shows: a POST confirms only what was shown."""
    shown = [signature.first_name, signature.last_name, signature.country.code]
    shown.append(str(signature.show_publicly))
    details = "\x1f".join(shown)
    return salted_hmac("petitions.confirm-details", details, algorithm="sha256").hexdigest()[:32]
