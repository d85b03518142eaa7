import { formatNumber, t, type Lang } from "../presentation/i18n.ts";
import { api } from "./api.ts";
import { h, mount } from "./dom.ts";
import { reportButtons } from "./report-buttons.ts";
import type { AnalysisRow, Overview, ViewContext } from "./state.ts";

/** Status words in the language. */
export const statusText = (lang: Lang, s: AnalysisRow["status"]) => t(lang, s);

/** The overview: key figures with units and sources, maps, analyses (with progress), inventories, reports. */
export async function overviewView(main: HTMLElement, ctx: ViewContext): Promise<() => void> {
  const lang = ctx.lang;
  const [o, analyses] = await Promise.all([
    api<Overview>(`/api/areas/${ctx.areaId}/overview?lang=${lang}`),
    api<AnalysisRow[]>(`/api/areas/${ctx.areaId}/analyses`),
  ]);
  const name = lang === "zh" && o.area.nameZh ? o.area.nameZh : o.area.name;
  const cards = o.figures.map((f) =>
    h(
      "div",
      { class: "card", "data-figure": f.id },
      h("div", {}, t(lang, `figure.${f.id}` as Parameters<typeof t>[1])),
      h(
        "div",
        {},
        // A missing figure is shown as missing (never as 0); the source line below says why.
        Number.isFinite(f.value)
          ? h("span", { class: "value" }, formatNumber(lang, f.value!, Math.abs(f.value!) < 10 ? 4 : 1))
          : h("span", { class: "value missing", "data-missing": "true", title: f.source }, "—"),
        h("span", { class: "unit" }, f.unit),
      ),
      h("div", { class: "source" }, `${t(lang, "source")}: ${f.source}`),
    ),
  );
  const running = analyses.some((a) => a.status === "queued" || a.status === "running");
  mount(
    main,
    h("h2", {}, name),
    h("div", { class: "cards" }, cards),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t(lang, "analysis")),
      analyses.length === 0
        ? h("p", {}, t(lang, "noData"))
        : h(
            "table",
            {},
            h(
              "tbody",
              {},
              analyses.map((a) =>
                h(
                  "tr",
                  {},
                  h("td", {}, `#${a.id}`),
                  h("td", {}, statusText(lang, a.status)),
                  h(
                    "td",
                    {},
                    a.status === "running" || a.status === "queued"
                      ? h("progress", {
                          max: "100",
                          value: String(a.percent),
                          "aria-label": t(lang, "progress"),
                        })
                      : (a.error?.message ?? ""),
                  ),
                  h(
                    "td",
                    {},
                    a.status === "done" ? reportButtons(lang, `/api/analyses/${a.id}/reports`) : "",
                  ),
                ),
              ),
            ),
          ),
    ),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t(lang, "maps")),
      o.maps.length
        ? h(
            "p",
            {},
            o.maps.map((m) =>
              h(
                "a",
                { href: `/api/areas/${o.area.id}/maps/${m.year}`, style: "margin-right:1em" },
                `${m.year} (GeoTIFF)`,
              ),
            ),
          )
        : h("p", {}, t(lang, "noData")),
    ),
    h(
      "section",
      { class: "panel" },
      h("h2", {}, t(lang, "inventoryTitle")),
      o.inventories.length
        ? h(
            "table",
            {},
            h(
              "tbody",
              {},
              o.inventories.map((i) =>
                h(
                  "tr",
                  {},
                  h("td", {}, i.mine),
                  h("td", {}, String(i.year)),
                  h("td", {}, reportButtons(lang, `/api/inventories/${i.id}/reports`)),
                ),
              ),
            ),
          )
        : h("p", {}, t(lang, "noData")),
    ),
  );
  // While a job runs, refresh every second so the progress bar moves.
  const timer = running ? setTimeout(() => ctx.rerender(), 1000) : undefined;
  return () => clearTimeout(timer);
}
