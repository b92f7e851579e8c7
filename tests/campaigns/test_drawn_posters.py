"""An event's drawn poster: a PDF (fpdf2) and a PNG (Pillow) in the campaign's colour, offered on
the event page with their type and size; uploaded posters keep working."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from campaigns.models import Event
from tests.campaigns.drawing import drawn, img_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def poster_event(event):
    event.poster_headline = "FREE AZAT 04.09"
    event.save()
    return drawn(event)


def pdf_text(name):
    with default_storage.open(name) as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_an_event_with_poster_text_gets_a_pdf_and_a_png_poster(poster_event):
    poster = poster_event.drawn_poster
    text = pdf_text(poster["pdf"])
    assert text.splitlines()[:3] == ["FREE", "AZAT", "04.09"]
    assert "JANE DOE" in text
    with default_storage.open(poster["png"]) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert (image.format, image.size) == ("PNG", (1191, 1684))
    assert poster["pdf_bytes"] == default_storage.size(poster["pdf"])


def test_a_poster_in_cyrillic_keeps_its_letters_in_the_pdf(event):
    event.campaign.name = "Азат Мифтахов"
    event.campaign.save()
    event.poster_headline = "Свободу Азату! 04.09"
    event.save()
    drawn(event)
    text = pdf_text(event.drawn_poster["pdf"])
    assert "СВОБОДУ" in text and "АЗАТУ!" in text and "АЗАТ МИФТАХОВ" in text


def test_the_event_page_offers_the_poster_with_its_file_type_and_size(client, poster_event):
    html = client.get(poster_event.get_absolute_url()).content.decode()
    poster = poster_event.drawn_poster
    kb = f"{poster['pdf_bytes'] / 1024:.1f}\xa0KB"
    assert f"Download the poster (PDF, {kb})" in html
    assert "Download the poster (PNG, " in html
    assert f'href="{default_storage.url(poster["pdf"])}" download' in html
    (image,) = [tag for tag in img_tags(html) if "poster__image" in tag]
    assert 'width="1191" height="1684"' in image
    assert 'alt="Poster: FREE AZAT 04.09"' in image


def test_a_new_colour_or_text_draws_the_poster_again_and_removes_the_old_files(
    poster_event, django_capture_on_commit_callbacks
):
    old = poster_event.drawn_poster
    campaign = poster_event.campaign
    campaign.colour = "#1d3557"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save()
    poster_event.refresh_from_db()
    assert poster_event.drawn_poster["pdf"] != old["pdf"]
    assert not default_storage.exists(old["pdf"])
    poster_event.poster_headline = ""
    with django_capture_on_commit_callbacks(execute=True):
        poster_event.save()
    poster_event.refresh_from_db()
    assert poster_event.drawn_poster == {}


def test_without_poster_text_there_is_no_poster_section(client, event):
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Download the poster" not in html
    assert 'id="poster-heading"' not in html


def test_an_uploaded_poster_whose_file_is_gone_is_offered_without_its_size(client, event):
    event.poster.save("poster.pdf", ContentFile(b"%PDF-1.4 a poster"))
    Event.objects.filter(pk=event.pk).update(poster=event.poster.name)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Download the poster (PDF, 17\xa0bytes)" in html
    default_storage.delete(event.poster.name)
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Download the poster (PDF)" in response.content.decode()


def test_a_drawn_poster_whose_files_are_gone_gives_no_error_and_is_drawn_again(
    client, poster_event, django_capture_on_commit_callbacks
):
    for kind in ("pdf", "png"):
        default_storage.delete(poster_event.drawn_poster[kind])
    assert client.get(poster_event.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        call_command("render_visuals", stdout=io.StringIO())
    poster_event.refresh_from_db()
    assert default_storage.exists(poster_event.drawn_poster["pdf"])


def test_the_demo_event_offers_the_free_azat_poster(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    event = Event.objects.get(slug="international-day-of-solidarity-2023")
    assert pdf_text(event.drawn_poster["pdf"]).splitlines()[:3] == ["FREE", "AZAT", "04.09"]
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Download the poster (PDF, " in html
    assert 'alt="Poster: FREE AZAT 04.09"' in html
