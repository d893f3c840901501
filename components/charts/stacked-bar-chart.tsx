import { Fragment } from "react";
import { tenth } from "./bar-chart";
import { healthFill, healthIcon } from "./chart-colours";

export type HealthSegments = { GREEN: number; AMBER: number; RED: number };
export type StackedBar = { label: string; values: HealthSegments };

const LABEL_WIDTH = 170;
const CHART_WIDTH = 640;
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 22;
const order = ["GREEN", "AMBER", "RED"] as const;

/**
 * Horizontal bars of initiatives by health, one bar per row (a pillar, a reporting period), drawn on the server as
 * SVG: no script, nothing for the CSP to refuse, and it prints. The SVG is an image with a text alternative; the
 * figures themselves are in the data table the page puts after it, which keyboard and screen-reader users read.
 * Each segment shows its shape and count when it is wide enough.
 */
export function StackedBarChart({ bars, title, legend }: { bars: StackedBar[]; title: string; legend: Record<(typeof order)[number], string> }) {
  const max = Math.max(1, ...bars.map((bar) => bar.values.GREEN + bar.values.AMBER + bar.values.RED));
  const plot = CHART_WIDTH - LABEL_WIDTH - 10;
  const height = bars.length * ROW_HEIGHT + 36;
  return (
    <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" className="h-auto w-full max-w-2xl" data-chart="stacked">
      <title>{title}</title>
      {bars.map((bar, index) => {
        const y = index * ROW_HEIGHT + 6;
        let x = LABEL_WIDTH;
        return (
          <Fragment key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2 + 5} textAnchor="end" className="chart-label">
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            {order.map((health) => {
              const value = bar.values[health];
              if (value === 0) return null;
              const width = (value / max) * plot;
              const segment = (
                <Fragment key={health}>
                  <rect x={tenth(x)} y={y} width={tenth(width)} height={BAR_HEIGHT} fill={healthFill[health]} stroke="#ffffff" strokeWidth="1" />
                  {width >= 34 && (
                    <text x={tenth(x + width / 2)} y={y + BAR_HEIGHT / 2 + 5} textAnchor="middle" className="chart-on-bar">
                      {`${healthIcon[health]} ${value}`}
                    </text>
                  )}
                </Fragment>
              );
              x += width;
              return segment;
            })}
          </Fragment>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH}, ${bars.length * ROW_HEIGHT + 14})`}>
        {order.map((health, index) => (
          <g key={health} transform={`translate(${index * 150}, 0)`}>
            <rect width="14" height="14" fill={healthFill[health]} />
            <text x="20" y="12">{`${healthIcon[health]} ${legend[health]}`}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}
