"use client";

import type { InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";

/**
 * The change note a published agenda asks for with every change (kept in the audit event; members get an updated
 * invitation). Its hint and its error, if any, are named by aria-describedby.
 */
export function ChangeNoteField({ id, error, ...input }: { id: string; error?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useTranslations("Agenda");
  return (
    <div>
      <label htmlFor={id} className="gc-label">
        {t("changeNote")}
      </label>
      <span id={`${id}-hint`} className="mb-1 block text-base text-gc-secondary">
        {t("changeNoteHint")}
      </span>
      {error && (
        <span id={`${id}-error`} className="gc-error">
          {error.join(" ")}
        </span>
      )}
      <input
        id={id}
        className="gc-input max-w-2xl"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        {...input}
      />
    </div>
  );
}
