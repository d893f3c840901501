/**
 * The demonstration data: the story of the September 2007 Justice Canada backgrounder on the Interdepartmental
 * Working Group on Trafficking in Persons. Facts from the backgrounder keep their 2007 dates; what is illustrative
 * (a plausible stand-in) says so in the initiative's notes. Dates of the upcoming meeting and of open action items
 * are relative to the day the seed runs (see seed.ts), so a demo always has a next meeting and overdue items.
 *
 * Pure data: no database access here.
 */
import type {
  ActionItemStatus,
  AgendaItemKind,
  AttendanceStatus,
  Health,
  Language,
  LifecycleStatus,
  UserRole,
} from "../lib/generated/prisma/enums";
import { settingDefaults, settingKeys } from "../lib/settings/definitions";

export const DEMO_PASSWORD = "iwgtip-demo-2007";

/**
 * security-b: the demo administrator and coordinator must have two-step verification (issue 17, point 7), so they
 * are seeded enrolled with these TOTP keys (base32). Add one to an authenticator app to sign in to the demo; the
 * e2e fixtures compute the codes from the same keys (e2e/fixtures.ts). Demo data only, never in production.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  "admin@iwgtip.example": "JGU53HINM5HL3HKVZCWTCNQA3UWWVMRN",
  "coordinator@iwgtip.example": "JRMLAKLBNYFZLBRGVDFE6T45SCTXNUC2",
};

export interface DepartmentSeed {
  acronymEn: string;
  acronymFr: string;
  nameEn: string;
  nameFr: string;
  isChair?: boolean;
}

/** The 16 member departments and agencies, 2007 names, in the backgrounder's order. */
export const departments: DepartmentSeed[] = [
  { acronymEn: "JUS", acronymFr: "JUS", nameEn: "Department of Justice Canada", nameFr: "Ministère de la Justice Canada", isChair: true },
  { acronymEn: "PSEPC", acronymFr: "SPPCC", nameEn: "Public Safety and Emergency Preparedness Canada", nameFr: "Sécurité publique et Protection civile Canada" },
  { acronymEn: "RCMP", acronymFr: "GRC", nameEn: "Royal Canadian Mounted Police", nameFr: "Gendarmerie royale du Canada" },
  { acronymEn: "CBSA", acronymFr: "ASFC", nameEn: "Canada Border Services Agency", nameFr: "Agence des services frontaliers du Canada" },
  { acronymEn: "CIC", acronymFr: "CIC", nameEn: "Citizenship and Immigration Canada", nameFr: "Citoyenneté et Immigration Canada" },
  { acronymEn: "DFAIT", acronymFr: "MAECI", nameEn: "Foreign Affairs and International Trade Canada", nameFr: "Affaires étrangères et Commerce international Canada" },
  { acronymEn: "SWC", acronymFr: "CFC", nameEn: "Status of Women Canada", nameFr: "Condition féminine Canada" },
  { acronymEn: "StatCan", acronymFr: "StatCan", nameEn: "Statistics Canada", nameFr: "Statistique Canada" },
  { acronymEn: "CIDA", acronymFr: "ACDI", nameEn: "Canadian International Development Agency", nameFr: "Agence canadienne de développement international" },
  { acronymEn: "HRSDC", acronymFr: "RHDSC", nameEn: "Human Resources and Social Development Canada", nameFr: "Ressources humaines et Développement social Canada" },
  { acronymEn: "HC", acronymFr: "SC", nameEn: "Health Canada", nameFr: "Santé Canada" },
  { acronymEn: "PCH", acronymFr: "PCH", nameEn: "Canadian Heritage", nameFr: "Patrimoine canadien" },
  { acronymEn: "PCO", acronymFr: "BCP", nameEn: "Privy Council Office", nameFr: "Bureau du Conseil privé" },
  { acronymEn: "INAC", acronymFr: "AINC", nameEn: "Indian and Northern Affairs Canada", nameFr: "Affaires indiennes et du Nord Canada" },
  { acronymEn: "PPSC", acronymFr: "SPPC", nameEn: "Public Prosecution Service of Canada", nameFr: "Service des poursuites pénales du Canada" },
  { acronymEn: "CISC", acronymFr: "SCRC", nameEn: "Criminal Intelligence Service Canada", nameFr: "Service canadien de renseignements criminels" },
];

export interface PillarSeed {
  code: string;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  /** Deliberately not red, amber or green, which mean health. */
  colour: string;
}

/** The "4 Ps". */
export const pillars: PillarSeed[] = [
  {
    code: "PREVENTION",
    nameEn: "Prevention",
    nameFr: "Prévention",
    descriptionEn: "Preventing trafficking in persons through public awareness, education and research, in Canada and abroad.",
    descriptionFr: "Prévenir la traite des personnes par la sensibilisation du public, l'éducation et la recherche, au Canada et à l'étranger.",
    colour: "#1F5C99",
  },
  {
    code: "PROTECTION",
    nameEn: "Protection",
    nameFr: "Protection",
    descriptionEn: "Protecting and assisting victims, including foreign nationals, through immigration relief, health coverage and support services.",
    descriptionFr: "Protéger et aider les victimes, y compris les ressortissants étrangers, au moyen de mesures d'immigration, d'une couverture de soins de santé et de services de soutien.",
    colour: "#6B3FA0",
  },
  {
    code: "PROSECUTION",
    nameEn: "Prosecution",
    nameFr: "Poursuites",
    descriptionEn: "Investigating and prosecuting traffickers: criminal law, training and tools for law enforcement, and coordination among police services.",
    descriptionFr: "Enquêter sur les trafiquants et les poursuivre : droit pénal, formation et outils pour les forces de l'ordre, et coordination entre les services de police.",
    colour: "#1B6F6A",
  },
  {
    code: "PARTNERSHIPS",
    nameEn: "Partnerships",
    nameFr: "Partenariats",
    descriptionEn: "Working with provinces and territories, civil society and international partners, and coordinating the federal response.",
    descriptionFr: "Collaborer avec les provinces et les territoires, la société civile et les partenaires internationaux, et coordonner l'intervention fédérale.",
    colour: "#5E4B3C",
  },
];

export interface UserSeed {
  email: string;
  displayName: string;
  role: UserRole;
  /** Acronym (EN) of the department. */
  department?: string;
  preferredLanguage: Language;
}

