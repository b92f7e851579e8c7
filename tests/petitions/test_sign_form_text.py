"""The sign form cleans names with the site's one text cleaning (sitewide.text)."""

import pytest

from petitions.models import Signature

pytestmark = pytest.mark.django_db


def test_private_use_noncharacters_and_tags_are_stripped_from_a_signers_name(sign):
    response = sign(
        first_name="A\ue000d\ufdd0a\U000e0041",
        last_name="\u2066Love\ufffelace\U0010fffd\u2069",
        postal_code="75\u202e001",
    )

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.first_name, signature.last_name) == ("Ada", "Lovelace")
    assert signature.postal_code == "75001"


def test_a_scottish_flag_in_a_name_is_kept(sign):
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"

    response = sign(last_name=f"Lovelace {flag}")

    assert response.status_code == 302
    assert Signature.objects.get().last_name == f"Lovelace {flag}"
