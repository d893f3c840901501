import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { CommandForm } from "@/components/forms/command-form";
import type { DocumentList } from "@/lib/documents/queries";
import type { FormState } from "@/lib/kernel/form-state";
import { UploadForm } from "./upload-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function size(bytes: number, t: (key: "size_kb" | "size_mb", values: { size: string }) => string, locale: string) {
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? t("size_kb", { size: format.format(Math.max(1, Math.round(bytes / 1024))) }) : t("size_mb", { size: format.format(bytes / 1024 / 1024) });
}

/**
 * The documents of one record (a meeting, an agenda item or an initiative): each with every version to download,
 * who uploaded it, whether it changed since the agenda was published, its withdrawal; the upload form and the
 * withdraw form for those who may. `headingLevel` 2 or 3; `idPrefix` keeps ids unique on a page with several.
 */
export async function DocumentsSection({
  list,
  target,
  targetId,
  locale,
  heading,
  headingLevel = 2,
  idPrefix,
  withdrawAction,
  paperRequestId,
}: {
  list: DocumentList;
  target: "meeting" | "agendaItem" | "initiative";
  targetId: string;
  locale: "en" | "fr";
  heading: string;
  headingLevel?: 2 | 3;
  idPrefix: string;
  withdrawAction: Action;
  paperRequestId?: string;
}) {
  const t = await getTranslations("Documents");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${idPrefix}-documents-heading`;
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "America/Toronto" });
  const maxMegabytes = Math.round(list.maxBytes / 1024 / 1024);
  // The upload form translates in the browser; pages such as the initiative page have no client messages of their
  // own (ClientMessagesLayout), so the section hands it just its namespace.
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ Documents: messages.Documents }}>
      <section aria-labelledby={headingId} className="mt-8" data-testid={`documents-${target}`}>
        <Heading id={headingId}>{heading}</Heading>
        {list.documents.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-4">
            {list.documents.map((document) => (
              <li key={document.id} data-testid="document" data-withdrawn={document.withdrawn ? "true" : undefined}>
                <p className="font-semibold">
                  <span lang={locale}>{locale === "fr" ? document.titleFr : document.titleEn}</span> — {t(`mark_${document.marking}`)}, {t(`lang_${document.language}`)}
                </p>
                <p className="text-gc-secondary">
                  {t("uploadedBy", { name: document.uploadedBy })}
                  {document.department ? ` (${locale === "fr" ? document.department.acronymFr : document.department.acronymEn})` : ""}
                </p>
                {document.withdrawn && document.withdrawnAt && (
                  <p data-testid="document-withdrawn">
                    <strong>{t("withdrawn", { date: date.format(new Date(document.withdrawnAt)), reason: document.withdrawReason ?? "" })}</strong>
                  </p>
                )}
                <ul aria-label={t("versions")}>
                  {document.versions.map((version) => (
                    <li key={version.id} data-testid="document-version">
                      <a href={`/api/documents/versions/${version.id}`} download>
                        {t("download", { file: version.fileName, number: version.number, size: size(version.sizeBytes, t, locale) })}
                      </a>
                      {version.number === document.currentVersion && <> — {t("current")}</>}
                      {version.changedAfterPublication && (
                        <>
                          {" "}
                          <strong data-testid="changed-since-publication">({t("changedSincePublication")})</strong>
                        </>
                      )}{" "}
                      <span className="text-gc-secondary">{date.format(new Date(version.createdAt))}, {version.uploadedBy}</span>
                    </li>
                  ))}
                </ul>
                {document.mayChange && (
                  <details className="mt-2">
                    <summary>{t("newVersionHeading")} / {t("withdraw")}</summary>
                    <UploadForm target={target} targetId={targetId} documentId={document.id} maxMegabytes={maxMegabytes} locale={locale} heading={t("newVersionHeading")} headingLevel={headingLevel === 2 ? 3 : 4} />
                    <div className="mt-4">
                      <CommandForm
                        action={withdrawAction}
                        submitLabel={t("withdraw")}
                        fields={[
                          { name: "id", label: "", type: "hidden", defaultValue: document.id },
                          { name: "version", label: "", type: "hidden", defaultValue: String(document.version) },
                          { name: "reason", label: t("withdrawReason"), type: "textarea", required: true },
                        ]}
                      />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        {list.mayUpload && <UploadForm target={target} targetId={targetId} paperRequestId={paperRequestId} maxMegabytes={maxMegabytes} locale={locale} heading={t("uploadHeading")} headingLevel={headingLevel === 2 ? 3 : 4} />}
      </section>
    </NextIntlClientProvider>
  );
}