/** Development only, all with DEMO_PASSWORD; seed.ts refuses to create them in production. */
export const demoUsers: UserSeed[] = [
  { email: "admin@iwgtip.example", displayName: "Jordan Lee", role: "ADMIN", preferredLanguage: "en" },
  { email: "coordinator@iwgtip.example", displayName: "Marie Gagnon", role: "COORDINATOR", department: "JUS", preferredLanguage: "fr" },
  { email: "executive@iwgtip.example", displayName: "Robert Chen", role: "EXECUTIVE", preferredLanguage: "en" },
  { email: "rep.jus@iwgtip.example", displayName: "Anne Roy", role: "DEPARTMENT_REP", department: "JUS", preferredLanguage: "en" },
  { email: "rep.rcmp@iwgtip.example", displayName: "Daniel Wilson", role: "DEPARTMENT_REP", department: "RCMP", preferredLanguage: "en" },
  { email: "rep.cic@iwgtip.example", displayName: "Priya Sharma", role: "DEPARTMENT_REP", department: "CIC", preferredLanguage: "en" },
  { email: "rep.swc@iwgtip.example", displayName: "Julie Bouchard", role: "DEPARTMENT_REP", department: "SWC", preferredLanguage: "fr" },
];

export interface StatusUpdateSeed {
  /** Fiscal-year quarter, "2007-08 Q1". */
  period: string;
  /** When it was posted (ISO date; noon UTC). */
  postedOn: string;
  health: Health;
  progress: number;
  narrativeEn: string;
  narrativeFr: string;
}

export interface MilestoneSeed {
  titleEn: string;
  titleFr: string;
  dueDate: string;
  completedDate?: string;
}

export interface FundingSeed {
  source: string;
  /** Starting calendar year: 2007 is 2007-08. */
  fiscalYear: number;
  allocatedDollars: number;
  spentDollars: number;
  notes?: string;
}

export interface InitiativeSeed {
  code: string;
  titleEn: string;
  titleFr: string;
  summaryEn: string;
  summaryFr: string;
  lead: string;
  /** Acronyms (EN), or "all" for every other department. */
  partners: string[] | "all";
  pillar: string;
  secondaryPillars?: string[];
  status: LifecycleStatus;
  startDate: string;
  targetEndDate: string;
  notes: string;
  /** Oldest first; the last one is the initiative's current health and progress. */
  updates: StatusUpdateSeed[];
  milestones: MilestoneSeed[];
  funding: FundingSeed[];
}

const DEMO_NOTE = "Demonstration data based on the Justice Canada backgrounder of September 2007.";

