"""The demo campaigns in French: a faithful translation of campaigns/demo.py, nothing added.

Campaigns by slug, timeline entries by their English title, updates and events by slug, hearings
by their date.
"""

AZAT_BIOGRAPHY = """\
Azat Miftakhov est un jeune mathématicien, doctorant à l’Université d’État Lomonossov de Moscou,
et un militant anarchiste.

Les autorités de la Fédération de Russie le détiennent depuis 2019. Il a passé deux ans en
détention provisoire avant d’être condamné à six ans de prison. Ses soutiens affirment que les
accusations ont été fabriquées et reposent sur de faux témoignages obtenus sous la torture.

En 2023, il est détenu dans une colonie pénitentiaire à Omoutninsk, dans la région de Kirov. Il doit
être libéré en liberté conditionnelle le **4 septembre 2023**. En juillet et en août 2023,
l’administration de la colonie lui a infligé des sanctions de plus en plus nombreuses sous des
prétextes inventés, et fin août une nouvelle affaire pénale contre lui a été rapportée. Ses soutiens
y voient une manœuvre pour le maintenir en prison.
"""

NAVALNY_BIOGRAPHY = """\
Alexeï Navalny était une figure majeure de l’opposition russe et un militant de la lutte contre la
corruption. Il a été détenu illégalement depuis son retour en Russie, le 17 janvier 2021, jusqu’à
sa mort en détention le **16 février 2024**.

Il purgeait une peine supplémentaire de neuf ans, qui s’ajoutait à une condamnation antérieure à
deux ans et demi, lorsque, le 4 août 2023, un tribunal l’a condamné à 19 ans de colonie
pénitentiaire à régime spécial pour « extrémisme ». En décembre 2023, il a été transféré dans la
colonie pénitentiaire IK-3 à Kharp, dans la région de Iamalo-Nénétsie, au-delà du cercle polaire
arctique. Il y est mort. La Cour européenne des droits de l’homme avait jugé qu’il devait être
libéré immédiatement.

En prison, il souffrait de graves problèmes de santé : les médecins de la prison lui ont
diagnostiqué une double hernie discale, peut-être aggravée par les séquelles de son empoisonnement.
Pendant des mois, il a été privé de soins médicaux adéquats et des médecins de son choix.
"""

SOLIDARITY_DAY_CALL = """\
- **Organisez votre propre action** dans votre ville, et inscrivez-la ici pour que d’autres puissent
  vous rejoindre.
- **Ou prenez une photo** avec l’affiche « FREE AZAT 04.09 » devant une université ou un lieu
  reconnaissable de votre ville, et envoyez-la à la campagne. Les photos sont publiées à partir du
  3 septembre 2023.
"""

CAMPAIGNS = {
    "azat-miftakhov": {
        "name": "Azat Miftakhov",
        "summary": (
            "Mathématicien et doctorant à l’Université d’État Lomonossov de Moscou, emprisonné en "
            "Russie depuis 2019."
        ),
        "biography": AZAT_BIOGRAPHY,
        "place_of_detention": "Colonie pénitentiaire à Omoutninsk, région de Kirov, Russie",
        "charges": (
            "Des accusations dont ses soutiens affirment qu’elles ont été fabriquées et reposent "
            "sur de faux témoignages obtenus sous la torture.\n\nUne nouvelle affaire pénale "
            "rapportée fin août 2023 : « incitation au terrorisme » (article 205.2, partie 1, du "
            "Code pénal russe)."
        ),
        "sentence": ("Six ans de prison ; libération conditionnelle prévue le 4 septembre 2023"),
        "organiser_name": "Le Comité Azat Miftakhov",
    },
    "aleksei-navalny": {
        "name": "Alexeï Navalny",
        "summary": (
            "Figure de l’opposition russe et militant anticorruption, détenu illégalement à partir "
            "de janvier 2021 ; il est mort en détention le 16 février 2024."
        ),
        "biography": NAVALNY_BIOGRAPHY,
        "place_of_detention": (
            "Colonie pénitentiaire IK-3 à Kharp, région de Iamalo-Nénétsie, Russie, au-delà du "
            "cercle polaire arctique"
        ),
        "charges": (
            "« Violation des conditions d’une peine avec sursis » (2021). « Escroquerie à très "
            "grande échelle » et « outrage au tribunal » (2022) : Amnesty International a estimé "
            "que les poursuites étaient motivées par des considérations politiques. "
            "« Extrémisme » (2023)."
        ),
        "sentence": (
            "19 ans de colonie pénitentiaire à régime spécial (4 août 2023) ; auparavant, une "
            "peine supplémentaire de neuf ans s’ajoutant à une condamnation antérieure à deux ans "
            "et demi"
        ),
        "organiser_name": "Amnesty International Canada",
    },
}

