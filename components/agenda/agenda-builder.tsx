"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import type { AgendaBuilderItem } from "@/lib/agenda/queries";
import { moveItem, scheduleAgenda } from "@/lib/agenda/timing";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ActionResult } from "@/lib/kernel/form-state";
import { torontoTime } from "@/lib/kernel/time";
import { AgendaItemFields, readAgendaItemForm } from "./agenda-item-fields";
import { ChangeNoteField } from "./change-note-field";
import { FormMessage } from "@/components/forms/fields";
import { ActionError, agendaQueryKey, unwrap, type AgendaActions, type BuilderData, type FieldErrors, type Option } from "./builder-data";
import { EditItemDialog } from "./edit-item-dialog";
import { useSortableList, type SortHandleProps } from "./use-sortable-list";

type Message = { text: string; error: boolean };

/**
 * The agenda builder. Data comes through TanStack Query (server-rendered first, then from the agenda API);
 * reordering is optimistic and rolls back with the server's message if refused. Items move by drag and drop, by
 * the drag handle with the keyboard (Space, arrows, Space), or by the Move up / Move down buttons; every move is
 * announced in a live region. Each item's fields are edited in a dialog (EditItemDialog).
 */
export function AgendaBuilder({ locale, initial, departments, actions }: { locale: Locale; initial: BuilderData; departments: Option[]; actions: AgendaActions }) {
  const t = useTranslations("Agenda");
  const queryClient = useQueryClient();
  const meetingId = initial.agenda.id;
  const queryKey = agendaQueryKey(meetingId);
  const { data } = useQuery({
    queryKey,
    queryFn: async (): Promise<BuilderData> => {
      const response = await fetch(`/api/meetings/${meetingId}/agenda`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    },
    initialData: initial,
  });
  const { agenda, suggestions } = data;
  const [message, setMessage] = useState<Message | null>(null);
  const [changeNote, setChangeNote] = useState("");
  const [editing, setEditing] = useState<{ item: AgendaBuilderItem; number: number } | null>(null);
  const published = agenda.agendaStatus === "PUBLISHED";
  const locked = agenda.agendaStatus === "HELD";
  const note = published ? { changeNote } : {};
  // An item may be written in one language first (issue 21): the other stands in until it is translated.
  const title = (item: { titleEn: string; titleFr: string }) => (locale === "fr" ? item.titleFr || item.titleEn : item.titleEn || item.titleFr);
  const [overrideReason, setOverrideReason] = useState("");
  // What publishing would send out in one official language only (the command checks again: lib/agenda publish).
  const lacking = agenda.items.flatMap((item, index) => (!item.titleEn.trim() !== !item.titleFr.trim() ? [{ item, number: index + 1, missing: item.titleFr.trim() ? ("en" as const) : ("fr" as const) }] : []));
  const refresh = () => queryClient.invalidateQueries({ queryKey });

  const reorder = useMutation({
    mutationFn: (input: { items: AgendaBuilderItem[]; moved: AgendaBuilderItem }) => unwrap(actions.reorder({ meetingId, itemIds: input.items.map((item) => item.id), ...note })),
    onMutate: async ({ items, moved }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<BuilderData>(queryKey);
      queryClient.setQueryData<BuilderData>(queryKey, (current) => current && { ...current, agenda: { ...current.agenda, items } });
      setMessage({ text: t("moved", { title: title(moved), position: items.indexOf(moved) + 1, count: items.length }), error: false });
      return { previous };
    },
    onError: (error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      setMessage({ text: t("reorderRefused", { reason: error.message }), error: true });
    },
    onSettled: refresh,
  });

  const simple = <Input,>(action: (input: Input) => Promise<ActionResult<unknown>>, success: (input: Input) => string) => ({ action, success, setMessage, refresh });
  const start = useAgendaMutation(simple(actions.start, () => t("started")));
  const add = useAgendaMutation(simple((input: Record<string, unknown>) => actions.add(input), (input) => t("added", { title: String(locale === "fr" ? input.titleFr : input.titleEn) })));
  const remove = useAgendaMutation(simple((input: { id: string; label: string }) => actions.remove({ id: input.id, ...note }), (input) => t("removed", { title: input.label })));
  const setMinutes = useAgendaMutation(
    simple(
      ({ item, minutes }: { item: AgendaBuilderItem; minutes: number; label: string }) =>
        actions.update({
          id: item.id,
          version: item.version,
          titleEn: item.titleEn,
          titleFr: item.titleFr,
          kind: item.kind,
          minutes,
          presentingDepartmentId: item.presentingDepartmentId ?? undefined,
          initiativeId: item.initiativeId ?? undefined,
          actionItemId: item.actionItemId ?? undefined,
          ...note,
        }),
      (input) => t("minutesSet", { title: input.label, minutes: input.minutes }),
    ),
  );
  const publish = useAgendaMutation(simple(actions.publish, () => t("publishedMessage")));

  function move(from: number, to: number) {
    if (to < 0 || to >= agenda.items.length || from === to) return;
    const items = moveItem(agenda.items, from, to);
    reorder.mutate({ items, moved: agenda.items[from]! });
  }

  const itemTitle = (index: number) => title(agenda.items[index] ?? { titleEn: "", titleFr: "" });
  const sort = useSortableList({
    count: agenda.items.length,
    onMove: move,
    messages: {
      pickedUp: (from) => t("dndPickedUp", { title: itemTitle(from), position: from + 1 }),
      over: (from, over) => t("dndOver", { title: itemTitle(from), position: over + 1 }),
      dropped: (from, over) => t("dndDropped", { title: itemTitle(from), position: over + 1 }),
      cancelled: (from) => t("dndCancelled", { title: itemTitle(from) }),
    },
  });
  const presenter = (item: AgendaBuilderItem) => (item.presenterAcronym ? (locale === "fr" ? item.presenterAcronym.fr : item.presenterAcronym.en) : "—");
  // Closing the dialog puts focus back on the Edit button that opened it, once the dialog has left the page
  // (while it is open as a modal, the rest of the page cannot take focus).
  const returnFocusTo = useRef<string | null>(null);
  function closeEditor(id: string) {
    returnFocusTo.current = `edit-${id}`;
    setEditing(null);
  }
  useEffect(() => {
    if (editing || !returnFocusTo.current) return;
    document.getElementById(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [editing]);

  const schedule = scheduleAgenda(new Date(agenda.startsAt), new Date(agenda.endsAt), agenda.items.map((item) => item.minutes));

  return (
    <div className="space-y-6">
      <FormMessage state={message ? { status: message.error ? "error" : "success", message: message.text } : { status: "idle" }} className="min-h-8" testId="agenda-message" />

      <p>
        {t("statusLine", { status: t(`status.${agenda.agendaStatus}`) })}{" "}
        <Link href={`/meetings/${meetingId}`}>{t("backToMeeting")}</Link>
      </p>
      {locked && <p>{t("lockedHeld")}</p>}

      {published && <ChangeNoteField id="change-note" value={changeNote} onChange={(event) => setChangeNote(event.target.value)} />}

      {agenda.items.length === 0 && !locked && (
        <div>
          <p>{t("empty")}</p>
          <button type="button" className="gc-button" onClick={() => start.mutate({ meetingId })} disabled={start.isPending}>
            {t("startFromTemplate")}
          </button>
        </div>
      )}

      {agenda.items.length > 0 && (
        <section aria-labelledby="agenda-items-heading">
          <h2 id="agenda-items-heading">{t("items")}</h2>
          <p id="reorder-help" className="text-base text-gc-secondary">
            {t("reorderHelp")}
          </p>
          <span id="sort-instructions" className="sr-only">
            {t("dndInstructions")}
          </span>
          <span aria-live="assertive" className="sr-only" data-testid="agenda-drag-announcement">
            {sort.announcement}
          </span>
          <ol className="space-y-2" data-testid="agenda-items">
            {agenda.items.map((item, index) => (
              <SortableRow
                key={item.id}
                item={item}
                index={index}
                count={agenda.items.length}
                label={title(item)}
                startsAt={torontoTime(schedule.items[index]!.startsAt)}
                presenter={presenter(item)}
                disabled={locked}
                dragging={sort.drag?.from === index}
                dropTarget={sort.drag !== null && sort.drag.from !== index && sort.drag.over === index}
                handleProps={sort.handleProps(index)}
                onMove={move}
                onEdit={() => setEditing({ item, number: index + 1 })}
                onRemove={() => remove.mutate({ id: item.id, label: title(item) })}
                onSetMinutes={(minutes) => setMinutes.mutate({ item, minutes, label: title(item) })}
              />
            ))}
          </ol>
          <p className="mt-3" data-testid="agenda-total">
            {t("total", { total: schedule.totalMinutes, available: schedule.availableMinutes, end: torontoTime(schedule.endsAt) })}
          </p>
          {schedule.overrunMinutes > 0 && (
            <p role="note" className="border-l-4 border-gc-danger p-2 font-semibold" data-testid="agenda-overrun">
              <span aria-hidden="true">⚠ </span>
              {t("overrun", { minutes: schedule.overrunMinutes })}
            </p>
          )}
          {agenda.agendaStatus === "DRAFT" && lacking.length > 0 && (
            <div className="mt-4 border-l-4 border-gc-danger p-3" data-testid="agenda-language-gate">
              <h3>{t("languageGateHeading")}</h3>
              <p>{t("languageGateIntro")}</p>
              <ul>
                {lacking.map(({ item, number, missing }) => (
                  <li key={item.id}>
                    <span lang={missing === "fr" ? "en" : "fr"}>
                      {number}. {title(item)}
                    </span>{" "}
                    — {t(missing === "fr" ? "frenchMissing" : "englishMissing")}{" "}
                    <button type="button" className="gc-button-secondary" onClick={() => setEditing({ item, number })} aria-label={t("addLanguage", { title: title(item) })}>
                      {t("addLanguageShort")}
                    </button>
                  </li>
                ))}
              </ul>
              <p>
                <Link href={`/translation?meeting=${meetingId}`}>{t("translationQueue")}</Link>
              </p>
              <label htmlFor="agenda-override-reason" className="block font-bold">
                {t("overrideReason")}
              </label>
              <textarea id="agenda-override-reason" className="gc-input max-w-2xl" rows={2} maxLength={1000} value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} />
            </div>
          )}
          {agenda.agendaStatus === "DRAFT" && (
            <button type="button" className="gc-button mt-4" onClick={() => publish.mutate({ meetingId, ...(lacking.length > 0 && overrideReason.trim() ? { overrideReason } : {}) })} disabled={publish.isPending}>
              {t("publish")}
            </button>
          )}
        </section>
      )}

      {!locked && (
        <>
          <AddItemForm locale={locale} departments={departments} pending={add.isPending} onAdd={(input, callbacks) => add.mutate({ meetingId, ...input, ...note }, callbacks)} />
          <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading">{t("suggestions")}</h2>
            {suggestions.rows.length === 0 ? (
              <p>{t("noSuggestions")}</p>
            ) : (
              <ul className="space-y-2" data-testid="agenda-suggestions">
                {suggestions.rows.map((suggestion) => (
                  <li key={suggestion.key} className="flex flex-wrap items-start justify-between gap-2 border border-gc-border p-3">
                    <div>
                      <span className="font-semibold">{title(suggestion)}</span>
                      <span className="block text-base text-gc-secondary">{suggestion.reasons.map((reason) => t(`reason.${reason}`)).join(" · ")}</span>
                    </div>
                    <button
                      type="button"
                      className="gc-button-secondary"
                      disabled={add.isPending}
                      onClick={() =>
                        add.mutate({
                          meetingId,
                          titleEn: suggestion.titleEn.slice(0, 300),
                          titleFr: suggestion.titleFr.slice(0, 300),
                          kind: suggestion.kind,
                          minutes: suggestion.minutes,
                          presentingDepartmentId: suggestion.presentingDepartmentId ?? undefined,
                          initiativeId: suggestion.initiativeId ?? undefined,
                          actionItemId: suggestion.actionItemId ?? undefined,
                          ...note,
                        })
                      }
                    >
                      {t("addSuggestion")}
                      <span className="sr-only"> — {title(suggestion)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {(suggestions.more || suggestions.total > suggestions.rows.length) && (
              <p data-testid="agenda-suggestions-more">
                {t(suggestions.more ? "suggestionsShownMore" : "suggestionsShown", { shown: suggestions.rows.length, total: suggestions.total })}{" "}
                <Link href="/initiatives?health=RED">{t("suggestionsRed")}</Link>
                {" · "}
                <Link href="/initiatives?health=AMBER">{t("suggestionsAmber")}</Link>
                {" · "}
                <Link href="/initiatives?stale=1">{t("suggestionsStale")}</Link>
                {" · "}
                <Link href="/action-items?view=overdue">{t("suggestionsOverdue")}</Link>
              </p>
            )}
          </section>
        </>
      )}
      {editing && (
        <EditItemDialog
          key={editing.item.id}
          update={actions.update}
          item={editing.item}
          number={editing.number}
          locale={locale}
          meetingId={meetingId}
          published={published}
          changeNote={changeNote}
          departments={departments}
          onClose={() => closeEditor(editing.item.id)}
          onSaved={(savedTitle) => {
            setMessage({ text: t("updated", { title: savedTitle }), error: false });
            closeEditor(editing.item.id);
            void refresh();
          }}
        />
      )}
    </div>
  );
}

/** A plain agenda mutation: on success a status message, on refusal the server's message; then a refetch. */
function useAgendaMutation<Input>({ action, success, setMessage, refresh }: { action: (input: Input) => Promise<ActionResult<unknown>>; success: (input: Input) => string; setMessage: (message: Message) => void; refresh: () => void }) {
  return useMutation({
    mutationFn: (input: Input) => unwrap(action(input)),
    onSuccess: (_data, input) => setMessage({ text: success(input), error: false }),
    onError: (error) => setMessage({ text: error.message, error: true }),
    onSettled: refresh,
  });
}

function SortableRow({
  item,
  index,
  count,
  label,
  startsAt,
  presenter,
  disabled,
  dragging,
  dropTarget,
  handleProps,
  onMove,
  onEdit,
  onRemove,
  onSetMinutes,
}: {
  item: AgendaBuilderItem;
  index: number;
  count: number;
  label: string;
  startsAt: string;
  presenter: string;
  disabled: boolean;
  dragging: boolean;
  dropTarget: boolean;
  handleProps: SortHandleProps;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onRemove: () => void;
  onSetMinutes: (minutes: number) => void;
}) {
  const t = useTranslations("Agenda");
  const minutesId = `minutes-${item.id}`;
  return (
    <li
      data-sort-index={index}
      className={`flex flex-wrap items-center gap-3 border bg-white p-3 ${dragging ? "shadow-lg outline-2 outline-dashed outline-gc-focus" : ""} ${dropTarget ? "border-2 border-gc-focus" : "border-gc-border"}`}
      data-testid="agenda-item"
    >
      <button
        type="button"
        className="gc-button-secondary cursor-grab touch-none px-2"
        aria-label={t("dragHandle", { title: label, position: index + 1 })}
        disabled={disabled}
        {...handleProps}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="w-14 font-semibold tabular-nums" data-testid="agenda-item-start">
        {startsAt}
      </span>
      <span className="min-w-64 flex-1">
        <span data-testid="agenda-item-title">
          {index + 1}. {label}
        </span>
        <span className="block text-base text-gc-secondary">
          {t(`kind.${item.kind}`)} · {presenter} · {t("minutesValue", { minutes: item.minutes })}
          {item.initiativeCode && ` · ${item.initiativeCode}`}
        </span>
      </span>
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onSetMinutes(Number(new FormData(event.currentTarget).get("minutes")));
        }}
      >
        <label htmlFor={minutesId} className="sr-only">
          {t("minutesOf", { title: label })}
        </label>
        <input key={item.minutes} id={minutesId} name="minutes" type="number" min={1} max={600} defaultValue={item.minutes} className="gc-input w-20" disabled={disabled} />
        <button type="submit" className="gc-button-secondary px-2" disabled={disabled}>
          {t("setMinutes")}
          <span className="sr-only"> — {label}</span>
        </button>
      </form>
      <span className="flex gap-2">
        <button type="button" className="gc-button-secondary px-2" onClick={() => onMove(index, index - 1)} disabled={disabled || index === 0}>
          {t("moveUp")}
          <span className="sr-only"> — {label}</span>
        </button>
        <button type="button" className="gc-button-secondary px-2" onClick={() => onMove(index, index + 1)} disabled={disabled || index === count - 1}>
          {t("moveDown")}
          <span className="sr-only"> — {label}</span>
        </button>
        <button type="button" id={`edit-${item.id}`} className="gc-button-secondary px-2" onClick={onEdit} disabled={disabled}>
          {t("edit")}
          <span className="sr-only"> — {label}</span>
        </button>
        <button type="button" className="gc-button-secondary px-2" onClick={onRemove} disabled={disabled}>
          {t("remove")}
          <span className="sr-only"> — {label}</span>
        </button>
      </span>
    </li>
  );
}

/** Adds an item before the closing ones. A refused item keeps what was typed, with each field's message. */
function AddItemForm({
  locale,
  departments,
  pending,
  onAdd,
}: {
  locale: Locale;
  departments: Option[];
  pending: boolean;
  onAdd: (input: Record<string, unknown>, callbacks: { onSuccess: () => void; onError: (error: Error) => void }) => void;
}) {
  const t = useTranslations("Agenda");
  const id = useId();
  // A new key after each added item empties the fields (the type-aheads hold their own state).
  const [added, setAdded] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("addItem")}</h2>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          onAdd(readAgendaItemForm(event.currentTarget), {
            onSuccess: () => setAdded((count) => count + 1),
            onError: (error) => setErrors(error instanceof ActionError ? error.fieldErrors : {}),
          });
        }}
      >
        <IdempotencyKeyField state={pending} />
        <AgendaItemFields
          key={added}
          idPrefix={`${id}-add`}
          locale={locale}
          errors={errors}
          choices={{ departments, initiative: null, actionItem: null }}
          defaults={{ titleEn: "", titleFr: "", kind: "DISCUSSION", minutes: 10, presentingDepartmentId: null }}
        />
        <button type="submit" className="gc-button" disabled={pending}>
          {t("addItemButton")}
        </button>
      </form>
    </section>
  );
}
