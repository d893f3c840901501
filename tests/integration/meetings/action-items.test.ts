import { describe, expect, it } from "vitest";
import { createActionItem, updateActionItemStatus } from "@/lib/action-items/commands";
import { listActionItems } from "@/lib/action-items/queries";
import { db } from "@/lib/db";
import { departmentId, sessionUser } from "../../support/database";
import { daysFromToday, makeActionItem } from "./support";

describe("action items", () => {
  it("lets a representative raise an item for their own department, audited", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const result = await createActionItem(rep, {
      titleEn: "Send the draft terms of reference",
      titleFr: "Envoyer l'ébauche du mandat",
      ownerDepartmentId: await departmentId("JUS"),
      assigneeId: rep.id,
      dueDate: daysFromToday(5),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const audit = await db.auditEvent.findFirst({ where: { entityId: result.data.id, action: "actionItem.create" } });
    expect(audit?.actorId).toBe(rep.id);
  });

  it("refuses a representative raising an item for another department", async () => {
    const rep = await sessionUser("rep.rcmp@iwgtip.example");
    const result = await createActionItem(rep, { titleEn: "x", titleFr: "x", ownerDepartmentId: await departmentId("JUS"), dueDate: daysFromToday(5) });
    expect(result).toEqual({ ok: false, code: "forbidden" });
  });

  it("refuses a due date in the past on a new item, with a message at the field and nothing saved", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const before = await db.actionItem.count();
    const result = await createActionItem(coordinator, { titleEn: "Late", titleFr: "En retard", ownerDepartmentId: await departmentId("CIC"), dueDate: daysFromToday(-1) });
    expect(result).toEqual({ ok: false, code: "invalid", fieldErrors: { dueDate: [{ key: "dateInPast" }] } });
    expect(await db.actionItem.count()).toBe(before);
  });

  it("refuses an assignee outside the owner department", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rcmpRep = await sessionUser("rep.rcmp@iwgtip.example");
    const result = await createActionItem(coordinator, { titleEn: "a", titleFr: "a", ownerDepartmentId: await departmentId("CIC"), assigneeId: rcmpRep.id, dueDate: daysFromToday(3) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("invalid");
  });

  it("lets the owning department's representative close an item with a note, and refuses another department's", async () => {
    const item = await makeActionItem("JUS");
    const other = await sessionUser("rep.rcmp@iwgtip.example");
    expect(await updateActionItemStatus(other, { id: item.id, status: "DONE", version: item.version })).toEqual({ ok: false, code: "forbidden" });
    const own = await sessionUser("rep.jus@iwgtip.example");
    const done = await updateActionItemStatus(own, { id: item.id, status: "DONE", completionNote: "Sent.", version: item.version });
    expect(done.ok).toBe(true);
    const saved = await db.actionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved.status).toBe("DONE");
    expect(saved.completionNote).toBe("Sent.");
    expect(saved.completedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { entityId: item.id, action: "actionItem.updateStatus" } });
    expect(audit?.before).toMatchObject({ status: "OPEN" });
    expect(audit?.after).toMatchObject({ status: "DONE" });
  });

  it("answers conflict on a stale version, naming who changed it", async () => {
    const item = await makeActionItem("JUS");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    await updateActionItemStatus(coordinator, { id: item.id, status: "IN_PROGRESS", version: item.version });
    const stale = await updateActionItemStatus(coordinator, { id: item.id, status: "DONE", version: item.version });
    expect(stale).toMatchObject({ ok: false, code: "conflict", changedBy: coordinator.displayName });
  });

  it("refuses an executive, and answers not found for an unknown item", async () => {
    const item = await makeActionItem("JUS");
    const executive = await sessionUser("executive@iwgtip.example");
    expect(await updateActionItemStatus(executive, { id: item.id, status: "DONE", version: 1 })).toEqual({ ok: false, code: "forbidden" });
    const admin = await sessionUser("admin@iwgtip.example");
    expect(await updateActionItemStatus(admin, { id: "00000000-0000-4000-8000-000000000000", status: "DONE", version: 1 })).toEqual({ ok: false, code: "not_found" });
  });

  it("lists overdue items by the date in Toronto, and my department's", async () => {
    const overdue = await makeActionItem("JUS", { dueDate: daysFromToday(-2) });
    const dueToday = await makeActionItem("JUS", { dueDate: daysFromToday(0) });
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const ids = async (view: "overdue" | "department") => {
      const all = [];
      for (let page = 1; ; page++) {
        const list = await listActionItems(rep, { view, page });
        all.push(...list.rows);
        if (page >= list.pageCount) break;
      }
      return all;
    };
    const overdueRows = await ids("overdue");
    expect(overdueRows.map((row) => row.id)).toContain(overdue.id);
    expect(overdueRows.map((row) => row.id)).not.toContain(dueToday.id);
    const mine = await ids("department");
    expect(mine.every((row) => row.owner.en === "JUS")).toBe(true);
    expect(mine.find((row) => row.id === overdue.id)?.canChangeStatus).toBe(true);
  });
});
