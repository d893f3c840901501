"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";

export type ComboboxOption = { id: string; label: string };
/** What a search answers: at most a page of choices, and whether there were more. */
export type ComboboxAnswer = { choices: ComboboxOption[]; more: boolean };

/** The words the combobox says, in the user's language (the caller translates them). */
export type ComboboxLabels = {
  hint: string;
  list: string;
  none: string;
  failed: string;
  count: (count: number) => string;
  more: (count: number) => string;
};

/**
 * The portal's one type-ahead (the WAI-ARIA 1.2 combobox pattern with a listbox popup): typing calls `load`
 * (debounced, the previous request aborted); Down and Up move through the choices (wrapping), Home and End go to the
 * first and last while the list is open, and the active option is kept scrolled into view; Enter or a click picks,
 * Escape closes the list (and keeps a dialog around it open). The focus stays in the box: the active option is
 * named by aria-activedescendant, and the count of choices is announced in a polite status.
 *
 * Two uses: a choice kept in a hidden field named `name` (leaving the box with text that was not picked puts the
 * current choice's label back; emptying it chooses nothing), or, with `clearOnPick`, a picker that hands each pick
 * to `onPick` and empties itself (the mention type-ahead).
 */
export function Combobox({
  id,
  name,
  load,
  labels,
  initial = null,
  describedBy,
  invalid,
  onPick,
  clearOnPick = false,
  className = "gc-input",
}: {
  id: string;
  name?: string;
  load: (q: string, signal: AbortSignal) => Promise<ComboboxAnswer>;
  labels: ComboboxLabels;
  initial?: ComboboxOption | null;
  describedBy?: string;
  invalid?: boolean;
  onPick?: (option: ComboboxOption) => void;
  clearOnPick?: boolean;
  className?: string;
}) {
  const [chosen, setChosen] = useState<ComboboxOption | null>(initial);
  const [text, setText] = useState(initial?.label ?? "");
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<(ComboboxAnswer & { q: string }) | null>(null);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState<string | null>(null);
  // What was last asked for (null: nothing yet); choices answered for another text are not shown.
  const [query, setQuery] = useState<string | null>(null);
  const loadRef = useRef(load);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (!open || query === null) return;
    const q = query;
    // Reopening on the same text keeps the choices (and the highlighted one) rather than asking again.
    if (answer?.q === q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const result = await loadRef.current(q, controller.signal);
        setAnswer({ ...result, q });
        setFailed(null);
        setActive(-1);
      } catch (error) {
        if (!controller.signal.aborted) setFailed(error instanceof Error && error.message ? error.message : labels.failed);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, labels.failed, answer?.q]);

  const choices = open && answer && answer.q === query ? answer.choices : [];

  // Keeps the active option in view as the arrow keys move through a long list.
  useEffect(() => {
    if (!open || active < 0) return;
    const element = listRef.current?.children.item(active);
    element?.scrollIntoView?.({ block: "nearest" });
  }, [active, open]);

  function search(value: string) {
    setQuery(value.trim() === (chosen?.label ?? "") ? "" : value.trim());
    setOpen(true);
  }
  function pick(option: ComboboxOption) {
    setOpen(false);
    onPick?.(option);
    if (clearOnPick) {
      setText("");
      setQuery(null);
      setAnswer(null);
      return;
    }
    setChosen(option);
    setText(option.label);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return search(text);
      if (choices.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current < 0 && step < 0 ? choices.length - 1 : (current + step + choices.length) % choices.length));
    } else if ((event.key === "Home" || event.key === "End") && open && choices.length > 0) {
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : choices.length - 1);
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

  const status = failed ?? (open && answer && answer.q === query ? (answer.choices.length === 0 ? labels.none : answer.more ? labels.more(answer.choices.length) : labels.count(answer.choices.length)) : "");
  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        className={className}
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && choices.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && active < choices.length ? optionId(active) : undefined}
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
          if (clearOnPick) return;
          if (text.trim() !== "") setText(chosen?.label ?? "");
        }}
      />
      {name ? <input type="hidden" name={name} value={chosen?.id ?? ""} /> : null}
      <span id={`${id}-hint`} className="block text-base text-gc-secondary">
        {labels.hint}
      </span>
      <ul ref={listRef} id={listId} role="listbox" aria-label={labels.list} hidden={!open || choices.length === 0} className="absolute z-10 max-h-72 w-full overflow-y-auto border border-gc-border bg-white">
        {choices.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
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
      <span id={`${id}-status`} role="status" className="sr-only">
        {status}
      </span>
    </div>
  );
}

/** A `load` for a JSON route answering `{ choices, more }` (or `{ message }` with an error status). */
export function jsonLoader(url: (q: string) => string, failed: string) {
  return async (q: string, signal: AbortSignal): Promise<ComboboxAnswer> => {
    const response = await fetch(url(q), { signal, cache: "no-store" });
    const body = await response.json();
    if (!response.ok) throw new Error(typeof body.message === "string" ? body.message : failed);
    return body as ComboboxAnswer;
  };
}
