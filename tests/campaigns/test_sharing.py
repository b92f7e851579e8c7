import re

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import add_update
from tests.images import image_bytes

pytestmark = pytest.mark.django_db


def meta(content, key):
    match = re.search(rf'<meta (?:property|name)="{key}" content="([^"]*)"', content)
    return match and match.group(1)


def test_a_campaign_page_has_link_preview_tags_and_a_canonical_url(client, campaign):
    campaign.portrait.save("portrait.jpg", ContentFile(image_bytes("JPEG")))
    campaign.portrait_alt = "Jane Doe smiling"
    campaign.summary_fr = "Journaliste emprisonnée pour ses reportages."
    campaign.save()
    content = client.get(campaign.get_absolute_url(), {"utm_source": "x"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/campaigns/jane-doe/">' in content
    assert meta(content, "og:title") == "Jane Doe"
    assert meta(content, "og:description") == "Journalist imprisoned for her reporting."
    assert meta(content, "og:url") == "http://testserver/campaigns/jane-doe/"
    # The drawn 1200x630 share image, not the portrait (tests/campaigns/test_visuals.py).
    assert meta(content, "og:image") == "http://testserver/campaigns/jane-doe/share.png"
    assert meta(content, "twitter:card") == "summary_large_image"
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/campaigns/jane-doe/">'
        in (content)
    )


def test_a_page_without_a_picture_has_a_summary_card(client, db):
    content = client.get(reverse("home")).content.decode()
    assert meta(content, "og:image") is None
    assert meta(content, "twitter:card") == "summary"


def test_every_public_page_has_preview_tags(client, event):
    update = add_update(event.campaign, "Appeal", summary="The appeal is heard.")
    for url in (
        reverse("home"),
        update.get_absolute_url(),
        reverse("campaigns:updates"),
        reverse("campaigns:update_list", args=[event.campaign.slug]),
        event.get_absolute_url(),
        reverse("campaigns:photo_gallery", args=[event.campaign.slug, event.slug]),
    ):
        content = client.get(url).content.decode()
        assert meta(content, "og:title"), url
        assert meta(content, "og:description"), url
        assert '<link rel="canonical"' in content, url
    article = client.get(update.get_absolute_url()).content.decode()
    assert meta(article, "og:type") == "article"
    assert meta(article, "og:description") == "The appeal is heard."


def test_the_canonical_url_of_a_list_keeps_only_the_page_number(client, campaign):
    for number in range(12):
        add_update(campaign, f"Update {number}")
    url = reverse("campaigns:update_list", args=[campaign.slug])
    content = client.get(url, {"page": "2", "ref": "mail"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in content
    first = client.get(url, {"page": "1"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}">' in first


def test_share_links_are_plain_links_with_the_address_encoded():
    html = render_to_string(
        "includes/share_links.html",
        {"url": "https://example.org/campaigns/jane-doe/", "text": "Free Jane & co"},
    )
    encoded = "https%3A%2F%2Fexample.org%2Fcampaigns%2Fjane-doe%2F"
    for start in (
        "mailto:?subject=Free%20Jane%20%26%20co",
        "https://wa.me/?text=",
        "https://t.me/share/url?url=" + encoded,
        "https://mastodonshare.com/?text=",
        "https://bsky.app/intent/compose?text=",
        "https://www.facebook.com/sharer/sharer.php?u=" + encoded,
        "https://x.com/intent/post?text=",
    ):
        assert f'href="{start}' in html, start
    assert 'href="https://example.org/campaigns/jane-doe/" data-copy-link' in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts == ["/static/js/share.js"]  # first-party only


def test_campaign_update_and_event_pages_offer_share_links(client, event):
    update = add_update(event.campaign, "Appeal")
    for url in (
        event.campaign.get_absolute_url(),
        update.get_absolute_url(),
        event.get_absolute_url(),
    ):
        content = client.get(url).content.decode()
        assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver" in content, url


def test_the_sitemap_lists_public_pages_in_the_languages_they_are_written_in(
    client, event, unpublished_campaign
):
    event.campaign.summary_fr = "Journaliste emprisonnée pour ses reportages."
    event.campaign.save()
    event.title_fr = "Journée de solidarité"
    event.save()
    update = add_update(event.campaign, "Appeal", title_fr="Appel")
    draft = add_update(event.campaign, "Draft", days_ago=None)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    for path in (
        "/",
        "/campaigns/updates/",
        event.campaign.get_absolute_url(),
        update.get_absolute_url(),
        event.get_absolute_url(),
    ):
        assert f"<loc>http://testserver{path}</loc>" in content, path
        assert f"<loc>http://testserver/fr{path}</loc>" in content, path
    assert 'hreflang="x-default"' in content
    assert draft.slug not in content
    assert unpublished_campaign.slug not in content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_forms_are_kept_out_of_search_engines(client, event):
    join = reverse("campaigns:local_action_create", args=[event.campaign.slug, event.slug])
    assert '<meta name="robots" content="noindex">' in client.get(join).content.decode()


@pytest.mark.parametrize("page", ["²", "١", "٣", "0", "-1", "abc", "", "9" * 5000])
def test_a_page_number_that_is_not_plain_digits_is_left_out_of_the_canonical_url(
    client, campaign, page
):
    add_update(campaign, "Appeal")
    for url in (reverse("home"), reverse("campaigns:update_list", args=[campaign.slug])):
        response = client.get(url, {"page": page})
        assert response.status_code == 200, url
        assert f'<link rel="canonical" href="http://testserver{url}">' in response.content.decode()


def test_a_page_number_beyond_one_stays_in_the_canonical_url(client, campaign):
    url = reverse("campaigns:update_list", args=[campaign.slug])
    content = client.get(url, {"page": "2"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in content


def test_share_texts_are_encoded_once_not_html_escaped_first(client, event):
    name = "Jane O'Doe & Co"
    event.campaign.name = name
    event.campaign.save()
    event.title = f"Day for {name}"
    event.save()
    update = add_update(event.campaign, f"News of {name}")
    encoded = "Jane%20O%27Doe%20%26%20Co"
    for url, text in (
        (event.campaign.get_absolute_url(), f"Free%20{encoded}"),
        (event.get_absolute_url(), f"Day%20for%20{encoded}"),
        (update.get_absolute_url(), f"News%20of%20{encoded}"),
    ):
        content = client.get(url).content.decode()
        assert f"&amp;text={text}" in content, url
        assert "%26%23x27%3B" not in content and "%26amp%3B" not in content, url
