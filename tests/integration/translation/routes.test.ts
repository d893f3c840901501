import { XMLParser } from "fast-xml-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { expectUnchanged, sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";

// The route handlers read the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const { GET } = await import("@/app/api/translation/xliff/route");
const { POST } = await import("@/app/api/translation/import/route");

afterEach(() => {
  signedIn.user = null;
});

async function itemLackingFrench(title: string) {
  const meeting = await makeMeeting();
  return db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: title, titleFr: "", minutes: 10 }, select: { id: true } });
}

function upload(file: string | null, locale = "fr", headers: Record<string, string> = {}) {
  const form = new FormData();
  if (file !== null) form.set("file", new File([file], "translated.xlf", { type: "application/x-xliff+xml" }));
  return POST(new Request(`http://localhost/api/translation/import?locale=${locale}`, { method: "POST", body: form, headers }));
}

describe("the XLIFF route handlers (GET /api/translation/xliff, POST /api/translation/import)", () => {
  it("answers only the coordinator's roles: 401 signed out, 404 for a representative", async () => {
    expect((await GET(new Request("http://localhost/api/translation/xliff?keys=x"))).status).toBe(401);
    signedIn.user = await sessionUser("rep.jus@iwgtip.example");
    expect((await GET(new Request("http://localhost/api/translation/xliff?keys=x"))).status).toBe(404);
    expect((await expectUnchanged(() => upload("<x/>"))).status).toBe(404);
  });

  it("exports the selected texts as an XLIFF download, and imports the translated file back, then shows the report", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const item = await itemLackingFrench("Handler round trip");
    const key = `agenda_item:${item.id}:title`;
    const response = await GET(new Request(`http://localhost/api/translation/xliff?keys=${encodeURIComponent(key)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-xliff+xml");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="iwgtip-translation-\d{4}-\d{2}-\d{2}\.xlf"$/);
    const exported = await response.text();
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(exported);
    expect(doc.xliff.file.body["trans-unit"]["@id"]).toBe(key);

    const translated = exported.replace("Handler round trip</source>", "Handler round trip</source><target>Aller-retour</target>");
    const answer = await upload(translated);
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get("location")!, "http://localhost");
    expect(location.pathname).toBe("/fr/translation");
    expect(location.searchParams.get("report")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).titleFr).toBe("Aller-retour");
  });

  it("sends a refused file back to the page with its reason, changing nothing", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    for (const [file, reason] of [["not xml", "xliffNotXml"], ['<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "xliffDoctype"], [null, "required"]] as const) {
      const answer = await expectUnchanged(() => upload(file, "en"));
      expect(answer.status).toBe(303);
      const location = new URL(answer.headers.get("location")!, "http://localhost");
      expect([location.pathname, location.searchParams.get("importError")]).toEqual(["/en/translation", reason]);
    }
    // Over 10 MB by its declared length (the proxy would pass on only the first 10 MB of it).
    const tooLarge = await expectUnchanged(() => upload("<x/>", "en", { "content-length": String(11 * 1024 * 1024) }));
    expect(new URL(tooLarge.headers.get("location")!, "http://localhost").searchParams.get("importError")).toBe("xliffTooLarge");
    // An empty selection: nothing to export.
    expect((await GET(new Request("http://localhost/api/translation/xliff"))).status).toBe(400);
  });
});
