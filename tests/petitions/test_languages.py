"""One petition, many languages, one counter: each language has its address, a signature counts
once whatever language it was signed in, and every email goes in the signer's language."""

import json

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client

from petitions import counter, emails
from petitions.models import Petition, Signature
from tests.factories import add_signature, form_data
from tests.petitions.helpers import confirm_by_link, link_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition(petition):
    """The shared petition, with a French translation."""
    petition.title_fr = "Liberté pour Jane Doe"
    petition.target_fr = "le ministre de la Justice"
    petition.save()
    return petition


def sign_at(client, address, petition, **fields):
    return client.post(address, form_data(petition, **fields))


def test_a_french_and_an_english_signature_move_the_same_counter(petition):
    french, english = Client(), Client()
    sign_at(french, "/fr/petitions/free-jane-doe/", petition, email="marie@example.org")
    sign_at(english, "/petitions/free-jane-doe/", petition, email="ada@example.org")
    assert set(Signature.objects.values_list("language", flat=True)) == {"fr", "en"}
    for browser, message in zip([french, english], mail.outbox, strict=True):
        confirm_by_link(browser, message)
    counter.fold_counts()
    assert Petition.objects.get().signature_count == 2
    for address in [
        "/petitions/free-jane-doe/count.json",
        "/fr/petitions/free-jane-doe/count.json",
    ]:
        assert json.loads(Client().get(address).content)["count"] == 2
    assert (
        'data-value="2">2</strong> personnes ont signé'
        in Client().get("/fr/petitions/free-jane-doe/").text
    )


def test_a_signature_counts_once_whatever_language_it_is_signed_again_in(client, petition):
    sign_at(client, "/fr/petitions/free-jane-doe/", petition)
    confirm_by_link(client, mail.outbox[0])
    sign_at(Client(), "/de/petitions/free-jane-doe/", petition, email="ADA@example.org")
    assert Signature.objects.count() == 1
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1
    # A confirmed signature keeps its details, its language too: the notice goes in French.
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Vous avez déjà signé\xa0: Liberté pour Jane Doe"


def test_an_unconfirmed_signature_signed_again_takes_the_new_language(petition):
    sign_at(Client(), "/fr/petitions/free-jane-doe/", petition)
    sign_at(Client(), "/petitions/free-jane-doe/", petition)
    assert Signature.objects.get().language == "en"
    assert mail.outbox[-1].subject == "Please confirm your signature: Free Jane Doe"


def test_the_confirmation_email_is_in_the_signers_language(client, petition):
    response = sign_at(client, "/fr/petitions/free-jane-doe/", petition)
    assert response["Location"] == "/fr/petitions/free-jane-doe/thanks/"
    [message] = mail.outbox
    assert message.subject == "Veuillez confirmer votre signature\xa0: Liberté pour Jane Doe"
    assert "Merci d’avoir signé «\xa0Liberté pour Jane Doe\xa0»" in message.body
    html = message.alternatives[0].content
    assert '<html lang="fr">' in html
    assert link_from(message, "confirm").startswith("/fr/petitions/confirm/")
    assert link_from(message, "withdraw").startswith("/fr/petitions/withdraw/")
    page = client.get(link_from(message, "confirm")).text
    assert '<html lang="fr">' in page
    assert "Confirmer ma signature" in page


def test_an_untranslated_petitions_email_names_it_in_its_main_language(client, petition):
    sign_at(client, "/ru/petitions/free-jane-doe/", petition)
    [message] = mail.outbox
    assert "Free Jane Doe" in message.subject
    assert '<html lang="ru">' in message.alternatives[0].content
    assert link_from(message, "confirm").startswith("/ru/petitions/confirm/")


def test_later_emails_go_in_the_signatures_language(petition):
    signature = add_signature(
        petition, "grace@example.org", status=Signature.Status.PENDING, language="fr"
    )
    emails.send_confirmation.enqueue(signature.pk)
    emails.send_already_signed.enqueue(signature.pk)
    confirmation, already_signed = mail.outbox
    assert confirmation.subject.startswith("Veuillez confirmer votre signature")
    assert already_signed.subject == "Vous avez déjà signé\xa0: Liberté pour Jane Doe"
    assert f'<a href="{settings.SITE_URL}/fr/petitions/free-jane-doe/" lang="fr">' in (
        already_signed.alternatives[0].content
    )


def test_withdrawing_from_a_french_email_speaks_french(client, petition):
    sign_at(client, "/fr/petitions/free-jane-doe/", petition)
    page = client.get(link_from(mail.outbox[0], "withdraw")).text
    assert "Retirer votre signature" in page
    assert "Liberté pour Jane Doe" in page


def test_a_translated_petition_costs_no_more_queries_in_any_language(
    client, petition, django_assert_num_queries
):
    """Every language's texts come with the petition's row and its demands' rows: the page costs
    what it did before translations (measured on the main branch: 7)."""
    petition.demands.update(text_fr="la libérer")
    # the petition with its campaign; the counter's fold-in (a savepoint, the petition's id,
    # its count changes, the release); its demands; its recent signers
    with django_assert_num_queries(7):
        english = client.get("/petitions/free-jane-doe/")
    cache.clear()
    with django_assert_num_queries(7):
        french = client.get("/fr/petitions/free-jane-doe/")
    assert "release Jane Doe at once" in english.text
    assert "la libérer" in french.text
