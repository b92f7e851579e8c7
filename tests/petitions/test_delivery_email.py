"""Emailing the delivery pack to a petition's target once the petition has closed, when the
organiser asked for it: once, logged, and retried by the next run when the mail server is down."""

import datetime
import email
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from petitions.models import Delivery, Petition
from tests.factories import add_signature

pytestmark = pytest.mark.django_db

TARGET = "minister@justice.example.org"


@pytest.fixture
def closed(petition):
    """A petition closed an hour ago, whose pack goes to the target by email."""
    add_signature(petition, "ada@example.org", first_name="Ada", country="GB")
    Petition.objects.filter(pk=petition.pk).update(
        status=Petition.Status.CLOSED,
        closes_at=timezone.now() - datetime.timedelta(hours=1),
        offset=10,
        target_email=TARGET,
        email_target_when_closed=True,
    )
    petition.refresh_from_db()
    return petition


def deliver():
    call_command("deliver_closed_petitions", verbosity=0)


def test_a_closed_petition_is_emailed_to_its_target_once_with_the_pack(closed):
    deliver()
    deliver()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [TARGET]
    assert "Free Jane Doe" in message.subject
    assert "11 signatures" in message.body
    names = sorted(name for name, _content, _type in message.attachments)
    assert names == ["free-jane-doe-delivery.csv", "free-jane-doe-delivery.pdf"]
    types = {name: kind for name, _content, kind in message.attachments}
    assert types["free-jane-doe-delivery.pdf"] == "application/pdf"
    delivery = Delivery.objects.get()
    assert (delivery.petition, delivery.recipient, delivery.outcome) == (
        closed,
        TARGET,
        Delivery.Outcome.SENT,
    )
    assert (delivery.signature_count, delivery.names_included, delivery.error) == (11, False, "")


def test_a_petition_past_its_closing_time_is_delivered_too(closed):
    Petition.objects.filter(pk=closed.pk).update(status=Petition.Status.OPEN)
    deliver()
    assert [message.to for message in mail.outbox] == [[TARGET]]


@pytest.mark.parametrize(
    "change",
    [
        {"status": Petition.Status.OPEN, "closes_at": None},
        {"email_target_when_closed": False},
        {"target_email": ""},
        {"status": Petition.Status.DRAFT},
    ],
)
def test_nothing_is_sent_unless_closed_and_asked_for(closed, change):
    Petition.objects.filter(pk=closed.pk).update(**change)
    deliver()
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_the_target_address_is_never_on_the_petition_page(client, closed):
    assert TARGET not in client.get(closed.get_absolute_url()).text


def test_the_deliveries_are_listed_on_the_petition_admin_page(admin_client, closed):
    deliver()
    content = admin_client.get(f"/admin/petitions/petition/{closed.pk}/change/").text
    assert "Emails to the target" in content
    assert TARGET in content
    assert "Sent" in content


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.received.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_port(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    return port


def test_a_mail_server_down_is_logged_as_failed_and_the_next_run_delivers_once(closed, smtp_port):
    # Nothing listens on the port yet: the server refuses every connection.
    deliver()

    failed = Delivery.objects.get()
    assert failed.outcome == Delivery.Outcome.FAILED
    assert "refused" in failed.error.lower()

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        deliver()
        deliver()
    finally:
        server.stop()

    assert [rcpts for rcpts, _content in inbox.received] == [[TARGET]]
    message = email.message_from_bytes(inbox.received[0][1])
    attached = sorted(part.get_filename() for part in message.walk() if part.get_filename())
    assert attached == ["free-jane-doe-delivery.csv", "free-jane-doe-delivery.pdf"]
    outcomes = list(Delivery.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == [Delivery.Outcome.FAILED, Delivery.Outcome.SENT]
