"""A petition's form in sections, its reports (statistics, CSV) and the Markdown preview."""

import datetime

import pytest
from django.utils import timezone

from petitions.admin import reports
from petitions.models import Signature
from tests.factories import add_signature

pytestmark = pytest.mark.django_db


def csv_lines(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content).decode().splitlines()


def test_the_statistics_come_as_csv_by_country_and_by_day(admin_client, petition):
    for email, country, day in [
        ("a@example.org", "FR", 2),
        ("b@example.org", "FR", 1),
        ("c@example.org", "DE", 1),
    ]:
        confirmed_at = datetime.datetime(2026, 3, day, 12, tzinfo=datetime.UTC)
        add_signature(petition, email, country=country, confirmed_at=confirmed_at)
    add_signature(petition, "p@example.org", status=Signature.Status.PENDING, country="IT")
    base = f"/admin/petitions/petition/{petition.pk}/statistics/"

    countries = admin_client.get(base + "countries.csv")
    days = admin_client.get(base + "days.csv")

    assert csv_lines(countries) == [
        "Country code,Country,Confirmed signatures",
        "FR,France,2",
        "DE,Germany,1",
    ]
    assert countries["Content-Disposition"] == 'attachment; filename="free-jane-doe-by-country.csv"'
    assert csv_lines(days) == ["Day,Confirmed signatures", "2026-03-01,2", "2026-03-02,1"]


def test_the_statistics_page_draws_every_day_since_the_first_signature(admin_client, petition):
    today = timezone.now()
    add_signature(petition, "a@example.org", confirmed_at=today - datetime.timedelta(days=4))
    add_signature(petition, "b@example.org", confirmed_at=today - datetime.timedelta(days=4))
    add_signature(petition, "c@example.org", confirmed_at=today)

    response = admin_client.get(f"/admin/petitions/petition/{petition.pk}/statistics/")

    chart = response.context["chart"]
    assert [bar.height for bar in chart.bars] == [100, 0, 0, 0, 50]
    assert chart.bars[0].label.endswith(": 2 signatures")
    content = response.content.decode()
    assert '<svg class="bar-chart" viewBox="0 0 50 100"' in content
    assert "Highest: 2 a day" in content
    assert "<strong>3</strong> confirmed signatures" in content
    assert (
        'href="/admin/petitions/petition/1/statistics/countries.csv"'.replace("1", str(petition.pk))
        in content
    )
    assert "style=" not in content


def test_the_chart_shows_the_last_366_days_at_most(petition):
    today = timezone.localdate()
    counts = {today - datetime.timedelta(days=400): 1, today: 2}
    chart, first, last = reports.day_chart(petition, counts)
    assert (len(chart.bars), first, last) == (366, today - datetime.timedelta(days=365), today)


def test_without_signatures_there_is_no_chart_but_a_sentence(admin_client, petition):
    response = admin_client.get(f"/admin/petitions/petition/{petition.pk}/statistics/")
    assert response.context["chart"] is None
    content = response.content.decode()
    assert "No confirmed signatures yet." in content
    assert '<svg class="bar-chart"' not in content


def test_the_petition_form_opens_with_its_reports_and_comes_in_sections(admin_client, petition):
    content = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()

    statistics = content.index(f'href="/admin/petitions/petition/{petition.pk}/statistics/"')
    export = content.index(f'href="/admin/petitions/petition/{petition.pk}/export/"')
    first_field = content.index('name="title_en"')
    assert statistics < first_field and export < first_field
    assert content.count('name="_save"') == 2  # the buttons at the top and at the bottom
    headings = ["Texts", "Counter and goal", "Dates", "Sharing and after signing"]
    positions = [content.index(f'class="fieldset-heading">{heading}</h2>') for heading in headings]
    positions.append(content.index('<h2 id="demands-heading"'))
    assert positions == sorted(positions)
    assert 'name="introduction_en" cols="40" rows="5"' in content


def preview(client, **texts):
    """Post the texts as the form names them: in English, the first language."""
    return client.post(
        "/admin/petitions/petition/preview/", {f"{name}_en": text for name, text in texts.items()}
    )


def test_the_preview_renders_the_unsaved_markdown_as_the_site_does(admin_client, petition):
    content = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()
    assert (
        'formaction="/admin/petitions/petition/preview/" formtarget="_blank" formnovalidate>'
        "Preview the texts</button>" in content
    )

    response = preview(
        admin_client,
        title="Free Jane Doe",
        introduction="Jane is held **without trial**.\n\n- one\n- two",
        body='<script>alert(1)</script><a href="javascript:alert(1)">x</a> [ok](https://example.org)',
        thank_you_text="",
    )

    content = response.content.decode()
    assert "Jane is held <strong>without trial</strong>." in content
    assert "<li>one</li>" in content
    assert "<script>alert" not in content
    assert "javascript:" not in content
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">ok</a>' in content
    assert "Empty." in content
    assert Signature.objects.count() == 0
    petition.refresh_from_db()
    assert petition.body == ""  # nothing saved


def test_the_preview_is_a_post_for_those_who_may_write_petitions(
    client, django_user_model, staff_editor
):
    url = "/admin/petitions/petition/preview/"
    assert client.post(url, {"body": "x"})["Location"].startswith("/admin/login/")
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.post(url, {"body": "x"}).status_code == 403
    client.force_login(staff_editor)
    assert client.get(url).status_code == 405
    assert "<em>x</em>" in preview(client, body="*x*").content.decode()
