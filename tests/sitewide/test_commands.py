import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from campaigns.models import Campaign


@pytest.mark.django_db
def test_load_demo_creates_the_two_demo_campaigns():
    call_command("load_demo")

    names = set(Campaign.objects.published().values_list("name", flat=True))
    assert names == {"Azat Miftakhov", "Aleksei Navalny"}
    assert all(Campaign.objects.values_list("is_demo", flat=True))


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    before = list(Campaign.objects.order_by("pk").values())

    call_command("load_demo")

    assert list(Campaign.objects.order_by("pk").values()) == before


@pytest.mark.django_db
def test_the_development_admin_exists_only_with_debug_on(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()

    settings.DEBUG = True
    call_command("ensure_dev_admin")
    call_command("ensure_dev_admin")

    admin = get_user_model().objects.get()
    assert admin.username == "admin"
    assert admin.is_superuser
    assert admin.check_password("solidarity-dev")


@pytest.mark.django_db
def test_load_demo_keeps_an_organisers_edits():
    call_command("load_demo")
    Campaign.objects.filter(slug="azat-miftakhov").update(summary="Edited by an organiser.")

    call_command("load_demo")

    assert Campaign.objects.get(slug="azat-miftakhov").summary == "Edited by an organiser."
