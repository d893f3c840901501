import { afterEach, describe, expect, it, vi } from "vitest";
import { DatabaseNotConfiguredError } from "@/lib/db";
import { guardedRoute } from "@/lib/security/route-handler";

afterEach(() => vi.restoreAllMocks());

function failing(error: unknown) {
  return guardedRoute(async (_request: Request) => {
    throw error;
  });
}

describe("route handlers that fail (CSV, PDF, .ics)", () => {
  it("answer 500 in both languages with the request id, never the message or the stack, and log one JSON line", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("relation \"secret_table\" does not exist at /srv/app/lib/x.ts:12");
    const response = await failing(secret)(new Request("http://portal.test/api/initiatives/export", { headers: { "x-request-id": "req-abcdef12" } }));
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("req-abcdef12");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain("req-abcdef12");
    expect(body).toContain("Something went wrong");
    expect(body).toContain("Un problème est survenu");
    expect(body).not.toMatch(/secret_table|\/srv\/app|at /);

    expect(log).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(log.mock.calls[0]![0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", msg: "route handler failed", requestId: "req-abcdef12", method: "GET", path: "/api/initiatives/export" });
    expect(line.error).toMatchObject({ name: "Error", message: secret.message });
  });

  it("answer 503 'service unavailable' when the database cannot be reached", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await failing(new DatabaseNotConfiguredError())(new Request("http://portal.test/api/meetings/x/pdf"));
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).toContain("temporarily unavailable");
    expect(body).toContain("temporairement indisponible");
    expect(body).toMatch(/Reference \/ Référence : [0-9a-f-]{36}/);
  });

  it("pass a successful answer through untouched", async () => {
    const ok = guardedRoute(async (_request: Request, id: string) => new Response(`meeting ${id}`));
    const response = await ok(new Request("http://portal.test/api/meetings/7/ics"), "7");
    expect(await response.text()).toBe("meeting 7");
  });
});
