"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { initialFormState, type FormState } from "@/lib/kernel/form-state";
import { CheckboxGroup, FormMessage, SelectField, TextArea, optionsOf, valueOf } from "@/components/forms/fields";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";

type Option = { id: string; label: string };
/** A server action of app/[locale]/(portal)/meetings/actions.ts, passed in by the page. */
type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function AttendanceForm({ action, meetingId, departments }: { action: FormAction; meetingId: string; departments: { id: string; label: string; status: string; delegateName: string }[] }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-4" data-testid="attendance-form">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <table>
        <caption className="sr-only">{t("attendance")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("department")}</th>
            <th scope="col">{t("presence")}</th>
            <th scope="col">{t("delegateName")}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => (
            <tr key={department.id}>
              <th scope="row">{department.label}</th>
              <td>
                <select
                  key={valueOf(state, `status:${department.id}`, department.status)}
                  name={`status:${department.id}`}
                  aria-label={t("presenceOf", { department: department.label })}
                  className="gc-input"
                  defaultValue={valueOf(state, `status:${department.id}`, department.status)}
                >
                  {(["DELEGATE", "ALTERNATE", "ABSENT"] as const).map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  name={`delegate:${department.id}`}
                  aria-label={t("delegateOf", { department: department.label })}
                  className="gc-input"
                  defaultValue={valueOf(state, `delegate:${department.id}`, department.delegateName)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="gc-button" disabled={pending}>
        {t("saveAttendance")}
      </button>
    </form>
  );
}

export function OutcomeForm({ action, id, label, outcome, deferred }: { action: FormAction; id: string; label: string; outcome: string; deferred: boolean }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <TextArea name="outcome" label={t("outcomeOf", { item: label })} state={state} defaultValue={outcome} rows={2} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="deferred" defaultChecked={deferred} />
        {t("deferred")}
      </label>
      <button type="submit" className="gc-button-secondary" disabled={pending}>
        {t("saveOutcome")}
        <span className="sr-only"> — {label}</span>
      </button>
    </form>
  );
}

/** A decision in both languages, about an agenda item of the meeting and any initiatives (ticked in a list). */
export function DecisionForm({ action, meetingId, items, initiatives }: { action: FormAction; meetingId: string; items: Option[]; initiatives: Option[] }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-3xl space-y-4" data-testid="decision-form">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SelectField name="agendaItemId" label={t("decisionItem")} state={state} options={optionsOf(items)} placeholder={t("none")} />
      <TextArea name="textEn" label={t("decisionEn")} state={state} lang="en" rows={3} />
      <TextArea name="textFr" label={t("decisionFr")} state={state} lang="fr" rows={3} />
      <CheckboxGroup layout="list" name="initiativeIds" label={t("decisionInitiatives")} hint={t("decisionInitiativesHint")} options={optionsOf(initiatives)} state={state} />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("recordDecision")}
      </button>
    </form>
  );
}

export function MinutesForm({ action, meetingId, bodyEn, bodyFr, version }: { action: FormAction; meetingId: string; bodyEn: string; bodyFr: string; version: number }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-3xl space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <TextArea name="bodyEn" label={t("minutesEn")} state={state} lang="en" defaultValue={bodyEn} rows={8} />
      <TextArea name="bodyFr" label={t("minutesFr")} state={state} lang="fr" defaultValue={bodyFr} rows={8} />
      <button type="submit" className="gc-button" disabled={pending}>
        {t("saveMinutes")}
      </button>
    </form>
  );
}

/** A text the language gate would refuse, as the record page lists it. */
export type GateEntry = { key: string; label: string; lang: "en" | "fr"; missingLanguage: "en" | "fr" };

/**
 * `missing`: the minutes' and decisions' texts written in one official language only; listed with where to add
 * the other, and a reason may override the gate (issue 21, audited).
 */
export function CirculateMinutesForm({ action, meetingId, version, missing = [], queueHref }: { action: FormAction; meetingId: string; version: number; missing?: GateEntry[]; queueHref: string }) {
  const t = useTranslations("Record");
  const gate = useTranslations("TranslationInPlace");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      {missing.length > 0 && (
        <div className="border-l-4 border-gc-danger p-3" data-testid="minutes-language-gate">
          <h3>{gate("gateHeading")}</h3>
          <p>{gate("gateIntro")}</p>
          <ul className="list-disc pl-6">
            {missing.map((entry) => (
              <li key={entry.key}>
                <span lang={entry.lang}>{entry.label}</span> — {gate(entry.missingLanguage === "fr" ? "frenchMissing" : "englishMissing")}
              </li>
            ))}
          </ul>
          <p>
            <Link href={queueHref}>{gate("queueLink")}</Link>
          </p>
          <TextArea name="overrideReason" label={t("overrideReason")} hint={t("overrideReasonHint")} state={state} rows={2} />
        </div>
      )}
      <button type="submit" className="gc-button-secondary" disabled={pending}>
        {t("circulate")}
      </button>
    </form>
  );
}

export function ApproveMinutesForm({ action, meetingId, version, meetings }: { action: FormAction; meetingId: string; version: number; meetings: Option[] }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-3xl space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <SelectField name="approvedAtMeetingId" label={t("approvedAt")} hint={t("approvedAtHint")} state={state} options={optionsOf(meetings)} />
      <button type="submit" className="gc-button-secondary" disabled={pending}>
        {t("approve")}
      </button>
    </form>
  );
}

export function AmendMinutesForm({ action, meetingId }: { action: FormAction; meetingId: string }) {
  const t = useTranslations("Record");
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="max-w-3xl space-y-2">
      <IdempotencyKeyField state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextArea name="textEn" label={t("amendmentEn")} state={state} lang="en" rows={2} />
      <TextArea name="textFr" label={t("amendmentFr")} state={state} lang="fr" rows={2} />
      <button type="submit" className="gc-button-secondary" disabled={pending}>
        {t("amend")}
      </button>
    </form>
  );
}
