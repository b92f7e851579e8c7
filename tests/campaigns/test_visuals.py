"""A campaign's drawn visuals: drawn on save when what they show changes, shown where there is
no portrait, served as the share image with cache headers and a fallback, never a 500."""

import io

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.urls import reverse
from PIL import Image

from campaigns.models import Campaign
from tests.campaigns.drawing import drawn, img_tags, meta, png_size, queued_drawing
from tests.factories import NO_CAMPAIGN_INLINES

pytestmark = pytest.mark.django_db


def test_saving_a_campaign_draws_its_poster_and_share_image_in_each_language(
    campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save()
    campaign.refresh_from_db()
    languages = campaign.visuals["languages"]
    assert set(languages) == {code for code, _name in settings.LANGUAGES}
    for drawn_in_language in languages.values():
        assert png_size(drawn_in_language["poster"]) == (800, 1000)
        assert png_size(drawn_in_language["wide"]) == (1200, 630)
    assert languages["en"]["alt"] == "Campaign poster: Free Jane Doe. Detained since 1 March 2022"


def test_a_new_slogan_or_colour_draws_new_files_and_removes_the_old(
    campaign, django_capture_on_commit_callbacks
):
    drawn(campaign)
    before = campaign.visuals["languages"]["en"]
    campaign.slogan = "Justice for Jane"
    campaign.colour = "#1d3557"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save()
    campaign.refresh_from_db()
    after = campaign.visuals["languages"]["en"]
    assert after["poster"] != before["poster"]
    assert "Justice for Jane" in after["alt"]
    assert not default_storage.exists(before["poster"])
    with default_storage.open(after["wide"]) as stored:
        image = Image.open(io.BytesIO(stored.read())).convert("RGB")
    assert image.getpixel((2, 2)) == (29, 53, 87)


def test_a_save_that_changes_nothing_drawn_queues_nothing(
    campaign, django_capture_on_commit_callbacks
):
    drawn(campaign)
    campaign.summary = "Another summary"
    with django_capture_on_commit_callbacks() as callbacks:
        campaign.save()
    assert [queued for queued in callbacks if queued_drawing(queued)] == []


def test_an_object_loaded_before_the_drawing_does_not_write_old_visuals_back(
    campaign, django_capture_on_commit_callbacks
):
    stale = Campaign.objects.get(pk=campaign.pk)
    drawn(campaign)
    stale.summary = "Edited meanwhile"
    stale.save()
    campaign.refresh_from_db()
    assert campaign.visuals["languages"]


def test_the_profile_shows_the_drawn_poster_as_an_image_with_size_and_text(client, campaign):
    drawn(campaign)
    html = client.get(campaign.get_absolute_url()).content.decode()
    (image,) = [tag for tag in img_tags(html) if "portrait" in tag]
    poster = default_storage.url(campaign.visuals["languages"]["en"]["poster"])
    assert f'src="{poster}"' in image
    assert 'width="240" height="300"' in image
    assert 'alt="Campaign poster: Free Jane Doe.' in image
    french = client.get(f"/fr{campaign.get_absolute_url()}").content.decode()
    assert default_storage.url(campaign.visuals["languages"]["fr"]["poster"]) in french


def test_before_its_visuals_are_drawn_a_profile_shows_the_full_name_not_an_initial(
    client, campaign
):
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert '<span class="portrait__name" lang="en">Jane Doe</span>' in html
    assert '"portrait portrait--large portrait--none" aria-hidden="true">J<' not in html


def test_the_campaign_page_has_open_graph_and_twitter_tags_for_its_share_image(client, campaign):
    drawn(campaign)
    html = client.get(campaign.get_absolute_url()).content.decode()
    version = campaign.visuals["languages"]["en"]["wide"].rsplit("/")[-1].split(".")[0]
    url = f"http://testserver/campaigns/jane-doe/share.png?v={version}"
    assert meta(html, "og:image") == url
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:alt").startswith("Campaign poster: Free Jane Doe.")
    assert meta(html, "og:type") == "profile"
    assert meta(html, "og:locale") == "en_GB"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(client.get("/fr/campaigns/jane-doe/").content.decode(), "og:locale") == "fr_FR"


def test_the_share_image_is_kept_a_year_at_its_versioned_address(client, campaign):
    drawn(campaign)
    html = client.get(campaign.get_absolute_url()).content.decode()
    response = client.get(meta(html, "og:image"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_the_share_image_at_an_old_or_no_version_is_only_kept_briefly(client, campaign):
    drawn(campaign)
    for query in ("", "?v=old"):
        response = client.get(f"/campaigns/jane-doe/share.png{query}")
        assert response.status_code == 200
        assert "max-age=300" in response["Cache-Control"]


def test_a_missing_share_image_gives_the_sites_card_and_queues_the_drawing(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("campaigns:share_image", args=[campaign.slug]))
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    assert "max-age=300" in response["Cache-Control"]
    campaign.refresh_from_db()
    assert campaign.visuals["languages"]  # drawn by the task the request queued


def test_a_share_image_whose_file_is_gone_or_unreadable_gives_the_sites_card(
    client, campaign, monkeypatch
):
    drawn(campaign)
    default_storage.delete(campaign.visuals["languages"]["en"]["wide"])
    response = client.get("/campaigns/jane-doe/share.png")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)

    def broken_storage(*args, **kwargs):
        raise OSError("the storage is down")

    monkeypatch.setattr(FileSystemStorage, "open", broken_storage)
    response = client.get("/campaigns/jane-doe/share.png")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_an_unpublished_campaign_has_no_share_image(client, unpublished_campaign):
    assert client.get("/campaigns/john-roe/share.png").status_code == 404


def admin_form(admin_client, campaign, **fields):
    url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.pop("portrait", None)
    data.update({**NO_CAMPAIGN_INLINES, **fields})
    return url, data


@pytest.mark.parametrize("typed", ["red", "#12345", "#12345g", "#b3122e;", "# b3122e"])
def test_a_bad_colour_gets_a_friendly_error_in_the_admin_with_what_was_typed(
    admin_client, campaign, typed
):
    url, data = admin_form(admin_client, campaign, colour=typed)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["colour"]
    assert errors == ["Enter a colour as # and six hexadecimal digits, such as #b3122e."]
    assert f'value="{typed}"' in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.colour == "#b3122e"


@pytest.mark.parametrize(
    ("typed", "stored"), [("1D3557", "#1d3557"), (" #1d3557 ", "#1d3557"), ("", "#b3122e")]
)
def test_a_colour_without_its_hash_in_capitals_or_left_empty_is_accepted(
    admin_client, campaign, typed, stored
):
    Campaign.objects.filter(pk=campaign.pk).update(colour="#2a9d8f")
    url, data = admin_form(admin_client, campaign, colour=typed, slogan_en="Justice")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert (campaign.colour, campaign.slogan) == (stored, "Justice")
