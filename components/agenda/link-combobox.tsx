"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { Option } from "./builder-data";

type Answer = { q: string; choices: Option[]; more: boolean };

/**
 * A type-ahead for an agenda item's linked initiative or action item (the WAI-ARIA combobox pattern with a list
 * popup): typing asks the server (`/api/agenda/links`, at most 20 choices); Down and Up move through the choices,
 * Enter or a click picks one, Escape closes the list (and keeps a dialog around it open); the count of choices is
 * announced. The choice goes in a hidden field named `name`; emptying the box links nothing, and leaving it with
 * text that was not picked puts the current choice's label back.
 */
export function LinkCombobox({
  id,
  name,
  kind,
  locale,
  initial,
  describedBy,
  invalid,
}: {
  id: string;
  name: string;
  kind: "initiative" | "actionItem";
  locale: Locale;
  initial: Option | null;
  describedBy?: string;
  invalid?: boolean;
}) {
  const t = useTranslations("Agenda");
  const [chosen, setChosen] = useState<Option | null>(initial);
  const [text, setText] = useState(initial?.label ?? "");
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState<string | null>(null);
  const query = useRef<string | null>(null);
  const listId = `${id}-list`;
  const statusId = `${id}-status`;

  useEffect(() => {
    if (!open || query.current === null) return;
    const q = query.current;
    // Reopening on the same text keeps the choices (and the highlighted one) rather than asking again.
    if (answer?.q === q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/agenda/links?${new URLSearchParams({ kind, q, locale })}`, { signal: controller.signal, cache: "no-store" });
        const body = await response.json();
        if (!response.ok) throw new Error(typeof body.message === "string" ? body.message : t("searchFailed"));
        setAnswer({ ...(body as Omit<Answer, "q">), q });
        setFailed(null);
        setActive(-1);
      } catch (error) {
        if (!controller.signal.aborted) setFailed(error instanceof Error && error.message ? error.message : t("searchFailed"));
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, text, kind, locale, t, answer?.q]);

  const choices = open ? (answer?.choices ?? []) : [];
  function search(value: string) {
    query.current = value.trim() === (chosen?.label ?? "") ? "" : value.trim();
    setOpen(true);
  }
  function pick(option: Option) {
    setChosen(option);
    setText(option.label);
    setOpen(false);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return search(text);
      if (choices.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + choices.length) % choices.length);
    } else if (event.key === "Enter" && open) {
      // Enter picks the highlighted choice rather than submitting the form.
      event.preventDefault();
      const option = choices[active];
      if (option) pick(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const status = failed ?? (open && answer ? (answer.choices.length === 0 ? t("searchNone") : t(answer.more ? "searchMore" : "searchCount", { count: answer.choices.length })) : "");
  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        className="gc-input"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && choices.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={[describedBy, `${id}-hint`].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === "") setChosen(null);
          search(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          if (text.trim() !== "") setText(chosen?.label ?? "");
        }}
      />
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <span id={`${id}-hint`} className="block text-base text-gc-secondary">
        {t("searchHint")}
      </span>
      <ul id={listId} role="listbox" aria-label={t("searchChoices")} hidden={!open || choices.length === 0} className="absolute z-10 max-h-72 w-full overflow-y-auto border border-gc-border bg-white">
        {choices.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-gc-light outline outline-2 outline-gc-focus" : ""}`}
            // Keeps the focus in the box, so that its blur does not close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <span id={statusId} role="status" className="sr-only">
        {status}
      </span>
    </div>
  );
}
