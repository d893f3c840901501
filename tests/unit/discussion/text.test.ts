import { describe, expect, it } from "vitest";
import { mentionedEmails, parseCommentText } from "@/lib/discussion/text";

describe("comment text", () => {
  it("finds initiative codes, decision numbers and mentions, and gives the text back unchanged", () => {
    const body = "@coordinator@iwgtip.example see IWG-0007 and 2007-09-D1.";
    const pieces = parseCommentText(body);
    expect(pieces).toEqual([
      { kind: "mention", text: "@coordinator@iwgtip.example", email: "coordinator@iwgtip.example" },
      { kind: "text", text: " see " },
      { kind: "initiative", text: "IWG-0007", code: "IWG-0007" },
      { kind: "text", text: " and " },
      { kind: "decision", text: "2007-09-D1", number: "2007-09-D1" },
      { kind: "text", text: "." },
    ]);
    expect(pieces.map((piece) => piece.text).join("")).toBe(body);
  });

  it("leaves out codes inside words, e-mail addresses without @ before them, and a sentence's full stop", () => {
    expect(parseCommentText("XIWG-0007 and AIWG-12 and 12007-09-D1x").every((piece) => piece.kind === "text")).toBe(true);
    expect(mentionedEmails("write to jane@iwgtip.example or @Rep.JUS@iwgtip.example.")).toEqual(["rep.jus@iwgtip.example"]);
    expect(mentionedEmails("@a@b.example @a@b.example")).toEqual(["a@b.example"]);
  });

  it("treats HTML as text", () => {
    expect(parseCommentText("<b>IWG-0001</b>")).toEqual([
      { kind: "text", text: "<b>" },
      { kind: "initiative", text: "IWG-0001", code: "IWG-0001" },
      { kind: "text", text: "</b>" },
    ]);
  });
});
