/**
 * Lighthouse performance (desktop and mobile, median of 5 runs) in Debian's Chromium,
 * signed in through the session cookie.
 */
import type { BenchRoute } from "./routes";

export type LighthouseFigures = { route: string; formFactor: "desktop" | "mobile"; performance: number; cls: number; runs: number[] };

const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

export async function lighthouseMedians(baseUrl: string, routes: BenchRoute[], cookie: string, runs = 5): Promise<LighthouseFigures[]> {
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags });
  const figures: LighthouseFigures[] = [];
  try {
    for (const route of routes) {
      for (const formFactor of ["desktop", "mobile"] as const) {
        const scores: { performance: number; cls: number }[] = [];
        for (let run = 0; run < runs; run++) {
          const result = await lighthouse(
            baseUrl + route.request.path,
            { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
            formFactor === "desktop" ? desktopConfig : undefined,
          );
          const lhr = result?.lhr;
          scores.push({
            performance: (lhr?.categories.performance?.score ?? 0) * 100,
            cls: Number(lhr?.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN),
          });
        }
        const sorted = [...scores].sort((a, b) => a.performance - b.performance);
        const middle = sorted[Math.floor(sorted.length / 2)]!;
        figures.push({ route: route.name, formFactor, performance: middle.performance, cls: middle.cls, runs: scores.map((s) => s.performance) });
        console.log(`  Lighthouse ${route.name} (${formFactor}): ${middle.performance.toFixed(0)}`);
      }
    }
  } finally {
    chrome.kill();
  }
  return figures;
}
