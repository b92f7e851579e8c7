"""The demo petitions in their other languages: a faithful translation, nothing added.

Navalny's petition is written in English, Azat's in French; each gets the other of the two and
Russian. They are written into the columns still empty, as campaigns.demo_translations does.
"""

from sitewide.content_languages import fill_in

NAVALNY_INTRODUCTION_FR = """\
**Alexeï Navalny est mort en détention le 16 février 2024**, dans la colonie pénitentiaire IK-3 à
Kharp (région de Iamalo-Nénétsie, au-delà du cercle polaire arctique). Cette pétition a été close ce
jour-là.

Alexeï Navalny, figure majeure de l’opposition russe et militant de la lutte contre la corruption,
était détenu illégalement. Il purgeait une peine supplémentaire de neuf ans, qui s’ajoutait à une
condamnation antérieure à deux ans et demi, lorsque, le 4 août 2023, un tribunal l’a condamné à
19 ans de colonie pénitentiaire à régime spécial pour « extrémisme ».

Le 20 août 2020, il est tombé gravement malade sur un vol pour Moscou. Des experts de plusieurs pays
ont conclu plus tard qu’il avait été empoisonné avec un agent neurotoxique de qualité militaire
interdit, le Novitchok. À son retour en Russie, le 17 janvier 2021, il a aussitôt été placé en
détention.

Le 22 mars 2022, un tribunal siégeant dans la colonie pénitentiaire IK-2 à Pokrov l’a reconnu
coupable d’« escroquerie à très grande échelle » et d’« outrage au tribunal ». Amnesty International
a estimé que les poursuites étaient motivées par des considérations politiques.
"""

NAVALNY_BODY_FR = """\
En prison, il souffrait de graves problèmes de santé, dont une double hernie discale diagnostiquée
par les médecins de la prison, et pendant des mois il a été privé de soins médicaux adéquats et des
médecins de son choix. La Cour européenne des droits de l’homme a jugé qu’il devait être libéré
immédiatement.

*Cette pétition était menée par Amnesty International Canada.*
"""

NAVALNY_INTRODUCTION_RU = """\
**Алексей Навальный умер под стражей 16 февраля 2024 года** в исправительной колонии ИК-3 в Харпе
(Ямало-Ненецкий автономный округ, за Полярным кругом). В тот же день эта петиция закрылась.

Алексей Навальный, известный российский оппозиционный политик и борец с коррупцией, незаконно
находился в заключении. Он отбывал дополнительный девятилетний срок сверх прежнего приговора к двум
с половиной годам, когда 4 августа 2023 года суд приговорил его к 19 годам колонии особого режима
по обвинению в «экстремизме».

20 августа 2020 года ему стало очень плохо на борту самолёта, летевшего в Москву. Позже эксперты из
нескольких стран пришли к выводу, что он был отравлен запрещённым боевым нервно-паралитическим
веществом «Новичок». Когда 17 января 2021 года он вернулся в Россию, его сразу же задержали.

22 марта 2022 года суд на выездном заседании в исправительной колонии ИК-2 в Покрове признал его
виновным в «мошенничестве в особо крупном размере» и «неуважении к суду». Amnesty International
признала это преследование политически мотивированным.
"""

NAVALNY_BODY_RU = """\
В заключении у него были серьёзные проблемы со здоровьем, в том числе двойная грыжа позвоночника,
которую диагностировали тюремные врачи, и месяцами ему отказывали в надлежащей медицинской помощи и
во врачах по его выбору. Европейский суд по правам человека постановил, что он должен быть
немедленно освобождён.

*Эту петицию вела Amnesty International Canada.*
"""

AZAT_INTRODUCTION_EN = """\
Azat Miftakhov, a young mathematician, doctoral student at Lomonosov Moscow State University and
anarchist activist, has been imprisoned by the authorities of the Russian Federation since 2019.

After two years of pre-trial detention, he was sentenced to six years in prison. His supporters
denounce fabricated charges, based on false testimony obtained under torture.
"""

AZAT_BODY_EN = """\
Held in a prison colony in Omutninsk (Kirov region), he is due for release on 4 September 2023.
Since July 2023 the colony administration has imposed more and more punishments on him on
invented pretexts.
"""

AZAT_INTRODUCTION_RU = """\
Азат Мифтахов, молодой математик, аспирант Московского государственного университета имени
М.\u00a0В.\u00a0Ломоносова и анархист, находится в заключении у властей Российской Федерации
с 2019 года.

После двух лет в следственном изоляторе он был приговорён к шести годам лишения свободы. Его
сторонники осуждают сфабрикованное обвинение, основанное на ложных показаниях, полученных под
пытками.
"""

AZAT_BODY_RU = """\
Он содержится в исправительной колонии в Омутнинске (Кировская область), и его должны освободить
4 сентября 2023 года. С июля 2023 года администрация колонии назначает ему всё новые взыскания под
надуманными предлогами.
"""

# Slug: language: (texts, demands in order).
PETITIONS = {
    "free-aleksei-navalny": {
        "fr": (
            {
                "title": "Libérez Alexeï Navalny",
                "target": "le président Vladimir Poutine",
                "introduction": NAVALNY_INTRODUCTION_FR,
                "body": NAVALNY_BODY_FR,
                "share_text": "Alexeï Navalny est mort en détention le 16 février 2024.",
                "thank_you_text": "Merci de votre soutien à Alexeï Navalny.",
            },
            [
                "Assurer la libération immédiate et inconditionnelle d’Alexeï Navalny.",
                "Mettre fin à l’intimidation et à la persécution d’Alexeï Navalny et de toutes les "
                "autres personnes qui critiquent le gouvernement.",
            ],
        ),
        "ru": (
            {
                "title": "Свободу Алексею Навальному",
                "target": "Президент Владимир Путин",
                "introduction": NAVALNY_INTRODUCTION_RU,
                "body": NAVALNY_BODY_RU,
                "share_text": "Алексей Навальный умер под стражей 16 февраля 2024 года.",
                "thank_you_text": "Спасибо, что поддерживаете Алексея Навального.",
            },
            [
                "Обеспечить немедленное и безоговорочное освобождение Алексея Навального.",
                "Прекратить запугивание и преследование Алексея Навального и всех других "
                "критиков власти.",
            ],
        ),
    },
    "liberte-pour-azat-miftakhov": {
        "en": (
            {
                "title": "Freedom for Azat Miftakhov!",
                "target": "the authorities of the Russian Federation",
                "introduction": AZAT_INTRODUCTION_EN,
                "body": AZAT_BODY_EN,
                "share_text": "I signed: freedom for Azat Miftakhov!",
                "thank_you_text": "Thank you for supporting Azat Miftakhov.",
            },
            ["release Azat Miftakhov."],
        ),
        "ru": (
            {
                "title": "Свободу Азату Мифтахову!",
                "target": "Власти Российской Федерации",
                "introduction": AZAT_INTRODUCTION_RU,
                "body": AZAT_BODY_RU,
                "share_text": "Я подписал(а): свободу Азату Мифтахову!",
                "thank_you_text": "Спасибо, что поддерживаете Азата Мифтахова.",
            },
            ["освободить Азата Мифтахова."],
        ),
    },
}


def add(petitions):
    """Fill in the translations of the demo petitions (by slug) and their demands."""
    for slug, petition in petitions.items():
        for language, (texts, demands) in PETITIONS[slug].items():
            fill_in(petition, language, texts)
            for demand in petition.demands.order_by("order"):
                if demand.order <= len(demands):
                    fill_in(demand, language, {"text": demands[demand.order - 1]})
