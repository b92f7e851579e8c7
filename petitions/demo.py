"""Demo content: the two demo petitions, built through the models.

Facts from shared/demo-facts.md, as an organiser would keep the site today: the Navalny petition
closed on 16 February 2024, the day he died in custody. Idempotent: running it twice changes
nothing.
"""

from datetime import UTC, datetime

from django.utils import translation

from petitions import demo_translations
from petitions.models import Demand, Petition

NAVALNY_INTRODUCTION = """\
**Aleksei Navalny died in custody on 16 February 2024**, in penal colony IK-3 in Kharp
(Yamalo-Nenets region, above the Arctic Circle). This petition closed that day.

Aleksei Navalny, a prominent Russian opposition figure and anti-corruption activist, was
unlawfully detained. He was serving an additional nine-year term on top of an earlier sentence
of two and a half years when, on 4 August 2023, a court sentenced him to 19 years in a
special-regime penal colony on "extremism" charges.

On 20 August 2020 he fell seriously ill on a flight to Moscow. Experts from several countries
later concluded that he had been poisoned with a prohibited military-grade nerve agent,
Novichok. When he returned to Russia on 17 January 2021 he was taken into custody at once.

On 22 March 2022 a court sitting in penal colony IK-2 in Pokrov found him guilty of "fraud on
an especially large scale" and "contempt of court". Amnesty International found the
prosecution politically motivated.
"""

NAVALNY_BODY = """\
In prison he suffered serious health problems, including a double spinal hernia diagnosed by
prison doctors, and for months he was denied adequate medical care and doctors of his choice.
The European Court of Human Rights ruled that he should be freed immediately.

*This petition was run by Amnesty International Canada.*
"""

AZAT_INTRODUCTION = """\
Azat Miftakhov, jeune mathématicien, doctorant à l’Université d’État Lomonossov de Moscou et
militant anarchiste, est emprisonné par les autorités de la Fédération de Russie depuis 2019.

Après deux ans de détention provisoire, il a été condamné à six ans de prison. Ses soutiens
dénoncent des accusations fabriquées, fondées sur de faux témoignages obtenus sous la torture.
"""

AZAT_BODY = """\
Détenu dans une colonie pénitentiaire à Omoutninsk (région de Kirov), il doit être libéré le
4 septembre 2023. Depuis juillet 2023, l’administration de la colonie lui inflige des sanctions
de plus en plus nombreuses sous des prétextes inventés.
"""


def load(campaigns):
    """Create what is missing of the demo petitions; `campaigns` maps slugs to campaigns.

    What exists is left alone, so organisers' edits survive a second run.
    """
    navalny, _created = _get_or_create(
        slug="free-aleksei-navalny",
        defaults={
            "title": "Free Aleksei Navalny",
            "target": "President Vladimir Putin",
            "introduction": NAVALNY_INTRODUCTION,
            "body": NAVALNY_BODY,
            "campaign": campaigns.get("aleksei-navalny"),
            "language": "en",
            "goal": 1000,
            "goal_steps_up": True,
            # Its final count: 785 signatures, all gathered elsewhere.
            "offset": 785,
            "status": Petition.Status.CLOSED,
            # The facts give the day only; the evening, after the news of his death. They give
            # no opening date, so opens_at stays the loading time (visitors never see it).
            "closes_at": datetime(2024, 2, 16, 18, tzinfo=UTC),
            "share_text": "Aleksei Navalny died in custody on 16 February 2024.",
            "thank_you_text": "Thank you for standing with Aleksei Navalny.",
            "is_demo": True,
        },
    )
    _set_demands(
        navalny,
        [
            "Ensure Aleksei Navalny's immediate and unconditional release.",
            "End the intimidation and persecution of Aleksei Navalny and all other "
            "government critics.",
        ],
    )
    azat, _created = _get_or_create(
        slug="liberte-pour-azat-miftakhov",
        defaults={
            "title": "Liberté pour Azat Miftakhov !",
            "target": "les autorités de la Fédération de Russie",
            "introduction": AZAT_INTRODUCTION,
            "body": AZAT_BODY,
            "campaign": campaigns.get("azat-miftakhov"),
            "language": "fr",
            "goal": 1000,
            "status": Petition.Status.OPEN,
            "opens_at": datetime(2023, 7, 23, tzinfo=UTC),
            "share_text": "J’ai signé : liberté pour Azat Miftakhov !",
            "thank_you_text": "Merci de votre soutien à Azat Miftakhov.",
            "is_demo": True,
        },
    )
    _set_demands(azat, ["libérer Azat Miftakhov."])
    petitions = {petition.slug: petition for petition in (navalny, azat)}
    demo_translations.add(petitions)
    return petitions


def _get_or_create(slug, defaults):
    """The petition `slug`, created with its texts in its own language's columns."""
    with translation.override(defaults["language"]):
        return Petition.objects.get_or_create(slug=slug, defaults=defaults)


def _set_demands(petition, texts):
    with translation.override(petition.language):
        for order, text in enumerate(texts, start=1):
            Demand.objects.get_or_create(petition=petition, order=order, defaults={"text": text})
