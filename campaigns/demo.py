"""Demo content: the two campaigns of the demo site, built through the models.

Facts from shared/demo-facts.md, as an organiser would keep the site today: Azat Miftakhov's
as of 4 September 2023, when they were last checked; Aleksei Navalny's up to his death in custody
on 16 February 2024. Every date, name and figure here is taken from them; nothing is invented.
Every function here is idempotent: running it twice changes nothing.
"""

import datetime

from campaigns import demo_letters, demo_translations, visuals
from campaigns.dates import DatePrecision
from campaigns.models import Campaign, CaseUpdate, Event, Hearing, TimelineEntry

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR

AZAT_BIOGRAPHY = """\
Azat Miftakhov is a young mathematician, a doctoral student at Lomonosov Moscow State University
and an anarchist activist.

The authorities of the Russian Federation have held him since 2019. He spent two years in
pre-trial detention before being sentenced to six years in prison. His supporters say the
charges were fabricated and rest on false testimony obtained under torture.

In 2023 he is held in a prison colony in Omutninsk, in the Kirov region. He is due for release on
parole on **4 September 2023**. In July and August 2023 the colony administration imposed a growing
series of punishments on him on invented pretexts, and at the end of August a new criminal case was
reported against him. His supporters read it as a move to keep him in prison.
"""

NAVALNY_BIOGRAPHY = """\
Aleksei Navalny was a prominent Russian opposition figure and anti-corruption activist. He was
unlawfully detained from his return to Russia on 17 January 2021 until he died in custody on
**16 February 2024**.

He was serving an additional nine-year term on top of an earlier sentence of two and a half years
when, on 4 August 2023, a court sentenced him to 19 years in a special-regime penal colony on
"extremism" charges. In December 2023 he was transferred to penal colony IK-3 in Kharp, in the
Yamalo-Nenets region, above the Arctic Circle. He died there. The European Court of Human Rights
had ruled that he should be freed immediately.

He suffered serious health problems in prison: prison doctors diagnosed a double spinal hernia,
possibly worsened by the after-effects of his poisoning. For months he was denied adequate medical
care and doctors of his choice.
"""

SOLIDARITY_DAY_CALL = """\
- **Hold your own action** in your city, and register it here so that others can join you.
- **Or take a photo** with the “FREE AZAT 04.09” poster in front of a university or a
  recognisable landmark in your city, and send it to the campaign. Photos are published from
  3 September 2023.
"""


NAVALNY_VERDICT = (
    "Found guilty of “fraud on an especially large scale” (about US$25,000 of donations) and "
    "“contempt of court”. Amnesty International found the prosecution politically motivated."
)


