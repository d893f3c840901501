import { getTranslations } from "next-intl/server";

/** One section of a notice: its heading, then `paragraphs` paragraphs (p1, p2 …) and `items` list items (i1, i2 …). */
export type NoticeSection = { key: string; paragraphs?: number; items?: number };

const range = (count = 0) => Array.from({ length: count }, (_, index) => index + 1);

/**
 * A notice page (privacy, accessibility, terms of use): a title, an introduction and sections, all from one
 * namespace of the message catalogues (`Legal.<notice>`), so the two languages are the same page.
 */
export async function NoticePage({ notice, sections, children }: { notice: "privacy" | "accessibility" | "terms"; sections: NoticeSection[]; children?: React.ReactNode }) {
  const t = await getTranslations(`Legal.${notice}`);
  return (
    <article className="max-w-3xl" data-testid={`notice-${notice}`}>
      <h1>{t("title")}</h1>
      <p className="text-xl">{t("intro")}</p>
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`${notice}-${section.key}`}>
          <h2 id={`${notice}-${section.key}`}>{t(`${section.key}.title`)}</h2>
          {range(section.paragraphs).map((index) => (
            <p key={`p${index}`} className="mb-3">
              {t(`${section.key}.p${index}`)}
            </p>
          ))}
          {section.items ? (
            <ul className="mb-3 list-disc space-y-1 pl-6">
              {range(section.items).map((index) => (
                <li key={`i${index}`}>{t(`${section.key}.i${index}`)}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {children}
    </article>
  );
}
