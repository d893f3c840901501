"use client";

import type { InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { describedByOf, FieldFrame } from "@/components/forms/fields";

/**
 * The change note a published agenda asks for with every change (kept in the audit event; members get an updated
 * invitation). Its hint and its error, if any, are named by aria-describedby.
 */
export function ChangeNoteField({ id, error, ...input }: { id: string; error?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useTranslations("Agenda");
  const hint = t("changeNoteHint");
  return (
    <FieldFrame id={id} label={t("changeNote")} hint={hint} errors={error} className="">
      <input id={id} className="gc-input max-w-2xl" aria-invalid={error ? true : undefined} aria-describedby={describedByOf(id, hint, error)} {...input} />
    </FieldFrame>
  );
}
