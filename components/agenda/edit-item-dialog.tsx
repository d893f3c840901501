"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { AgendaBuilderItem } from "@/lib/agenda/queries";
import type { Locale } from "@/lib/i18n/routing";
import { AgendaItemFields, readAgendaItemForm, withCurrent } from "./agenda-item-fields";
import { ChangeNoteField } from "./change-note-field";
import { ActionError, agendaQueryKey, unwrap, type AgendaMutation, type BuilderData, type FieldErrors, type Option } from "./builder-data";

type Failure = { message: string; fieldErrors: FieldErrors; current: AgendaBuilderItem | null };

/**
 * Edits every field of one agenda item in a modal dialog (the browser's <dialog>: focus stays inside, Escape
 * closes it). The save is a TanStack Query mutation carrying the version the dialog opened with. When someone else
 * saved in between, the server refuses; the dialog keeps what was typed, shows what is saved now, and takes the
 * new version, so saving again replaces their change knowingly.
 */
export function EditItemDialog({
  item,
  number,
  locale,
  meetingId,
  published,
  changeNote,
  departments,
  onClose,
  onSaved,
  update,
}: {
  item: AgendaBuilderItem;
  number: number;
  locale: Locale;
  meetingId: string;
  published: boolean;
  changeNote: string;
  departments: Option[];
  onClose: () => void;
  onSaved: (title: string) => void;
  /** The update server action (the builder has it from the page). */
  update: AgendaMutation;
}) {
  const t = useTranslations("Agenda");
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const queryKey = agendaQueryKey(meetingId);
  const [version, setVersion] = useState(item.version);
  const [failure, setFailure] = useState<Failure | null>(null);
  const title = (value: { titleEn: string; titleFr: string }) => (locale === "fr" ? value.titleFr : value.titleEn);
  const headingId = `edit-item-${item.id}-heading`;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  /** Leaves the top layer before the parent unmounts the dialog, so that the page can take focus again. */
  const closeThen = (next: () => void) => {
    ref.current?.close();
    next();
  };

  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => unwrap(update(input)),
    onSuccess: (_data, input) => closeThen(() => onSaved(String(locale === "fr" ? input.titleFr : input.titleEn))),
    onError: async (error) => {
      const refusal = error instanceof ActionError ? error : new ActionError(error.message, "unexpected");
      let current: AgendaBuilderItem | null = null;
      if (refusal.code === "conflict") {
        await queryClient.invalidateQueries({ queryKey });
        current = queryClient.getQueryData<BuilderData>(queryKey)?.agenda.items.find((candidate) => candidate.id === item.id) ?? null;
        if (current) setVersion(current.version);
      }
      setFailure({ message: refusal.message, fieldErrors: refusal.fieldErrors, current });
    },
  });

  // The item's current links show, labelled, even when the search would no longer offer them (archived, closed,
  // inactive); the search offers only what may be newly chosen.
  const initiativeLabel = item.initiativeTitle ? `${item.initiativeCode} — ${title({ titleEn: item.initiativeTitle.en, titleFr: item.initiativeTitle.fr })}` : "—";
  const actionItemLabel = item.actionItemTitle ? title({ titleEn: item.actionItemTitle.en, titleFr: item.actionItemTitle.fr }) : "—";
  const choices = {
    departments: withCurrent(departments, item.presentingDepartmentId, item.presenterAcronym ? (locale === "fr" ? item.presenterAcronym.fr : item.presenterAcronym.en) : "—"),
    initiative: item.initiativeId ? { id: item.initiativeId, label: item.initiativeArchived ? t("archivedChoice", { label: initiativeLabel }) : initiativeLabel } : null,
    actionItem: item.actionItemId ? { id: item.actionItemId, label: item.actionItemClosed ? t("currentChoice", { label: actionItemLabel }) : actionItemLabel } : null,
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      className="m-auto w-full max-w-3xl border border-gc-border bg-white p-6 backdrop:bg-black/50"
      data-testid="edit-item-dialog"
      onCancel={(event) => {
        event.preventDefault();
        closeThen(onClose);
      }}
    >
      <h2 id={headingId} className="mt-0">
        {t("editTitle", { position: number, title: title(item) })}
      </h2>
      <div aria-live="polite">
        {failure && (
          <div role="alert" className="mb-4 border-l-4 border-gc-danger bg-gc-light p-3" data-testid="edit-item-message">
            <p className="m-0">{failure.message}</p>
            {failure.current && (
              <p className="mb-0 mt-2" data-testid="edit-item-saved-now">
                {t("savedNow", {
                  title: title(failure.current),
                  kind: t(`kind.${failure.current.kind}`),
                  minutes: failure.current.minutes,
                })}
              </p>
            )}
          </div>
        )}
      </div>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          save.mutate({ ...readAgendaItemForm(event.currentTarget), id: item.id, version });
        }}
      >
        <AgendaItemFields
          idPrefix="edit-item"
          locale={locale}
          errors={failure?.fieldErrors ?? {}}
          choices={choices}
          defaults={{
            titleEn: item.titleEn,
            titleFr: item.titleFr,
            kind: item.kind,
            minutes: item.minutes,
            presentingDepartmentId: item.presentingDepartmentId,
          }}
        />
        {published && <ChangeNoteField id="edit-item-changeNote" name="changeNote" defaultValue={changeNote} error={failure?.fieldErrors.changeNote} />}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="gc-button" disabled={save.isPending}>
            {t("saveItem")}
          </button>
          <button type="button" className="gc-button-secondary" onClick={() => closeThen(onClose)}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
