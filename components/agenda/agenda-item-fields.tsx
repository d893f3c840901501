"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { FieldErrors, Option } from "./builder-data";
import { FieldFrame } from "@/components/forms/fields";
import { Combobox, jsonLoader, type ComboboxLabels } from "@/components/forms/combobox";

const kinds = ["DECISION", "DISCUSSION", "INFORMATION"] as const;
export type AgendaItemKind = (typeof kinds)[number];

/** An agenda item's own fields, as the add form and the edit dialog show them. */
export type AgendaItemValues = {
  titleEn: string;
  titleFr: string;
  kind: AgendaItemKind;
  minutes: number;
  presentingDepartmentId: string | null;
  initiativeId: string | null;
  actionItemId: string | null;
};

/** The presenting departments (a short list) and the item's current links, labelled (null: none). */
export type AgendaItemChoices = { departments: Option[]; initiative: Option | null; actionItem: Option | null };

/** The form's values as the agenda commands take them: an empty choice is "none". */
export function readAgendaItemForm(form: HTMLFormElement): Record<string, string | undefined> {
  const values = Object.fromEntries([...new FormData(form).entries()].map(([name, value]) => [name, typeof value === "string" ? value : undefined]));
  for (const name of ["presentingDepartmentId", "initiativeId", "actionItemId", "changeNote"]) if (!values[name]) values[name] = undefined;
  return values;
}

/** `options` with the current choice added (labelled by `label`) when the list no longer offers it. */
export function withCurrent(options: Option[], id: string | null, label: string): Option[] {
  return !id || options.some((option) => option.id === id) ? options : [{ id, label }, ...options];
}

/**
 * Titles in both languages, kind, minutes, presenting department and the optional linked initiative and action
 * item (each a type-ahead: there are thousands). Each field's error is named by its aria-describedby; the fields
 * keep their own state, so a refused save keeps what was typed.
 */
export function AgendaItemFields({ idPrefix, locale, defaults, errors, choices }: { idPrefix: string; locale: Locale; defaults: Omit<AgendaItemValues, "initiativeId" | "actionItemId">; errors: FieldErrors; choices: AgendaItemChoices }) {
  const t = useTranslations("Agenda");
  const field = (name: string) => {
    const id = `${idPrefix}-${name}`;
    const messages = errors[name];
    return {
      id,
      name,
      className: "gc-input",
      "aria-invalid": messages ? true : undefined,
      "aria-describedby": messages ? `${id}-error` : undefined,
    } as const;
  };
  const labels: ComboboxLabels = {
    hint: t("searchHint"),
    list: t("searchChoices"),
    none: t("searchNone"),
    failed: t("searchFailed"),
    count: (count) => t("searchCount", { count }),
    more: (count) => t("searchMore", { count }),
  };
  // The agenda's link type-ahead: `/api/agenda/links` answers at most 20 choices labelled in the user's language.
  const loader = (kind: "initiative" | "actionItem") => jsonLoader((q) => `/api/agenda/links?${new URLSearchParams({ kind, q, locale })}`, t("searchFailed"));
  const link = (name: "initiativeId" | "actionItemId", label: string, kind: "initiative" | "actionItem", initial: Option | null) => (
    <Field idPrefix={idPrefix} name={name} label={label} errors={errors}>
      <Combobox id={`${idPrefix}-${name}`} name={name} load={loader(kind)} labels={labels} initial={initial} describedBy={errors[name] ? `${idPrefix}-${name}-error` : undefined} invalid={Boolean(errors[name])} />
    </Field>
  );
  return (
    <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <Field idPrefix={idPrefix} name="titleEn" label={t("titleEn")} errors={errors}>
        <input {...field("titleEn")} lang="en" maxLength={300} defaultValue={defaults.titleEn} />
      </Field>
      <Field idPrefix={idPrefix} name="titleFr" label={t("titleFr")} errors={errors}>
        <input {...field("titleFr")} lang="fr" maxLength={300} defaultValue={defaults.titleFr} />
      </Field>
      <Field idPrefix={idPrefix} name="kind" label={t("kindHeading")} errors={errors}>
        <select {...field("kind")} defaultValue={defaults.kind}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field idPrefix={idPrefix} name="minutes" label={t("minutes")} errors={errors}>
        <input {...field("minutes")} type="number" inputMode="numeric" min={1} max={600} defaultValue={defaults.minutes} />
      </Field>
      <Field idPrefix={idPrefix} name="presentingDepartmentId" label={t("presenter")} errors={errors}>
        <select {...field("presentingDepartmentId")} defaultValue={defaults.presentingDepartmentId ?? ""}>
          <option value="">{t("noPresenter")}</option>
          {choices.departments.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      {link("initiativeId", t("linkedInitiative"), "initiative", choices.initiative)}
      {link("actionItemId", t("linkedActionItem"), "actionItem", choices.actionItem)}
    </div>
  );
}

/** A field of the agenda item: the kit's frame (label, error) around the control, ids `${idPrefix}-${name}`. */
function Field({ idPrefix, name, label, errors, children }: { idPrefix: string; name: string; label: string; errors: FieldErrors; children: ReactNode }) {
  return (
    <FieldFrame id={`${idPrefix}-${name}`} label={label} errors={errors[name]} className="">
      {children}
    </FieldFrame>
  );
}
