import { healthTranslator } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/routing";

type Health = "GREEN" | "AMBER" | "RED";

// Each health has its own shape as well as its colour, and always its text label:
// colour never carries the meaning alone.
const styles: Record<Health | "NONE", { className: string; icon: string }> = {
  GREEN: { className: "border-health-green text-health-green", icon: "●" },
  AMBER: { className: "border-health-amber text-health-amber", icon: "▲" },
  RED: { className: "border-health-red text-health-red", icon: "■" },
  NONE: { className: "border-gc-border text-gc-secondary", icon: "○" },
};

// Synchronous, with the catalogue's translator (see lib/i18n/catalogues.ts): a table shows one per row.
export function HealthBadge({ health, locale }: { health: Health | null; locale: Locale }) {
  const t = healthTranslator(locale);
  const key = health ?? "NONE";
  const style = styles[key];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-sm border-2 px-2 text-sm font-semibold ${style.className}`} data-health={key}>
      <span aria-hidden="true">{style.icon}</span>
      {t(key)}
    </span>
  );
}
