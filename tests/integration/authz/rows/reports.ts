/**
 * Authorization matrix rows for the annual progress report (issue 19.4): coordinators and administrators generate
 * and issue it; representatives and executives only read issued reports (no command).
 */
import { db } from "@/lib/db";
import { currentFiscalYear } from "@/lib/reports/schemas";
import { managersOnly } from "./meetings";
import type { MatrixRow } from "../matrix-types";

/** A fresh draft of the current fiscal year (any earlier draft is issued first, so a new revision is the draft). */
async function draft() {
  const fiscalYear = currentFiscalYear();
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@iwgtip.example" }, select: { id: true } });
  await db.annualReport.updateMany({ where: { fiscalYear, status: "DRAFT" }, data: { status: "ISSUED", issuedAt: new Date(), issuedById: coordinator.id } });
  const last = await db.annualReport.aggregate({ where: { fiscalYear }, _max: { revision: true } });
  const content = { fiscalYear, generatedAt: new Date().toISOString(), pillars: [], decisions: [] };
  return db.annualReport.create({
    data: { fiscalYear, revision: (last._max.revision ?? 0) + 1, status: "DRAFT", content, generatedAt: new Date(), generatedById: coordinator.id },
    select: { id: true, version: true },
  });
}

export const rows: MatrixRow[] = [
  { command: "annualReport.generate", prepare: async () => ({ fiscalYear: currentFiscalYear() }), expect: managersOnly },
  {
    command: "annualReport.issue",
    prepare: async () => {
      const report = await draft();
      return { id: report.id, version: report.version };
    },
    expect: managersOnly,
  },
];
