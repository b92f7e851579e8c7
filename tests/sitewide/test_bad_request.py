import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import LocalAction
from petitions.models import Signature
from tests.factories import add_petition

# A well-formed CSRF cookie that matches no token in the body: the CSRF check reads the body.
FORGED_CSRF_COOKIE = "A" * 32
LATIN_1_FORM = "application/x-www-form-urlencoded; charset=latin-1"


def post_latin_1(url):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = FORGED_CSRF_COOKIE
    return client.post(url, data=b"a=b", content_type=LATIN_1_FORM)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/petitions/free-jane-doe/",
        "/campaigns/jane-doe/events/day-of-solidarity/join/",
        "/i18n/setlang/",
        "/admin/login/",
    ],
)
def test_a_form_posted_in_latin_1_with_a_forged_csrf_cookie_is_a_bad_request(url, campaign, event):
    add_petition(campaign, "free-jane-doe")

    response = post_latin_1(url)

    assert response.status_code == 400
    assert "Bad request" in response.text
    assert 'href="/"' in response.text
    assert not Signature.objects.exists()
    assert not LocalAction.objects.exists()


@pytest.mark.django_db
def test_the_bad_request_page_is_translated():
    response = post_latin_1("/fr/")

    assert response.status_code == 400
    assert "Requête incorrecte" in response.text


@pytest.mark.django_db
def test_a_request_for_another_host_gets_the_friendly_400_page(client):
    response = client.get(reverse("home"), headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "Bad request" in response.text
