"""The literal content of the demo world built by ``app.demo``: who, what was said, what was decided.

Everything here is data.  The public facts come from two French press releases (the 2011 signing of the
cooperation agreement between the Council of Europe and the VGT, and the VGT meeting in Ottawa in
October 2019); the delegates not named in those releases are fictional and say so in their notes.
French strings go through ``fr()``, which applies French typography (typographic apostrophe, no-break
spaces inside guillemets and before ``: ; ! ?``) so that the source stays readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    Attendance,
    DecisionKind,
    Disposition,
    InvitationStatus,
    Language,
    Relation,
    Role,
    Sector,
    TranslationStatus,
    Visibility,
)

NBSP = "\u00a0"
NNBSP = "\u202f"
FICTIONAL = "Fictional demo delegate."
REAL = "Named in the seed press release; contact details are demo placeholders."


def fr(text: str) -> str:
    """French typography for text typed with plain spaces and straight apostrophes."""
    text = text.replace("'", "’")
    text = re.sub(r"«\s*", "«" + NBSP, text)
    text = re.sub(r"\s*»", NBSP + "»", text)
    text = re.sub(r"\s+:", NBSP + ":", text)
    return re.sub(r"\s+([;!?])", NNBSP + r"\1", text)


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name_en: str
    name_fr: str
    acronym_en: str
    acronym_fr: str
    sector: Sector
    country: str | None
    relation: Relation
    notes: str = ""


@dataclass(frozen=True)
class PersonSpec:
    key: str
    given_name: str
    family_name: str
    title_en: str
    title_fr: str
    org: str
    email: str
    phone: str
    language: Language
    time_zone: str
    notes: str = FICTIONAL


@dataclass(frozen=True)
class ItemSpec:
    key: str
    title_en: str
    title_fr: str
    kind: AgendaItemKind
    minutes: int
    visibility: Visibility = Visibility.PUBLIC
    description_en: str = ""
    description_fr: str = ""
    presenters: tuple[str, ...] = ()
    children: tuple[ItemSpec, ...] = ()
    fixed_start: datetime | None = None


@dataclass(frozen=True)
class MinutesSpec:
    item: str
    text_en: str
    text_fr: str
    original: Language = Language.EN
    status: TranslationStatus = TranslationStatus.VERIFIED


@dataclass(frozen=True)
class DecisionSpec:
    key: str
    item: str
    kind: DecisionKind
    text_en: str
    text_fr: str


@dataclass(frozen=True)
class ActionSpec:
    key: str
    item: str | None
    text_en: str
    text_fr: str
    due: date | None
    status: ActionStatus
    owner_people: tuple[str, ...] = ()
    owner_orgs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParticipantSpec:
    person: str
    role: Role
    invitation: InvitationStatus = InvitationStatus.CONFIRMED
    attendance: Attendance = Attendance.PRESENT
    arrived: tuple[int, int] | None = None  # local (hour, minute) on the first day
    notes: str = ""


@dataclass(frozen=True)
class CommentSpec:
    org: str
    reviewer: str
    section: str
    comment: str
    proposed_change: str
    disposition: Disposition
    response: str
    received_on: date


@dataclass(frozen=True)
class MeetingContent:
    items: tuple[ItemSpec, ...]
    minutes: tuple[MinutesSpec, ...]
    decisions: tuple[DecisionSpec, ...]
    actions: tuple[ActionSpec, ...]
    participants: tuple[ParticipantSpec, ...] = field(default=())


_INTL = "International organisation: country left empty (seat: {seat})."

ORGANISATIONS: tuple[OrgSpec, ...] = (
    OrgSpec("afp", "Australian Federal Police", "Police fédérale australienne", "AFP", "AFP",
            Sector.LAW_ENFORCEMENT, "AU", Relation.MEMBER, "VGT member; held the VGT chair in 2011."),
    OrgSpec("ceop", "Child Exploitation and Online Protection Centre", fr("Centre contre l'exploitation des enfants et pour la protection en ligne"),
            "CEOP", "CEOP", Sector.LAW_ENFORCEMENT, "GB", Relation.MEMBER, "VGT member (United Kingdom)."),
    OrgSpec("europol", "Europol", "Europol", "Europol", "Europol", Sector.LAW_ENFORCEMENT, None, Relation.MEMBER,
            "VGT member. " + _INTL.format(seat="The Hague, Netherlands")),
    OrgSpec("interpol", "Interpol", "Interpol", "Interpol", "Interpol", Sector.LAW_ENFORCEMENT, None, Relation.MEMBER,
            "VGT member. " + _INTL.format(seat="Lyon, France")),
    OrgSpec("italy", "Postal and Communications Police", "Police des postes et des communications", "", "",
            Sector.LAW_ENFORCEMENT, "IT", Relation.MEMBER, "VGT member (Italy): Polizia Postale e delle Comunicazioni."),
    OrgSpec("rcmp", "Royal Canadian Mounted Police", "Gendarmerie royale du Canada", "RCMP", "GRC",
            Sector.LAW_ENFORCEMENT, "CA", Relation.MEMBER,
            "VGT member through its National Child Exploitation Coordination Centre (NCECC) / Centre national de "
            "coordination contre l’exploitation des enfants; holds the VGT chair in 2019."),
    OrgSpec("nzp", "New Zealand Police", "Police néozélandaise", "", "", Sector.LAW_ENFORCEMENT, "NZ", Relation.MEMBER,
            "VGT member."),
    OrgSpec("uae", "Ministry of Interior of the United Arab Emirates", fr("ministère de l'Intérieur des Emirats Arabes Unis"),
            "", "", Sector.LAW_ENFORCEMENT, "AE", Relation.MEMBER,
            "VGT member; the ministry responsible for federal policing in the UAE."),
    OrgSpec("ice", "U.S. Immigration and Customs Enforcement", fr("Administration américaine des douanes et de l'immigration"),
            "ICE", "ICE", Sector.LAW_ENFORCEMENT, "US", Relation.MEMBER, "VGT member (United States)."),
    OrgSpec("coe", "Council of Europe", fr("Conseil de l'Europe"), "CoE", "", Sector.INTERGOVERNMENTAL, None,
            Relation.PARTNER, "Cooperation agreement with the VGT signed in November 2011. " + _INTL.format(seat="Strasbourg, France")),
    OrgSpec("ncmec", "National Center for Missing and Exploited Children", "National Center for Missing and Exploited Children",
            "NCMEC", "NCMEC", Sector.NGO, "US", Relation.PARTNER, "Non-governmental partner; receives industry reports (CyberTipline)."),
)

PEOPLE: tuple[PersonSpec, ...] = (
    # Named in the seed press releases.
    PersonSpec("arsenault", "Marie-Claude", "Arsenault", "Chief Superintendent", "surintendante principale", "rcmp",
               "marie-claude.arsenault@rcmp.demo.example", "+1 555 0101", Language.FR, "America/Toronto",
               "VGT chair in 2019. " + REAL),
    PersonSpec("white", "Stephen", "White", "Deputy Commissioner, Specialized Policing Services",
               "sous-commissaire, Services de police spécialisés", "rcmp",
               "stephen.white@rcmp.demo.example", "+1 555 0102", Language.EN, "America/Toronto", REAL),
    PersonSpec("gaughan", "Neil", "Gaughan", "Chair of the VGT", "Président du VGT", "afp",
               "neil.gaughan@afp.demo.example", "+1 555 0103", Language.EN, "Australia/Canberra",
               "VGT chair in 2011. " + REAL),
    PersonSpec("jagland", "Thorbjørn", "Jagland", "Secretary General of the Council of Europe",
               fr("Secrétaire Général du Conseil de l'Europe"), "coe",
               "thorbjorn.jagland@coe.demo.example", "+1 555 0104", Language.EN, "Europe/Paris", REAL),
    # Fictional delegates.
    PersonSpec("nguyen", "Thi Mai", "Nguyễn", "Detective Superintendent", "surintendante-détective", "afp",
               "thimai.nguyen@afp.demo.example", "+1 555 0111", Language.EN, "Australia/Canberra"),
    PersonSpec("thornton", "Rebecca", "Thornton", "Secretariat Officer, VGT Chair's Office",
               "agente du secrétariat, bureau de la présidence du VGT", "afp",
               "rebecca.thornton@afp.demo.example", "+1 555 0112", Language.EN, "Australia/Canberra",
               FICTIONAL + " Secretary of the VGT-2011-11 meeting."),
    PersonSpec("pennington", "Oliver", "Pennington", "Senior Investigating Officer", "enquêteur principal", "ceop",
               "oliver.pennington@ceop.demo.example", "+1 555 0113", Language.EN, "Europe/London"),
    PersonSpec("wisniewski", "Łukasz", "Wiśniewski", "Senior Specialist, European Cybercrime Centre (EC3)",
               "spécialiste principal, Centre européen de lutte contre la cybercriminalité (EC3)", "europol",
               "lukasz.wisniewski@europol.demo.example", "+1 555 0114", Language.EN, "Europe/Amsterdam"),
    PersonSpec("yilmaz", "Çağlar", "Yılmaz", "Criminal Intelligence Officer, Crimes against Children",
               "officier de renseignement criminel, Infractions contre les enfants", "interpol",
               "caglar.yilmaz@interpol.demo.example", "+1 555 0115", Language.FR, "Europe/Paris"),
    PersonSpec("ferraro", "Giulia", "Ferraro", "Deputy Police Commissioner (Vice Questore)",
               "commissaire adjointe (Vice Questore)", "italy",
               "giulia.ferraro@poliziapostale.demo.example", "+1 555 0116", Language.EN, "Europe/Rome"),
    PersonSpec("tremblay", "Sophie", "Tremblay", "Secretariat Coordinator, VGT Chair's Office",
               "coordonnatrice du secrétariat, bureau de la présidence du VGT", "rcmp",
               "sophie.tremblay@rcmp.demo.example", "+1 555 0117", Language.FR, "America/Toronto",
               FICTIONAL + " Secretary of the VGT-2019-10 meeting."),
    PersonSpec("ngata", "Aroha", "Ngata", "Detective Inspector", "inspectrice-détective", "nzp",
               "aroha.ngata@police.demo.example", "+1 555 0118", Language.EN, "Pacific/Auckland"),
    PersonSpec("mansoori", "Khalid", "Al Mansoori", "Lieutenant Colonel", "lieutenant-colonel", "uae",
               "khalid.almansoori@moi.demo.example", "+1 555 0119", Language.EN, "Asia/Dubai"),
    PersonSpec("morales", "Jennifer", "Morales", "Special Agent, HSI Cyber Crimes Center",
               "agente spéciale, Cyber Crimes Center de HSI", "ice",
               "jennifer.morales@ice.demo.example", "+1 555 0120", Language.EN, "America/New_York"),
    PersonSpec("odegard", "Ingrid", "Ødegård", "Programme Manager, Cybercrime Division",
               "responsable de programme, Division de la cybercriminalité", "coe",
               "ingrid.odegard@coe.demo.example", "+1 555 0121", Language.FR, "Europe/Paris"),
    PersonSpec("bell", "Marcus", "Bell", "Senior Analyst, Exploited Children Division",
               "analyste principal, Division des enfants exploités", "ncmec",
               "marcus.bell@ncmec.demo.example", "+1 555 0122", Language.EN, "America/New_York"),
)

# --- VGT-2011-11: signature of the cooperation agreement, Strasbourg -------------------------------------

JAGLAND_QUOTE_FR = fr(
    "« Tous les jours, a-t-il déclaré, les médias nous relatent de nouveaux cas d'enfants victimes de "
    "prédateurs sexuels en ligne. L'internet ignorant les frontières nationales, il faut à l'évidence que les "
    "pays s'accordent pour empêcher ces criminels de sévir. La Convention sur la cybercriminalité du Conseil "
    "de l'Europe et sa Convention sur la protection des enfants contre l'exploitation et les abus sexuels ont "
    "été les premiers instruments normatifs ; le fait que le VGT les relaye dans l'action qu'il mène pour "
    "mettre un terme à l'exploitation sexuelle en ligne des enfants dans le monde est une excellente chose. »"
)
GAUGHAN_QUOTE_FR = fr(
    "« L'exploitation et les abus sexuels à l'encontre d'enfants sont un problème mondial, requérant des "
    "solutions mondiales. Le problème va croissant et dans la mesure où la connectivité à l'internet ne cesse "
    "de s'améliorer, nous nous attendons à ce que la quantité d'images de pornographie enfantine en circulation "
    "augmente rapidement. Nous doter d'une législation cohérente à travers la planète est l'un des moyens dont "
    "nous disposons pour combattre ce fléau tous ensemble. Le VGT se propose d'utiliser les conventions "
    "élaborées par le Conseil de l'Europe pour appuyer la lutte contre la criminalité et développer et "
    "renforcer la législation à l'échelon international. »"
)

AGREEMENT_SUMMARY_EN = (
    "The Council of Europe and the Virtual Global Taskforce (VGT) sign a cooperation agreement to make the "
    "internet safer for children and to fight the online sexual abuse of which they are victims. The VGT will "
    "use the conventions developed by the Council of Europe (the Convention on Cybercrime and the Convention "
    "on the Protection of Children against Sexual Exploitation and Sexual Abuse) to support the fight against "
    "crime and to develop and strengthen legislation internationally."
)
AGREEMENT_SUMMARY_FR = fr(
    "Le Conseil de l'Europe et le Groupe de travail virtuel international (VGT) signent un accord de "
    "coopération pour rendre l'internet plus sûr pour les enfants et lutter contre les abus sexuels en ligne "
    "dont ils sont victimes. Le VGT se propose d'utiliser les conventions élaborées par le Conseil de l'Europe "
    "pour appuyer la lutte contre la criminalité et développer et renforcer la législation à l'échelon "
    "international."
)

MEETING_2011 = MeetingContent(
    items=(
        ItemSpec("opening", "Opening", "Ouverture de la séance", AgendaItemKind.OPENING, 10, presenters=("gaughan",)),
        ItemSpec("signature", "Signature of the cooperation agreement between the Council of Europe and the VGT",
                 fr("Signature de l'accord de coopération entre le Conseil de l'Europe et le VGT"),
                 AgendaItemKind.DOCUMENT_APPROVAL, 20, presenters=("jagland", "gaughan")),
        ItemSpec("statements", "Statements", "Déclarations", AgendaItemKind.INFORMATION, 20,
                 presenters=("jagland", "gaughan")),
        ItemSpec("closing", "Closing", "Clôture de la séance", AgendaItemKind.CLOSING, 10, presenters=("gaughan",)),
    ),
    minutes=(
        MinutesSpec(
            "opening",
            "Neil Gaughan, Chair of the VGT, opened the signing session, held on the occasion of the Council of "
            "Europe's annual conference on cybercrime (Octopus) and of the 10th anniversary of the Budapest "
            "Convention. He welcomed Thorbjørn Jagland, Secretary General of the Council of Europe.",
            fr("Neil Gaughan, président du VGT, a ouvert la séance de signature, tenue à l'occasion de la "
               "conférence annuelle du Conseil de l'Europe sur la cybercriminalité (Octopus) et du 10e anniversaire "
               "de la Convention de Budapest. Il a souhaité la bienvenue à Thorbjørn Jagland, Secrétaire Général "
               "du Conseil de l'Europe."),
        ),
        MinutesSpec(
            "signature",
            "Thorbjørn Jagland and Neil Gaughan signed the cooperation agreement between the Council of Europe and "
            "the VGT, to make the internet safer for children and to fight the online sexual abuse of which they "
            "are victims. The VGT intends to use the Council of Europe conventions to support the fight against "
            "crime and to develop and strengthen legislation internationally.",
            fr("Thorbjørn Jagland et Neil Gaughan ont signé l'accord de coopération entre le Conseil de l'Europe "
               "et le VGT, pour rendre l'internet plus sûr pour les enfants et lutter contre les abus sexuels en "
               "ligne dont ils sont victimes. Le VGT se propose d'utiliser les conventions élaborées par le Conseil "
               "de l'Europe pour appuyer la lutte contre la criminalité et développer et renforcer la législation à "
               "l'échelon international."),
        ),
        MinutesSpec(
            "statements",
            "Thorbjørn Jagland welcomed the initiative. “Every day,” he said, “the media report new cases of "
            "children falling victim to sexual predators online. As the internet ignores national borders, "
            "countries clearly need to agree on how to stop these criminals from operating. The Council of "
            "Europe's Convention on Cybercrime and its Convention on the Protection of Children against Sexual "
            "Exploitation and Sexual Abuse were the first standard-setting instruments; that the VGT is taking "
            "them up in its work to end the online sexual exploitation of children worldwide is an excellent "
            "thing.”\n\nNeil Gaughan said: “The sexual exploitation and abuse of children is a global problem "
            "requiring global solutions. The problem is growing and, as internet connectivity keeps improving, "
            "we expect the quantity of child abuse images in circulation to increase rapidly. Having consistent "
            "legislation across the planet is one of the means we have to fight this scourge together. The VGT "
            "intends to use the conventions developed by the Council of Europe to support the fight against crime "
            "and to develop and strengthen legislation internationally.”",
            fr("Thorbjørn Jagland, Secrétaire Général du Conseil de l'Europe, s'est félicité de l'initiative. ")
            + JAGLAND_QUOTE_FR + "\n\n" + fr("Neil Gaughan, président du VGT, a déclaré : ") + GAUGHAN_QUOTE_FR,
        ),
        MinutesSpec(
            "closing",
            "The Chair recalled that since it began operating in 2003 the VGT has helped rescue hundreds of child "
            "victims of sexual abuse, through numerous targeted police operations, and identified hundreds of "
            "child sex offenders around the world. He thanked the Council of Europe and closed the session.",
            fr("Le président a rappelé que, depuis le début de son activité en 2003, le VGT a permis de sauver des "
               "centaines d'enfants victimes d'abus sexuels, en effectuant de nombreuses opérations de police "
               "ciblées et en identifiant des centaines de délinquants sexuels pédophiles à travers le monde. Il a "
               "remercié le Conseil de l'Europe et levé la séance."),
        ),
    ),
    decisions=(
        DecisionSpec(
            "agreement", "signature", DecisionKind.AGREEMENT,
            "The Council of Europe and the VGT signed the cooperation agreement to make the internet safer for "
            "children and to fight their online sexual abuse.",
            fr("Le Conseil de l'Europe et le VGT ont signé l'accord de coopération visant à rendre l'internet plus "
               "sûr pour les enfants et à lutter contre les abus sexuels en ligne dont ils sont victimes."),
        ),
    ),
    actions=(
        ActionSpec("announce", "signature",
                   "Publish the joint announcement of the signature on the VGT and Council of Europe websites.",
                   fr("Publier l'annonce conjointe de la signature sur les sites Web du VGT et du Conseil de l'Europe."),
                   date(2011, 11, 25), ActionStatus.DONE, owner_orgs=("afp", "coe")),
    ),
    participants=(
        ParticipantSpec("gaughan", Role.CHAIR, arrived=(12, 10)),
        ParticipantSpec("thornton", Role.SECRETARY, arrived=(11, 45)),
        ParticipantSpec("jagland", Role.SPEAKER, arrived=(12, 25)),
        ParticipantSpec("odegard", Role.HEAD_OF_DELEGATION, arrived=(12, 0)),
        ParticipantSpec("pennington", Role.DELEGATE, arrived=(12, 15)),
        ParticipantSpec("wisniewski", Role.DELEGATE, arrived=(12, 18)),
        ParticipantSpec("yilmaz", Role.DELEGATE, arrived=(12, 20)),
    ),
)

# --- VGT-2019-10: VGT meeting, Ottawa ----------------------------------------------------------------------

SCAN_SUMMARY_EN = (
    "The 2019 environmental scan examines the current global threat picture of online child sexual "
    "exploitation and guides the VGT's strategy. It highlights the continuing overall increase in reports of "
    "these offences and in the complexity of the related investigations: in 2018, global industry made 18.4 "
    "million reports of child sexual abuse material to the National Center for Missing and Exploited Children, "
    "compared with 10.2 million in 2017. Industry partners are encouraged to work with law enforcement so that "
    "their platforms, existing and new, are informed with regard to child safety, including through a "
    "safety-by-design approach."
)

ARSENAULT_SAFETY_EN = (
    "“It is essential to ensure that children around the world are not exposed to increased harm because of "
    "technology. Through increased collaboration, we must strike the right balance between protecting users' "
    "privacy, including end-to-end encryption, and protecting people, and particularly children, from criminal "
    "harm. This includes using a safety-by-design approach. Industry engagement is a key priority for the VGT, "
    "and the findings of the environmental scan highlighted the continuing need for such engagement.”"
)
ARSENAULT_SAFETY_FR = fr(
    "« Il est essentiel de veiller à ce que les enfants du monde entier ne soient pas exposés de manière accrue "
    "à des méfaits en raison de la technologie. Par l'intensification de la collaboration, il faut établir le "
    "juste équilibre entre la protection de la vie privée des utilisateurs, y compris le chiffrement de bout en "
    "bout, et la protection des personnes, et particulièrement des enfants, contre les préjudices criminels. "
    "Pour cela, il faut notamment utiliser une méthode de conception axée sur la sécurité. L'engagement de "
    "l'industrie est une priorité clé pour le VGT, et les conclusions de l'analyse environnementale ont fait "
    "ressortir la nécessité continue d'un tel engagement. »"
)

_SCAN_3 = ItemSpec(
    "scan", "2019 Environmental Scan — for approval", "Analyse environnementale du VGT 2019 — pour approbation",
    AgendaItemKind.DOCUMENT_APPROVAL, 210, Visibility.PARTNERS,
    "Document: VGT Environmental Scan 2019, version 2 (partner review comments on version 1 addressed).",
    fr("Document : Analyse environnementale du VGT 2019, version 2 (commentaires des partenaires sur la "
       "version 1 pris en compte)."),
    children=(
        ItemSpec("threat", "Presentation of the global threat picture", "Présentation du tableau de la menace mondiale",
                 AgendaItemKind.INFORMATION, 90, Visibility.PARTNERS, presenters=("bell", "wisniewski")),
        ItemSpec("operational", "Operational update from members (closed session)",
                 "Point opérationnel des membres (séance à huis clos)", AgendaItemKind.INFORMATION, 75,
                 Visibility.CLOSED, "Law enforcement members only; industry and NGO partners withdraw.",
                 fr("Membres des forces de l'ordre seulement ; les partenaires de l'industrie et les ONG se retirent.")),
        ItemSpec("scan_approval", "Approval of the 2019 Environmental Scan",
                 fr("Approbation de l'analyse environnementale du VGT 2019"), AgendaItemKind.DECISION, 45,
                 Visibility.PARTNERS, "Thursday 3 October 2019, 09:00 (second day).",
                 "Jeudi 3 octobre 2019, 9" + NBSP + "h (deuxième journée).", presenters=("arsenault",),
                 fixed_start=datetime(2019, 10, 3, 9, 0, tzinfo=ZoneInfo("America/Toronto"))),
    ),
)

MEETING_2019 = MeetingContent(
    items=(
        ItemSpec("opening", "Opening and welcome", "Ouverture de la réunion et mot de bienvenue", AgendaItemKind.OPENING,
                 30, description_en="Wednesday 2 October 2019, 13:00. Welcome by Deputy Commissioner Stephen White, "
                 "RCMP Specialized Policing Services; opening remarks by the chair.",
                 description_fr=fr("Mercredi 2 octobre 2019, 13" + NBSP + "h. Mot de bienvenue du sous-commissaire "
                                   "Stephen White, Services de police spécialisés de la GRC ; allocution "
                                   "d'ouverture de la présidente."),
                 presenters=("white", "arsenault")),
        ItemSpec("agenda", "Adoption of the agenda and approval of the minutes of the previous meeting",
                 fr("Adoption de l'ordre du jour et approbation du procès-verbal de la réunion précédente"),
                 AgendaItemKind.PREVIOUS_MINUTES, 15),
        _SCAN_3,
        ItemSpec("industry", "Industry engagement and safety by design",
                 fr("Engagement de l'industrie et conception axée sur la sécurité"), AgendaItemKind.DISCUSSION, 90,
                 description_en="Balancing users' privacy, including end-to-end encryption, with the protection of "
                 "children from criminal harm.",
                 description_fr=fr("Équilibre entre la protection de la vie privée des utilisateurs, y compris le "
                                   "chiffrement de bout en bout, et la protection des enfants contre les préjudices "
                                   "criminels."),
                 presenters=("arsenault", "morales")),
        ItemSpec("coffee", "Coffee break", "Pause-café", AgendaItemKind.BREAK, 15),
        ItemSpec("wellness", "Wellness research study", "Étude de recherche sur la santé et le mieux-être",
                 AgendaItemKind.INFORMATION, 45,
                 description_en="Health and wellness of those who protect children from online sexual exploitation: "
                 "progress of the international research study led by the VGT.",
                 description_fr=fr("Santé et mieux-être des personnes qui protègent les enfants contre "
                                   "l'exploitation sexuelle en ligne : avancement de l'étude de recherche "
                                   "internationale dirigée par le VGT."),
                 presenters=("pennington",)),
        ItemSpec("lunch", "Lunch", "Pause-repas", AgendaItemKind.BREAK, 60),
        ItemSpec("actions", "Review of actions", "Examen des mesures de suivi", AgendaItemKind.ACTION_REVIEW, 30,
                 presenters=("tremblay",)),
        ItemSpec("aob", "Any other business", "Divers", AgendaItemKind.ANY_OTHER_BUSINESS, 15),
        ItemSpec("closing", "Closing", "Clôture de la réunion", AgendaItemKind.CLOSING, 15, presenters=("arsenault",)),
    ),
    minutes=(
        MinutesSpec(
            "opening",
            "Deputy Commissioner Stephen White, RCMP Specialized Policing Services, welcomed the international "
            "partners and opened the meeting. He stressed that online child sexual exploitation is not an issue "
            "for law enforcement alone, but one that requires the collaborative participation of all segments of "
            "society to develop multidisciplinary response strategies.\n\nAs VGT chair, Chief Superintendent "
            "Marie-Claude Arsenault hosted the meeting. She highlighted the simultaneous rise in the scale, "
            "complexity and severity of online offences, and the importance of partners in the global fight "
            "against online child sexual exploitation: “The VGT is a united taskforce whose priority is the "
            "protection of children. Child protection must be at the heart of all efforts, whether by law "
            "enforcement, industry or non-governmental organisations.”",
            fr("Le sous-commissaire Stephen White, des Services de police spécialisés de la GRC, a souhaité la "
               "bienvenue aux partenaires internationaux et a ouvert la séance. Il a insisté sur le fait que "
               "l'exploitation sexuelle des enfants en ligne n'est pas une question qui concerne seulement les "
               "organismes d'application de la loi, mais qu'elle exige la participation collaborative de tous les "
               "segments de la société pour élaborer des stratégies d'intervention multidisciplinaires.\n\nEn sa "
               "qualité de présidente du VGT, la surintendante principale Marie-Claude Arsenault a accueilli la "
               "réunion. Elle a souligné la hausse simultanée de l'ampleur, de la complexité et de la gravité des "
               "infractions en ligne, ainsi que l'importance des partenaires dans la lutte mondiale contre "
               "l'exploitation sexuelle des enfants en ligne : « Le VGT est un groupe de travail uni dont la "
               "priorité est la protection des enfants. La protection des enfants doit être au cœur de tous les "
               "efforts déployés, que ce soit par les organismes d'application de la loi, l'industrie ou les "
               "organismes non gouvernementaux. »"),
            original=Language.FR,
        ),
        MinutesSpec(
            "agenda",
            "The agenda was adopted without amendment. The minutes of the previous meeting were approved as "
            "circulated.",
            fr("L'ordre du jour a été adopté sans modification. Le procès-verbal de la réunion précédente a été "
               "approuvé tel qu'il avait été diffusé."),
        ),
        MinutesSpec(
            "threat",
            "The chair's office presented the 2019 Environmental Scan, which examines the current global threat "
            "picture of online child sexual exploitation and guides the VGT's strategy. The scan highlights the "
            "continuing overall increase in reports of these offences and in the complexity of the related "
            "investigations. In 2018, global industry made 18.4 million reports of child sexual abuse material to "
            "the National Center for Missing and Exploited Children (NCMEC), compared with 10.2 million in 2017. "
            "Members noted that this again shows the need for collaborative efforts to create innovative "
            "technological strategies.",
            fr("Le bureau de la présidence a présenté l'analyse environnementale du VGT 2019, qui examine le "
               "tableau actuel de la menace mondiale en matière d'exploitation sexuelle des enfants sur Internet et "
               "oriente l'action du VGT à l'égard de sa stratégie. L'analyse souligne l'augmentation globale et "
               "continue des signalements de ce type d'infractions et de la complexité des enquêtes connexes. En "
               "2018, 18,4 millions de contenus d'abus sexuel contre des enfants ont été signalés au National "
               "Center for Missing and Exploited Children (NCMEC) par l'industrie mondiale, comparativement à "
               "10,2 millions en 2017. Les membres ont relevé que cette constatation montre une fois de plus la "
               "nécessité de déployer des efforts de collaboration pour créer des stratégies technologiques "
               "novatrices."),
        ),
        MinutesSpec(
            "operational",
            "Law enforcement members gave operational updates in closed session; industry and NGO partners "
            "withdrew for this item. The updates are recorded in a restricted annex held by the chair's office "
            "and are not reproduced in these minutes.",
            "", status=TranslationStatus.NOT_TRANSLATED,
        ),
        MinutesSpec(
            "scan_approval",
            "The chair recalled that version 1 of the scan had been circulated to partners for review and that "
            "the comments received had been addressed in version 2. The Taskforce approved version 2 of the 2019 "
            "Environmental Scan by consensus. The scan will be available on the VGT website from 1 November 2019.",
            fr("La présidente a rappelé que la version 1 de l'analyse avait été diffusée aux partenaires pour "
               "examen et que les commentaires reçus avaient été pris en compte dans la version 2. Le groupe de "
               "travail a approuvé par consensus la version 2 de l'analyse environnementale du VGT 2019. L'analyse "
               "sera disponible sur le site Web du VGT à compter du 1er novembre 2019."),
        ),
        MinutesSpec(
            "industry",
            "The chair stressed: " + ARSENAULT_SAFETY_EN + " Industry partners are encouraged to work with law "
            "enforcement to ensure that their platforms, existing and new, are informed with regard to child "
            "safety.",
            fr("La présidente a souligné : ") + ARSENAULT_SAFETY_FR
            + fr(" Les partenaires de l'industrie sont encouragés à collaborer avec les organismes d'application de "
                 "la loi pour s'assurer que leurs plateformes, existantes et nouvelles, sont informées en ce qui a "
                 "trait à la sécurité des enfants."),
        ),
        MinutesSpec(
            "wellness",
            "The health and wellness of those who play a role in protecting children from online sexual "
            "exploitation, including law enforcement, industry and non-governmental organisations, is also of "
            "paramount importance. The VGT is leading an international research study that will help "
            "organisations be more proactive in protecting and maintaining the health and wellness of these "
            "employees. Members noted the progress of the study.",
            fr("La santé et le mieux-être des personnes qui jouent un rôle dans la protection des enfants contre "
               "l'exploitation sexuelle en ligne, y compris les organismes d'application de la loi, l'industrie et "
               "les organismes non gouvernementaux, revêtent également une importance primordiale. Le VGT dirige "
               "une étude de recherche internationale qui aidera les organismes à être plus proactifs dans la "
               "protection et le maintien de la santé et du mieux-être de ces employés. Les membres ont pris note "
               "de l'avancement de l'étude."),
        ),
        MinutesSpec(
            "actions",
            "The secretariat reviewed the actions from the previous meeting: all had been completed. The actions "
            "arising from this meeting are listed at the end of these minutes.",
            fr("Le secrétariat a passé en revue les mesures de suivi de la réunion précédente : toutes ont été "
               "menées à bien. Les mesures de suivi issues de la présente réunion figurent à la fin du présent "
               "procès-verbal."),
        ),
        MinutesSpec(
            "aob",
            "Members underlined that the VGT offers a unique and essential forum for law enforcement, industry and "
            "non-governmental partners to work collaboratively, break down silos, ensure that efforts are "
            "complementary and work for the safety of children and their protection from online sexual "
            "exploitation.",
            fr("Les membres ont souligné que le VGT offre une tribune unique et essentielle aux partenaires des "
               "organismes d'application de la loi, de l'industrie et des organismes non gouvernementaux pour leur "
               "permettre de travailler en collaboration, d'éliminer les cloisonnements, de veiller à ce que les "
               "efforts se complètent et d'œuvrer à la sécurité des enfants et à leur protection contre "
               "l'exploitation sexuelle en ligne."),
            status=TranslationStatus.DRAFT,
        ),
        MinutesSpec(
            "closing",
            "The chair thanked the RCMP team and all delegations and closed the meeting at 14:15.",
            fr("La présidente a remercié l'équipe de la GRC et l'ensemble des délégations et a levé la séance à "
               "14" + NBSP + "h" + NBSP + "15."),
        ),
    ),
    decisions=(
        DecisionSpec(
            "scan", "scan_approval", DecisionKind.APPROVAL,
            "The VGT approved the 2019 Environmental Scan (version 2) for publication on the VGT website from "
            "1 November 2019.",
            fr("Le VGT a approuvé l'analyse environnementale du VGT 2019 (version 2) en vue de sa publication sur "
               "le site Web du VGT à compter du 1er novembre 2019."),
        ),
        DecisionSpec(
            "industry", "industry", DecisionKind.ENDORSEMENT,
            "The VGT endorsed industry engagement, including a safety-by-design approach, as a key priority of "
            "the Taskforce.",
            fr("Le VGT a entériné l'engagement de l'industrie, y compris une méthode de conception axée sur la "
               "sécurité, comme priorité clé du groupe de travail."),
        ),
        DecisionSpec(
            "wellness", "wellness", DecisionKind.NOTING,
            "The VGT noted the progress of the international research study on the health and wellness of those "
            "who protect children from online sexual exploitation.",
            fr("Le VGT a pris note de l'avancement de l'étude de recherche internationale sur la santé et le "
               "mieux-être des personnes qui protègent les enfants contre l'exploitation sexuelle en ligne."),
        ),
    ),
    actions=(
        ActionSpec("publish", "scan_approval",
                   "Publish the 2019 Environmental Scan (English and French) on the VGT website on 1 November 2019.",
                   fr("Publier l'analyse environnementale du VGT 2019 (en anglais et en français) sur le site Web du "
                      "VGT le 1er novembre 2019."),
                   date(2019, 11, 1), ActionStatus.IN_PROGRESS, owner_orgs=("rcmp",)),
        ActionSpec("matrix", "scan_approval",
                   "Send the comment matrix, with the disposition of each comment, to the partners who reviewed "
                   "the scan.",
                   fr("Transmettre aux partenaires qui ont examiné l'analyse le tableau des commentaires indiquant "
                      "la suite donnée à chacun."),
                   date(2019, 10, 4), ActionStatus.DONE, owner_people=("tremblay",)),
        ActionSpec("minutes", None, "Circulate the draft minutes to members and partners for comment.",
                   fr("Diffuser le projet de procès-verbal aux membres et aux partenaires pour commentaires."),
                   date(2019, 10, 18), ActionStatus.OPEN, owner_people=("tremblay",)),
        ActionSpec("workshop", "industry",
                   "Prepare a proposal for an industry engagement workshop on safety by design.",
                   fr("Préparer une proposition d'atelier sur l'engagement de l'industrie et la conception axée "
                      "sur la sécurité."),
                   date(2020, 1, 31), ActionStatus.OPEN, owner_people=("wisniewski",), owner_orgs=("ncmec",)),
        ActionSpec("wellness", "wellness",
                   "Report on the progress of the wellness research study at the next VGT meeting.",
                   fr("Présenter un rapport d'étape sur l'étude de recherche sur la santé et le mieux-être à la "
                      "prochaine réunion du VGT."),
                   None, ActionStatus.OPEN, owner_orgs=("ceop",)),
    ),
    participants=(
        ParticipantSpec("arsenault", Role.CHAIR, arrived=(12, 40)),
        ParticipantSpec("tremblay", Role.SECRETARY, arrived=(12, 15)),
        ParticipantSpec("white", Role.SPEAKER, arrived=(12, 50)),
        ParticipantSpec("nguyen", Role.HEAD_OF_DELEGATION, arrived=(12, 35)),
        ParticipantSpec("thornton", Role.DELEGATE, arrived=(12, 36)),
        ParticipantSpec("pennington", Role.HEAD_OF_DELEGATION, arrived=(12, 42)),
        ParticipantSpec("wisniewski", Role.HEAD_OF_DELEGATION, arrived=(12, 30)),
        ParticipantSpec("yilmaz", Role.HEAD_OF_DELEGATION, attendance=Attendance.ONLINE, arrived=(12, 58),
                        notes="Joined by video link."),
        ParticipantSpec("ferraro", Role.HEAD_OF_DELEGATION, InvitationStatus.DECLINED, Attendance.APOLOGIES,
                        notes="Apologies sent on 27 September 2019."),
        ParticipantSpec("ngata", Role.HEAD_OF_DELEGATION, InvitationStatus.TENTATIVE, Attendance.ONLINE,
                        arrived=(13, 5), notes="Joined by video link for the first day."),
        ParticipantSpec("mansoori", Role.HEAD_OF_DELEGATION, attendance=Attendance.ABSENT),
        ParticipantSpec("morales", Role.HEAD_OF_DELEGATION, arrived=(12, 45)),
        ParticipantSpec("bell", Role.HEAD_OF_DELEGATION, arrived=(12, 48)),
        ParticipantSpec("odegard", Role.OBSERVER, arrived=(12, 55)),
    ),
)

SCAN_REVIEW_COMMENTS: tuple[CommentSpec, ...] = (
    CommentSpec("ceop", "pennington", "2. Global threat picture",
                "The reporting figures should say that they count industry reports, not unique victims or offenders.",
                "Add a footnote on what a report to NCMEC counts.", Disposition.ACCEPTED,
                "Footnote added in version 2.", date(2019, 9, 10)),
    CommentSpec("ncmec", "bell", "2.1 Reporting trends",
                "NCMEC confirms the figures: 18.4 million reports from industry in 2018, 10.2 million in 2017.",
                "", Disposition.NOTED, "Figures kept as drafted.", date(2019, 9, 11)),
    CommentSpec("europol", "wisniewski", "4. Encryption",
                "The section on end-to-end encryption should acknowledge users' privacy as well as child protection.",
                "Reword the opening paragraph of section 4 to present both interests.", Disposition.PARTLY_ACCEPTED,
                "Balancing wording added; the recommendations are kept as drafted.", date(2019, 9, 12)),
    CommentSpec("interpol", "yilmaz", "Annex B",
                "Add an annex listing national reporting hotlines.", "New annex C.", Disposition.NOT_ACCEPTED,
                "Out of scope for the scan; to be considered for the VGT website.", date(2019, 9, 13)),
)
