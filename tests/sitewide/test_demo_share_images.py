"""The demo's link previews: every og:image on its petition and campaign pages is a 1200x630 PNG
drawn by the demo loader, in the page's language."""

import io

import pytest
from django.core.management import call_command
from PIL import Image

from campaigns.models import Campaign
from petitions.models import Petition
from tests.campaigns.drawing import img_tags, meta

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def demo_pages():
    pages = [petition.get_absolute_url() for petition in Petition.objects.all()]
    for campaign in Campaign.objects.all():
        pages += [campaign.get_absolute_url(), f"/fr{campaign.get_absolute_url()}"]
    return pages


def test_every_og_image_on_the_demo_pages_is_a_1200_by_630_png(client, demo):
    pages = demo_pages()
    assert len(pages) == 6
    for page in pages:
        html = client.get(page).content.decode()
        image_url = meta(html, "og:image")
        assert image_url.startswith("http://testserver/") and "?v=" in image_url, page
        response = client.get(image_url.removeprefix("http://testserver"))
        assert response.status_code == 200, page
        assert response["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert (image.format, image.size) == ("PNG", (1200, 630)), page
        assert meta(html, "og:image:alt"), page


def test_the_demo_campaigns_show_their_drawn_posters_not_a_grey_initial(client, demo):
    html = client.get("/").content.decode()
    portraits = [tag for tag in img_tags(html) if "portrait" in tag]
    assert len(portraits) == 2
    # The slogan follows the status: Aleksei Navalny died in custody.
    assert 'alt="Campaign poster: Free Azat Miftakhov.' in html
    assert 'alt="Campaign poster: In memory of Aleksei Navalny.' in html
    assert "portrait--none" not in html
