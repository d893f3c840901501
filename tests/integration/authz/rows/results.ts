import { departmentId, pillarId } from "../../../support/database";
import { makeActual, makeIndicator, makeResult, makeTarget } from "../../results/support";
import type { MatrixRow } from "../matrix-types";

/**
 * The results framework (issue 18): coordinators and administrators define results, indicators and targets and
 * review actuals; the representatives of the department responsible for an indicator (JUS here) enter and correct
 * its actuals, another department's cannot; executives only read.
 */
const framework = { ADMIN: "allow", COORDINATOR: "allow", OWN_REP: "deny", OTHER_REP: "deny", EXECUTIVE: "deny", SIGNED_OUT: "deny" } as const;
const reporters = { ADMIN: "allow", COORDINATOR: "allow", OWN_REP: "allow", OTHER_REP: "deny", EXECUTIVE: "deny", SIGNED_OUT: "deny" } as const;

async function resultInput() {
  return { pillarId: await pillarId("PREVENTION"), level: "OUTPUT", titleEn: "Awareness raised", titleFr: "", descriptionEn: "", descriptionFr: "", departmentIds: [await departmentId("JUS")] };
}

async function indicatorFields() {
  return {
    responsibleDepartmentId: await departmentId("JUS"),
    initiativeIds: [],
    nameEn: "Sessions held",
    nameFr: "Séances tenues",
    direction: "INCREASE",
    frequency: "ANNUAL",
    baselineValue: "12",
    baselineDate: "2006-03-31",
    locale: "en",
  };
}

export const rows: MatrixRow[] = [
  { command: "result.create", prepare: resultInput, expect: framework },
  { command: "result.update", prepare: async () => { const r = await makeResult(); return { id: r.id, version: r.version, ...(await resultInput()) }; }, expect: framework },
  { command: "result.archive", prepare: async () => { const r = await makeResult(); return { id: r.id, version: r.version }; }, expect: framework },
  { command: "indicator.create", prepare: async () => ({ resultId: (await makeResult()).id, unit: "NUMBER", ...(await indicatorFields()) }), expect: framework },
  { command: "indicator.update", prepare: async () => { const i = await makeIndicator("JUS"); return { id: i.id, version: i.version, ...(await indicatorFields()) }; }, expect: framework },
  { command: "indicator.archive", prepare: async () => { const i = await makeIndicator("JUS"); return { id: i.id, version: i.version }; }, expect: framework },
  {
    command: "indicatorTarget.set",
    prepare: async () => ({ indicatorId: (await makeIndicator("JUS")).id, fiscalYear: "2026", targetType: "RANGE", minValue: "10", maxValue: "20", achieveBy: "2027-03", locale: "en" }),
    expect: framework,
  },
  {
    command: "indicatorActual.enter",
    prepare: async () => {
      const indicator = await makeIndicator("JUS");
      await makeTarget(indicator, 2026, 100);
      return { indicatorId: indicator.id, fiscalYear: "2026", value: "105", measuredOn: "2027-03-31", locale: "en" };
    },
    expect: reporters,
  },
  {
    command: "indicatorActual.correct",
    prepare: async () => {
      const indicator = await makeIndicator("JUS");
      const actual = await makeActual(indicator, 2026, 120);
      return { actualId: actual.id, value: "130", measuredOn: "2027-03-31", reason: "The March sessions were left out.", locale: "en" };
    },
    expect: reporters,
  },
  // results2: archiving a target (the form on the indicator page).
  {
    command: "indicatorTarget.archive",
    prepare: async () => {
      const target = await makeTarget(await makeIndicator("JUS"), 2026, 100);
      return { id: target.id, version: target.version };
    },
    expect: framework,
  },
  { command: "indicatorActual.review", prepare: async () => ({ actualId: (await makeActual(await makeIndicator("JUS"))).id }), expect: framework },
];
