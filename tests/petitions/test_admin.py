from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from petitions import anonymisation, counter, moderation
from petitions.models import Petition, Signature

pytestmark = pytest.mark.django_db


def add_signature(petition, email, status=Signature.Status.CONFIRMED, **fields):
    values = {"first_name": "Ada", "last_name": "Lovelace", "country": "GB"}
    values.update(fields)
    signature = Signature.objects.create(petition=petition, email=email, **values)
    if status != Signature.Status.PENDING:
        moderation.set_status(signatures=Signature.objects.filter(pk=signature.pk), status=status)
    counter.fold_counts()
    return signature


def test_the_petition_form_has_inline_demands_and_editable_offset_and_goal(admin_client, petition):
    content = admin_client.get(f"/admin/petitions/petition/{petition.pk}/change/").content.decode()
    assert 'name="demands-0-text_en"' in content
    assert ">\nrelease Jane Doe at once</textarea>" in content
    assert 'name="offset"' in content
    assert 'name="goal"' in content
    assert f'href="/admin/petitions/petition/{petition.pk}/export/"' in content
    assert f'href="/admin/petitions/petition/{petition.pk}/statistics/"' in content
    assert admin_client.get("/admin/petitions/petition/add/").status_code == 200


def test_the_signature_list_searches_and_filters(admin_client, petition):
    add_signature(petition, "ada@example.org", wants_updates=True)
    add_signature(petition, "bob@example.org", first_name="Bob", status=Signature.Status.SPAM)
    old = add_signature(petition, "cy@example.org", country="FR")
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    url = "/admin/petitions/signature/"

    def listed(**query):
        content = admin_client.get(url, query).content.decode()
        return {email for email in ("ada", "bob", "cy") if f"{email}@example.org" in content}

    assert listed(q="bob") == {"bob"}
    assert listed(status__exact="spam") == {"bob"}
    assert listed(country__exact="GB") == {"ada", "bob"}
    assert listed(country__exact="FR") == {"cy"}
    assert listed(wants_updates__exact="1") == {"ada"}
    # What the date filter's "Past 7 days" link sends.
    since = str(timezone.now().replace(microsecond=0) - timedelta(days=7))
    assert listed(created_at__gte=since) == {"ada", "bob"}


def run_action(admin_client, action, signatures, **extra):
    return admin_client.post(
        "/admin/petitions/signature/",
        {
            "action": action,
            "_selected_action": [signature.pk for signature in signatures],
            **extra,
        },
        follow=True,
    )


def test_bulk_actions_confirm_mark_spam_and_delete_keep_the_counter_right(admin_client, petition):
    pending = add_signature(petition, "p@example.org", status=Signature.Status.PENDING)
    confirmed = add_signature(petition, "c@example.org")
    run_action(admin_client, "confirm", [pending])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 2

    response = run_action(admin_client, "mark_spam", [confirmed])
    assert "1 signature marked as spam." in response.content.decode()
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1
    assert Signature.objects.get(pk=confirmed.pk).review_reason == Signature.Review.ORGANISER

    run_action(admin_client, "delete_selected", [pending], post="yes")
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0
    assert not Signature.objects.filter(pk=pending.pk).exists()
    call_command("recount_signatures", stdout=StringIO())
    assert Petition.objects.get().confirmed_count == 0


def test_bulk_actions_leave_withdrawn_and_anonymised_signatures_alone(admin_client, petition):
    withdrawn = add_signature(petition, "w@example.org", status=Signature.Status.WITHDRAWN)
    anonymised = add_signature(petition, "a@example.org", status=Signature.Status.PENDING)
    Petition.objects.filter(pk=petition.pk).update(closes_at=timezone.now() - timedelta(days=2))
    anonymisation.anonymise_closed(days=1)
    Petition.objects.filter(pk=petition.pk).update(closes_at=None)

    response = run_action(admin_client, "confirm", [withdrawn, anonymised])
    assert "0 signatures confirmed." in response.content.decode()
    run_action(admin_client, "mark_spam", [withdrawn, anonymised])
    run_action(admin_client, "restore", [withdrawn, anonymised])

    assert Signature.objects.get(pk=withdrawn.pk).status == Signature.Status.WITHDRAWN
    assert Signature.objects.get(pk=anonymised.pk).status == Signature.Status.PENDING
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0
    assert mail.outbox == []


def test_restoring_a_shadow_banned_signature_sends_its_confirmation(admin_client, petition):
    bot_or_not = add_signature(
        petition, "maybe@example.org", status=Signature.Status.PENDING, review_reason="too_fast"
    )
    Signature.objects.filter(pk=bot_or_not.pk).update(status=Signature.Status.SPAM)
    run_action(admin_client, "restore", [bot_or_not])
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert mail.outbox[0].to == ["maybe@example.org"]


