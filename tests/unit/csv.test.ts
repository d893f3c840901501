import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/format/csv";

describe("CSV exports", () => {
  it("starts with a byte-order mark and quotes the cells that need it", () => {
    const csv = toCsv(["Quand", "Action"], [["2007-09-01", 'il a dit "oui", puis non'], [null, 3]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe('Quand,Action\r\n2007-09-01,"il a dit ""oui"", puis non"\r\n,3\r\n');
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    expect(toCsv(["a"], [["=HYPERLINK(1)"], ["-1+1"], ["@sum"], [-12]])).toContain(`'=HYPERLINK(1)\r\n'-1+1\r\n'@sum\r\n-12\r\n`);
  });
});
