export type AgendaKind = "DECISION" | "DISCUSSION" | "INFORMATION";

export type TemplateItem = { titleEn: string; titleFr: string; kind: AgendaKind; minutes: number; chairPresents: boolean };

/**
 * The standard agenda (DESIGN.md §4): a new agenda starts from it. The meeting's own items go between the pillar
 * round-table and other business. The chair (the secretariat) presents the procedural items.
 */
export const standardAgenda: readonly TemplateItem[] = [
  { titleEn: "Tour de table", titleFr: "Tour de table", kind: "INFORMATION", minutes: 10, chairPresents: true },
  { titleEn: "Adoption of the agenda", titleFr: "Adoption de l'ordre du jour", kind: "DECISION", minutes: 5, chairPresents: true },
  { titleEn: "Adoption of the previous record of decisions", titleFr: "Adoption du compte rendu des décisions précédent", kind: "DECISION", minutes: 5, chairPresents: true },
  { titleEn: "Review of action items", titleFr: "Examen des mesures de suivi", kind: "DISCUSSION", minutes: 15, chairPresents: true },
  { titleEn: "Pillar round-table", titleFr: "Tour de table par pilier", kind: "DISCUSSION", minutes: 30, chairPresents: false },
  { titleEn: "Other business", titleFr: "Divers", kind: "INFORMATION", minutes: 10, chairPresents: false },
  { titleEn: "Next meeting", titleFr: "Prochaine réunion", kind: "INFORMATION", minutes: 5, chairPresents: true },
];

/** How many template items close the agenda: items added later go before them. */
export const closingItemCount = 2;