export const initiatives: InitiativeSeed[] = [
  {
    code: "IWG-0001",
    titleEn: "Temporary resident permits for foreign national victims of trafficking",
    titleFr: "Permis de séjour temporaire pour les victimes étrangères de la traite des personnes",
    summaryEn:
      "Guidelines of May 2006 let immigration officers issue temporary resident permits to foreign national victims of trafficking. On 19 June 2007 the initial permit was extended to up to 180 days (from 120), fee-exempt, with coverage under the Interim Federal Health Program; holders may apply for a fee-exempt work permit (the $200 permit fee and $150 work permit fee are waived).",
    summaryFr:
      "Les lignes directrices de mai 2006 permettent aux agents d'immigration de délivrer des permis de séjour temporaire aux victimes étrangères de la traite des personnes. Le 19 juin 2007, la durée du permis initial a été portée à 180 jours au plus (au lieu de 120), sans frais, avec une couverture du Programme fédéral de santé intérimaire; les titulaires peuvent demander un permis de travail sans frais (les frais de 200 $ pour le permis et de 150 $ pour le permis de travail sont levés).",
    lead: "CIC",
    partners: ["RCMP", "CBSA"],
    pillar: "PROTECTION",
    secondaryPillars: ["PARTNERSHIPS"],
    status: "ACTIVE",
    startDate: "2006-05-11",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} Permit facts are from the backgrounder; status updates, health and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-27",
        health: "GREEN",
        progress: 55,
        narrativeEn: "Ministerial announcement of 19 June: initial permits now up to 180 days, fee-exempt, with Interim Federal Health Program coverage.",
        narrativeFr: "Annonce ministérielle du 19 juin : les permis initiaux vont désormais jusqu'à 180 jours, sans frais, avec la couverture du Programme fédéral de santé intérimaire.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-12",
        health: "GREEN",
        progress: 65,
        narrativeEn: "Operational bulletin issued to officers in Canada and abroad; RCMP and CBSA briefed on referral procedures.",
        narrativeFr: "Bulletin opérationnel transmis aux agents au Canada et à l'étranger; la GRC et l'ASFC ont reçu une séance d'information sur les procédures de renvoi.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-05",
        health: "GREEN",
        progress: 70,
        narrativeEn: "First permits issued under the new guidelines; monitoring of work-permit applications under way.",
        narrativeFr: "Premiers permis délivrés selon les nouvelles lignes directrices; suivi des demandes de permis de travail en cours.",
      },
    ],
    milestones: [
      { titleEn: "Guidelines issued to immigration officers", titleFr: "Lignes directrices transmises aux agents d'immigration", dueDate: "2006-05-11", completedDate: "2006-05-11" },
      { titleEn: "Permit length extended to 180 days", titleFr: "Durée du permis portée à 180 jours", dueDate: "2007-06-19", completedDate: "2007-06-19" },
      { titleEn: "Review of the first year of extended permits", titleFr: "Examen de la première année des permis prolongés", dueDate: "2008-06-30" },
    ],
    funding: [],
  },
  {
    code: "IWG-0002",
    titleEn: "Law-enforcement tool kit on trafficking in persons",
    titleFr: "Trousse d'outils sur la traite des personnes à l'intention des forces de l'ordre",
    summaryEn:
      "A tool kit for all police services in Canada: a training video, a fact sheet, a wallet-sized identification card and other material to help officers recognise and respond to trafficking in persons.",
    summaryFr:
      "Une trousse d'outils destinée à tous les services de police du Canada : une vidéo de formation, une fiche d'information, une carte d'identification format portefeuille et d'autres documents pour aider les policiers à reconnaître la traite des personnes et à intervenir.",
    lead: "RCMP",
    partners: ["JUS", "CBSA"],
    pillar: "PROSECUTION",
    status: "ACTIVE",
    startDate: "2006-04-01",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} Tool-kit contents are from the backgrounder; funding amounts, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 60,
        narrativeEn: "Training video and fact sheet final; wallet card at the printer.",
        narrativeFr: "Vidéo de formation et fiche d'information finalisées; carte format portefeuille à l'impression.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "GREEN",
        progress: 80,
        narrativeEn: "Distribution to police services began in September, as agreed at the June meeting.",
        narrativeFr: "La distribution aux services de police a commencé en septembre, comme convenu à la réunion de juin.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-06",
        health: "GREEN",
        progress: 85,
        narrativeEn: "Most provincial and municipal services have received the kit; French and English reprints ordered.",
        narrativeFr: "La plupart des services provinciaux et municipaux ont reçu la trousse; réimpressions en français et en anglais commandées.",
      },
    ],
    milestones: [
      { titleEn: "Tool kit content approved", titleFr: "Contenu de la trousse approuvé", dueDate: "2007-05-31", completedDate: "2007-05-25" },
      { titleEn: "Distribution to all police services", titleFr: "Distribution à tous les services de police", dueDate: "2008-01-31" },
    ],
    funding: [{ source: "RCMP tool-kit production", fiscalYear: 2007, allocatedDollars: 250_000, spentDollars: 180_000, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0003",
    titleEn: "Human Trafficking National Coordination Centre",
    titleFr: "Centre national de coordination contre la traite de personnes",
    summaryEn:
      "Created by the RCMP in September 2005 to coordinate law-enforcement efforts against trafficking in persons, develop tools and deliver awareness sessions to police, border officers and communities.",
    summaryFr:
      "Créé par la GRC en septembre 2005 pour coordonner les efforts des forces de l'ordre contre la traite des personnes, élaborer des outils et offrir des séances de sensibilisation aux policiers, aux agents frontaliers et aux collectivités.",
    lead: "RCMP",
    partners: ["PSEPC", "CBSA", "CISC"],
    pillar: "PROSECUTION",
    secondaryPillars: ["PREVENTION", "PARTNERSHIPS"],
    status: "ACTIVE",
    startDate: "2005-09-01",
    targetEndDate: "2010-12-31",
    notes: `${DEMO_NOTE} By December 2010 the Centre had distributed more than 8,000 tool kits and reached more than 34,000 people; funding, updates and progress here are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 45,
        narrativeEn: "Awareness sessions delivered in three regions; liaison network with provincial police services in place.",
        narrativeFr: "Séances de sensibilisation données dans trois régions; réseau de liaison avec les services de police provinciaux en place.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-14",
        health: "GREEN",
        progress: 55,
        narrativeEn: "Criminal intelligence sharing protocol agreed with CISC.",
        narrativeFr: "Protocole d'échange de renseignements criminels conclu avec le SCRC.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-07",
        health: "GREEN",
        progress: 60,
        narrativeEn: "Awareness session schedule for 2008 confirmed with regional coordinators.",
        narrativeFr: "Calendrier des séances de sensibilisation de 2008 confirmé avec les coordonnateurs régionaux.",
      },
    ],
    milestones: [
      { titleEn: "Centre created", titleFr: "Création du Centre", dueDate: "2005-09-30", completedDate: "2005-09-30" },
      { titleEn: "Regional awareness coordinators named", titleFr: "Nomination des coordonnateurs régionaux de la sensibilisation", dueDate: "2007-12-31", completedDate: "2007-11-30" },
      { titleEn: "National awareness campaign for police services", titleFr: "Campagne nationale de sensibilisation des services de police", dueDate: "2009-03-31" },
    ],
    funding: [{ source: "HTNCC operations", fiscalYear: 2007, allocatedDollars: 1_200_000, spentDollars: 800_000, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0004",
    titleEn: "Public education booklet on human trafficking",
    titleFr: "Brochure d'éducation publique sur la traite des personnes",
    summaryEn:
      "A plain-language booklet explaining what human trafficking is, how to recognise it and where to get help, developed by the People's Law School with funding from Justice Canada.",
    summaryFr:
      "Une brochure en langage clair qui explique ce qu'est la traite des personnes, comment la reconnaître et où obtenir de l'aide, élaborée par la People's Law School avec un financement de Justice Canada.",
    lead: "JUS",
    partners: ["PCH"],
    pillar: "PREVENTION",
    status: "ACTIVE",
    startDate: "2007-01-15",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} The booklet and its author are from the backgrounder; funding, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-07",
        health: "GREEN",
        progress: 35,
        narrativeEn: "Draft text received from the People's Law School.",
        narrativeFr: "Ébauche du texte reçue de la People's Law School.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "AMBER",
        progress: 45,
        narrativeEn: "Translation and design behind schedule; distribution now expected in the new year.",
        narrativeFr: "Traduction et mise en page en retard; la distribution est maintenant prévue au début de la nouvelle année.",
      },
    ],
    milestones: [
      { titleEn: "Draft text", titleFr: "Ébauche du texte", dueDate: "2007-05-31", completedDate: "2007-06-04" },
      { titleEn: "Booklet printed in both official languages", titleFr: "Brochure imprimée dans les deux langues officielles", dueDate: "2007-11-30" },
    ],
    funding: [{ source: "Justice Partnership and Innovation Program", fiscalYear: 2007, allocatedDollars: 45_000, spentDollars: 30_000, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0005",
    titleEn: "Anti-trafficking awareness in Thailand, Laos, Vietnam and Cambodia",
    titleFr: "Sensibilisation à la traite des personnes en Thaïlande, au Laos, au Vietnam et au Cambodge",
    summaryEn:
      "Awareness projects in four countries of the Mekong region, undertaken by the International Organization for Migration, to warn people at risk about the methods traffickers use.",
    summaryFr:
      "Des projets de sensibilisation dans quatre pays de la région du Mékong, menés par l'Organisation internationale pour les migrations, pour mettre en garde les personnes à risque contre les méthodes des trafiquants.",
    lead: "DFAIT",
    partners: ["CIDA"],
    pillar: "PREVENTION",
    secondaryPillars: ["PARTNERSHIPS"],
    status: "ACTIVE",
    startDate: "2006-10-01",
    targetEndDate: "2008-09-30",
    notes: `${DEMO_NOTE} The projects and the IOM are from the backgrounder; funding amounts are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 40,
        narrativeEn: "Radio and community campaigns running in Thailand and Cambodia.",
        narrativeFr: "Campagnes radiophoniques et communautaires en cours en Thaïlande et au Cambodge.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-14",
        health: "GREEN",
        progress: 50,
        narrativeEn: "Laos and Vietnam components launched; IOM interim report received.",
        narrativeFr: "Volets du Laos et du Vietnam lancés; rapport provisoire de l'OIM reçu.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-06",
        health: "GREEN",
        progress: 55,
        narrativeEn: "All four country components active; evaluation framework agreed with CIDA.",
        narrativeFr: "Les volets des quatre pays sont actifs; cadre d'évaluation convenu avec l'ACDI.",
      },
    ],
    milestones: [
      { titleEn: "Contribution agreement with the IOM", titleFr: "Accord de contribution avec l'OIM", dueDate: "2006-10-31", completedDate: "2006-10-20" },
      { titleEn: "IOM final report", titleFr: "Rapport final de l'OIM", dueDate: "2008-09-30" },
    ],
    funding: [{ source: "International awareness projects (IOM)", fiscalYear: 2007, allocatedDollars: 500_000, spentDollars: 320_000, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0006",
    titleEn: "Research on the needs of victims of trafficking",
    titleFr: "Recherche sur les besoins des victimes de la traite des personnes",
    summaryEn:
      "Research into the services that victims of trafficking need — shelter, health care, legal and immigration advice — and how well existing programs meet them.",
    summaryFr:
      "Une recherche sur les services dont les victimes de la traite des personnes ont besoin — hébergement, soins de santé, conseils juridiques et en immigration — et sur la mesure dans laquelle les programmes existants y répondent.",
    lead: "JUS",
    partners: ["SWC", "HC"],
    pillar: "PROTECTION",
    secondaryPillars: ["PREVENTION"],
    status: "ACTIVE",
    startDate: "2007-04-01",
    targetEndDate: "2008-06-30",
    notes: `${DEMO_NOTE} Illustrative: this project, its amounts and its delays are demonstration data.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 10,
        narrativeEn: "Terms of reference drafted with SWC and Health Canada.",
        narrativeFr: "Mandat rédigé avec CFC et Santé Canada.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "AMBER",
        progress: 15,
        narrativeEn: "Procurement of the research contract delayed; terms of reference deferred to the next meeting.",
        narrativeFr: "Passation du contrat de recherche retardée; le mandat est reporté à la prochaine réunion.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-06",
        health: "RED",
        progress: 20,
        narrativeEn: "No bids met the requirements; a new call for tenders is needed and the target date is at risk.",
        narrativeFr: "Aucune soumission ne satisfaisait aux exigences; un nouvel appel d'offres s'impose et la date cible est compromise.",
      },
    ],
    milestones: [
      { titleEn: "Terms of reference approved", titleFr: "Mandat approuvé", dueDate: "2007-09-30" },
      { titleEn: "Research contract awarded", titleFr: "Contrat de recherche attribué", dueDate: "2007-11-30" },
    ],
    funding: [{ source: "Research and statistics", fiscalYear: 2007, allocatedDollars: 150_000, spentDollars: 20_000, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0007",
    titleEn: "U.S.–Canada Bi-National Assessment of Trafficking in Persons",
    titleFr: "Évaluation binationale Canada–États-Unis de la traite des personnes",
    summaryEn:
      "A joint assessment of trafficking in persons between Canada and the United States, presented at the 2006 Cross-Border Crime Forum, with recommendations for cooperation between the two countries.",
    summaryFr:
      "Une évaluation conjointe de la traite des personnes entre le Canada et les États-Unis, présentée au Forum sur la criminalité transfrontalière de 2006, accompagnée de recommandations sur la coopération entre les deux pays.",
    lead: "PSEPC",
    partners: ["RCMP", "CBSA", "CISC", "JUS", "DFAIT"],
    pillar: "PARTNERSHIPS",
    secondaryPillars: ["PROSECUTION"],
    status: "COMPLETED",
    startDate: "2005-06-01",
    targetEndDate: "2007-06-30",
    notes: `${DEMO_NOTE} The assessment and its presentation in 2006 are from the backgrounder; the follow-up updates are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 95,
        narrativeEn: "Follow-up on the Forum's recommendations reported to both governments.",
        narrativeFr: "Suivi des recommandations du Forum communiqué aux deux gouvernements.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "GREEN",
        progress: 100,
        narrativeEn: "Assessment complete; recommendations are carried forward by the Cross-Border Crime Forum.",
        narrativeFr: "Évaluation terminée; les recommandations sont reprises par le Forum sur la criminalité transfrontalière.",
      },
    ],
    milestones: [
      { titleEn: "Assessment presented at the Cross-Border Crime Forum", titleFr: "Évaluation présentée au Forum sur la criminalité transfrontalière", dueDate: "2006-10-31", completedDate: "2006-10-31" },
      { titleEn: "Follow-up report", titleFr: "Rapport de suivi", dueDate: "2007-06-30", completedDate: "2007-06-29" },
    ],
    funding: [],
  },
  {
    code: "IWG-0008",
    titleEn: "Enforcement against the sexual exploitation and trafficking of children",
    titleFr: "Lutte contre l'exploitation sexuelle et la traite des enfants",
    summaryEn:
      "Additional federal funding of $6 million per year to strengthen the fight against the sexual exploitation and trafficking of children.",
    summaryFr:
      "Un financement fédéral supplémentaire de 6 millions de dollars par année pour renforcer la lutte contre l'exploitation sexuelle et la traite des enfants.",
    lead: "PSEPC",
    partners: ["RCMP"],
    pillar: "PROSECUTION",
    secondaryPillars: ["PROTECTION"],
    status: "ACTIVE",
    startDate: "2007-04-01",
    targetEndDate: "2012-03-31",
    notes: `${DEMO_NOTE} The $6 million per year is from the backgrounder; spending to date, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 10,
        narrativeEn: "Funding confirmed for five years; allocation among partners agreed.",
        narrativeFr: "Financement confirmé pour cinq ans; répartition entre les partenaires convenue.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-14",
        health: "GREEN",
        progress: 20,
        narrativeEn: "Additional investigators assigned to the national child exploitation coordination effort.",
        narrativeFr: "Enquêteurs supplémentaires affectés à la coordination nationale contre l'exploitation des enfants.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-07",
        health: "GREEN",
        progress: 30,
        narrativeEn: "Spending on track for the fiscal year.",
        narrativeFr: "Dépenses conformes aux prévisions pour l'exercice.",
      },
    ],
    milestones: [
      { titleEn: "Five-year funding confirmed", titleFr: "Financement quinquennal confirmé", dueDate: "2007-04-30", completedDate: "2007-04-30" },
      { titleEn: "Mid-term evaluation", titleFr: "Évaluation à mi-parcours", dueDate: "2009-09-30" },
    ],
    funding: [
      { source: "Sexual exploitation and trafficking of children", fiscalYear: 2007, allocatedDollars: 6_000_000, spentDollars: 4_350_000, notes: "Spending to date is illustrative." },
      { source: "Sexual exploitation and trafficking of children", fiscalYear: 2008, allocatedDollars: 6_000_000, spentDollars: 0 },
      { source: "Sexual exploitation and trafficking of children", fiscalYear: 2009, allocatedDollars: 6_000_000, spentDollars: 0 },
      { source: "Sexual exploitation and trafficking of children", fiscalYear: 2010, allocatedDollars: 6_000_000, spentDollars: 0 },
      { source: "Sexual exploitation and trafficking of children", fiscalYear: 2011, allocatedDollars: 6_000_000, spentDollars: 0 },
    ],
  },
  {
    code: "IWG-0009",
    titleEn: "Women's Community Fund",
    titleFr: "Fonds communautaire pour les femmes",
    summaryEn:
      "Status of Women Canada's Women's Program fund for community projects, with $12.3 million in 2007-08; violence against women, including trafficking, is a funding priority.",
    summaryFr:
      "Fonds du Programme de promotion de la femme de Condition féminine Canada pour des projets communautaires, doté de 12,3 millions de dollars en 2007-2008; la violence faite aux femmes, y compris la traite, est une priorité de financement.",
    lead: "SWC",
    partners: [],
    pillar: "PREVENTION",
    status: "ACTIVE",
    startDate: "2007-04-01",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} The $12.3 million for 2007-08 is from the backgrounder; spending to date, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-07",
        health: "GREEN",
        progress: 25,
        narrativeEn: "Call for proposals closed; projects addressing trafficking identified.",
        narrativeFr: "Appel de propositions clos; projets portant sur la traite repérés.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "GREEN",
        progress: 50,
        narrativeEn: "First funding agreements signed.",
        narrativeFr: "Premières ententes de financement signées.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-05",
        health: "GREEN",
        progress: 65,
        narrativeEn: "Most agreements in place; spending on track.",
        narrativeFr: "La plupart des ententes sont conclues; dépenses conformes aux prévisions.",
      },
    ],
    milestones: [{ titleEn: "Funding agreements signed", titleFr: "Ententes de financement signées", dueDate: "2007-12-31", completedDate: "2007-11-30" }],
    funding: [{ source: "Women's Program — Women's Community Fund", fiscalYear: 2007, allocatedDollars: 12_300_000, spentDollars: 8_200_000, notes: "Spending to date is illustrative." }],
  },
  {
    code: "IWG-0010",
    titleEn: "Women's Partnership Fund",
    titleFr: "Fonds de partenariat pour les femmes",
    summaryEn:
      "Status of Women Canada's fund for joint projects between women's organisations and public institutions, with $3 million in 2007-08.",
    summaryFr:
      "Fonds de Condition féminine Canada pour des projets conjoints entre des organismes de femmes et des institutions publiques, doté de 3 millions de dollars en 2007-2008.",
    lead: "SWC",
    partners: [],
    pillar: "PARTNERSHIPS",
    status: "ACTIVE",
    startDate: "2007-04-01",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} The $3 million for 2007-08 is from the backgrounder; spending to date, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-07",
        health: "GREEN",
        progress: 20,
        narrativeEn: "Fund launched; partners contacted.",
        narrativeFr: "Fonds lancé; partenaires contactés.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "AMBER",
        progress: 35,
        narrativeEn: "Fewer partnership proposals than expected; outreach extended.",
        narrativeFr: "Moins de propositions de partenariat que prévu; démarches de sensibilisation prolongées.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-05",
        health: "AMBER",
        progress: 40,
        narrativeEn: "Risk of lapsing funds at year end; project list to be shared with members.",
        narrativeFr: "Risque de fonds inutilisés en fin d'exercice; la liste des projets sera communiquée aux membres.",
      },
    ],
    milestones: [{ titleEn: "Partnership projects approved", titleFr: "Projets de partenariat approuvés", dueDate: "2007-12-31" }],
    funding: [{ source: "Women's Program — Women's Partnership Fund", fiscalYear: 2007, allocatedDollars: 3_000_000, spentDollars: 1_100_000, notes: "Spending to date is illustrative." }],
  },
  {
    code: "IWG-0011",
    titleEn: "Data and research framework on trafficking in persons",
    titleFr: "Cadre de données et de recherche sur la traite des personnes",
    summaryEn:
      "A framework for collecting national data on trafficking in persons — police-reported incidents, prosecutions and victim services — and for a shared research agenda.",
    summaryFr:
      "Un cadre pour recueillir des données nationales sur la traite des personnes — affaires déclarées par la police, poursuites et services aux victimes — et pour un programme de recherche commun.",
    lead: "StatCan",
    partners: ["JUS", "PSEPC"],
    pillar: "PARTNERSHIPS",
    status: "ACTIVE",
    startDate: "2007-04-01",
    targetEndDate: "2009-03-31",
    notes: `${DEMO_NOTE} Illustrative: this initiative, its amounts and its delays are demonstration data.`,
    updates: [
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-14",
        health: "AMBER",
        progress: 10,
        narrativeEn: "Scoping under way; data sources in police and court surveys identified, but definitions differ.",
        narrativeFr: "Établissement de la portée en cours; sources de données des enquêtes policières et judiciaires repérées, mais les définitions diffèrent.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-07",
        health: "RED",
        progress: 15,
        narrativeEn: "Framework outline not delivered; agreement on common definitions still outstanding.",
        narrativeFr: "Ébauche du cadre non livrée; l'entente sur des définitions communes se fait toujours attendre.",
      },
    ],
    milestones: [
      { titleEn: "Framework outline", titleFr: "Ébauche du cadre", dueDate: "2007-11-30" },
      { titleEn: "Common definitions agreed", titleFr: "Définitions communes convenues", dueDate: "2008-03-31" },
    ],
    funding: [{ source: "Data development", fiscalYear: 2007, allocatedDollars: 200_000, spentDollars: 0, notes: "Illustrative amounts." }],
  },
  {
    code: "IWG-0012",
    titleEn: "Response to the Standing Committee on the Status of Women report Turning Outrage into Action",
    titleFr: "Réponse au rapport du Comité permanent de la condition féminine « Transformer l'indignation en gestes concrets »",
    summaryEn:
      "The Government response to the Standing Committee's report on trafficking in women and girls for sexual exploitation, tabled in 2007, and the follow-up of its commitments across member departments.",
    summaryFr:
      "La réponse du gouvernement au rapport du Comité permanent sur la traite des femmes et des filles à des fins d'exploitation sexuelle, déposée en 2007, et le suivi de ses engagements au sein des ministères membres.",
    lead: "JUS",
    partners: "all",
    pillar: "PARTNERSHIPS",
    secondaryPillars: ["PREVENTION", "PROTECTION", "PROSECUTION"],
    status: "ACTIVE",
    startDate: "2007-02-15",
    targetEndDate: "2008-03-31",
    notes: `${DEMO_NOTE} The report and the tabling of the response in 2007 are from the backgrounder; the tracking work, updates and progress are illustrative.`,
    updates: [
      {
        period: "2007-08 Q1",
        postedOn: "2007-06-08",
        health: "GREEN",
        progress: 40,
        narrativeEn: "Government response tabled; commitments assigned to departments.",
        narrativeFr: "Réponse du gouvernement déposée; engagements attribués aux ministères.",
      },
      {
        period: "2007-08 Q2",
        postedOn: "2007-09-13",
        health: "AMBER",
        progress: 45,
        narrativeEn: "Several departments have not yet reported on their commitments.",
        narrativeFr: "Plusieurs ministères n'ont pas encore fait rapport sur leurs engagements.",
      },
      {
        period: "2007-08 Q3",
        postedOn: "2007-12-06",
        health: "AMBER",
        progress: 50,
        narrativeEn: "Tracking table in preparation by the secretariat.",
        narrativeFr: "Tableau de suivi en préparation par le secrétariat.",
      },
    ],
    milestones: [
      { titleEn: "Government response tabled", titleFr: "Réponse du gouvernement déposée", dueDate: "2007-07-31", completedDate: "2007-06-15" },
      { titleEn: "First progress report on commitments", titleFr: "Premier rapport d'étape sur les engagements", dueDate: "2008-03-31" },
    ],
    funding: [{ source: "Within existing departmental resources", fiscalYear: 2007, allocatedDollars: 0, spentDollars: 0, notes: "No dedicated funding: work done within existing resources (illustrative)." }],
  },
];

export interface AgendaItemSeed {
  titleEn: string;
  titleFr: string;
  kind: AgendaItemKind;
  minutes: number;
  presenter?: string;
  initiative?: string;
  outcome?: string;
  deferred?: boolean;
  /** Key of an action item (below) this item reviews. */
  reviewsActionItem?: string;
}

export interface DecisionSeed {
  number: string;
  textEn: string;
  textFr: string;
  /** Position of the agenda item it concludes. */
  agendaPosition?: number;
  initiatives?: string[];
}

export interface MeetingSeed {
  sequenceNumber: number;
  titleEn: string;
  titleFr: string;
  /** ISO date in America/Toronto, or days after the seed day. */
  date: string | { daysAfterSeed: number };
  startTime: string;
  endTime: string;
  location: string;
  videoUrl?: string;
  held: boolean;
  publishedOn?: string;
  /** Acronym → attendance; departments not listed were absent. Empty for a meeting not yet held. */
  attendance: Record<string, { status: AttendanceStatus; delegateName?: string }>;
  agenda: AgendaItemSeed[];
  decisions: DecisionSeed[];
  minutes?: {
    bodyEn: string;
    bodyFr: string;
    circulatedOn: string;
    approvedOn: string;
    /** Sequence number of the meeting that approved them; absent when approved by correspondence. */
    approvedAtMeeting?: number;
  };
}

const LOCATION = "Department of Justice Canada, 284 Wellington Street, Ottawa";

/** The standard opening of an agenda (DESIGN: the agenda template), positions 1–5. */
function openingItems(previousMeeting?: string): AgendaItemSeed[] {
  return [
    { titleEn: "Tour de table", titleFr: "Tour de table", kind: "INFORMATION", minutes: 10, presenter: "JUS" },
    { titleEn: "Adoption of the agenda", titleFr: "Adoption de l'ordre du jour", kind: "DECISION", minutes: 5, presenter: "JUS" },
    {
      titleEn: previousMeeting ? `Adoption of the record of decisions of ${previousMeeting}` : "Adoption of the previous record of decisions",
      titleFr: previousMeeting ? `Adoption du compte rendu des décisions de ${frenchMonth(previousMeeting)}` : "Adoption du compte rendu des décisions précédent",
      kind: "DECISION",
      minutes: 5,
      presenter: "JUS",
    },
    { titleEn: "Review of action items", titleFr: "Examen des mesures de suivi", kind: "DISCUSSION", minutes: 15, presenter: "JUS" },
    { titleEn: "Pillar round-table", titleFr: "Tour de table par pilier", kind: "DISCUSSION", minutes: 30 },
  ];
}

function frenchMonth(englishMonthYear: string): string {
  return englishMonthYear.replace("June", "juin").replace("September", "septembre");
}

const closingItems: AgendaItemSeed[] = [
  { titleEn: "Other business", titleFr: "Divers", kind: "INFORMATION", minutes: 10 },
  { titleEn: "Next meeting", titleFr: "Prochaine réunion", kind: "INFORMATION", minutes: 5, presenter: "JUS" },
];

const delegates = (names: Record<string, string>, alternates: string[], absent: string[]) => {
  const attendance: MeetingSeed["attendance"] = {};
  for (const department of departments) {
    const acronym = department.acronymEn;
    if (absent.includes(acronym)) attendance[acronym] = { status: "ABSENT" };
    else attendance[acronym] = { status: alternates.includes(acronym) ? "ALTERNATE" : "DELEGATE", delegateName: names[acronym] };
  }
  return attendance;
};

const delegateNames: Record<string, string> = {
  JUS: "Marie Gagnon",
  PSEPC: "Michael O'Brien",
  RCMP: "Daniel Wilson",
  CBSA: "Sophie Lavoie",
  CIC: "Priya Sharma",
  DFAIT: "Laurent Dubois",
  SWC: "Julie Bouchard",
  StatCan: "Karen MacDonald",
  CIDA: "Isabelle Côté",
  HRSDC: "David Nguyen",
  HC: "Emily Fraser",
  PCH: "Luc Pelletier",
  PCO: "Sarah Thompson",
  INAC: "Catherine Morin",
  PPSC: "André Girard",
  CISC: "Paul Martin",
};

export const meetings: MeetingSeed[] = [
  {
    sequenceNumber: 1,
    titleEn: "IWGTIP meeting — June 2007",
    titleFr: "Réunion du GTITP — juin 2007",
    date: "2007-06-14",
    startTime: "13:30",
    endTime: "16:00",
    location: LOCATION,
    held: true,
    publishedOn: "2007-06-07",
    attendance: delegates(delegateNames, ["HRSDC", "PCH"], ["INAC"]),
    agenda: [
      ...openingItems(),
      {
        titleEn: "Temporary resident permits: extension to 180 days",
        titleFr: "Permis de séjour temporaire : prolongation à 180 jours",
        kind: "INFORMATION",
        minutes: 20,
        presenter: "CIC",
        initiative: "IWG-0001",
        outcome: "CIC presented the changes announced on 19 June; members to share the bulletin with their regional offices.",
      },
      {
        titleEn: "Law-enforcement tool kit: distribution plan",
        titleFr: "Trousse d'outils pour les forces de l'ordre : plan de distribution",
        kind: "DECISION",
        minutes: 20,
        presenter: "RCMP",
        initiative: "IWG-0002",
        outcome: "Distribution plan endorsed (2007-06-D3).",
      },
      ...closingItems,
    ],
    decisions: [
      { number: "2007-06-D1", textEn: "The agenda is adopted as circulated.", textFr: "L'ordre du jour est adopté tel qu'il a été distribué.", agendaPosition: 2 },
      {
        number: "2007-06-D2",
        textEn: "Members will report on their initiatives each quarter, before each regular meeting.",
        textFr: "Les membres feront rapport sur leurs initiatives chaque trimestre, avant chaque réunion ordinaire.",
        agendaPosition: 5,
      },
      {
        number: "2007-06-D3",
        textEn: "The working group endorses the distribution of the law-enforcement tool kit to all police services, starting in September 2007.",
        textFr: "Le groupe de travail appuie la distribution de la trousse d'outils à tous les services de police à compter de septembre 2007.",
        agendaPosition: 7,
        initiatives: ["IWG-0002"],
      },
    ],
    minutes: {
      bodyEn:
        "Record of the IWGTIP meeting of 14 June 2007, chaired by Justice Canada. Fifteen of sixteen member departments and agencies attended; quorum was met.\n\n1. Tour de table: members introduced new representatives.\n2. The agenda was adopted (2007-06-D1).\n3. There was no previous record of decisions.\n4. No action items were outstanding.\n5. Pillar round-table: members agreed to quarterly reporting (2007-06-D2).\n6. CIC presented the extension of temporary resident permits to 180 days.\n7. The RCMP presented the law-enforcement tool kit; its distribution was endorsed (2007-06-D3).\n8. Other business: none.\n9. Next meeting: September 2007.",
      bodyFr:
        "Compte rendu de la réunion du GTITP du 14 juin 2007, présidée par Justice Canada. Quinze des seize ministères et organismes membres étaient présents; le quorum était atteint.\n\n1. Tour de table : les membres ont présenté leurs nouveaux représentants.\n2. L'ordre du jour est adopté (2007-06-D1).\n3. Il n'y avait pas de compte rendu des décisions précédent.\n4. Aucune mesure de suivi n'était en suspens.\n5. Tour de table par pilier : les membres ont convenu de faire rapport chaque trimestre (2007-06-D2).\n6. CIC a présenté la prolongation des permis de séjour temporaire à 180 jours.\n7. La GRC a présenté la trousse d'outils pour les forces de l'ordre; sa distribution est appuyée (2007-06-D3).\n8. Divers : aucun point.\n9. Prochaine réunion : septembre 2007.",
      circulatedOn: "2007-06-28",
      approvedOn: "2007-09-20",
      approvedAtMeeting: 2,
    },
  },
  {
    sequenceNumber: 2,
    titleEn: "IWGTIP meeting — September 2007",
    titleFr: "Réunion du GTITP — septembre 2007",
    date: "2007-09-20",
    startTime: "13:30",
    endTime: "16:00",
    location: LOCATION,
    held: true,
    publishedOn: "2007-09-13",
    attendance: delegates(delegateNames, ["CIDA", "PCO", "CISC"], ["HRSDC", "INAC"]),
    agenda: [
      ...openingItems("June 2007"),
      {
        titleEn: "Public education booklet: approval for distribution",
        titleFr: "Brochure d'éducation publique : approbation de la distribution",
        kind: "DECISION",
        minutes: 15,
        presenter: "JUS",
        initiative: "IWG-0004",
        outcome: "Approved, subject to completion of the French version (2007-09-D3).",
      },
      {
        titleEn: "Research on the needs of victims: terms of reference",
        titleFr: "Recherche sur les besoins des victimes : mandat",
        kind: "DECISION",
        minutes: 15,
        presenter: "JUS",
        initiative: "IWG-0006",
        outcome: "Deferred to the next meeting pending procurement advice.",
        deferred: true,
      },
      {
        titleEn: "Data and research framework: scope",
        titleFr: "Cadre de données et de recherche : portée",
        kind: "DISCUSSION",
        minutes: 20,
        presenter: "StatCan",
        initiative: "IWG-0011",
        outcome: "Statistics Canada to propose a framework outline.",
      },
      {
        titleEn: "Government response to Turning Outrage into Action: follow-up",
        titleFr: "Réponse du gouvernement à « Transformer l'indignation en gestes concrets » : suivi",
        kind: "DECISION",
        minutes: 15,
        presenter: "JUS",
        initiative: "IWG-0012",
        outcome: "The secretariat will track commitments (2007-09-D4).",
      },
      ...closingItems,
    ],
    decisions: [
      { number: "2007-09-D1", textEn: "The agenda is adopted as circulated.", textFr: "L'ordre du jour est adopté tel qu'il a été distribué.", agendaPosition: 2 },
      {
        number: "2007-09-D2",
        textEn: "The record of decisions of the meeting of 14 June 2007 is adopted.",
        textFr: "Le compte rendu des décisions de la réunion du 14 juin 2007 est adopté.",
        agendaPosition: 3,
      },
      {
        number: "2007-09-D3",
        textEn: "The public education booklet is approved for distribution once the French version is complete.",
        textFr: "La brochure d'éducation publique est approuvée aux fins de distribution une fois la version française terminée.",
        agendaPosition: 6,
        initiatives: ["IWG-0004"],
      },
      {
        number: "2007-09-D4",
        textEn: "The secretariat will keep a table tracking each department's commitments in the Government response, for review at every meeting.",
        textFr: "Le secrétariat tiendra un tableau de suivi des engagements de chaque ministère dans la réponse du gouvernement, examiné à chaque réunion.",
        agendaPosition: 9,
        initiatives: ["IWG-0012"],
      },
    ],
    minutes: {
      bodyEn:
        "Record of the IWGTIP meeting of 20 September 2007, chaired by Justice Canada. Fourteen of sixteen member departments and agencies attended; quorum was met.\n\n1. Tour de table.\n2. The agenda was adopted (2007-09-D1).\n3. The record of decisions of 14 June was adopted (2007-09-D2).\n4. Action items: the tool kit distribution has begun; the revised permit guidelines were circulated.\n5. Pillar round-table: updates from each pillar.\n6. The public education booklet was approved for distribution (2007-09-D3).\n7. The terms of reference for research on victims' needs were deferred.\n8. Statistics Canada presented the scope of a data framework.\n9. Follow-up of the Government response: tracking table agreed (2007-09-D4).\n10. Other business: none.\n11. Next meeting: to be confirmed.\n\nApproved by correspondence on 5 October 2007.",
      bodyFr:
        "Compte rendu de la réunion du GTITP du 20 septembre 2007, présidée par Justice Canada. Quatorze des seize ministères et organismes membres étaient présents; le quorum était atteint.\n\n1. Tour de table.\n2. L'ordre du jour est adopté (2007-09-D1).\n3. Le compte rendu des décisions du 14 juin est adopté (2007-09-D2).\n4. Mesures de suivi : la distribution de la trousse d'outils a commencé; les lignes directrices révisées sur les permis ont été distribuées.\n5. Tour de table par pilier : mises à jour de chaque pilier.\n6. La brochure d'éducation publique est approuvée aux fins de distribution (2007-09-D3).\n7. Le mandat de la recherche sur les besoins des victimes est reporté.\n8. Statistique Canada a présenté la portée d'un cadre de données.\n9. Suivi de la réponse du gouvernement : tableau de suivi convenu (2007-09-D4).\n10. Divers : aucun point.\n11. Prochaine réunion : à confirmer.\n\nApprouvé par correspondance le 5 octobre 2007.",
      circulatedOn: "2007-09-27",
      approvedOn: "2007-10-05",
    },
  },
  {
    sequenceNumber: 3,
    titleEn: "IWGTIP regular meeting",
    titleFr: "Réunion ordinaire du GTITP",
    date: { daysAfterSeed: 21 },
    startTime: "13:30",
    endTime: "16:00",
    location: LOCATION,
    videoUrl: "https://video.iwgtip.example/iwgtip-regular-meeting",
    held: false,
    attendance: {},
    agenda: [
      ...openingItems("September 2007"),
      {
        titleEn: "Research on the needs of victims: terms of reference (deferred from September)",
        titleFr: "Recherche sur les besoins des victimes : mandat (reporté de septembre)",
        kind: "DECISION",
        minutes: 15,
        presenter: "JUS",
        initiative: "IWG-0006",
      },
      {
        titleEn: "Data and research framework: outline",
        titleFr: "Cadre de données et de recherche : ébauche",
        kind: "DISCUSSION",
        minutes: 20,
        presenter: "StatCan",
        initiative: "IWG-0011",
        reviewsActionItem: "framework-outline",
      },
      ...closingItems,
    ],
    decisions: [],
  },
];

export interface ActionItemSeed {
  /** Stable key within the seed, used for idempotency together with the English title. */
  key: string;
  titleEn: string;
  titleFr: string;
  detailsEn?: string;
  detailsFr?: string;
  owner: string;
  assignee?: string;
  initiative?: string;
  meeting: number;
  /** Position of the agenda item where it was raised. */
  agendaPosition?: number;
  /** ISO date, or days relative to the seed day (negative: overdue). */
  due: string | { daysFromSeed: number };
  status: ActionItemStatus;
  completedOn?: string;
  completionNote?: string;
}

export const actionItems: ActionItemSeed[] = [
  {
    key: "toolkit-distribution",
    titleEn: "Distribute the law-enforcement tool kit to all police services",
    titleFr: "Distribuer la trousse d'outils à tous les services de police",
    owner: "RCMP",
    assignee: "rep.rcmp@iwgtip.example",
    initiative: "IWG-0002",
    meeting: 1,
    agendaPosition: 7,
    due: "2007-09-14",
    status: "DONE",
    completedOn: "2007-09-10",
    completionNote: "Distribution started on 10 September; reported at the September meeting.",
  },
  {
    key: "trp-bulletin",
    titleEn: "Circulate the revised temporary resident permit guidelines to members",
    titleFr: "Distribuer aux membres les lignes directrices révisées sur les permis de séjour temporaire",
    owner: "CIC",
    assignee: "rep.cic@iwgtip.example",
    initiative: "IWG-0001",
    meeting: 1,
    agendaPosition: 6,
    due: "2007-07-15",
    status: "DONE",
    completedOn: "2007-07-06",
    completionNote: "Operational bulletin sent to all members.",
  },
  {
    key: "htncc-sessions",
    titleEn: "Confirm the schedule of HTNCC awareness sessions for 2008",
    titleFr: "Confirmer le calendrier des séances de sensibilisation du CNCTP pour 2008",
    owner: "RCMP",
    initiative: "IWG-0003",
    meeting: 2,
    agendaPosition: 5,
    due: "2007-10-31",
    status: "DONE",
    completedOn: "2007-10-24",
    completionNote: "Schedule shared with members.",
  },
  {
    key: "framework-outline",
    titleEn: "Propose an outline of the data and research framework",
    titleFr: "Proposer une ébauche du cadre de données et de recherche",
    detailsEn: "Include common definitions for police-reported incidents and prosecutions.",
    detailsFr: "Inclure des définitions communes pour les affaires déclarées par la police et les poursuites.",
    owner: "StatCan",
    initiative: "IWG-0011",
    meeting: 2,
    agendaPosition: 8,
    due: { daysFromSeed: -20 },
    status: "OPEN",
  },
  {
    key: "victim-research-procurement",
    titleEn: "Report on the procurement of the victim-needs research",
    titleFr: "Faire rapport sur la passation du contrat de recherche sur les besoins des victimes",
    owner: "JUS",
    assignee: "rep.jus@iwgtip.example",
    initiative: "IWG-0006",
    meeting: 2,
    agendaPosition: 7,
    due: { daysFromSeed: -7 },
    status: "IN_PROGRESS",
  },
  {
    key: "response-tracking-table",
    titleEn: "Prepare the tracking table of commitments in the Government response",
    titleFr: "Préparer le tableau de suivi des engagements de la réponse du gouvernement",
    owner: "JUS",
    assignee: "coordinator@iwgtip.example",
    initiative: "IWG-0012",
    meeting: 2,
    agendaPosition: 9,
    due: { daysFromSeed: 10 },
    status: "OPEN",
  },
  {
    key: "partnership-fund-projects",
    titleEn: "Share the list of Women's Partnership Fund projects with members",
    titleFr: "Communiquer aux membres la liste des projets du Fonds de partenariat pour les femmes",
    owner: "SWC",
    assignee: "rep.swc@iwgtip.example",
    initiative: "IWG-0010",
    meeting: 2,
    agendaPosition: 5,
    due: { daysFromSeed: 25 },
    status: "OPEN",
  },
  {
    key: "iom-site-visit",
    titleEn: "Organise a joint site visit with the IOM in Bangkok",
    titleFr: "Organiser une visite conjointe avec l'OIM à Bangkok",
    owner: "DFAIT",
    initiative: "IWG-0005",
    meeting: 2,
    agendaPosition: 5,
    due: "2007-11-30",
    status: "CANCELLED",
    completionNote: "Replaced by the IOM interim report; no visit needed.",
  },
];

export interface SettingSeed {
  key: string;
  value: unknown;
}

/** The settings start at their defaults (lib/settings/definitions.ts says what each one means). */
export const settings: SettingSeed[] = settingKeys.map((key) => ({ key, value: settingDefaults[key] }));
