"""Reading what the site did with a submission: links in its emails, a shadow ban."""

import re

from django.core import mail

from petitions import counter
from petitions.models import Petition, Signature


def link_from(message, kind):
    """The path of the confirm/withdraw link in an email's plain-text part."""
    match = re.search(rf"https?://[^/\s]+(/\S*/{kind}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def assert_shadow_banned(response, reason):
    """The bot sees the normal next page; its signature is kept as spam, unmailed, uncounted."""
    assert response.status_code == 302
    assert response["Location"] == "/petitions/free-jane-doe/thanks/"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.SPAM
    assert signature.review_reason == reason
    assert mail.outbox == []
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0


def confirm_by_link(client, message):
    """Open the confirmation link in `message` as its signer does, then press the button."""
    path = link_from(message, "confirm")
    page = client.get(path)
    shown = re.search(r'name="shown" value="([^"]+)"', page.text)
    assert shown, page.text
    return client.post(path, {"shown": shown[1]})
