"use client";

import { useState, type KeyboardEvent, type PointerEvent } from "react";

type Drag = { from: number; over: number; pointer: boolean };

export type SortMessages = {
  pickedUp: (from: number) => string;
  over: (from: number, over: number) => string;
  dropped: (from: number, over: number) => string;
  cancelled: (from: number) => string;
};

/**
 * Reordering a list by its rows' handles, with the keyboard (Space or Enter picks the item up, Up and Down move it,
 * Space or Enter drops it, Escape or leaving the handle cancels) or with a mouse, pen or finger (pointer events:
 * press the handle, move over another row, release). Every step is announced. Rows carry `data-sort-index`.
 * A few lines of our own instead of a drag-and-drop library: the agenda builder's first JavaScript is budgeted.
 */
export function useSortableList({ count, onMove, messages }: { count: number; onMove: (from: number, to: number) => void; messages: SortMessages }) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const start = (index: number, pointer: boolean) => {
    setDrag({ from: index, over: index, pointer });
    setAnnouncement(messages.pickedUp(index));
  };
  const moveOver = (over: number) => {
    if (!drag || over < 0 || over >= count || over === drag.over) return;
    setDrag({ ...drag, over });
    setAnnouncement(messages.over(drag.from, over));
  };
  const drop = () => {
    if (!drag) return;
    setDrag(null);
    setAnnouncement(messages.dropped(drag.from, drag.over));
    if (drag.over !== drag.from) onMove(drag.from, drag.over);
  };
  const cancel = () => {
    if (!drag) return;
    setDrag(null);
    setAnnouncement(messages.cancelled(drag.from));
  };

  const handleProps = (index: number) => ({
    "aria-describedby": "sort-instructions",
    onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        if (drag) drop();
        else start(index, false);
      } else if (drag && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        moveOver(drag.over + (event.key === "ArrowDown" ? 1 : -1));
      } else if (drag && event.key === "Escape") {
        event.preventDefault();
        cancel();
      }
    },
    onBlur: () => cancel(),
    onPointerDown(event: PointerEvent<HTMLButtonElement>) {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      start(index, true);
    },
    onPointerMove(event: PointerEvent<HTMLButtonElement>) {
      if (!drag?.pointer) return;
      const row = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>("[data-sort-index]");
      if (row) moveOver(Number(row.dataset.sortIndex));
    },
    onPointerUp: () => drag?.pointer && drop(),
    onPointerCancel: () => cancel(),
  });

  return { drag, announcement, handleProps };
}

export type SortHandleProps = ReturnType<ReturnType<typeof useSortableList>["handleProps"]>;
