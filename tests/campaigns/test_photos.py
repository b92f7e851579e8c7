import io
import math
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaigns.models import Moderation, Photo
from tests.images import image_bytes, jpeg_with_gps, large_png, mpo_with_exif, png_claiming

pytestmark = pytest.mark.django_db


def send_url(event):
    return reverse("campaigns:photo_create", args=[event.campaign.slug, event.slug])


def send(client, event, content, name="photo.jpg", **fields):
    data = {
        "city": "Paris",
        "country": "FR",
        "name": "Camille",
        "caption": "In front of the Sorbonne",
        "consent": "on",
        **fields,
    }
    if content is not None:
        data["image"] = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client.post(send_url(event), data)


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def assert_refused(response, message, media_root):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Paris"' in response.content.decode()  # what was typed is kept
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_supporter_sends_a_photo_which_waits_for_moderation(client, event, media_root):
    assert client.get(send_url(event)).status_code == 200
    response = send(client, event, jpeg_with_gps(size=(3000, 2000)))
    assert response.status_code == 302
    assert response["Location"].endswith("/photos/send/thanks/")

    photo = Photo.objects.get()
    assert photo.status == Moderation.PENDING
    assert (photo.city, photo.country.code, photo.name) == ("Paris", "FR", "Camille")
    assert (photo.width, photo.height) == (2048, 1365)
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".jpg")
    assert "photo" not in photo.image.name.removeprefix("photos/")
    with Image.open(photo.thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == 480
    assert len(stored_files(media_root)) == 2
    gallery = client.get(photo.get_absolute_url()).content.decode()
    assert photo.thumbnail.url not in gallery


def test_exif_gps_and_every_other_metadata_are_gone_from_what_is_stored(client, event):
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(0x8825)  # the test file does carry GPS

    send(client, event, original)
    photo = Photo.objects.get()
    for stored in (photo.image, photo.thumbnail):
        data = stored.read()
        stored.close()
        assert b"Exif" not in data
        assert b"PhoneMaker" not in data
        assert b"taken at the rally" not in data
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert not image.getexif()
            assert "comment" not in image.info


def test_a_rotated_phone_photo_stays_upright_once_its_exif_is_gone(client, event):
    send(client, event, jpeg_with_gps(size=(64, 48), orientation=6))
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (48, 64)


def test_a_file_that_is_not_an_image_is_refused(client, event, media_root):
    response = send(client, event, b"<?php system($_GET['c']); ?>", name="photo.jpg")
    assert_refused(response, "This file is not a photo we can read.", media_root)


def test_an_image_with_a_wrong_extension_is_refused(client, event, media_root):
    response = send(client, event, jpeg_with_gps(), name="photo.php")
    assert_refused(response, "Send a photo as a JPEG, PNG or WebP file", media_root)


def test_an_image_whose_extension_names_another_image_format_is_stored_as_jpeg(client, event):
    response = send(client, event, image_bytes("PNG"), name="photo.jpg")
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg")
    for stored in (photo.image, photo.thumbnail):
        with Image.open(stored.path) as image:
            assert image.format == "JPEG"


def test_an_image_format_outside_the_list_is_refused(client, event, media_root):
    response = send(client, event, image_bytes("GIF", mode="P"), name="photo.png")
    assert_refused(response, "This file is not a photo we can read.", media_root)


def test_a_truncated_image_is_refused(client, event, media_root):
    response = send(client, event, jpeg_with_gps(size=(400, 300))[:600])
    assert_refused(response, "This file is not a photo we can read.", media_root)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (8_000, 6_000),  # over our own bound, under Pillow's
        (10_000, 10_000),  # between Pillow's warning and its error
        (100_000, 100_000),  # far past Pillow's own error
    ],
)
def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    client, event, media_root, width, height
):
    response = send(client, event, png_claiming(width, height), name="bomb.png")
    assert_refused(response, "This image is too large", media_root)


