import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it, vi } from "vitest";
import { config } from "@/proxy";

vi.mock("next-intl/middleware", () => ({ default: () => () => null }));

const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("the document upload and the proxy (issue 20)", () => {
  it("keeps the upload out of the proxy, which would buffer its body in memory (its handler checks cross-site itself)", () => {
    expect(runs("/api/documents/upload")).toBe(false);
    expect(runs("/api/documents/upload?target=meeting&targetId=x")).toBe(false);
  });

  it("sends every other document route through it, downloads included", () => {
    expect(runs("/api/documents/versions/00000000-0000-0000-0000-000000000000")).toBe(true);
    expect(runs("/api/documents/upload/more")).toBe(true);
    expect(runs("/api/documents/uploads")).toBe(true);
    expect(runs("/en/meetings/00000000-0000-0000-0000-000000000000")).toBe(true);
  });
});