def test_restoring_a_confirmed_signature_marked_as_spam_counts_it_again(admin_client, petition):
    signature = add_signature(petition, "c@example.org")
    confirmed_at = Signature.objects.get().confirmed_at
    run_action(admin_client, "mark_spam", [signature])
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 0

    run_action(admin_client, "restore", [signature])

    restored = Signature.objects.get()
    assert (restored.status, restored.review_reason) == (Signature.Status.CONFIRMED, "")
    assert restored.confirmed_at == confirmed_at
    assert mail.outbox == []
    counter.fold_counts()
    assert Petition.objects.get().confirmed_count == 1
    call_command("recount_signatures", stdout=StringIO())
    assert Petition.objects.get().confirmed_count == 1


def test_restoring_a_pending_signature_whose_email_went_out_sends_it_again(
    admin_client, petition, sign
):
    sign(email="p@example.org")
    assert len(mail.outbox) == 1
    signature = Signature.objects.get()
    run_action(admin_client, "mark_spam", [signature])

    run_action(admin_client, "restore", [signature])

    assert Signature.objects.get().status == Signature.Status.PENDING
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["p@example.org"]
    assert Signature.objects.get().confirmation_sent_at is not None


def test_the_csv_export_streams_confirmed_signatures_safe_for_spreadsheets(admin_client, petition):
    add_signature(petition, "a@example.org", first_name='=HYPERLINK("http://evil")')
    add_signature(petition, "b@example.org", last_name="+1-2", postal_code="@SUM(A1)")
    add_signature(petition, "c@example.org", first_name="Pending", status=Signature.Status.PENDING)
    response = admin_client.get(f"/admin/petitions/petition/{petition.pk}/export/")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    lines = body.splitlines()
    assert lines[0] == "First name,Last name,Country,Postal code,Signed on"
    assert len(lines) == 3
    assert "'=HYPERLINK" in body
    assert ",'+1-2," in body
    assert "'@SUM(A1)" in body
    assert "Pending" not in body
    assert "example.org" not in body


def test_the_export_is_for_staff_only(client, petition):
    response = client.get(f"/admin/petitions/petition/{petition.pk}/export/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_statistics_table_counts_by_country_and_by_day(admin_client, petition):
    add_signature(petition, "a@example.org", country="FR")
    add_signature(petition, "b@example.org", country="FR")
    earlier = add_signature(petition, "c@example.org", country="DE")
    # Fixed days, so that the test holds across midnight.
    Signature.objects.update(confirmed_at=datetime(2026, 3, 2, 23, 59, tzinfo=UTC))
    Signature.objects.filter(pk=earlier.pk).update(
        confirmed_at=datetime(2026, 3, 1, 0, 1, tzinfo=UTC)
    )
    response = admin_client.get(f"/admin/petitions/petition/{petition.pk}/statistics/")
    content = response.content.decode()
    by_country = [(row["name"], row["total"]) for row in response.context["by_country"]]
    assert by_country == [("France", 2), ("Germany", 1)]
    assert "<tr><td>2 March 2026</td><td>2</td></tr>" in content
    assert "<tr><td>1 March 2026</td><td>1</td></tr>" in content


def test_anonymising_erases_personal_data_after_closing_and_keeps_the_counts(petition):
    add_signature(petition, "a@example.org", postal_code="75001")
    add_signature(petition, "b@example.org")
    Petition.objects.filter(pk=petition.pk).update(closes_at=timezone.now() - timedelta(days=40))
    out = StringIO()
    call_command("anonymise_signatures", days=60, stdout=out)
    assert "Anonymised 0" in out.getvalue()
    call_command("anonymise_signatures", days=30, stdout=out)
    assert "Anonymised 2" in out.getvalue()
    for signature in Signature.objects.all():
        assert (signature.first_name, signature.email, signature.postal_code) == ("", "", "")
        assert signature.country.code == "GB"
        assert signature.status == Signature.Status.CONFIRMED
    call_command("recount_signatures", stdout=out)
    assert Petition.objects.get().confirmed_count == 2


def test_closing_a_petition_by_hand_dates_its_closing(petition):
    petition.status = Petition.Status.CLOSED
    petition.save()
    assert petition.closes_at is not None


def test_an_organiser_edits_a_signature_but_never_its_email(admin_client, petition):
    signature = add_signature(petition, "a@example.org")
    url = f"/admin/petitions/signature/{signature.pk}/change/"
    content = admin_client.get(url).content.decode()
    assert 'name="first_name"' in content
    assert 'name="email"' not in content


def test_organisers_may_edit_petitions_and_review_signatures_but_not_manage_users(
    client, staff_editor, petition
):
    client.force_login(staff_editor)

    assert (
        client.get(reverse("admin:petitions_petition_change", args=[petition.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:petitions_signature_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
