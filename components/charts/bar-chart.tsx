import { Fragment } from "react";
import { safeColour } from "./chart-colours";

/** Coordinates to a tenth of a unit: a viewBox of 640 needs no more, and each digit is sent twice (HTML and RSC). */
export const tenth = (value: number) => Math.round(value * 10) / 10;

export type Bar = { key: string; label: string; value: number; valueLabel: string; colour?: string; group?: string };

const LABEL_WIDTH = 200;
const CHART_WIDTH = 640;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const GROUP_HEIGHT = 24;

/**
 * Horizontal bars, optionally in groups (a fiscal year), each labelled with its category and value in text, drawn
 * on the server as SVG (see StackedBarChart for why). A bar's colour only repeats what its label says.
 */
export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = CHART_WIDTH - LABEL_WIDTH - 150;
  let y = 4;
  let group: string | undefined;
  const rows: React.ReactNode[] = [];
  for (const bar of bars) {
    if (bar.group !== undefined && bar.group !== group) {
      group = bar.group;
      rows.push(
        <text key={`group-${group}`} x="0" y={y + 16} className="chart-group">
          {group}
        </text>,
      );
      y += GROUP_HEIGHT;
    }
    const width = bar.value === 0 ? 0 : tenth(Math.max(2, (bar.value / max) * plot));
    // Text size and colour come from the stylesheet (app/globals.css, svg[data-chart]).
    rows.push(
      <Fragment key={bar.key}>
        <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end">
          {bar.label}
        </text>
        <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill={safeColour(bar.colour ?? "#26374a")} />
        <text x={tenth(LABEL_WIDTH + width + 6)} y={y + BAR_HEIGHT / 2 + 5}>
          {bar.valueLabel}
        </text>
      </Fragment>,
    );
    y += ROW_HEIGHT;
  }
  return (
    <svg viewBox={`0 0 ${CHART_WIDTH} ${y + 4}`} role="img" className="h-auto w-full max-w-2xl" data-chart="bars">
      <title>{title}</title>
      {rows}
    </svg>
  );
}
