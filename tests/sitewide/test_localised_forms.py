"""Dates, numbers and plurals in each language's own forms.

Russian and Ukrainian have three plural forms for whole numbers ("1 день, 2 дня, 5 дней"). The
interface's catalogues (locale/) say which words; the rule that picks one for a count is the
language's, as Django's own catalogues of the language state it. `catalogue_with` adds entries
to the running catalogue for a test, so these tests hold with or without locale/ru and locale/uk;
`test_with_the_russian_catalogue_*` checks the real one once it is there.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import trans_real

from campaigns.models import CaseUpdate
from tests.factories import add_petition

pytestmark = pytest.mark.django_db

DAYS = (
    "<strong>%(number)s</strong> day behind bars",
    "<strong>%(number)s</strong> days behind bars",
)
SIGNED = (
    '<strong class="counter__number" data-count data-value="%(counter)s">%(shown)s</strong> '
    "person has signed",
    '<strong class="counter__number" data-count data-value="%(counter)s">%(shown)s</strong> '
    "people have signed",
)
# The forms for one, a few and many, in the order of the languages' plural rules.
WORDS = {
    "ru": {DAYS: ["день", "дня", "дней"], SIGNED: ["человек", "человека", "человек"]},
    "uk": {DAYS: ["день", "дні", "днів"], SIGNED: ["людина", "людини", "людей"]},
}
# count -> the form a Russian or Ukrainian speaker uses (0: one, 1: few, 2: many)
COUNTS = {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 21: 0, 22: 1, 1343: 1, 1345: 2}


@pytest.fixture
def catalogue_with(monkeypatch):
    """`catalogue_with(language, {(singular, plural): [forms]})`: each message translated, its
    forms in the order of the language's rule, for this test only."""
    monkeypatch.setattr(trans_real, "_translations", {})

    def add(language, messages):
        catalogue = trans_real.translation(language)._catalog
        for (singular, _plural), words in messages.items():
            for index, word in enumerate(words):
                catalogue[(singular, index)] = singular.replace("day behind bars", word).replace(
                    "person has signed", word
                )

    return add


class Detained:
    """What the days-behind-bars fragment reads of a campaign."""

    is_in_detention = True
    days_are_a_minimum = False

    def __init__(self, days):
        self.days = days

    def days_behind_bars(self):
        return self.days


@pytest.mark.parametrize("language", ["ru", "uk"])
@pytest.mark.parametrize(("count", "form"), COUNTS.items())
def test_days_behind_bars_take_the_languages_plural_form(catalogue_with, language, count, form):
    catalogue_with(language, WORDS[language])
    with translation.override(language):
        html = render_to_string("includes/days_behind_bars.html", {"campaign": Detained(count)})
    number = f"{count:,}".replace(",", "\xa0")
    assert f"<strong>{number}</strong> {WORDS[language][DAYS][form]}" in html


@pytest.mark.parametrize("language", ["ru", "uk"])
@pytest.mark.parametrize(("count", "form"), COUNTS.items())
def test_the_counter_takes_the_languages_plural_form(
    client, campaign, catalogue_with, language, count, form
):
    catalogue_with(language, WORDS[language])
    petition = add_petition(campaign, offset=count)
    html = client.get(f"/{language}{petition.get_absolute_url()}").text
    number = f"{count:,}".replace(",", "\xa0")
    assert f'data-value="{count}">{number}</strong> {WORDS[language][SIGNED][form]}' in html


@pytest.mark.skipif(
    not (Path(settings.BASE_DIR) / "locale/ru/LC_MESSAGES/django.mo").exists(),
    reason="no compiled Russian catalogue (locale/ru, compilemessages)",
)
def test_with_the_russian_catalogue_a_russian_page_says_days_in_three_forms(client, campaign):
    words = []
    for days in (1, 2, 5):
        campaign.detained_on = datetime.date.today() - datetime.timedelta(days=days)
        campaign.time_zone = "UTC"
        campaign.save()
        words.append(client.get("/ru/campaigns/jane-doe/").text)
    assert "день" in words[0] and "дня" in words[1] and "дней" in words[2]


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "1,500"), ("fr", "1\xa0500"), ("de", "1.500"), ("ru", "1\xa0500"), ("uk", "1\xa0500")],
)
def test_numbers_have_the_languages_separators(client, campaign, language, shown):
    petition = add_petition(campaign, offset=1500)
    prefix = "" if language == "en" else f"/{language}"
    assert (
        f'data-value="1500">{shown}</strong>'
        in client.get(prefix + petition.get_absolute_url()).text
    )


@pytest.mark.parametrize(
    ("language", "date"),
    [
        ("en", "2 September 2023"),
        ("fr", "2 septembre 2023"),
        ("de", "2. September 2023"),
        ("es", "2 de septiembre de 2023"),
        ("ru", "2 сентября 2023"),
        ("uk", "2 вересня 2023"),
    ],
)
def test_dates_have_the_languages_form(client, campaign, language, date):
    CaseUpdate.objects.create(
        campaign=campaign,
        title="Verdict",
        slug="verdict",
        body="Six years.",
        publish_at=datetime.datetime(2023, 9, 2, 9, tzinfo=datetime.UTC),
    )
    prefix = "" if language == "en" else f"/{language}"
    assert date in client.get(f"{prefix}/campaigns/jane-doe/updates/verdict/").text
