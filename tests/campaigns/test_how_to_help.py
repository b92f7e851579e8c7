"""The "How to help" panel of the campaign page, its birthday notice and the wall of letters."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone

from campaigns.models import Campaign, Moderation
from tests.factories import add_hearing, add_letter, add_message, add_petition

pytestmark = pytest.mark.django_db


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("birthday", "today", "notice"),
    [
        ("1990-03-12", "2026-02-11", None),  # 29 days before
        ("1990-03-12", "2026-02-12", "2026-03-12"),  # four weeks before
        ("1990-03-12", "2026-03-12", "2026-03-12"),  # the day itself
        ("1990-03-12", "2026-03-13", None),  # the day after
        ("1990-01-05", "2025-12-20", "2026-01-05"),  # across the new year
        ("1992-02-29", "2026-02-01", "2026-02-28"),  # 28 February outside leap years
        ("1992-02-29", "2028-02-01", "2028-02-29"),
        ("1992-02-29", "2026-03-01", None),
    ],
)
def test_the_birthday_notice_shows_in_the_four_weeks_before_only(birthday, today, notice):
    campaign = Campaign(birthday=day(birthday))
    expected = day(notice) if notice else None
    assert campaign.birthday_soon(today=day(today)) == expected


def test_no_birthday_no_notice():
    assert Campaign().birthday_soon(today=day("2026-01-01")) is None


def test_the_panel_lists_what_is_open_with_counts(client, campaign):
    birthday = timezone.localdate() + datetime.timedelta(days=10)
    campaign.accepts_letters = True
    campaign.birthday = birthday.replace(year=1992)  # a leap year: any day exists
    campaign.donation_url = "https://fund.example.org/jane"
    campaign.channel_url = "https://t.me/free_jane_example"
    campaign.save()
    add_petition(campaign, offset=785)
    add_hearing(campaign, days_ahead=20)
    campaign.accepts_messages = True
    campaign.save()
    add_message(campaign)
    add_letter(campaign, status=Moderation.APPROVED, posted_at=datetime.datetime.now(datetime.UTC))

    html = client.get(campaign.get_absolute_url()).content.decode()

    panel = html[html.index('id="how-to-help-heading"') :]
    panel = panel[: panel.index("</section>")]
    # Signing comes first, as the petition's card with its counter and button.
    assert panel.index("petition-card") < panel.index("how-to-help__list")
    assert 'data-value="785">785</strong> people have signed' in panel
    assert "Sign the petition" in panel
    assert f"Birthday on {dateformat.format(birthday, 'j F')}: send a card" in panel
    assert "/campaigns/jane-doe/write/?kind=postcard" in panel
    assert "Write a letter or a postcard" in panel and "1 letter sent" in panel
    assert 'href="https://fund.example.org/jane"' in panel
    assert 'href="https://t.me/free_jane_example"' in panel
    assert "Come to the hearing on" in panel and "Moscow City Court" in panel
    assert "Leave a message of solidarity" in panel and "1 message" in panel
    assert "Share this page" in panel


def test_a_campaign_with_nothing_to_do_but_share_shows_no_panel(client, campaign):
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert 'id="how-to-help-heading"' not in html
    assert 'id="share-heading"' in html  # the share links stay


def test_one_way_to_help_is_enough_for_the_panel(client, campaign):
    campaign.donation_url = "https://fund.example.org/jane"
    campaign.save()
    html = client.get(campaign.get_absolute_url()).content.decode()
    panel = html[html.index('id="how-to-help-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert 'href="https://fund.example.org/jane"' in panel and "Share this page" in panel
    for absent in ["Sign the petition", "hearing", "Birthday", "Write a letter", "Follow"]:
        assert absent not in panel


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://files.example.org/x"])
def test_links_are_web_links_only(campaign, link):
    campaign.donation_url = link
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "donation_url" in error.value.message_dict


def test_the_wall_shows_approved_excerpts_whose_writers_agreed_escaped(client, campaign):
    campaign.accepts_letters = True
    campaign.save()
    add_letter(
        campaign,
        "<script>alert(1)</script> Stay strong! " + "word " * 60,
        name="Camille Martin",
        status=Moderation.APPROVED,
        show_on_wall=True,
    )
    add_letter(campaign, "Did not agree", status=Moderation.APPROVED)
    add_letter(campaign, "Not approved", show_on_wall=True)

    html = client.get(campaign.get_absolute_url()).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt; Stay strong!" in html
    assert "Camille, France" in html and "Martin" not in html
    assert "Did not agree" not in html and "Not approved" not in html
    assert "word word…" in html
