import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The margin (in per cent of the target) beyond which a target exceeded needs an explanation (issue 18). Kept in
 * the `settings` table under its own key, so an administrator changes it without a release; 10 while unset or
 * malformed. (The settings form does not show it yet: see docs/results.md.)
 */
export const RESULTS_MARGIN_KEY = "resultsVarianceMarginPercent";
export const RESULTS_MARGIN_DEFAULT = 10;
const marginSchema = z.number().min(0).max(100);

export async function readResultsMargin(client: Pick<Prisma.TransactionClient, "setting"> = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: RESULTS_MARGIN_KEY }, select: { value: true } });
  const parsed = marginSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : RESULTS_MARGIN_DEFAULT;
}