def test_an_oversized_file_is_refused(client, event, media_root, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1024
    response = send(client, event, jpeg_with_gps(size=(600, 400)) + b"\0" * 2048)
    assert_refused(response, "photos can be 1.0\xa0KB at most", media_root)


def test_a_photo_needs_consent_and_a_city(client, event, media_root):
    response = send(client, event, jpeg_with_gps(), consent="")
    assert_refused(response, "We can only publish your photo with your consent.", media_root)
    response = send(client, event, jpeg_with_gps(), city="")
    assert response.status_code == 200
    assert response.context["form"].errors["city"] == ["This field is required."]
    assert Photo.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_photo_is_required(client, event, media_root):
    response = send(client, event, None)
    assert_refused(response, "Choose the photo to send.", media_root)


def test_only_approved_photos_are_in_the_gallery_and_on_the_event_page(client, event):
    send(client, event, jpeg_with_gps(), caption="Approved one")
    send(client, event, jpeg_with_gps(), caption="Pending one")
    send(client, event, jpeg_with_gps(), caption="Rejected one")
    approved, pending, rejected = Photo.objects.order_by("pk")
    Photo.objects.filter(pk=approved.pk).update(status=Moderation.APPROVED)
    Photo.objects.filter(pk=rejected.pk).update(status=Moderation.REJECTED)
    for url in (approved.get_absolute_url(), event.get_absolute_url()):
        content = client.get(url).content.decode()
        assert "Approved one" in content
        assert "Pending one" not in content and "Rejected one" not in content


def test_photos_cannot_be_sent_when_the_event_does_not_take_them(client, event, media_root):
    event.accepts_photos = False
    event.save()
    assert send(client, event, jpeg_with_gps()).status_code == 410
    assert stored_files(media_root) == []


def test_a_phone_jpeg_with_a_second_frame_is_accepted_as_a_plain_jpeg(client, event):
    original = mpo_with_exif(size=(64, 48))
    with Image.open(io.BytesIO(original)) as image:
        assert image.format == "MPO" and image.n_frames == 2  # the test file is an MPO

    response = send(client, event, original)
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (64, 48)
    data = photo.image.read()
    photo.image.close()
    assert b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert getattr(image, "n_frames", 1) == 1
        assert not image.getexif()
        assert "mp" not in image.info


# Cleans the PNG on stdin and prints the outcome and how far the process's peak memory grew (MB).
MEASURE_CLEANING = """
import resource, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from campaigns.photos import clean_photo
upload = SimpleUploadedFile("photo.png", sys.stdin.buffer.read())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    clean_photo(upload)
    outcome = "accepted"
except ValidationError as error:
    outcome = error.code
print(outcome, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


def clean_in_a_new_process(content):
    """Clean `content` in a fresh Python (the test process's own peak is long past)."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE_CLEANING],
        input=content,
        capture_output=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    )
    outcome, megabytes = result.stdout.decode().split()
    return outcome, int(megabytes)


def test_a_small_png_of_many_transparent_pixels_is_refused_without_decoding_it():
    content = large_png(6300, 6300, mode="RGBA")
    assert len(content) < 200 * 1024
    outcome, megabytes = clean_in_a_new_process(content)
    assert outcome == "too_many_pixels"
    assert megabytes < 50


def test_the_largest_png_we_accept_is_cleaned_within_a_memory_bound():
    side = math.isqrt(settings.PHOTO_MAX_PIXELS)
    outcome, megabytes = clean_in_a_new_process(large_png(side, side, mode="RGBA"))
    assert outcome == "accepted"
    # The decoded pixels (4 bytes each) and little more: no full-size copies.
    assert megabytes < 200


def png_in_mode(mode, size):
    image = Image.new(mode, size)
    if mode == "P":
        image.info["transparency"] = 0
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("mode", ["1", "L", "LA", "P", "RGBA", "I;16"])
@pytest.mark.parametrize("size", [(300, 200), (5000, 1200)])
def test_images_of_every_kind_are_shrunk_and_stored_as_rgb_jpeg(client, event, mode, size):
    assert send(client, event, png_in_mode(mode, size), name="photo.png").status_code == 302
    photo = Photo.objects.get()
    expected = (300, 200) if size == (300, 200) else (2048, 492)
    assert (photo.width, photo.height) == expected
    with Image.open(photo.image.path) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", expected)


def test_a_large_cmyk_jpeg_turned_by_exif_is_shrunk_and_stays_upright(client, event):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to display
    buffer = io.BytesIO()
    Image.new("CMYK", (6000, 4000)).save(buffer, "JPEG", exif=exif)
    assert send(client, event, buffer.getvalue()).status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (1365, 2048)