TIMELINE = {
    "Detained": (
        "Arrêté",
        "Azat Miftakhov est arrêté. Suivent deux années de détention provisoire.",
    ),
    "Sentenced to six years in prison": ("Condamné à six ans de prison", ""),
    "Punishments on invented pretexts": (
        "Des sanctions sous des prétextes inventés",
        "L’administration de la colonie lui inflige des sanctions de plus en plus nombreuses sous "
        "des prétextes inventés.",
    ),
    "A petition for his release opens": (
        "Une pétition pour sa libération est ouverte",
        "Une pétition exigeant sa libération est ouverte, en français : "
        "*Liberté pour Azat Miftakhov !*",
    ),
    "A new criminal case for “incitement to terrorism”": (
        "Une nouvelle affaire pénale pour « incitation au terrorisme »",
        "Fin août, un site d’information russe rapporte une nouvelle affaire pénale contre lui "
        "pour « incitation au terrorisme » (article 205.2, partie 1, du Code pénal russe ; la "
        "peine encourue est une amende de 100 000 à 500 000 roubles ou deux à cinq ans de "
        "prison). Ses soutiens y voient une manœuvre pour le maintenir en prison.",
    ),
    "International Day of Solidarity with Azat": (
        "Journée internationale de solidarité avec Azat",
        "Des rassemblements dans de nombreuses villes du monde.",
    ),
    "Scheduled release on parole": ("Libération conditionnelle prévue", ""),
    "Falls seriously ill on a flight to Moscow": (
        "Gravement malade sur un vol pour Moscou",
        "Il tombe gravement malade sur un vol pour Moscou. Des experts de plusieurs pays concluent "
        "plus tard qu’il a été empoisonné avec un agent neurotoxique de qualité militaire "
        "interdit, le Novitchok.",
    ),
    "Evacuated to Germany": (
        "Évacué vers l’Allemagne",
        "Il est évacué, inconscient et dans un état critique, vers l’Allemagne pour y être soigné.",
    ),
    "Taken into custody on his return to Russia": (
        "Arrêté à son retour en Russie",
        "Il rentre en Russie et est aussitôt placé en détention, accusé de ne pas s’être présenté "
        "à son agent de probation pendant qu’il était soigné en Allemagne.",
    ),
    "Imprisoned for 2 years and 8 months": (
        "Emprisonné pour 2 ans et 8 mois",
        "Un tribunal de Moscou le condamne à 2 ans et 8 mois de prison (peine réduite plus tard de "
        "deux mois) pour « violation des conditions d’une peine avec sursis ».",
    ),
    "His foundations labelled “extremist” and banned": (
        "Ses fondations qualifiées d’« extrémistes » et interdites",
        "La Fondation anticorruption et la Fondation pour la protection des droits des citoyens, "
        "qu’il a toutes deux fondées, sont qualifiées d’« extrémistes » et interdites.",
    ),
    "A new case for “creating an extremist association”": (
        "Une nouvelle affaire pour « création d’une association extrémiste »",
        "Une nouvelle affaire pénale pour « création d’une association extrémiste » est ouverte "
        "contre lui et ses collaborateurs.",
    ),
    "Found guilty of “fraud” and “contempt of court”": (
        "Reconnu coupable d’« escroquerie » et d’« outrage au tribunal »",
        "Le tribunal du district de Lefortovo de Moscou, siégeant dans la colonie pénitentiaire "
        "IK-2 à Pokrov (région de Vladimir), le reconnaît coupable d’« escroquerie à très grande "
        "échelle » (environ 25 000 dollars américains de dons) et d’« outrage au tribunal ». "
        "Amnesty International a estimé que les poursuites étaient motivées par des "
        "considérations politiques.",
    ),
    "Sentenced to 19 years in a special-regime penal colony": (
        "Condamné à 19 ans de colonie pénitentiaire à régime spécial",
        "Un tribunal le condamne à 19 ans de colonie pénitentiaire à régime spécial pour "
        "« extrémisme ».",
    ),
    "Transferred to penal colony IK-3 in Kharp": (
        "Transféré dans la colonie pénitentiaire IK-3 à Kharp",
        "Il est transféré dans la colonie pénitentiaire IK-3 à Kharp, dans la région de "
        "Iamalo-Nénétsie, au-delà du cercle polaire arctique.",
    ),
    "Dies in custody": (
        "Mort en détention",
        "Alexeï Navalny meurt en détention dans la colonie pénitentiaire IK-3 à Kharp.",
    ),
}

