import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/audit/csv";

describe("CSV exports", () => {
  it("starts with a byte-order mark and quotes every cell", () => {
    const csv = toCsv(["Quand", "Action"], [["2007-09-01", 'il a dit "oui"'], [null, 3]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe('"Quand","Action"\r\n"2007-09-01","il a dit ""oui"""\r\n"","3"\r\n');
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    expect(toCsv(["a"], [["=HYPERLINK(1)"], ["-1+1"], ["@sum"]])).toContain(`"'=HYPERLINK(1)"\r\n"'-1+1"\r\n"'@sum"`);
  });
});
