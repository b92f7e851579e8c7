"""The demo in French and Russian, and in German, which it is not written in."""

import pytest
from django.core.management import call_command

from campaigns.models import Campaign
from petitions.models import Petition

pytestmark = pytest.mark.django_db

AZAT = "/campaigns/azat-miftakhov/"
NAVALNY = "/campaigns/aleksei-navalny/"
EVENT = "/campaigns/azat-miftakhov/events/international-day-of-solidarity-2023/"
UPDATE = "/campaigns/azat-miftakhov/updates/new-criminal-case/"
AZAT_PETITION = "/petitions/liberte-pour-azat-miftakhov/"
NAVALNY_PETITION = "/petitions/free-aleksei-navalny/"

# Page, language: the heading it shows in that language.
HEADINGS = {
    (AZAT, "fr"): "Azat Miftakhov",
    (AZAT, "ru"): "Азат Мифтахов",
    (NAVALNY, "fr"): "Alexeï Navalny",
    (NAVALNY, "ru"): "Алексей Навальный",
    (EVENT, "fr"): "Journée internationale de solidarité avec Azat",
    (EVENT, "ru"): "Международный день солидарности с Азатом",
    (UPDATE, "fr"): "Une nouvelle affaire pénale contre Azat",
    (UPDATE, "ru"): "Новое уголовное дело против Азата",
    # Without its " !", whose space French typography may make a no-break one.
    (AZAT_PETITION, "fr"): "Liberté pour Azat Miftakhov",
    (AZAT_PETITION, "ru"): "Свободу Азату Мифтахову!",
    (NAVALNY_PETITION, "fr"): "Libérez Alexeï Navalny",
    (NAVALNY_PETITION, "ru"): "Свободу Алексею Навальному",
}

# A text further down each page, in each language.
TEXTS = {
    (AZAT, "fr"): "Colonie pénitentiaire à Omoutninsk, région de Kirov, Russie",
    (AZAT, "ru"): "Исправительная колония в Омутнинске, Кировская область, Россия",
    (NAVALNY, "fr"): "Évacué vers l’Allemagne",
    (NAVALNY, "ru"): "ИК-3 в Харпе",
    (EVENT, "fr"): "des personnes se rassemblent pour lui dans de nombreuses villes",
    (EVENT, "ru"): "люди во многих городах мира выходят на акции",
    (UPDATE, "fr"): "article 205.2, partie 1, du Code pénal russe",
    (UPDATE, "ru"): "часть 1 статьи 205.2 УК РФ",
    (AZAT_PETITION, "fr"): "libérer Azat Miftakhov.",
    (AZAT_PETITION, "ru"): "освободить Азата Мифтахова.",
    (NAVALNY_PETITION, "fr"): "Assurer la libération immédiate et inconditionnelle",
    (NAVALNY_PETITION, "ru"): "Обеспечить немедленное и безоговорочное освобождение",
}

STAFF_NOTICE = "notice--staff"


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize(("page", "language"), list(HEADINGS))
def test_the_demo_reads_in_french_and_russian(client, demo, page, language):
    html = client.get(f"/{language}{page}").text
    assert f'<html lang="{language}">' in html
    assert f'<h1 lang="{language}">{HEADINGS[page, language]}' in html
    assert TEXTS[page, language] in html
    assert STAFF_NOTICE not in html


@pytest.mark.parametrize(
    ("page", "heading", "language"),
    [
        (AZAT, "Azat Miftakhov", "en"),
        (EVENT, "International Day of Solidarity with Azat", "en"),
        (UPDATE, "A new criminal case against Azat", "en"),
        (NAVALNY_PETITION, "Free Aleksei Navalny", "en"),
        (AZAT_PETITION, "Liberté pour Azat Miftakhov", "fr"),
    ],
)
def test_in_german_the_demo_falls_back_to_its_main_language(client, demo, page, heading, language):
    html = client.get(f"/de{page}").text
    assert '<html lang="de">' in html
    assert f'<h1 lang="{language}">{heading}' in html
    assert STAFF_NOTICE not in html


def test_azats_petition_reads_in_english_in_english(client, demo):
    html = client.get(AZAT_PETITION).text
    assert '<h1 lang="en">Freedom for Azat Miftakhov!</h1>' in html
    assert "release Azat Miftakhov." in html


def test_a_demo_loaded_before_the_translations_gets_them_and_keeps_organisers_texts(demo):
    campaign = Campaign.objects.get(slug="azat-miftakhov")
    campaign.summary_ru = ""
    campaign.summary_fr = "Le résumé d’une organisatrice."
    campaign.save()
    Petition.objects.filter(slug="free-aleksei-navalny").update(title_ru="")

    call_command("load_demo", verbosity=0)

    campaign.refresh_from_db()
    assert campaign.summary_ru.startswith("Математик, аспирант МГУ")
    assert campaign.summary_fr == "Le résumé d’une organisatrice."
    navalny = Petition.objects.get(slug="free-aleksei-navalny")
    assert navalny.title_ru == "Свободу Алексею Навальному"
