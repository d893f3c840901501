"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ActionItemRow } from "@/lib/action-items/queries";
import { actionItemStatuses, type ActionItemStatusValue, type ActionItemView } from "@/lib/action-items/schemas";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ActionResult } from "@/lib/kernel/form-state";

type List = { total: number; page: number; pageCount: number; rows: ActionItemRow[] };

/** The server actions of app/[locale]/(portal)/action-items/actions.ts, passed in by the page. */
export type ActionItemTableActions = {
  list: (params: { view: ActionItemView; page: number; meetingId?: string }) => Promise<List | null>;
  updateStatus: (input: unknown) => Promise<ActionResult<{ id: string; status: ActionItemStatusValue; version: number; completionNote: string | null }>>;
};

/**
 * The action-item list with a quick status change per row. The change shows at once (optimistic) and is rolled
 * back, with the server's message, if the server refuses it; the status message is announced politely.
 */
export function ActionItemTable({ locale, view, page, meetingId, initial, actions }: { locale: Locale; view: ActionItemView; page: number; meetingId?: string; initial: List; actions: ActionItemTableActions }) {
  const t = useTranslations("ActionItems");
  const queryClient = useQueryClient();
  const queryKey = ["action-items", view, meetingId ?? null, page] as const;
  const { data } = useQuery({
    queryKey,
    queryFn: async () => (await actions.list({ view, page, meetingId })) ?? initial,
    initialData: initial,
  });
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);

  const mutation = useMutation({
    mutationFn: async (input: { id: string; status: ActionItemStatusValue; completionNote: string; version: number; title: string }) => {
      const result = await actions.updateStatus({ id: input.id, status: input.status, completionNote: input.completionNote, version: input.version });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<List>(queryKey);
      queryClient.setQueryData<List>(queryKey, (list) => list && { ...list, rows: list.rows.map((row) => (row.id === input.id ? { ...row, status: input.status } : row)) });
      return { previous };
    },
    onError: (error, input, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      setAnnouncement({ text: t("statusRefused", { title: input.title, reason: error.message }), error: true });
    },
    onSuccess: (saved, input) => {
      queryClient.setQueryData<List>(queryKey, (list) => list && { ...list, rows: list.rows.map((row) => (row.id === saved.id ? { ...row, status: saved.status, version: saved.version, completionNote: saved.completionNote } : row)) });
      setAnnouncement({ text: t("statusSaved", { title: input.title, status: t(`status.${saved.status}`) }), error: false });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["action-items"] }),
  });

  return (
    <div>
      <div aria-live="polite" className="min-h-8">
        {announcement && (
          <p role={announcement.error ? "alert" : "status"} className={`border-l-4 p-3 ${announcement.error ? "border-gc-danger" : "border-health-green"} bg-gc-light`} data-testid="action-item-message">
            {announcement.text}
          </p>
        )}
      </div>
      <p>{t("count", { total: data.total })}</p>
      {data.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="action-items-table">
            <caption className="sr-only">{t(`view.${view}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("title")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{t("assignee")}</th>
                <th scope="col">{t("dueDate")}</th>
                <th scope="col">{t("meeting")}</th>
                <th scope="col">{t("statusHeading")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const title = locale === "fr" ? row.titleFr : row.titleEn;
                return (
                  <tr key={row.id} data-testid="action-item-row">
                    <th scope="row" className="font-normal">
                      {title}
                      {row.initiative && (
                        <>
                          {" "}
                          (<Link href={`/initiatives/${row.initiative.id}`}>{row.initiative.code}</Link>)
                        </>
                      )}
                    </th>
                    <td>{locale === "fr" ? row.owner.fr : row.owner.en}</td>
                    <td>{row.assignee ?? "—"}</td>
                    <td className="whitespace-nowrap">
                      {row.dueDate}
                      {row.overdue && <span className="ml-2 block font-semibold text-gc-danger">{t("overdue")}</span>}
                    </td>
                    <td>{row.meeting ? <Link href={`/meetings/${row.meeting.id}`}>{row.meeting.sequenceNumber}</Link> : "—"}</td>
                    <td>
                      {row.canChangeStatus ? (
                        <StatusForm row={row} title={title} pending={mutation.isPending && mutation.variables?.id === row.id} onSubmit={(status, completionNote) => mutation.mutate({ id: row.id, status, completionNote, version: row.version, title })} />
                      ) : (
                        <span data-testid="action-item-status">{t(`status.${row.status}`)}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data.pageCount > 1 && (
        <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
          {page > 1 && <Link href={{ pathname: "/action-items", query: { view, page: page - 1, ...(meetingId ? { meeting: meetingId } : {}) } }}>{t("previous")}</Link>}
          <span>{t("pageOf", { page, count: data.pageCount })}</span>
          {page < data.pageCount && <Link href={{ pathname: "/action-items", query: { view, page: page + 1, ...(meetingId ? { meeting: meetingId } : {}) } }}>{t("next")}</Link>}
        </nav>
      )}
    </div>
  );
}

function StatusForm({ row, title, pending, onSubmit }: { row: ActionItemRow; title: string; pending: boolean; onSubmit: (status: ActionItemStatusValue, note: string) => void }) {
  const t = useTranslations("ActionItems");
  const [status, setStatus] = useState<ActionItemStatusValue>(row.status);
  const [note, setNote] = useState(row.completionNote ?? "");
  const selectId = `status-${row.id}`;
  const noteId = `note-${row.id}`;
  return (
    <form
      className="flex min-w-56 flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(status, note);
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        {t("statusOf", { title })}
      </label>
      <select id={selectId} className="gc-input" value={status} onChange={(event) => setStatus(event.target.value as ActionItemStatusValue)} data-testid="action-item-status-select">
        {actionItemStatuses.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </select>
      <span data-testid="action-item-status" className="text-base">
        {t("current", { status: t(`status.${row.status}`) })}
      </span>
      {(status === "DONE" || status === "CANCELLED") && (
        <>
          <label htmlFor={noteId} className="text-base font-semibold">
            {t("completionNote")}
          </label>
          <input id={noteId} className="gc-input" value={note} onChange={(event) => setNote(event.target.value)} />
        </>
      )}
      <button type="submit" className="gc-button-secondary" disabled={pending || status === row.status}>
        {t("saveStatus")}
        <span className="sr-only"> — {title}</span>
      </button>
    </form>
  );
}
