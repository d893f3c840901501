import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, cleanFileName, extensionMismatch, servedFileName, sniffKind, zipEntryNames } from "@/lib/documents/sniff";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const sniff = (content: Uint8Array, fileName = "file", isText = false) => sniffKind({ head: content.subarray(0, 4096), tail: content, size: content.length, isText, fileName });

async function zipWith(names: string[], options: { mimetype?: string } = {}) {
  const zip = new JSZip();
  if (options.mimetype) zip.file("mimetype", options.mimetype, { compression: "STORE" });
  for (const name of names) zip.file(name, "<x/>");
  return new Uint8Array(await zip.generateAsync({ type: "nodebuffer" }));
}

describe("the type of a file, from its content", () => {
  it("knows PDF, PNG and JPEG by their first bytes", () => {
    expect(sniff(bytes("%PDF-1.7\n..."))).toBe("pdf");
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("jpeg");
  });

  it("tells DOCX, XLSX, PPTX and OpenDocument apart by the ZIP's entries", async () => {
    expect(sniff(await zipWith(["[Content_Types].xml", "word/document.xml"]))).toBe("docx");
    expect(sniff(await zipWith(["[Content_Types].xml", "xl/workbook.xml"]))).toBe("xlsx");
    expect(sniff(await zipWith(["[Content_Types].xml", "ppt/presentation.xml"]))).toBe("pptx");
    expect(sniff(await zipWith(["content.xml"], { mimetype: "application/vnd.oasis.opendocument.text" }))).toBe("odt");
    expect(sniff(await zipWith(["content.xml"], { mimetype: "application/vnd.oasis.opendocument.spreadsheet" }))).toBe("ods");
    // A ZIP that is none of them (or a JAR) is refused.
    expect(sniff(await zipWith(["META-INF/MANIFEST.MF", "a.class"]))).toBeNull();
    expect(zipEntryNames(await zipWith(["a.txt", "b/c.txt"]), (await zipWith(["a.txt", "b/c.txt"])).length)).toEqual(["a.txt", "b/", "b/c.txt"]);
  });

  it("accepts text only when all of it is text; refuses executables and HTML is only text", () => {
    expect(sniff(bytes("a,b\n1,2\n"), "data.csv", true)).toBe("csv");
    expect(sniff(bytes("notes"), "notes.txt", true)).toBe("txt");
    expect(sniff(bytes("MZ\x90\x00"), "setup.pdf")).toBeNull();
    expect(sniff(new Uint8Array(0), "empty.txt", true)).toBeNull();
  });

  it("catches a name whose extension says another type", () => {
    expect(extensionMismatch("paper.pdf", "docx")).toBe(true);
    expect(extensionMismatch("page.html", "txt")).toBe(true);
    expect(extensionMismatch("data.txt", "csv")).toBe(false);
    expect(extensionMismatch("photo.JPG", "jpeg")).toBe(false);
    expect(extensionMismatch("no-extension", "pdf")).toBe(false);
    expect(servedFileName("no-extension", "pdf")).toBe("no-extension.pdf");
  });
});

describe("file names", () => {
  it("keeps the last segment, without control or direction-override characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\me\\Note.docx")).toBe("Note.docx");
    expect(cleanFileName("evil\u202etxt.exe")).toBe("eviltxt.exe");
    expect(cleanFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(cleanFileName("..")).toBeNull();
    expect(cleanFileName(`${"a".repeat(500)}.pdf`)).toBeNull();
  });

  it("serves them as attachments with an ASCII fallback and the exact name in RFC 5987 form", () => {
    const header = attachmentDisposition('Note "été" 2026;.pdf');
    expect(header).toBe(`attachment; filename="Note _ete_ 2026_.pdf"; filename*=UTF-8''Note%20%22%C3%A9t%C3%A9%22%202026%3B.pdf`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('Note "été" 2026;.pdf');
  });
});
