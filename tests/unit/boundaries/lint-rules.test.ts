import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The boundaries of eslint.config.mjs are in force (issue 16): each rule fails the lint when broken, and the
 * allowed way through passes. Files are linted as if they stood at `filePath`.
 */
describe("boundaries the lint holds", () => {
  const eslint = new ESLint();
  const refused = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((message) => message.ruleId === "no-restricted-imports" || message.ruleId === "no-restricted-syntax").map((message) => message.line);
  };

  it("components never import from the routes (app/)", async () => {
    const code = ['import { createMeetingAction } from "@/app/[locale]/(portal)/meetings/actions";', 'import { fieldsOf } from "../../app/[locale]/(portal)/admin/fields";', "export const used = [createMeetingAction, fieldsOf];"].join("\n");
    expect(await refused("components/meetings/probe.tsx", code)).toEqual([1, 2]);
  }, 60_000);

  it("the domain and its foundations never import components or routes", async () => {
    const code = ['import { TextField } from "@/components/forms/fields";', 'import { createMeetingAction } from "@/app/[locale]/(portal)/meetings/actions";', "export const used = [TextField, createMeetingAction];"].join("\n");
    expect(await refused("lib/initiatives/probe.ts", code)).toEqual([1, 2]);
    expect(await refused("lib/kernel/probe.ts", code)).toEqual([1, 2]);
  }, 60_000);

  it("a domain reaches another only through its public modules", async () => {
    const code = [
      'import { scheduleAgenda } from "@/lib/agenda/timing";',
      'import { staleDaysSql } from "@/lib/settings/sql";',
      'import { onAgenda } from "@/lib/agenda";',
      'import { getMeeting } from "@/lib/meetings/queries";',
      'import { recordDecision } from "@/lib/decisions/commands";',
      'import { createMeetingSchema } from "@/lib/meetings/schemas";',
      'import { defineCommand } from "@/lib/kernel/registry";',
      'import { recordAudit } from "@/lib/audit/record";',
      'import { parseInitiativeFilters } from "@/lib/initiatives/filters";',
      "export const used = [scheduleAgenda, staleDaysSql, onAgenda, getMeeting, recordDecision, createMeetingSchema, defineCommand, recordAudit, parseInitiativeFilters];",
    ].join("\n");
    // Lines 1-2 reach into another domain's internals; 3-8 use public modules or foundations; 9 is its own domain.
    expect(await refused("lib/initiatives/probe.ts", code)).toEqual([1, 2]);
    expect(await refused("lib/dashboard/probe.ts", code)).toEqual([1, 2, 9]);
  }, 60_000);

  it("pages never reach the database client, directly or through a re-export in lib/", async () => {
    expect(await refused("app/[locale]/(portal)/probe/page.tsx", 'import { db } from "@/lib/db";\nimport { Prisma } from "@/lib/generated/prisma/client";\nexport const used = [db, Prisma];')).toEqual([1, 2]);
    expect(await refused("components/probe.tsx", 'import { db } from "@/lib/db";\nexport const used = db;')).toEqual([1]);
    const reExports = ['export { db } from "@/lib/db";', 'export * from "@/lib/db";', 'import { db as client } from "@/lib/db";', "export { client as db };", 'export * from "@/lib/generated/prisma/client";'].join("\n");
    expect(await refused("lib/initiatives/index.ts", reExports)).toEqual([1, 2, 4, 5]);
    // What a page may have: the check that the database is unreachable, re-exported without the client.
    expect(await refused("lib/db-errors.ts", 'export { isDatabaseUnavailableError } from "@/lib/db";')).toEqual([]);
  }, 60_000);
});
