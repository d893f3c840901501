import { safeColour } from "./chart-colours";

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
        <text key={`group-${group}`} x="0" y={y + 16} fontSize="14" fontWeight="bold" fill="#333333">
          {group}
        </text>,
      );
      y += GROUP_HEIGHT;
    }
    const width = bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * plot);
    rows.push(
      <g key={bar.key}>
        <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end" fontSize="13" fill="#333333">
          {bar.label}
        </text>
        <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill={safeColour(bar.colour ?? "#26374a")} />
        <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2 + 5} fontSize="13" fill="#333333">
          {bar.valueLabel}
        </text>
      </g>,
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
