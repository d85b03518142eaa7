/** The views of an area, each at `/areas/:areaId/<view>`. */
export const VIEWS = ["overview", "map", "charts", "plan", "data", "inventory"] as const;
export type View = (typeof VIEWS)[number];

/** The path of a view of an area, keeping the language asked in the URL. */
export function viewPath(areaId: string, view: View, search = ""): string {
  const lang = new URLSearchParams(search).get("lang");
  return `/areas/${encodeURIComponent(areaId)}/${view}${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`;
}
