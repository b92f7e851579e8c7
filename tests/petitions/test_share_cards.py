"""A petition's share card: drawn when the count crosses a step or what it shows changes, never
per request; in the page's Open Graph and Twitter tags; served with cache headers and a
fallback, never a 500."""

import io

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse
from PIL import Image, ImageChops, ImageStat

from petitions import share_cards
from petitions.counter import fold_counts, log_change
from petitions.models import Petition
from tests.campaigns.drawing import drawn, meta, png_size, queued_drawing

pytestmark = pytest.mark.django_db


def draw_cards(petition):
    share_cards.render_cards.call(petition.pk)
    petition.refresh_from_db()
    return petition


@pytest.mark.parametrize(
    ("count", "step"),
    [(0, 0), (1, 1), (4, 2), (5, 5), (19, 10), (20, 20), (785, 500), (1000, 1000), (2499, 2000)],
)
def test_the_steps_go_one_two_five(count, step):
    assert share_cards.count_step(count) == step


def test_a_card_is_drawn_in_each_language_with_the_count(petition):
    draw_cards(petition)
    cards = petition.share_cards
    assert cards["count"] == 0
    for language in ("en", "fr"):
        assert png_size(cards["languages"][language]["wide"]) == (1200, 630)
    assert cards["languages"]["en"]["alt"] == (
        "Petition: Free Jane Doe – To: the Minister of Justice – 0 signatures"
    )


def test_the_card_carries_the_campaigns_poster(petition):
    drawn(petition.campaign)
    draw_cards(petition)
    card = open_png(petition.share_cards["languages"]["en"]["wide"])
    poster = open_png(petition.campaign.visuals["languages"]["en"]["poster"]).resize((504, 630))
    left = card.crop((0, 0, 504, 630))
    difference = ImageStat.Stat(ImageChops.difference(left, poster)).mean
    assert max(difference) < 4  # the campaign's poster, give or take the resampling
    assert min(card.getpixel((1190, 10))) >= 250  # white on the right


def open_png(name):
    with default_storage.open(name) as stored:
        return Image.open(io.BytesIO(stored.read())).convert("RGB")


def fold_with(petition, confirmations, capture):
    for _ in range(confirmations):
        log_change(petition.pk, 1)
    with capture() as callbacks:
        fold_counts(petition_id=petition.pk)
    return [callback for callback in callbacks if queued_drawing(callback)]


def test_a_fold_that_crosses_a_step_queues_a_new_card(petition, django_capture_on_commit_callbacks):
    draw_cards(petition)
    assert fold_with(petition, 1, django_capture_on_commit_callbacks)  # 0 -> 1
    Petition.objects.filter(pk=petition.pk).update(share_cards={**petition.share_cards, "count": 1})
    assert not fold_with(petition, 0, django_capture_on_commit_callbacks)  # nothing folded
    assert fold_with(petition, 1, django_capture_on_commit_callbacks)  # 1 -> 2
    Petition.objects.filter(pk=petition.pk).update(share_cards={**petition.share_cards, "count": 2})
    assert not fold_with(petition, 2, django_capture_on_commit_callbacks)  # 2 -> 4: same step


def test_the_card_drawn_after_a_step_shows_the_new_count(
    petition, django_capture_on_commit_callbacks
):
    draw_cards(petition)
    for _ in range(5):
        log_change(petition.pk, 1)
    with django_capture_on_commit_callbacks(execute=True):
        fold_counts(petition_id=petition.pk)
    petition.refresh_from_db()
    assert petition.share_cards["count"] == 5
    assert petition.share_cards["languages"]["en"]["alt"].endswith("5 signatures")


def test_editing_the_title_draws_the_card_again(petition, django_capture_on_commit_callbacks):
    draw_cards(petition)
    old = petition.share_cards["languages"]["en"]["wide"]
    petition.title = "Release Jane Doe now"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save()
    petition.refresh_from_db()
    assert "Release Jane Doe now" in petition.share_cards["languages"]["en"]["alt"]
    assert not default_storage.exists(old)


def test_the_petition_page_has_open_graph_and_twitter_tags(client, petition):
    draw_cards(petition)
    html = client.get(petition.get_absolute_url()).content.decode()
    version = petition.share_cards["languages"]["en"]["wide"].rsplit("/")[-1].split(".")[0]
    assert meta(html, "og:title") == "Free Jane Doe"
    assert meta(html, "og:description") == "I signed for Jane Doe"
    assert meta(html, "og:url") == "http://testserver/petitions/free-jane-doe/"
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:locale") == "en_GB"
    assert meta(html, "og:image") == (
        f"http://testserver/petitions/free-jane-doe/share.png?v={version}"
    )
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt").startswith("Petition: Free Jane Doe – ")
    assert meta(html, "twitter:card") == "summary_large_image"


def test_a_french_petition_links_its_french_card(client, petition):
    Petition.objects.filter(pk=petition.pk).update(language="fr")
    petition.refresh_from_db()
    draw_cards(petition)
    html = client.get(f"/fr{petition.get_absolute_url()}").content.decode()
    version = petition.share_cards["languages"]["fr"]["wide"].rsplit("/")[-1].split(".")[0]
    assert meta(html, "og:image") == (
        f"http://testserver/fr/petitions/free-jane-doe/share.png?v={version}"
    )
    assert meta(html, "og:locale") == "fr_FR"
    response = client.get(meta(html, "og:image"))
    assert "immutable" in response["Cache-Control"]


def test_the_card_is_served_a_year_at_its_version_and_briefly_otherwise(client, petition):
    draw_cards(petition)
    html = client.get(petition.get_absolute_url()).content.decode()
    response = client.get(meta(html, "og:image"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=31536000" in response["Cache-Control"]
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    stale = client.get(reverse("petitions:share_card", args=[petition.slug]), {"v": "old"})
    assert "max-age=300" in stale["Cache-Control"]


def test_before_its_card_is_drawn_a_petition_shares_its_campaigns_image(client, petition):
    drawn(petition.campaign)
    response = client.get(reverse("petitions:share_card", args=[petition.slug]))
    campaign_image = petition.campaign.visuals["languages"]["en"]["wide"]
    with default_storage.open(campaign_image) as stored:
        assert response.content == stored.read()
    assert "max-age=300" in response["Cache-Control"]


def test_an_out_of_date_card_is_queued_for_drawing_once(
    client, petition, django_capture_on_commit_callbacks
):
    draw_cards(petition)
    Petition.objects.filter(pk=petition.pk).update(title="A new title")
    url = reverse("petitions:share_card", args=[petition.slug])
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
    assert len([callback for callback in callbacks if queued_drawing(callback)]) == 1


def test_missing_files_and_a_failing_storage_give_the_sites_card(client, petition, monkeypatch):
    draw_cards(petition)
    url = reverse("petitions:share_card", args=[petition.slug])
    default_storage.delete(petition.share_cards["languages"]["en"]["wide"])
    assert Image.open(io.BytesIO(client.get(url).content)).size == (1200, 630)

    def broken_storage(*args, **kwargs):
        raise OSError("the storage is down")

    monkeypatch.setattr(FileSystemStorage, "open", broken_storage)
    response = client.get(url)
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_a_draft_petition_has_no_card(client, petition):
    Petition.objects.filter(pk=petition.pk).update(status=Petition.Status.DRAFT)
    assert client.get(reverse("petitions:share_card", args=[petition.slug])).status_code == 404