def load():
    """Create what is missing of the demo campaigns and timelines; returns campaigns by slug.

    What exists is left alone, so organisers' edits survive a second run.
    """
    azat, _ = Campaign.objects.get_or_create(
        slug="azat-miftakhov",
        defaults={
            "name": "Azat Miftakhov",
            "summary": (
                "Mathematician and doctoral student at Lomonosov Moscow State University, "
                "imprisoned in Russia since 2019."
            ),
            "biography": AZAT_BIOGRAPHY,
            "status": Campaign.Status.SENTENCED,
            "place_of_detention": "Prison colony in Omutninsk, Kirov region, Russia",
            "charges": (
                "Charges his supporters say were fabricated and rest on false testimony obtained "
                "under torture.\n\nA new criminal case reported in late August 2023: "
                '"incitement to terrorism" (Article 205.2, part 1, of the Russian Criminal Code).'
            ),
            "sentence": "Six years in prison; due for release on parole on 4 September 2023",
            "detained_on": datetime.date(2019, 1, 1),
            "detained_on_precision": YEAR,
            "detention_ended_on": None,
            "time_zone": "Europe/Kirov",
            # The facts end there: the count of days stops at this date, claiming nothing later.
            "facts_checked_on": datetime.date(2023, 9, 4),
            "organiser_name": "The Azat Miftakhov Committee",
            # Open for messages; none are made up for the demo.
            "accepts_messages": True,
            "is_published": True,
            "order": 1,
            "is_demo": True,
        },
    )
    _timeline(
        azat,
        [
            (
                (datetime.date(2019, 1, 1), None, YEAR),
                "Detained",
                "Azat Miftakhov is detained. Two years of pre-trial detention follow.",
            ),
            (
                (datetime.date(2021, 1, 1), None, YEAR),
                "Sentenced to six years in prison",
                "",
            ),
            (
                (datetime.date(2023, 7, 1), datetime.date(2023, 8, 1), MONTH),
                "Punishments on invented pretexts",
                "The colony administration imposes a growing series of punishments on him on "
                "invented pretexts.",
            ),
            (
                (datetime.date(2023, 7, 23), None, DAY),
                "A petition for his release opens",
                "A petition demanding his release opens, in French: "
                "*Liberté pour Azat Miftakhov !*",
            ),
            (
                (datetime.date(2023, 8, 1), None, MONTH),
                "A new criminal case for “incitement to terrorism”",
                "In late August a Russian news site reports a new criminal case against him for "
                '"incitement to terrorism" (Article 205.2, part 1, of the Russian Criminal Code; '
                "the penalty is a fine of 100,000 to 500,000 roubles or two to five years in "
                "prison). His supporters read it as a move to keep him imprisoned.",
            ),
            (
                (datetime.date(2023, 9, 2), None, DAY),
                "International Day of Solidarity with Azat",
                "Rallies in many cities around the world.",
            ),
            (
                (datetime.date(2023, 9, 4), None, DAY),
                "Scheduled release on parole",
                "",
            ),
        ],
    )

    navalny, _ = Campaign.objects.get_or_create(
        slug="aleksei-navalny",
        defaults={
            "name": "Aleksei Navalny",
            "summary": (
                "Russian opposition figure and anti-corruption activist, unlawfully detained "
                "from January 2021; he died in custody on 16 February 2024."
            ),
            "biography": NAVALNY_BIOGRAPHY,
            "status": Campaign.Status.DIED_IN_CUSTODY,
            "place_of_detention": (
                "Penal colony IK-3 in Kharp, Yamalo-Nenets region, Russia, above the Arctic Circle"
            ),
            "charges": (
                '"Violation of the terms of a suspended sentence" (2021). "Fraud on an '
                'especially large scale" and "contempt of court" (2022): Amnesty International '
                'found the prosecution politically motivated. "Extremism" (2023).'
            ),
            "sentence": (
                "19 years in a special-regime penal colony (4 August 2023); before that, an "
                "additional nine-year term on top of an earlier sentence of two and a half years"
            ),
            "detained_on": datetime.date(2021, 1, 17),
            "detained_on_precision": DAY,
            "detention_ended_on": datetime.date(2024, 2, 16),
            "time_zone": "Europe/Moscow",
            "organiser_name": "Amnesty International Canada",
            "colour": "#1d3557",
            "is_published": True,
            "order": 2,
            "is_demo": True,
        },
    )
    _timeline(
        navalny,
        [
            (
                (datetime.date(2020, 8, 20), None, DAY),
                "Falls seriously ill on a flight to Moscow",
                "He falls seriously ill on a flight to Moscow. Experts from several countries "
                "later conclude that he was poisoned with a prohibited military-grade nerve "
                "agent, Novichok.",
            ),
            (
                (datetime.date(2020, 8, 22), None, DAY),
                "Evacuated to Germany",
                "He is evacuated, unconscious and in a critical condition, to Germany for "
                "treatment.",
            ),
            (
                (datetime.date(2021, 1, 17), None, DAY),
                "Taken into custody on his return to Russia",
                "He returns to Russia and is taken into custody at once, accused of failing to "
                "report to his probation officer while he was being treated in Germany.",
            ),
            (
                # Known by its year only; it followed his return, so it is placed after it.
                (datetime.date(2021, 1, 1), None, YEAR, datetime.date(2021, 1, 17)),
                "Imprisoned for 2 years and 8 months",
                "A Moscow court imprisons him for 2 years and 8 months (later reduced by two "
                'months) for "violation of the terms of a suspended sentence".',
            ),
            (
                (datetime.date(2021, 6, 1), None, MONTH),
                "His foundations labelled “extremist” and banned",
                "The Anti-Corruption Foundation and the Citizens' Rights Protection Foundation, "
                'both founded by him, are labelled "extremist" and banned.',
            ),
            (
                (datetime.date(2021, 9, 1), None, MONTH),
                "A new case for “creating an extremist association”",
                'A new criminal case for "creating an extremist association" is opened against '
                "him and his associates.",
            ),
            (
                (datetime.date(2022, 3, 22), None, DAY),
                "Found guilty of “fraud” and “contempt of court”",
                "The Lefortovo District Court of Moscow, sitting in penal colony IK-2 in Pokrov "
                '(Vladimir region), finds him guilty of "fraud on an especially large scale" '
                '(about US$25,000 of donations) and "contempt of court". Amnesty International '
                "found the prosecution politically motivated.",
            ),
            (
                (datetime.date(2023, 8, 4), None, DAY),
                "Sentenced to 19 years in a special-regime penal colony",
                "A court sentences him to 19 years in a special-regime penal colony on "
                '"extremism" charges.',
            ),
            (
                (datetime.date(2023, 12, 1), None, MONTH),
                "Transferred to penal colony IK-3 in Kharp",
                "He is transferred to penal colony IK-3 in Kharp, in the Yamalo-Nenets region, "
                "above the Arctic Circle.",
            ),
            (
                (datetime.date(2024, 2, 16), None, DAY),
                "Dies in custody",
                "Aleksei Navalny dies in custody in penal colony IK-3 in Kharp.",
            ),
        ],
    )
    _updates(
        azat,
        [
            (
                "a-petition-for-azats-release",
                "A petition for Azat's release",
                "A petition demanding the release of Azat Miftakhov opens today, in French.",
                "A petition demanding the release of Azat Miftakhov opens today, in French: "
                "*Liberté pour Azat Miftakhov !*\n\n"
                "Azat, a mathematician and doctoral student at Lomonosov Moscow State "
                "University, has been imprisoned since 2019. He is due for release on parole on "
                "4 September 2023.",
                at(2023, 7, 23),
            ),
            (
                "new-criminal-case",
                "A new criminal case against Azat",
                "Days before his release date, a new case for “incitement to terrorism”.",
                "A Russian news site reports a new criminal case against Azat for "
                '"incitement to terrorism" (Article 205.2, part 1, of the Russian Criminal '
                "Code). The penalty is a fine of 100,000 to 500,000 roubles or two to five "
                "years in prison.\n\n"
                "Azat is due for release on parole on 4 September 2023. We read this case as a "
                "move to keep him imprisoned.",
                at(2023, 8, 31),
            ),
            (
                "international-day-of-solidarity",
                "Saturday 2 September: International Day of Solidarity with Azat",
                "Rallies in many cities around the world. Join with your own action or a photo.",
                "On **Saturday 2 September 2023**, people rally for Azat in many cities around "
                "the world.\n\n"
                "Hold your own action, or take a photo with the “FREE AZAT 04.09” poster in "
                "front of a university or a recognisable landmark in your city and send it to "
                "us. Photos are published from 3 September 2023.",
                at(2023, 9, 1),
            ),
        ],
    )
    _updates(
        navalny,
        [
            (
                "why-we-call-for-his-release",
                "Why we call for Aleksei Navalny's release",
                "Unlawfully detained and in poor health; the European Court of Human Rights "
                "has ruled that he should be freed immediately.",
                "Aleksei Navalny, a prominent Russian opposition figure and anti-corruption "
                "activist, is unlawfully detained. He is serving an additional nine-year term "
                "on top of an earlier sentence of two and a half years, and suffers serious "
                "health problems in prison.\n\n"
                "The European Court of Human Rights has ruled that he should be freed "
                "immediately.",
                at(2023, 9, 1),
            ),
            (
                "died-in-custody",
                "Aleksei Navalny died in custody",
                "He died on 16 February 2024 in penal colony IK-3 in Kharp, above the Arctic "
                "Circle. The petition for his release is closed.",
                "Aleksei Navalny died in custody on **16 February 2024** in penal colony IK-3 "
                "in Kharp, in the Yamalo-Nenets region, above the Arctic Circle. He had been "
                "transferred there in December 2023, after a court sentenced him on 4 August "
                '2023 to 19 years in a special-regime penal colony on "extremism" charges.\n\n'
                "The petition calling for his immediate and unconditional release closed that "
                "day.",
                # The facts give the day only; the evening, after the news of his death.
                at(2024, 2, 16, hour=18),
            ),
        ],
    )
    Event.objects.get_or_create(
        campaign=azat,
        slug="international-day-of-solidarity-2023",
        defaults={
            "title": "International Day of Solidarity with Azat",
            "starts_on": datetime.date(2023, 9, 2),
            "start_time": None,
            "time_zone": "UTC",
            "description": (
                "On Saturday 2 September 2023, two days before Azat Miftakhov's scheduled "
                "release on parole, people rally for him in many cities around the world."
            ),
            "call_to_action": SOLIDARITY_DAY_CALL,
            "poster_headline": "FREE AZAT 04.09",
            "accepts_actions": True,
            "accepts_photos": True,
            "is_published": True,
        },
    )
    # The one hearing the facts give. They give no time, courtroom or street address: none is
    # invented; the court sat in the penal colony, and that is where it was held.
    Hearing.objects.get_or_create(
        campaign=navalny,
        starts_on=datetime.date(2022, 3, 22),
        defaults={
            "start_time": None,
            "time_zone": "Europe/Moscow",
            "court": "Lefortovo District Court of Moscow",
            "address": "Penal colony IK-2, Pokrov, Vladimir region",
            "subject": (
                "Verdict on the charges of “fraud on an especially large scale” and “contempt of "
                "court”"
            ),
            "public_access": Hearing.PublicAccess.UNKNOWN,
            "outcome": NAVALNY_VERDICT,
            "is_published": True,
        },
    )
    demo_translations.add({campaign.slug: campaign for campaign in (azat, navalny)})
    demo_letters.add(azat)
    for campaign in (azat, navalny):
        visuals.refresh(campaign)  # their posters and share images, and the event's poster
    return {campaign.slug: campaign for campaign in (azat, navalny)}


def at(year, month, day, hour=9):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def _updates(campaign, updates):
    for slug, title, summary, body, publish_at in updates:
        CaseUpdate.objects.get_or_create(
            campaign=campaign,
            slug=slug,
            defaults={"title": title, "summary": summary, "body": body, "publish_at": publish_at},
        )


def _timeline(campaign, entries):
    for dates, title, text in entries:
        starts_on, ends_on, precision, *sort_date = dates
        TimelineEntry.objects.get_or_create(
            campaign=campaign,
            title=title,
            defaults={
                "starts_on": starts_on,
                "ends_on": ends_on,
                "precision": precision,
                "sort_date": sort_date[0] if sort_date else None,
                "text": text,
            },
        )
