"""Organisers' bulk actions on signatures in the admin: confirm, mark as spam, restore, delete."""

from django.db import transaction

from petitions import counter, emails, webhooks
from petitions.models import Signature


def _reviewable(signatures):
    """Signatures an organiser may still change: not withdrawn by their signer, not anonymised."""
    return signatures.exclude(status=Signature.Status.WITHDRAWN).not_anonymised()


def set_status(*, signatures, status):
    """Confirm or mark as spam. Returns how many changed.

    Either settles an automatic layer's flag, taking the signature out of the review queues:
    confirming clears it (even on a signature already confirmed), marking as spam makes it an
    organiser's decision, which signing again with the address does not undo. Withdrawn and
    anonymised signatures are left as they are.
    """
    changed = 0
    with transaction.atomic():
        for signature in _reviewable(signatures).select_for_update():
            reason = Signature.Review.ORGANISER if status == Signature.Status.SPAM else ""
            if signature.status == status and signature.review_reason == reason:
                continue
            newly_confirmed = signature.status != status == Signature.Status.CONFIRMED
            counter.change_status(signature, status, review_reason=reason)
            if newly_confirmed:
                webhooks.signature_confirmed(signature)
            changed += 1
    return changed


def restore(*, signatures):
    """Restore shadow-banned signatures. Returns how many.

    One the signer had confirmed before it was marked as spam is confirmed (and counted) again;
    any other is pending again and gets a confirmation email, sent afresh even if one went out.
    """
    restored, to_email = 0, []
    with transaction.atomic():
        spam = _reviewable(signatures).filter(status=Signature.Status.SPAM)
        for signature in spam.select_for_update():
            if signature.confirmed_at is not None:
                counter.change_status(signature, Signature.Status.CONFIRMED, review_reason="")
                webhooks.signature_confirmed(signature)
            else:
                signature.confirmation_sent_at = None
                counter.change_status(signature, Signature.Status.PENDING, review_reason="")
                to_email.append(signature.pk)
            restored += 1
    for signature_id in to_email:
        emails.enqueue(emails.send_confirmation, signature_id)
    return restored


def delete_signatures(*, signatures):
    """Delete signatures, taking the confirmed ones off the counter."""
    with transaction.atomic():
        for signature in signatures.select_for_update():
            if signature.is_counted:
                counter.log_change(signature.petition_id, -1)
            signature.delete()
