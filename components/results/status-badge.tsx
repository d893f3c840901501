import type { Locale } from "@/lib/i18n/routing";
import { resultsTranslator } from "@/lib/results/format";
import type { ResultStatus } from "@/lib/results/status";

// Each status has its own shape as well as its colour, and always its text: colour never carries the meaning alone.
const styles: Record<ResultStatus, { className: string; icon: string }> = {
  MET: { className: "border-health-green text-health-green", icon: "✔" },
  NOT_MET: { className: "border-health-red text-health-red", icon: "✖" },
  NOT_YET_DUE: { className: "border-gc-border text-gc-secondary", icon: "◷" },
  NO_DATA: { className: "border-health-amber text-health-amber", icon: "?" },
  REPORTED: { className: "border-gc-border text-gc-secondary", icon: "✎" },
};

export function ResultStatusBadge({ status, locale }: { status: ResultStatus; locale: Locale }) {
  const style = styles[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-sm border-2 px-2 text-sm font-semibold ${style.className}`} data-result-status={status}>
      <span aria-hidden="true">{style.icon}</span>
      {resultsTranslator(locale)(`status.${status}`)}
    </span>
  );
}
