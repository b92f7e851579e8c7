"""Uploads through the admin: portraits and posters lose their metadata; a file that is not
what it claims is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import NO_CAMPAIGN_INLINES, event_admin_form
from tests.images import jpeg_with_gps

pytestmark = pytest.mark.django_db


def test_a_portrait_uploaded_in_the_admin_loses_its_metadata(admin_client, campaign):
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("portrait",)
    }
    data.update(
        {
            "portrait": SimpleUploadedFile("jane.jpg", jpeg_with_gps(), "image/jpeg"),
            "portrait_alt_en": "Jane Doe at her desk",
            "detained_on": "2022-03-01",
            **NO_CAMPAIGN_INLINES,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    campaign.refresh_from_db()
    assert campaign.portrait.name.startswith("portraits/")
    with campaign.portrait.open() as stored:
        assert b"Exif" not in stored.read()


def post_event_with_poster(admin_client, event, poster):
    data = event_admin_form(event, poster=poster)
    return admin_client.post(reverse("admin:campaigns_event_change", args=[event.pk]), data)


def test_an_image_poster_is_re_encoded_without_its_metadata(admin_client, event):
    poster = SimpleUploadedFile("poster.jpg", jpeg_with_gps(), "image/jpeg")
    response = post_event_with_poster(admin_client, event, poster)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.poster.name.startswith("posters/") and event.poster.name.endswith(".jpg")
    with event.poster.open() as stored:
        data = stored.read()
    assert b"Exif" not in data and b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and not image.getexif()


def test_a_pdf_poster_is_kept_as_sent(admin_client, event):
    pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    response = post_event_with_poster(
        admin_client, event, SimpleUploadedFile("poster.pdf", pdf, "application/pdf")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.poster.name.endswith(".pdf")
    with event.poster.open() as stored:
        assert stored.read() == pdf


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("poster.pdf", b"<html><script>alert(1)</script></html>", "This file is not a PDF."),
        ("poster.png", b"%PDF-1.7 not a picture", "This file is not an image we can read."),
        ("poster.svg", b"<svg></svg>", "A poster is a PDF, PNG or JPEG file."),
    ],
)
def test_a_poster_that_is_not_what_it_claims_is_refused(
    admin_client, event, media_root, name, content, message
):
    response = post_event_with_poster(admin_client, event, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    event.refresh_from_db()
    assert not event.poster
    assert not (media_root / "posters").exists()
