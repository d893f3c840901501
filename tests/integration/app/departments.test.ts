import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { randomUUID } from "node:crypto";
import { DEPARTMENT_PAGE_SIZE, getDepartmentByAcronym, listDepartments } from "@/lib/departments/queries";
import { db } from "@/lib/db";
import { departmentId, pillarId } from "../../support/database";
import { makeActionItem } from "../meetings/support";

const reader: SessionUser = {
  id: "00000000-0000-0000-0000-000000000000",
  email: "executive@iwgtip.example",
  displayName: "Reader",
  role: "EXECUTIVE",
  departmentId: null,
  departmentAcronym: null,
  language: "en",
};

describe("departments", () => {
  it("lists the 16 members sorted by name in the page's language", async () => {
    for (const locale of ["en", "fr"] as const) {
      const departments = await listDepartments(reader, locale);
      expect(departments).toHaveLength(16);
      const names = departments.map((department) => (locale === "fr" ? department.nameFr : department.nameEn));
      const collator = new Intl.Collator(locale === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
      expect(names).toEqual([...names].sort(collator.compare));
    }
  });

  it("marks Justice Canada as the chair", async () => {
    const departments = await listDepartments(reader, "en");
    expect(departments.filter((department) => department.isChair).map((department) => department.acronymEn)).toEqual(["JUS"]);
  });

  it("finds a department by its English or French acronym, in any case", async () => {
    const byEnglish = await getDepartmentByAcronym(reader, "rcmp");
    const byFrench = await getDepartmentByAcronym(reader, "GRC");
    expect(byEnglish?.nameEn).toBe("Royal Canadian Mounted Police");
    expect(byFrench?.id).toBe(byEnglish?.id);
  });

  it("gives what a department leads, partners on, and its representatives", async () => {
    const rcmp = await getDepartmentByAcronym(reader, "RCMP");
    expect(rcmp?.ledInitiatives.map((initiative) => initiative.code)).toEqual(expect.arrayContaining(["IWG-0002", "IWG-0003"]));
    expect(rcmp?.partnerInitiatives.map((initiative) => initiative.code)).toEqual(expect.arrayContaining(["IWG-0001", "IWG-0007", "IWG-0008"]));
    expect(rcmp?.users.map((user) => user.email)).toContain("rep.rcmp@iwgtip.example");
  });

  it("gives each initiative's pillar and lead, and the funding of what it leads summed per fiscal year, as Prisma sums it", async () => {
    const rcmp = (await getDepartmentByAcronym(reader, "RCMP"))!;
    const expected = await db.initiative.findUniqueOrThrow({ where: { code: "IWG-0002" }, select: { id: true, titleEn: true, status: true, health: true, progress: true, primaryPillar: { select: { code: true, nameEn: true, nameFr: true } }, leadDepartment: { select: { acronymEn: true, acronymFr: true } } } });
    expect(rcmp.ledInitiatives.find((row) => row.code === "IWG-0002")).toMatchObject(expected);
    const sums = await db.fundingLine.groupBy({
      by: ["fiscalYear"],
      where: { deletedAt: null, initiative: { archivedAt: null, leadDepartmentId: rcmp.id } },
      _sum: { allocatedCents: true, spentCents: true },
      orderBy: { fiscalYear: "asc" },
    });
    expect(sums.length).toBeGreaterThan(0);
    expect(rcmp.fundingTotals).toEqual(sums.map((row) => ({ fiscalYear: row.fiscalYear, allocatedCents: row._sum.allocatedCents ?? 0n, spentCents: row._sum.spentCents ?? 0n })));
  });

  it("answers null for a department that does not exist", async () => {
    expect(await getDepartmentByAcronym(reader, "NOPE")).toBeNull();
    expect(await getDepartmentByAcronym(reader, "x".repeat(500))).toBeNull();
  });

  it("gives one page of each list, in order, with the totals, however much the department holds", async () => {
    const [lead, partner, pillar] = await Promise.all([departmentId("JUS"), departmentId("SWC"), pillarId("PARTNERSHIPS")]);
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const ids: string[] = [];
    for (let index = 0; index < DEPARTMENT_PAGE_SIZE + 2; index += 1) {
      const created = await db.initiative.create({
        data: { code: `DEP-${tag}-${String(index).padStart(2, "0")}`, titleEn: "Paged", titleFr: "Paginée", leadDepartmentId: lead, primaryPillarId: pillar, status: "PLANNED", partners: { create: { departmentId: partner } } },
        select: { id: true },
      });
      ids.push(created.id);
    }
    const items = [];
    for (let index = 0; index < DEPARTMENT_PAGE_SIZE + 1; index += 1) items.push(await makeActionItem("JUS"));
    try {
      const led = await db.initiative.findMany({ where: { leadDepartmentId: lead, archivedAt: null }, orderBy: { code: "asc" }, select: { code: true } });
      const first = await getDepartmentByAcronym(reader, "JUS");
      const second = await getDepartmentByAcronym(reader, "JUS", { led: 2, partner: 1, actions: 1 });
      expect(first?.totals.led).toBe(led.length);
      expect(first?.ledInitiatives.map((row) => row.code)).toEqual(led.slice(0, DEPARTMENT_PAGE_SIZE).map((row) => row.code));
      expect(second?.ledInitiatives.map((row) => row.code)).toEqual(led.slice(DEPARTMENT_PAGE_SIZE, 2 * DEPARTMENT_PAGE_SIZE).map((row) => row.code));

      const partnered = await db.initiativePartner.findMany({ where: { departmentId: partner, initiative: { archivedAt: null } }, orderBy: { initiative: { code: "asc" } }, select: { initiative: { select: { code: true } } } });
      const swcPage2 = await getDepartmentByAcronym(reader, "SWC", { led: 1, partner: 2, actions: 1 });
      expect(swcPage2?.totals.partner).toBe(partnered.length);
      expect(swcPage2?.partnerInitiatives.map((row) => row.code)).toEqual(partnered.slice(DEPARTMENT_PAGE_SIZE, 2 * DEPARTMENT_PAGE_SIZE).map((row) => row.initiative.code));

      const owned = await db.actionItem.findMany({ where: { ownerDepartmentId: lead }, orderBy: [{ status: "asc" }, { dueDate: "asc" }, { id: "asc" }], select: { id: true } });
      expect(first?.totals.actions).toBe(owned.length);
      expect(first?.more).toEqual({ led: false, partner: false, actions: false });
      // Counted only so far past the page: "more than" one page when nothing is counted ahead.
      const counted = await getDepartmentByAcronym(reader, "JUS", { led: 1, partner: 1, actions: 1 }, { countAhead: 0 });
      expect(owned.length).toBeGreaterThan(DEPARTMENT_PAGE_SIZE);
      expect(counted?.totals.actions).toBe(DEPARTMENT_PAGE_SIZE);
      expect(counted?.more.actions).toBe(true);
      expect(counted?.actionItems).toEqual(first?.actionItems);
      const pages = await Promise.all([1, 2].map(async (page) => (await getDepartmentByAcronym(reader, "jus", { led: 1, partner: 1, actions: page }))!.actionItems));
      expect(pages.flat().map((item) => item.id)).toEqual(owned.slice(0, 2 * DEPARTMENT_PAGE_SIZE).map((item) => item.id));
      expect(pages[0]).toHaveLength(DEPARTMENT_PAGE_SIZE);
      expect(pages[0]![0]!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await db.initiative.updateMany({ where: { id: { in: ids } }, data: { archivedAt: new Date() } });
      await db.actionItem.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { status: "CANCELLED" } });
    }
  });
});
