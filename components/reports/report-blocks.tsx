import type { Bilingual, DocxBlock } from "@/lib/exports/docx";
import type { Locale } from "@/lib/i18n/routing";

const pick = (text: Bilingual, locale: Locale) => (typeof text === "string" ? text : text[locale]);

/**
 * A report's blocks as the page shows them, from the same definition as its Word and PDF files: the document's
 * headings one level below the page's h1, paragraphs, lists, and tables with column headers.
 */
export function ReportBlocks({ blocks, locale, firstLevel = 2 }: { blocks: DocxBlock[]; locale: Locale; /** The HTML level of the document's first-level headings. */ firstLevel?: 2 | 3 }) {
  return (
    <div className="space-y-3" data-testid="report-content">
      {blocks.map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === "heading") {
          const text = pick(block.text, locale);
          const level = firstLevel + block.level - 1;
          if (level === 2) return <h2 key={key}>{text}</h2>;
          if (level === 3) return <h3 key={key}>{text}</h3>;
          if (level === 4) return <h4 key={key}>{text}</h4>;
          return <h5 key={key}>{text}</h5>;
        }
        if (block.kind === "paragraph") return <p key={key} className={block.bold ? "font-bold" : undefined}>{pick(block.text, locale)}</p>;
        if (block.kind === "list")
          return (
            <ul key={key} className="list-disc pl-6">
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{pick(item, locale)}</li>
              ))}
            </ul>
          );
        return (
          <div key={key} className="overflow-x-auto">
            <table>
              <thead>
                <tr>
                  {block.header.map((cell, cellIndex) => (
                    <th key={cellIndex} scope="col">
                      {pick(cell, locale)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, cellIndex) => (
                      <td key={cellIndex}>{pick(cell, locale)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
