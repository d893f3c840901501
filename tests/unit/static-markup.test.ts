import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/charts/bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { DataTableView } from "@/components/dashboard/data-table-view";
import { HealthBadge } from "@/components/ui/health-badge";
import { NotStaticError, renderStaticMarkup } from "@/components/ui/static-markup";
import { BoundedLru } from "@/lib/cache";

// Issue 23: the string renderer of cached parts must write exactly what React writes (renderToStaticMarkup, the
// independent renderer), for the elements and attributes the cached parts use.
describe("static markup", () => {
  it("writes host elements, text and attributes as renderToStaticMarkup does", async () => {
    const tree = h(
      "section",
      { "aria-labelledby": "s", className: "mt-8", "data-section": "pillars", hidden: false },
      h("h2", { id: "s" }, "Pillars & <health> \"quoted\" 'single'"),
      h(
        "div",
        { className: "overflow-x-auto", tabIndex: 0, role: "region", "aria-label": "A & B", "aria-hidden": false, "data-flag": true },
        h("table", null, h("tbody", null, h("tr", null, h("th", { scope: "row", colSpan: 2 }, "x", 1, 2n, null, false, undefined, "y"), h("td", { className: undefined, rowSpan: 1 }, [h("time", { key: "a", dateTime: "2026-12-04" }, "Dec 4"), "b"])))),
      ),
      h("details", { open: true }, h("summary", null, "More")),
      h(Fragment, null, h("a", { href: "/en/x?a=1&b=2", download: true, lang: "fr" }, "CSV"), h("br"), h("hr")),
      h("li", { style: { borderTopColor: " #26374a ", "--x": "1", msTransform: "none" } }),
      h("svg", { viewBox: "0 0 640 40", role: "img", "data-chart": "bars" }, h("title", null, "Chart"), h("text", { x: 192, y: 13.5, textAnchor: "end", dominantBaseline: "middle" }, "Label"), h("rect", { x: 200, y: 4, width: 12.5, height: 18, fill: "#26374a", strokeWidth: "1" })),
      h("div", { dangerouslySetInnerHTML: { __html: "<b>raw</b>" } }),
    );
    expect(await renderStaticMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it("draws the dashboard's charts, data tables and badges as React does", async () => {
    const parts = h(
      "div",
      null,
      h(BarChart, { title: "Funding", bars: [{ key: "a", group: "2026–27", label: "Prevention", value: 1200, valueLabel: "$12.00", colour: "#1e6b52" }, { key: "b", group: "2027–28", label: "Protection", value: 0, valueLabel: "$0.00" }] }),
      h(StackedBarChart, { title: "Health", legend: { GREEN: "On track", AMBER: "At risk", RED: "Off track" }, bars: [{ label: "Prevention", values: { GREEN: 3, AMBER: 1, RED: 2 } }, { label: "Vide", values: { GREEN: 0, AMBER: 0, RED: 0 } }] }),
      h(DataTableView, { table: { headers: ["Pillar", "Initiatives"], rows: [["Prevention", "12"], ["Protection <&>", "0"]], numeric: [false, true] }, caption: "Initiatives by pillar", dataset: "pillars" }),
      h(HealthBadge, { health: "RED", locale: "fr" }),
    );
    expect(await renderStaticMarkup(parts)).toBe(renderToStaticMarkup(parts));
  });

  it("awaits asynchronous server components", async () => {
    const Async = async ({ name }: { name: string }) => h("p", null, `Hello ${name}`);
    expect(await renderStaticMarkup(h("div", null, h(Async, { name: "Anne" })))).toBe("<div><p>Hello Anne</p></div>");
  });

  it("refuses what it does not draw, so the part is rendered by React", async () => {
    const client = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    await expect(renderStaticMarkup(h("div", null, h(client)))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("textarea", { defaultValue: "x" }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("button", { onClick: () => {} }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("input", { name: "q", value: "x", readOnly: true }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("img", { src: "/x.png", alt: "" }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("title", null, "hoisted"))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("div", { style: { width: 10 } }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("div", { strangeProp: "x" }))).rejects.toBeInstanceOf(NotStaticError);
    await expect(renderStaticMarkup(h("form", { action: async () => {} }))).rejects.toBeInstanceOf(NotStaticError);
  });
});

describe("bounded LRU", () => {
  it("keeps at most its entries and bytes, dropping the least recently used", () => {
    const lru = new BoundedLru<string>(3, 100);
    lru.set("a", "A", 10);
    lru.set("b", "B", 10);
    lru.set("c", "C", 10);
    expect(lru.get("a")).toBe("A"); // a is now the most recent
    lru.set("d", "D", 10);
    expect(lru.get("b")).toBeUndefined();
    expect([lru.get("a"), lru.get("c"), lru.get("d")]).toEqual(["A", "C", "D"]);
    lru.set("e", "E", 90);
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.get("e")).toBe("E");
    lru.set("huge", "H", 101);
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toBeLessThanOrEqual(3);
  });
});
