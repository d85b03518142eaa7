import { LANGS, type Lang } from "../presentation/i18n.ts";

/** The app's view: language, chosen area and tab; the area and tab live in the URL hash. */
export interface AppState {
  lang: Lang;
  areaId: string | null;
  tab: Tab;
}

export const TABS = ["overview", "map", "charts", "plan", "data"] as const;
export type Tab = (typeof TABS)[number];

const LANG_KEY = "minecarbon.lang";

/** The language: remembered from last time, else the browser's. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function rememberLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

export function readHash(): { areaId: string | null; tab: Tab } {
  const p = new URLSearchParams(location.hash.slice(1));
  const tab = p.get("tab");
  return {
    areaId: p.get("area"),
    tab: (TABS as readonly string[]).includes(tab ?? "") ? (tab as Tab) : "overview",
  };
}

export function writeHash(s: AppState): void {
  const p = new URLSearchParams();
  if (s.areaId) p.set("area", s.areaId);
  p.set("tab", s.tab);
  history.replaceState(null, "", `#${p.toString()}`);
}

/** What the overview endpoint answers. */
export interface Overview {
  area: {
    id: string;
    name: string;
    nameZh: string | null;
    crs: string | null;
    legend: unknown;
    boundary: unknown;
  };
  figures: { id: string; value: number | null; unit: string; source: string }[];
  latestAnalysis: { id: string } | null;
  maps: { year: number; id: string }[];
  inventories: { id: string; mine: string; year: number }[];
}

export interface AnalysisRow {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  percent: number;
  params: unknown;
  error: { message: string } | null;
  createdAt: string;
}

/** What every view receives. */
export interface ViewContext {
  readonly lang: Lang;
  readonly areaId: string | null;
  rerender(): void;
  select(areaId: string, tab: Tab): void;
}
