/**
 * Colours of the charts. Health colours are those of the health badges (each ≥ 4.5:1 against white, so they also
 * pass for text); every health segment also carries its shape (● ▲ ■) and the legend and the data table say it in
 * words, so colour never carries the meaning alone.
 */
export const healthFill = { GREEN: "#1c6b32", AMBER: "#8a4b00", RED: "#b3192e" } as const;
export const healthIcon = { GREEN: "●", AMBER: "▲", RED: "■", NONE: "○" } as const;

/** A pillar's colour when it is a valid "#RRGGBB", else a neutral dark grey. */
export function safeColour(colour: string): string {
  return /^#[0-9A-Fa-f]{6}$/.test(colour) ? colour : "#333333";
}
