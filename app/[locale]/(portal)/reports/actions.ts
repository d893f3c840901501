"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { generateAnnualReport, issueAnnualReport } from "@/lib/reports/commands";
import { fiscalYearSlug } from "@/lib/reports/schemas";

/**
 * Thin server actions of the annual progress report (issue 19.4): form data in, command, form state out (the
 * commands validate and authorize). After success, to the report's page with what happened.
 */

async function toReport(fiscalYear: number, notice: string): Promise<never> {
  const locale = await getLocale();
  revalidatePath("/", "layout");
  return redirect({ href: { pathname: `/reports/annual/${fiscalYearSlug(fiscalYear)}`, query: { notice } }, locale: locale === "fr" ? "fr" : "en" });
}

export async function generateReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let fiscalYear: number | null = null;
  const state = await runFormCommand(generateAnnualReport, formData, { onSuccess: (data) => void (fiscalYear = data.fiscalYear) });
  if (state.status === "success" && fiscalYear !== null) await toReport(fiscalYear, "generated");
  return state;
}

export async function issueReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let fiscalYear: number | null = null;
  const state = await runFormCommand(issueAnnualReport, formData, { onSuccess: (data) => void (fiscalYear = data.fiscalYear) });
  if (state.status === "success" && fiscalYear !== null) await toReport(fiscalYear, "issued");
  return state;
}
