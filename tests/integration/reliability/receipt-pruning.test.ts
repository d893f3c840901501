import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RECEIPT_RETENTION_DAYS, pruneCommandReceipts } from "@/lib/jobs/housekeeping";
import { sessionUser } from "../../support/database";

const day = 24 * 60 * 60 * 1000;

describe("forgetting old idempotency receipts", () => {
  it("deletes receipts older than the retention and keeps the recent ones", async () => {
    const { id: actorId } = await sessionUser("coordinator@iwgtip.example");
    const now = new Date();
    const old = { actorId, command: "test.receipt-pruning", key: randomUUID(), createdAt: new Date(now.getTime() - (RECEIPT_RETENTION_DAYS + 1) * day) };
    const recent = { actorId, command: "test.receipt-pruning", key: randomUUID(), createdAt: new Date(now.getTime() - (RECEIPT_RETENTION_DAYS - 1) * day) };
    await db.commandReceipt.createMany({ data: [old, recent] });

    expect(await pruneCommandReceipts(db, now)).toBeGreaterThanOrEqual(1);

    const left = await db.commandReceipt.findMany({ where: { command: "test.receipt-pruning" }, select: { key: true } });
    expect(left.map((receipt) => receipt.key)).toEqual([recent.key]);
    await db.commandReceipt.deleteMany({ where: { command: "test.receipt-pruning" } });
  });

  it("deletes nothing when every receipt is recent", async () => {
    const farPast = new Date("2000-01-01T00:00:00Z");
    expect(await pruneCommandReceipts(db, farPast)).toBe(0);
  });
});
