import { describe, expect, it } from "vitest";
import { moveItem, scheduleAgenda } from "@/lib/agenda/timing";
import { torontoToday, torontoWallClockToUtc, utcToTorontoWallClock } from "@/lib/kernel/time";

describe("Toronto time", () => {
  it("reads a wall-clock time in summer (EDT, UTC−4) and winter (EST, UTC−5)", () => {
    expect(torontoWallClockToUtc("2007-09-20", "13:30").toISOString()).toBe("2007-09-20T17:30:00.000Z");
    expect(torontoWallClockToUtc("2008-01-15", "13:30").toISOString()).toBe("2008-01-15T18:30:00.000Z");
  });

  it("round-trips an instant to the wall clock", () => {
    expect(utcToTorontoWallClock(new Date("2008-01-15T18:30:00Z"))).toEqual({ date: "2008-01-15", time: "13:30" });
  });

  it("takes today from Toronto, not from UTC: 02:00 UTC is still the day before there", () => {
    expect(torontoToday(new Date("2026-11-29T02:00:00Z"))).toBe("2026-11-28");
    expect(torontoToday(new Date("2026-11-29T06:00:00Z"))).toBe("2026-11-29");
  });
});

describe("agenda timing", () => {
  const start = new Date("2007-09-20T17:30:00Z");
  const end = new Date("2007-09-20T18:30:00Z");

  it("starts each item when the previous one ends", () => {
    const schedule = scheduleAgenda(start, end, [10, 5, 15]);
    expect(schedule.items.map((item) => item.startsAt.toISOString())).toEqual(["2007-09-20T17:30:00.000Z", "2007-09-20T17:40:00.000Z", "2007-09-20T17:45:00.000Z"]);
    expect(schedule.totalMinutes).toBe(30);
    expect(schedule.overrunMinutes).toBe(0);
  });

  it("warns by how much the agenda runs past the end", () => {
    expect(scheduleAgenda(start, end, [30, 30, 15]).overrunMinutes).toBe(15);
  });

  it("moves an item from one place to another", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 0, 5)).toEqual(["a", "b"]);
  });
});
