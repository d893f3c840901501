import type { Prisma } from "../lib/generated/prisma/client";

/*
 * Seed of the results framework (issue 18; shared/seed-data.md, "Results framework"). Figures from public sources
 * (Public Safety Canada and RCMP reports: tool kits, people reached, convictions under s. 279.01 by December 2010)
 * are kept as reported; targets and the figures no source gives are illustrative, and the indicator or the
 * target says so. Between them every status shows: met (tool kits, people reached), not met with its explanation
 * (convictions), not yet due (permits, this fiscal year) and no data (reporting on time).
 */

type Tx = Prisma.TransactionClient;

type SeedTarget = { fiscalYear: number | "current"; type: "AT_LEAST" | "AT_MOST" | "EXACT"; value: number; by: [number, number] | "endOfYear" };
type SeedActual = { fiscalYear: number; value: number; measuredOn: string; explanationEn?: string; explanationFr?: string };
type SeedIndicator = {
  code: string;
  department: string;
  nameEn: string;
  nameFr: string;
  unit: "NUMBER" | "PERCENT";
  cumulative: boolean;
  illustrative: boolean;
  baseline: { value: number; date: string };
  dataSourceEn: string;
  dataSourceFr: string;
  initiatives: string[];
  targets: SeedTarget[];
  actuals: SeedActual[];
};
type SeedResult = { code: string; pillar: string; level: "ULTIMATE_OUTCOME" | "INTERMEDIATE_OUTCOME" | "IMMEDIATE_OUTCOME" | "OUTPUT"; titleEn: string; titleFr: string; departments: string[]; indicators: SeedIndicator[] };

const publicSource = {
  en: "RCMP Human Trafficking National Coordination Centre, as reported by Public Safety Canada (December 2010). Targets are illustrative.",
  fr: "Centre national de coordination contre la traite de personnes de la GRC, selon Sécurité publique Canada (décembre 2010). Les cibles sont indicatives.",
};

export const seedResults: SeedResult[] = [
  {
    code: "ER-0001",
    pillar: "PREVENTION",
    level: "IMMEDIATE_OUTCOME",
    titleEn: "Police services and partners recognise human trafficking and know how to respond",
    titleFr: "Les services de police et les partenaires reconnaissent la traite des personnes et savent intervenir",
    departments: ["RCMP", "JUS"],
    indicators: [
      {
        code: "IND-0001",
        department: "RCMP",
        nameEn: "Human trafficking awareness tool kits distributed to police and partners (cumulative)",
        nameFr: "Trousses de sensibilisation à la traite des personnes distribuées aux policiers et aux partenaires (cumulatif)",
        unit: "NUMBER",
        cumulative: true,
        illustrative: false,
        baseline: { value: 0, date: "2005-09-01" },
        dataSourceEn: publicSource.en,
        dataSourceFr: publicSource.fr,
        initiatives: ["IWG-0002", "IWG-0003"],
        targets: [{ fiscalYear: 2010, type: "AT_LEAST", value: 8000, by: [2010, 12] }],
        actuals: [{ fiscalYear: 2010, value: 8000, measuredOn: "2010-12-31" }],
      },
      {
        code: "IND-0002",
        department: "RCMP",
        nameEn: "People reached by human trafficking awareness sessions (cumulative)",
        nameFr: "Personnes jointes par les séances de sensibilisation à la traite des personnes (cumulatif)",
        unit: "NUMBER",
        cumulative: true,
        illustrative: false,
        baseline: { value: 0, date: "2005-09-01" },
        dataSourceEn: publicSource.en,
        dataSourceFr: publicSource.fr,
        initiatives: ["IWG-0003"],
        targets: [{ fiscalYear: 2010, type: "AT_LEAST", value: 32000, by: [2010, 12] }],
        actuals: [{ fiscalYear: 2010, value: 34000, measuredOn: "2010-12-31" }],
      },
    ],
  },
  {
    code: "ER-0002",
    pillar: "PROSECUTION",
    level: "INTERMEDIATE_OUTCOME",
    titleEn: "Traffickers are brought to justice",
    titleFr: "Les trafiquants sont traduits en justice",
    departments: ["PPSC", "JUS", "RCMP"],
    indicators: [
      {
        code: "IND-0003",
        department: "PPSC",
        nameEn: "Convictions under section 279.01 of the Criminal Code (trafficking in persons, cumulative)",
        nameFr: "Condamnations en vertu de l’article 279.01 du Code criminel (traite des personnes, cumulatif)",
        unit: "NUMBER",
        cumulative: true,
        illustrative: false,
        baseline: { value: 0, date: "2005-11-25" },
        dataSourceEn: "Public Safety Canada, convictions under s. 279.01 by December 2010. The target is illustrative.",
        dataSourceFr: "Sécurité publique Canada, condamnations en vertu de l’art. 279.01 jusqu’en décembre 2010. La cible est indicative.",
        initiatives: ["IWG-0002", "IWG-0008"],
        targets: [{ fiscalYear: 2010, type: "AT_LEAST", value: 10, by: [2011, 3] }],
        actuals: [
          {
            fiscalYear: 2010,
            value: 7,
            measuredOn: "2010-12-31",
            explanationEn:
              "Trafficking prosecutions take several years: several cases laid between 2008 and 2010 were still before the courts, and some ended in convictions for related offences instead (illustrative explanation).",
            explanationFr:
              "Les poursuites pour traite durent plusieurs années : plusieurs affaires engagées de 2008 à 2010 étaient encore devant les tribunaux, et certaines ont abouti à des condamnations pour des infractions connexes (explication indicative).",
          },
        ],
      },
    ],
  },
  {
    code: "ER-0003",
    pillar: "PROTECTION",
    level: "IMMEDIATE_OUTCOME",
    titleEn: "Foreign national victims of trafficking are protected and supported",
    titleFr: "Les victimes étrangères de la traite sont protégées et soutenues",
    departments: ["CIC"],
    indicators: [
      {
        code: "IND-0004",
        department: "CIC",
        nameEn: "Temporary resident permits issued to foreign national victims of trafficking (per year)",
        nameFr: "Permis de séjour temporaire délivrés aux victimes étrangères de la traite (par année)",
        unit: "NUMBER",
        cumulative: false,
        illustrative: true,
        baseline: { value: 0, date: "2006-05-01" },
        dataSourceEn: "Citizenship and Immigration Canada (illustrative figures).",
        dataSourceFr: "Citoyenneté et Immigration Canada (chiffres indicatifs).",
        initiatives: ["IWG-0001"],
        targets: [
          { fiscalYear: 2007, type: "AT_LEAST", value: 10, by: [2008, 3] },
          { fiscalYear: "current", type: "AT_LEAST", value: 15, by: "endOfYear" },
        ],
        actuals: [{ fiscalYear: 2007, value: 12, measuredOn: "2008-03-31" }],
      },
    ],
  },
  {
    code: "ER-0004",
    pillar: "PARTNERSHIPS",
    level: "OUTPUT",
    titleEn: "Member departments report to the working group together and on time",
    titleFr: "Les ministères membres rendent compte au groupe de travail ensemble et à temps",
    departments: ["JUS"],
    indicators: [
      {
        code: "IND-0005",
        department: "JUS",
        nameEn: "Departments reporting to the working group on time (per meeting cycle)",
        nameFr: "Ministères qui rendent compte au groupe de travail à temps (par cycle de réunions)",
        unit: "PERCENT",
        cumulative: false,
        illustrative: true,
        baseline: { value: 60, date: "2007-06-01" },
        dataSourceEn: "IWGTIP secretariat, from the calls for updates (illustrative).",
        dataSourceFr: "Secrétariat du GTITP, d’après les appels de mises à jour (indicatif).",
        initiatives: ["IWG-0012"],
        targets: [{ fiscalYear: 2007, type: "AT_LEAST", value: 80, by: [2008, 3] }],
        actuals: [],
      },
    ],
  },
];

const isoDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** Creates what is missing (by code), counting rows per table; `currentFiscalYear` places the "not yet due" target. */
export async function seedResultsFramework(
  tx: Tx,
  ids: { department: (acronym: string) => string; pillar: (code: string) => string; initiative: (code: string) => string | undefined },
  currentFiscalYear: number,
  count: (table: string, rows?: number) => void,
): Promise<void> {
  for (const [index, result] of seedResults.entries()) {
    const existing = await tx.expectedResult.findUnique({ where: { code: result.code }, select: { id: true } });
    if (existing) continue;
    const created = await tx.expectedResult.create({
      data: {
        code: result.code,
        pillarId: ids.pillar(result.pillar),
        level: result.level,
        titleEn: result.titleEn,
        titleFr: result.titleFr,
        sortOrder: index + 1,
        departments: { create: result.departments.map((acronym) => ({ departmentId: ids.department(acronym) })) },
      },
      select: { id: true },
    });
    count("expected_results");
    count("expected_result_departments", result.departments.length);
    for (const indicator of result.indicators) {
      const initiativeIds = indicator.initiatives.map(ids.initiative).filter((id): id is string => id !== undefined);
      const row = await tx.indicator.create({
        data: {
          code: indicator.code,
          resultId: created.id,
          responsibleDepartmentId: ids.department(indicator.department),
          nameEn: indicator.nameEn,
          nameFr: indicator.nameFr,
          dataSourceEn: indicator.dataSourceEn,
          dataSourceFr: indicator.dataSourceFr,
          unit: indicator.unit,
          direction: "INCREASE",
          cumulative: indicator.cumulative,
          frequency: "ANNUAL",
          illustrative: indicator.illustrative,
          baselineValue: indicator.baseline.value,
          baselineDate: isoDate(indicator.baseline.date),
          initiatives: { create: initiativeIds.map((initiativeId) => ({ initiativeId })) },
        },
        select: { id: true },
      });
      count("indicators");
      count("indicator_initiatives", initiativeIds.length);
      for (const target of indicator.targets) {
        const fiscalYear = target.fiscalYear === "current" ? currentFiscalYear : target.fiscalYear;
        const [year, month] = target.by === "endOfYear" ? [fiscalYear + 1, 3] : target.by;
        await tx.indicatorTarget.create({
          data: {
            indicatorId: row.id,
            unit: indicator.unit,
            fiscalYear,
            targetType: target.type,
            minValue: target.type === "AT_MOST" ? null : target.value,
            maxValue: target.type === "AT_LEAST" ? null : target.value,
            achieveByYear: year,
            achieveByMonth: month,
          },
        });
        count("indicator_targets");
      }
      for (const actual of indicator.actuals) {
        await tx.indicatorActual.create({
          data: {
            indicatorId: row.id,
            unit: indicator.unit,
            fiscalYear: actual.fiscalYear,
            value: actual.value,
            measuredOn: isoDate(actual.measuredOn),
            explanationEn: actual.explanationEn ?? null,
            explanationFr: actual.explanationFr ?? null,
          },
        });
        count("indicator_actuals");
      }
    }
  }
}
