"""The mail server refuses, then recovers: no signature is lost and each email goes out once.

Over a real SMTP connection to a local server (aiosmtpd), through Django's SMTP backend.
"""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from petitions.models import Signature

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.received.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_mailer(settings, smtp_port):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_port, "timeout": 5},
        }
    }


def test_a_refusing_mail_server_loses_no_signature_and_resend_delivers_each_once(
    sign, smtp_mailer, smtp_port
):
    # Nothing listens on the port yet: the server refuses every connection.
    assert sign(email="ada@example.org").status_code == 302
    assert sign(email="grace@example.org", first_name="Grace").status_code == 302
    assert Signature.objects.filter(confirmation_sent_at__isnull=True).count() == 2

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        call_command("resend_confirmations", minutes=0, verbosity=0)
        call_command("resend_confirmations", minutes=0, verbosity=0)
    finally:
        server.stop()

    recipients = sorted(rcpt for rcpts, _content in inbox.received for rcpt in rcpts)
    assert recipients == ["ada@example.org", "grace@example.org"]
    assert all("/petitions/confirm/" in content for _rcpts, content in inbox.received)
    assert not Signature.objects.filter(confirmation_sent_at__isnull=True).exists()


def test_with_the_mail_server_down_an_update_waits_and_then_reaches_each_signer_once(
    petition, smtp_mailer, smtp_port
):
    from petitions import mailings
    from petitions.models import Mailing, Recipient
    from tests.factories import add_signature

    add_signature(petition, "ada@example.org", wants_updates=True)
    add_signature(petition, "grace@example.org", wants_updates=True)
    update = Mailing.objects.create(petition=petition, subject_en="News", body_en="Hearing moved")
    # Nothing listens yet: the batch pauses; nothing is marked sent, nothing fails for good.
    assert mailings.start_sending(mailing_id=update.pk) == 2
    assert set(Recipient.objects.values_list("status", "attempts")) == {("pending", 0)}

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        call_command("send_mailings", verbosity=0)
        call_command("send_mailings", verbosity=0)
    finally:
        server.stop()

    recipients = sorted(rcpt for rcpts, _content in inbox.received for rcpt in rcpts)
    assert recipients == ["ada@example.org", "grace@example.org"]
    assert all("List-Unsubscribe-Post: List-Unsubscribe=One-Click" in c for _r, c in inbox.received)
    assert set(Recipient.objects.values_list("status", flat=True)) == {"sent"}