UPDATES = {
    "a-petition-for-azats-release": (
        "Une pétition pour la libération d’Azat",
        "Une pétition exigeant la libération d’Azat Miftakhov est ouverte aujourd’hui, en "
        "français.",
        "Une pétition exigeant la libération d’Azat Miftakhov est ouverte aujourd’hui, en "
        "français : *Liberté pour Azat Miftakhov !*\n\n"
        "Azat, mathématicien et doctorant à l’Université d’État Lomonossov de Moscou, est "
        "emprisonné depuis 2019. Il doit être libéré en liberté conditionnelle le "
        "4 septembre 2023.",
    ),
    "new-criminal-case": (
        "Une nouvelle affaire pénale contre Azat",
        "À quelques jours de sa date de libération, une nouvelle affaire pour « incitation au "
        "terrorisme ».",
        "Un site d’information russe rapporte une nouvelle affaire pénale contre Azat pour "
        "« incitation au terrorisme » (article 205.2, partie 1, du Code pénal russe). La peine "
        "encourue est une amende de 100 000 à 500 000 roubles ou deux à cinq ans de prison.\n\n"
        "Azat doit être libéré en liberté conditionnelle le 4 septembre 2023. Nous voyons dans "
        "cette affaire une manœuvre pour le maintenir en prison.",
    ),
    "international-day-of-solidarity": (
        "Samedi 2 septembre : Journée internationale de solidarité avec Azat",
        "Des rassemblements dans de nombreuses villes du monde. Participez par votre propre action "
        "ou par une photo.",
        "Le **samedi 2 septembre 2023**, des personnes se rassemblent pour Azat dans de nombreuses "
        "villes du monde.\n\n"
        "Organisez votre propre action, ou prenez une photo avec l’affiche « FREE AZAT 04.09 » "
        "devant une université ou un lieu reconnaissable de votre ville et envoyez-la-nous. Les "
        "photos sont publiées à partir du 3 septembre 2023.",
    ),
    "why-we-call-for-his-release": (
        "Pourquoi nous demandons la libération d’Alexeï Navalny",
        "Détenu illégalement et en mauvaise santé ; la Cour européenne des droits de l’homme a "
        "jugé qu’il devait être libéré immédiatement.",
        "Alexeï Navalny, figure majeure de l’opposition russe et militant de la lutte contre la "
        "corruption, est détenu illégalement. Il purge une peine supplémentaire de neuf ans, qui "
        "s’ajoute à une condamnation antérieure à deux ans et demi, et souffre de graves problèmes "
        "de santé en prison.\n\n"
        "La Cour européenne des droits de l’homme a jugé qu’il devait être libéré immédiatement.",
    ),
    "died-in-custody": (
        "Alexeï Navalny est mort en détention",
        "Il est mort le 16 février 2024 dans la colonie pénitentiaire IK-3 à Kharp, au-delà du "
        "cercle polaire arctique. La pétition pour sa libération est close.",
        "Alexeï Navalny est mort en détention le **16 février 2024** dans la colonie "
        "pénitentiaire IK-3 à Kharp, dans la région de Iamalo-Nénétsie, au-delà du cercle polaire "
        "arctique. Il y avait été transféré en décembre 2023, après qu’un tribunal l’eut condamné, "
        "le 4 août 2023, à 19 ans de colonie pénitentiaire à régime spécial pour "
        "« extrémisme ».\n\n"
        "La pétition demandant sa libération immédiate et inconditionnelle a été close ce jour-là.",
    ),
}

EVENTS = {
    "international-day-of-solidarity-2023": {
        "title": "Journée internationale de solidarité avec Azat",
        "description": (
            "Le samedi 2 septembre 2023, deux jours avant la libération conditionnelle prévue "
            "d’Azat Miftakhov, des personnes se rassemblent pour lui dans de nombreuses villes du "
            "monde."
        ),
        "call_to_action": SOLIDARITY_DAY_CALL,
    },
}

HEARINGS = {
    "2022-03-22": {
        "court": "Tribunal du district de Lefortovo de Moscou",
        "address": "Colonie pénitentiaire IK-2, Pokrov, région de Vladimir",
        "subject": (
            "Verdict sur les accusations d’« escroquerie à très grande échelle » et d’« outrage "
            "au tribunal »"
        ),
        "outcome": (
            "Reconnu coupable d’« escroquerie à très grande échelle » (environ 25 000 dollars "
            "américains de dons) et d’« outrage au tribunal ». Amnesty International a estimé que "
            "les poursuites étaient motivées par des considérations politiques."
        ),
    },
}
