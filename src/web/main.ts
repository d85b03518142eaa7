import "./style.css";
import { t, type Lang } from "../presentation/i18n.ts";
import { api } from "./api.ts";
import { chartsView } from "./charts-view.ts";
import { dataView } from "./data-view.ts";
import { h, mount } from "./dom.ts";
import { mapView } from "./map-view.ts";
import { overviewView } from "./overview-view.ts";
import { planView } from "./plan-view.ts";
import { initialLang, readHash, rememberLang, TABS, writeHash, type AppState, type Tab } from "./state.ts";

const state: AppState = { lang: initialLang(), ...readHash() };
const root = document.getElementById("app")!;
let disposeView: (() => void) | undefined;

const TAB_LABEL: Record<Tab, Parameters<typeof t>[1]> = {
  overview: "overview",
  map: "map",
  charts: "charts",
  plan: "plan",
  data: "data",
};

/** Draws the shell (header, area choice, tabs, language) and the current tab. */
async function render(): Promise<void> {
  disposeView?.();
  disposeView = undefined;
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = t(state.lang, "appTitle");
  const areas = await api<{ id: string; name: string; nameZh: string | null }[]>("/api/areas");
  if (!state.areaId || !areas.some((a) => a.id === state.areaId)) state.areaId = areas[0]?.id ?? null;
  writeHash(state);
  const lang: Lang = state.lang;
  const main = h("main", { id: "view", tabindex: "-1" });
  const header = h(
    "header",
    {},
    h("h1", {}, "MineCarbon"),
    h(
      "label",
      { class: "area-pick" },
      h("span", {}, t(lang, "areas")),
      h(
        "select",
        {
          id: "area-select",
          onchange: (e: Event) => {
            state.areaId = (e.target as HTMLSelectElement).value;
            void render();
          },
        },
        areas.map((a) =>
          h(
            "option",
            { value: a.id, selected: a.id === state.areaId },
            lang === "zh" && a.nameZh ? a.nameZh : a.name,
          ),
        ),
      ),
    ),
    h(
      "nav",
      { role: "tablist", "aria-label": "views" },
      TABS.map((tab) =>
        h(
          "button",
          {
            role: "tab",
            id: `tab-${tab}`,
            "aria-selected": String(tab === state.tab),
            class: tab === state.tab ? "active" : "",
            onclick: () => {
              state.tab = tab;
              void render();
            },
          },
          t(lang, TAB_LABEL[tab]),
        ),
      ),
    ),
    h(
      "div",
      { class: "tools" },
      h(
        "button",
        {
          id: "lang-toggle",
          title: t(lang, "language"),
          onclick: () => {
            state.lang = state.lang === "zh" ? "en" : "zh";
            rememberLang(state.lang);
            void render();
          },
        },
        state.lang === "zh" ? "English" : "中文",
      ),
      h("a", { href: "/docs", target: "_blank" }, t(lang, "apiDocs")),
    ),
  );
  mount(root, header, main);
  const ctx = {
    lang,
    areaId: state.areaId,
    rerender: () => void render(),
    select: (areaId: string, tab: Tab) => {
      state.areaId = areaId;
      state.tab = tab;
      void render();
    },
  };
  try {
    if (state.tab === "data" || !state.areaId) disposeView = await dataView(main, ctx);
    else if (state.tab === "overview") disposeView = await overviewView(main, ctx);
    else if (state.tab === "map") disposeView = await mapView(main, ctx);
    else if (state.tab === "plan") disposeView = await planView(main, ctx);
    else disposeView = await chartsView(main, ctx);
  } catch (e) {
    mount(main, h("p", { class: "error", role: "alert" }, (e as Error).message));
  }
}

// Links and the back button change the hash: follow them.
window.addEventListener("hashchange", () => {
  Object.assign(state, readHash());
  void render();
});

void render();
