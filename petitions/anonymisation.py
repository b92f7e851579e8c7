"""Erasing signers' personal data once a petition is over (`manage.py anonymise_signatures`).

Withdrawing a signature erases its data at once (petitions.signing.withdraw); a signer erases
all of theirs from the link in their emails (petitions.my_data).
"""

from datetime import timedelta

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from petitions.models import PaperSignature, Signature


def anonymise_closed(*, days):
    """Erase personal data of signers of petitions closed more than `days` days ago.

    Keeps status, country and dates, so the counter and statistics hold. Returns how many.
    """
    cutoff = timezone.now() - timedelta(days=days)
    return anonymise(Signature.objects.not_anonymised().filter(petition__closes_at__lte=cutoff))


def anonymise(signatures):
    """Erase the personal data of `signatures`, keeping status, country and dates (the counter
    and statistics hold). Returns how many."""
    return signatures.update(
        first_name="",
        last_name="",
        email="",
        # Unique per petition, and no longer anybody's address.
        email_normalised=Concat(Value("anonymised-"), Cast("pk", CharField())),
        postal_code="",
        ip_hash="",
        show_publicly=False,
        wants_updates=False,
        anonymised_at=timezone.now(),
    )


def anonymise_closed_paper(*, days):
    """Erase paper signers' names and scrambled addresses as `anonymise_closed` does for the
    online signers: country and date stay, so the count holds. Returns how many."""
    cutoff = timezone.now() - timedelta(days=days)
    paper = PaperSignature.objects.filter(
        anonymised_at__isnull=True, petition__closes_at__lte=cutoff
    )
    return paper.update(name="", email_hash="", anonymised_at=timezone.now())
