"""Only the signer confirms: the link shows what would be confirmed, and one button confirms it."""

import re

import pytest
from django.core import mail

from petitions import counter
from petitions.models import Petition, Signature
from tests.petitions.helpers import confirm_by_link, link_from

pytestmark = pytest.mark.django_db


def test_opening_the_link_confirms_nothing_as_a_mail_scanner_would(client, sign):
    sign(show_publicly="on")
    path = link_from(mail.outbox[0], "confirm")
    for _ in range(3):
        page = client.get(path)
        assert page.status_code == 200
    assert Signature.objects.get().status == Signature.Status.PENDING
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0
    assert "Confirm your signature" in page.text
    assert "Ada Lovelace" in page.text
    assert "United Kingdom" in page.text
    assert "Your first name and country are shown." in page.text
    main = page.text.split("<main", 1)[1]
    assert re.findall(r"<button[^>]*>([^<]+)</button>", main) == ["Confirm my signature"]


def test_pressing_the_button_confirms_and_counts_once(client, sign):
    sign()
    assert "Your signature is confirmed" in confirm_by_link(client, mail.outbox[0]).text
    path = link_from(mail.outbox[0], "confirm")
    assert "Your signature is confirmed" in client.post(path, {"shown": "anything"}).text
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1


def test_a_post_without_the_details_shown_confirms_nothing_and_asks_again(client, sign):
    sign()
    path = link_from(mail.outbox[0], "confirm")
    response = client.post(path, {"shown": "not-what-was-shown"})
    assert response.status_code == 200
    assert "changed since you opened this page" in response.text
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_details_replaced_after_the_page_was_shown_are_not_confirmed_unseen(client, sign):
    sign(email="victim@example.org", first_name="Victim")
    path = link_from(mail.outbox[0], "confirm")
    shown = re.search(r'name="shown" value="([^"]+)"', client.get(path).text)[1]
    Signature.objects.update(first_name="Troll")
    response = client.post(path, {"shown": shown})
    assert "Troll" in response.text
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_the_confirm_button_works_with_csrf_checks_on(sign, petition):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    sign()
    path = link_from(mail.outbox[0], "confirm")
    page = browser.get(path)
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|shown)" value="([^"]+)"', page.text))
    assert browser.post(path, fields).status_code == 200
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
