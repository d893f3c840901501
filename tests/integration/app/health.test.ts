import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";

describe("the health check", () => {
  it("reports the database up", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", database: "up" });
  });
});
