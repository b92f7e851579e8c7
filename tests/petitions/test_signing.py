import pytest
from django.core import mail
from django.core import signing as django_signing

from petitions import counter, links, signing
from petitions.models import Petition, Signature
from tests.factories import form_data
from tests.petitions.helpers import confirm_by_link, link_from

pytestmark = pytest.mark.django_db


def test_signing_stores_a_pending_signature_and_emails_a_confirmation_link(client, sign):
    response = sign(wants_updates="on")
    assert response.status_code == 302
    assert response["Location"] == "/petitions/free-jane-doe/thanks/"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert (signature.first_name, signature.country.code) == ("Ada", "GB")
    assert signature.wants_updates is True
    assert signature.show_publicly is False
    assert signature.confirmation_sent_at is not None
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == "Please confirm your signature: Free Jane Doe"
    assert "/petitions/confirm/" in message.body
    assert "/petitions/withdraw/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Confirm my signature" in html
    thanks = client.get(response["Location"]).content.decode()
    assert "Now check your email" in thanks
    assert "https://wa.me/?text=I%20signed%20for%20Jane%20Doe" in thanks


def test_no_raw_ip_address_is_stored(sign):
    sign()
    signature = Signature.objects.get()
    assert signature.ip_hash == signing.hash_ip("127.0.0.1")
    assert "127.0.0.1" not in str(Signature.objects.values().get())


def test_the_form_offers_unticked_opt_ins_and_links_the_privacy_notice(client, petition):
    content = client.get(petition.get_absolute_url()).content.decode()
    assert '<input type="checkbox" name="wants_updates" id="id_wants_updates"' in content
    assert 'name="wants_updates" id="id_wants_updates" checked' not in content
    assert "checked" not in content
    assert '<a href="/privacy/">privacy notice</a>' in content


def test_confirming_counts_the_signature_and_a_second_click_changes_nothing(client, sign, petition):
    sign()
    confirm_path = link_from(mail.outbox[0], "confirm")
    first = confirm_by_link(client, mail.outbox[0])
    second = client.get(confirm_path)
    assert first.status_code == second.status_code == 200
    assert "Your signature is confirmed" in second.content.decode()
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.CONFIRMED
    counter.fold_counts()
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_the_page_shows_the_confirmed_signature_once_folded_in(client, sign, petition):
    sign()
    confirm_by_link(client, mail.outbox[0])
    counter.fold_counts()
    content = client.get(petition.get_absolute_url()).content.decode()
    assert 'data-value="1">1</strong> person has signed' in content


