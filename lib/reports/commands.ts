import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand } from "@/lib/kernel/registry";
import { refuseConflict, refuseNotFound } from "@/lib/kernel/refusals";
import { enforceLanguageGate } from "@/lib/translation/commands";
import { buildAnnualReportContent, reportMissingTexts } from "./queries";
import { generateAnnualReportSchema, issueAnnualReportSchema, type AnnualReportContent } from "./schemas";

/**
 * The annual progress report (issue 19.4). Generating makes (or remakes) the fiscal year's draft from the data, in
 * one click; issuing freezes it (a trigger refuses any later change), through the language gate of issue 21.4.
 */
export const generateAnnualReport = defineCommand({
  name: "annualReport.generate",
  permission: "reports.manage",
  schema: generateAnnualReportSchema,
  run: async ({ user, input, tx, requestId }) => {
    const content = await buildAnnualReportContent(user, input.fiscalYear);
    const generatedAt = new Date(content.generatedAt);
    // One draft per fiscal year: lock the year's rows so that two coordinators generating at once make one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('annual_report'), ${input.fiscalYear})`;
    const draft = await tx.annualReport.findFirst({ where: { fiscalYear: input.fiscalYear, status: "DRAFT" }, select: { id: true, revision: true, version: true } });
    let id: string;
    let revision: number;
    if (draft) {
      await tx.annualReport.update({ where: { id: draft.id }, data: { content, generatedAt, generatedById: user.id, version: { increment: 1 } } });
      ({ id, revision } = draft);
    } else {
      const last = await tx.annualReport.aggregate({ where: { fiscalYear: input.fiscalYear }, _max: { revision: true } });
      revision = (last._max.revision ?? 0) + 1;
      ({ id } = await tx.annualReport.create({ data: { fiscalYear: input.fiscalYear, revision, status: "DRAFT", content, generatedAt, generatedById: user.id }, select: { id: true } }));
    }
    await recordAudit(tx, { actorId: user.id, action: "annualReport.generate", entityType: "annual_report", entityId: id, after: { fiscalYear: input.fiscalYear, revision, regenerated: Boolean(draft) }, requestId });
    return { id, fiscalYear: input.fiscalYear, revision };
  },
});

export const issueAnnualReport = defineCommand({
  name: "annualReport.issue",
  permission: "reports.manage",
  schema: issueAnnualReportSchema,
  run: async ({ user, input, tx, requestId }) => {
    const report = await tx.annualReport.findUnique({ where: { id: input.id }, select: { id: true, status: true, version: true, fiscalYear: true, revision: true, content: true } });
    if (!report) refuseNotFound();
    if (report.status !== "DRAFT" || report.version !== input.version) await refuseConflict(tx, "annual_report", report.id);
    // Both official languages go out at the same time (issue 21.4), unless the coordinator gives a reason (audited).
    const missing = reportMissingTexts(report.content as AnnualReportContent);
    await enforceLanguageGate(tx, { user, missing, entityType: "annual_report", entityId: report.id, scope: "annual_report", overrideReason: input.overrideReason, requestId });
    const issuedAt = new Date();
    const changed = await tx.annualReport.updateMany({ where: { id: report.id, status: "DRAFT", version: input.version }, data: { status: "ISSUED", issuedAt, issuedById: user.id, version: { increment: 1 } } });
    if (changed.count === 0) await refuseConflict(tx, "annual_report", report.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "annualReport.issue",
      entityType: "annual_report",
      entityId: report.id,
      before: { status: "DRAFT" },
      after: { status: "ISSUED", fiscalYear: report.fiscalYear, revision: report.revision, overridden: missing.length > 0 },
      requestId,
    });
    return { id: report.id, fiscalYear: report.fiscalYear };
  },
});
