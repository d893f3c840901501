"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { FieldFrame, FormMessage, SelectField, TextField, describedByOf } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";

type Props = {
  target: "meeting" | "agendaItem" | "initiative";
  targetId: string;
  /** A new version of this document (only the file is asked for). */
  documentId?: string;
  paperRequestId?: string;
  maxMegabytes: number;
  locale: string;
  heading: string;
  /** The level of the form's heading: one below the section it is in. */
  headingLevel?: 3 | 4 | 5;
};

/**
 * Uploads one file to the upload route (the file is the request body, streamed by the server), with a progress bar
 * and a button that cancels it; the server's answer (refusals per field, in the user's language) shows in the kit's
 * fields and live region. Nothing is stored unless the whole upload is accepted.
 */
export function UploadForm({ target, targetId, documentId, paperRequestId, maxMegabytes, locale, heading, headingLevel = 4 }: Props) {
  const Heading = headingLevel === 3 ? "h3" : headingLevel === 4 ? "h4" : "h5";
  const t = useTranslations("Documents");
  const router = useRouter();
  const [state, setState] = useState<FormState>(initialFormState);
  const [progress, setProgress] = useState<number | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fileId = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-file`;
  const headingId = `${fileId}-heading`;
  const fileErrors = state.fieldErrors?.file;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0 && file.name === "") {
      setState({ status: "error", message: t("chooseFile"), fieldErrors: { file: [t("chooseFile")] } });
      return;
    }
    const query = new URLSearchParams({ target, targetId, fileName: file.name, locale });
    if (documentId) query.set("documentId", documentId);
    if (paperRequestId) query.set("paperRequestId", paperRequestId);
    for (const name of ["titleEn", "titleFr", "language", "marking"]) {
      const value = data.get(name);
      if (typeof value === "string" && value !== "") query.set(name, value);
    }
    const values = Object.fromEntries([...query.entries()]);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/documents/upload?${query.toString()}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    xhr.onload = () => {
      request.current = null;
      setProgress(null);
      let answer: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = null;
      }
      if (answer?.ok) {
        setState({ status: "success", message: t("uploaded") });
        formRef.current?.reset();
        router.refresh();
      } else {
        setState({ status: "error", message: answer?.message ?? t("failed"), fieldErrors: answer?.fieldErrors, values });
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setProgress(null);
      setState({ status: "error", message: t("failed"), values });
    };
    xhr.onabort = () => {
      request.current = null;
      setProgress(null);
      setState({ status: "error", message: t("cancelled"), values });
    };
    setState(initialFormState);
    setProgress(0);
    xhr.send(file);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="mt-4 max-w-2xl space-y-4" aria-labelledby={headingId} data-testid="document-upload-form">
      <Heading id={headingId}>{heading}</Heading>
      <FormMessage state={state} focus />
      {!documentId && (
        <>
          <TextField name="titleEn" label={t("titleEn")} state={state} lang="en" required />
          <TextField name="titleFr" label={t("titleFr")} state={state} lang="fr" required />
          <SelectField
            name="language"
            label={t("language")}
            state={state}
            required
            defaultValue="bilingual"
            options={(["en", "fr", "bilingual"] as const).map((value) => ({ value, label: t(`lang_${value}`) }))}
          />
          <SelectField
            name="marking"
            label={t("marking")}
            hint={t("markingHint")}
            state={state}
            required
            defaultValue="UNCLASSIFIED"
            options={(["UNCLASSIFIED", "PROTECTED_A", "PROTECTED_B"] as const).map((value) => ({ value, label: t(`mark_${value}`) }))}
          />
        </>
      )}
      <FieldFrame id={fileId} label={t("file")} hint={t("fileHint", { max: maxMegabytes })} errors={fileErrors}>
        <input id={fileId} name="file" type="file" required aria-describedby={describedByOf(fileId, t("fileHint", { max: maxMegabytes }), fileErrors)} aria-invalid={fileErrors?.length ? true : undefined} />
      </FieldFrame>
      {progress !== null && (
        <p>
          <label htmlFor={`${fileId}-progress`}>{t("progress")}</label>{" "}
          <progress id={`${fileId}-progress`} max={100} value={progress} data-testid="upload-progress">
            {progress}%
          </progress>{" "}
          <span aria-live="polite">{progress}%</span>
        </p>
      )}
      <div className="flex gap-3">
        <button type="submit" className="gc-button" disabled={progress !== null}>
          {t("upload")}
        </button>
        {progress !== null && (
          <button type="button" className="gc-button-secondary" onClick={() => request.current?.abort()}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