def test_a_broken_confirmation_link_gets_a_friendly_page_with_a_way_back(client, petition):
    response = client.get("/petitions/confirm/not-a-real-token/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert 'href="/"' in response.content.decode()


@pytest.mark.parametrize("payload", ["abc", [1], {"pk": 1}, None, True, 1.5])
def test_a_validly_signed_link_with_an_odd_payload_is_a_broken_link(
    client, signature, settings, payload
):
    confirm_token = django_signing.dumps(payload, salt=links.CONFIRM_SALT)
    response = client.get(f"/petitions/confirm/{confirm_token}/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    withdraw_token = django_signing.dumps(payload, salt=links.WITHDRAW_SALT)
    assert client.get(f"/petitions/withdraw/{withdraw_token}/").status_code == 404
    settings.PETITIONS_CONFIRM_DAYS = -1
    assert client.get(f"/petitions/confirm/{confirm_token}/").status_code == 410
    assert client.post(f"/petitions/withdraw/{withdraw_token}/").status_code == 404
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_an_expired_confirmation_link_offers_to_sign_again(client, sign, settings, petition):
    sign()
    path = link_from(mail.outbox[0], "confirm")
    settings.PETITIONS_CONFIRM_DAYS = -1
    response = client.get(path)
    content = response.content.decode()
    assert response.status_code == 410
    assert "This link has expired" in content
    assert 'href="/petitions/free-jane-doe/#sign-heading">Sign again' in content
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_a_confirmed_signatures_link_still_shows_success_after_it_expires(
    client, sign, settings, petition
):
    sign()
    path = link_from(mail.outbox[0], "confirm")
    first = confirm_by_link(client, mail.outbox[0])
    settings.PETITIONS_CONFIRM_DAYS = -1
    again = client.get(path)
    assert again.status_code == first.status_code == 200
    assert "Your signature is confirmed" in again.content.decode()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_an_address_with_an_international_domain_is_one_signer_in_either_form(sign):
    sign(email="ada@exämple.org")
    sign(email="ada@xn--exmple-cua.org")
    assert Signature.objects.count() == 1


def test_a_plus_tag_alone_is_not_the_whole_domain_signing(sign):
    sign(email="+one@example.org")
    sign(email="+two@example.org")
    assert sorted(Signature.objects.values_list("email_normalised", flat=True)) == [
        "+one@example.org",
        "+two@example.org",
    ]


@pytest.mark.parametrize("marks", ["\u200f", "\u200e\u200f", "\u200d", " \u200f \u200e "])
def test_a_name_made_only_of_invisible_marks_is_required(client, petition, marks):
    response = client.post(petition.get_absolute_url(), form_data(petition, first_name=marks))
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Signature.objects.exists()


def test_signing_again_sends_an_already_signed_email_and_shows_the_same_page(client, sign):
    first = sign()
    confirm_by_link(client, mail.outbox[0])
    again = sign(email="ADA+again@Example.org", first_name="Ada B.")
    assert again.status_code == first.status_code == 302
    assert again["Location"] == first["Location"]
    assert Signature.objects.count() == 1
    assert Signature.objects.get().first_name == "Ada"
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "You have already signed: Free Jane Doe"
    assert "/petitions/confirm/" not in mail.outbox[1].body
    assert "/petitions/withdraw/" in mail.outbox[1].body


def test_signing_again_before_confirming_sends_a_fresh_confirmation(sign):
    sign()
    sign()
    assert mail.outbox[1].subject == "Please confirm your signature: Free Jane Doe"
    assert "/petitions/confirm/" in mail.outbox[1].body


def test_the_mailbox_owner_replaces_the_details_a_squatter_typed(client, sign):
    sign(email="victim+x@example.org", first_name="Troll", last_name="Scammer")
    sign(email="victim@example.org", first_name="Vera", last_name="Victim", show_publicly="on")
    signature = Signature.objects.get()
    assert (signature.first_name, signature.last_name, signature.email) == (
        "Vera",
        "Victim",
        "victim@example.org",
    )
    assert signature.show_publicly
    assert [message.to for message in mail.outbox] == [
        ["victim+x@example.org"],
        ["victim@example.org"],
    ]
    assert "Vera" in client.get(link_from(mail.outbox[1], "confirm")).text


def test_no_email_greets_the_signer_with_a_name_someone_typed(client, sign):
    sign(first_name="Troll")
    confirm_by_link(client, mail.outbox[0])
    sign(first_name="Troll")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "Troll" not in message.body
        assert "Troll" not in message.alternatives[0].content


def test_withdrawing_asks_first_then_takes_the_signature_off_the_counter(client, sign, petition):
    sign()
    message = mail.outbox[0]
    confirm_by_link(client, message)
    withdraw_path = link_from(message, "withdraw")
    asked = client.get(withdraw_path)
    assert "Withdraw your signature?" in asked.content.decode()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    done = client.post(withdraw_path)
    assert "Your signature is withdrawn" in done.content.decode()
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN
    counter.fold_counts()
    petition.refresh_from_db()
    assert petition.confirmed_count == 0
    assert client.get(link_from(message, "confirm")).status_code == 404


def test_withdrawing_erases_the_signers_personal_data_at_once(client, sign, petition):
    sign(postal_code="75001", show_publicly="on", wants_updates="on")
    confirm_by_link(client, mail.outbox[0])
    client.post(link_from(mail.outbox[0], "withdraw"))
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.WITHDRAWN
    personal = (signature.first_name, signature.last_name, signature.email, signature.postal_code)
    assert personal == ("", "", "", "")
    assert signature.ip_hash == ""
    assert not signature.show_publicly
    assert not signature.wants_updates
    assert signature.email_normalised == "ada@example.org"
    assert client.get(link_from(mail.outbox[0], "withdraw")).status_code == 200

    sign(first_name="Ada again")
    signature = Signature.objects.get()
    assert (signature.status, signature.first_name) == (Signature.Status.PENDING, "Ada again")
    assert signature.email == "ada@example.org"
    confirm_by_link(client, mail.outbox[-1])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1


def test_a_withdrawn_signer_may_sign_again_and_gets_a_new_confirmation(client, sign):
    sign()
    client.post(link_from(mail.outbox[0], "withdraw"))
    sign()
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert mail.outbox[-1].subject == "Please confirm your signature: Free Jane Doe"


def test_a_signature_token_for_another_purpose_is_refused(client, signature):
    withdraw_token = django_signing.dumps(signature.pk, salt=links.WITHDRAW_SALT)
    response = client.get(f"/petitions/confirm/{withdraw_token}/")
    assert response.status_code == 400
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_a_confirmation_after_the_petition_closed_is_not_counted(client, sign, petition):
    sign()
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.CLOSED)
    response = client.get(link_from(mail.outbox[0], "confirm"))
    assert response.status_code == 404
    assert "It closed before your signature was confirmed" in response.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_the_petition_card_fragment_shows_title_counter_progress_and_link(petition):
    from django.template.loader import render_to_string

    Petition.objects.filter(pk=petition.pk).update(offset=250)
    petition.refresh_from_db()
    html = render_to_string("includes/petition_card.html", {"petition": petition})
    assert '<a href="/petitions/free-jane-doe/">Free Jane Doe</a>' in html
    assert 'data-value="250">250</strong> people have signed' in html
    assert '<progress class="counter__bar" max="1000" value="250"' in html
    assert "Sign the petition" in html
