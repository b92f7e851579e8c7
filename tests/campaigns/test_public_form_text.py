"""What supporters type into the local-action and photo forms is cleaned before anyone sees it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import LocalAction, Photo
from tests.factories import local_action_form
from tests.images import image_bytes

pytestmark = pytest.mark.django_db


def join(client, event, **fields):
    url = reverse("campaigns:local_action_create", args=[event.campaign.slug, event.slug])
    return client.post(url, local_action_form(event, **fields))


def send_photo(client, event, **fields):
    url = reverse("campaigns:photo_create", args=[event.campaign.slug, event.slug])
    upload = SimpleUploadedFile("photo.jpg", image_bytes("JPEG"), content_type="image/jpeg")
    data = {"city": "Paris", "country": "FR", "consent": "on", "image": upload, **fields}
    return client.post(url, data)


def test_hidden_characters_are_stripped_from_a_local_action(client, event):
    response = join(
        client,
        event,
        city="Mar\u202eseille\u200b",
        place="Vieux\x07-Port\x1b",
        description="Banners\r\nand\x9b speeches\u2066\U000e0041\ufdd0\n\tat six",
        organiser_name="\ue000Marseille \u202asolidarity\u202c",
        public_contact="@marseille\U000e0061\u2069",
    )

    assert response.status_code == 302
    action = LocalAction.objects.get()
    assert (action.city, action.place) == ("Marseille", "Vieux-Port")
    assert action.description == "Banners\nand speeches\n\tat six"
    assert action.organiser_name == "Marseille solidarity"
    assert action.public_contact == "@marseille"


def test_right_to_left_text_and_emoji_in_a_local_action_are_kept(client, event):
    description = "✊🏾 نحن معك\u200f 👩\u200d👩\u200d👧"

    response = join(client, event, city="الدار البيضاء", description=description)

    assert response.status_code == 302
    action = LocalAction.objects.get()
    assert (action.city, action.description) == ("الدار البيضاء", description)


@pytest.mark.parametrize(
    ("field", "address"),
    [
        ("link", "https://example.org/\u202emarseille"),
        ("link", "https://exa\u200bmple.org/"),
        ("submitter_email", "me@exa\u202emple.org"),
        ("submitter_email", "me@example\ue000.org"),
    ],
)
def test_an_address_with_hidden_characters_is_refused_not_altered(client, event, field, address):
    response = join(client, event, **{field: address})

    assert response.status_code == 200
    assert "holds invisible or control characters" in response.content.decode()
    assert 'value="Vieux-Port"' in response.content.decode()
    assert not LocalAction.objects.exists()


def test_a_city_made_only_of_hidden_characters_is_no_city(client, event):
    response = join(client, event, city="\u202e\u200b\u200e")

    assert response.status_code == 200
    assert response.context["form"].errors["city"] == ["This field is required."]
    assert not LocalAction.objects.exists()


def test_a_null_character_is_refused_as_in_every_form(client, event):
    response = join(client, event, city="Mar\x00seille")

    assert response.status_code == 200
    assert response.context["form"].errors["city"] == ["Null characters are not allowed."]
    assert not LocalAction.objects.exists()


def test_hidden_characters_are_stripped_from_a_photo(client, event):
    response = send_photo(
        client,
        event,
        city="Pa\u202eris",
        name="Cam\U000e0041ille\x07",
        caption="In front of\nthe \u2066Sorbonne\ue000 📸",
    )

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.city, photo.name) == ("Paris", "Camille")
    assert photo.caption == "In front of the Sorbonne 📸"
