import Map from "ol/Map.js";
import View from "ol/View.js";
import GeoJSON from "ol/format/GeoJSON.js";
import Graticule from "ol/layer/Graticule.js";
import ImageLayer from "ol/layer/Image.js";
import VectorLayer from "ol/layer/Vector.js";
import { get as getProjection, transformExtent } from "ol/proj.js";
import { register } from "ol/proj/proj4.js";
import Static from "ol/source/ImageStatic.js";
import VectorSource from "ol/source/Vector.js";
import { Stroke, Style } from "ol/style.js";
import { defaults as defaultControls, ScaleLine } from "ol/control.js";
import proj4 from "proj4";
import "ol/ol.css";
import { formatNumber, t, zoneName, type Lang } from "../presentation/i18n.ts";
import { api } from "./api.ts";
import { h, mount } from "./dom.ts";
import type { ViewContext } from "./state.ts";

interface LayerInfo {
  id: string;
  kind: "landuse" | "zones" | "carbon-change" | "changes";
  title: string;
  titleZh: string;
  url: string;
  extent: [number, number, number, number];
  legend:
    | { kind: "classes"; items: { value: number; name: string; nameZh?: string; colour: string }[] }
    | { kind: "ramp"; unit: string; min: number; max: number; colours: [string, string, string] };
}

interface Layers {
  crs: { label: string; epsg?: number; proj4?: string } | null;
  layers: LayerInfo[];
  boundary: unknown;
}

function legendView(lang: Lang, l: LayerInfo): HTMLElement {
  const title = lang === "zh" ? l.titleZh : l.title;
  if (l.legend.kind === "ramp")
    return h(
      "div",
      { class: "legend" },
      h("h3", {}, title),
      h("div", { class: "ramp", style: `background:linear-gradient(90deg,${l.legend.colours.join(",")})` }),
      h(
        "div",
        {},
        `${formatNumber(lang, l.legend.min, 1)} … ${formatNumber(lang, l.legend.max, 1)} ${l.legend.unit}`,
      ),
    );
  return h(
    "div",
    { class: "legend" },
    h("h3", {}, title),
    h(
      "ul",
      {},
      l.legend.items.map((i) =>
        h(
          "li",
          {},
          h("span", { class: "swatch", style: `background:${i.colour}` }),
          l.kind === "zones" ? zoneName(lang, i.name) : lang === "zh" && i.nameZh ? i.nameZh : i.name,
        ),
      ),
    ),
  );
}

/**
 * The map: land use per year, zoning and carbon change per period and the accumulated changes
 * across the dates as image layers in the maps' own CRS (proj4), over a plain background with a graticule and the area's boundary (no online
 * base map). A layer switcher, the legend, and a click shows the pixel's class history.
 */
export async function mapView(main: HTMLElement, ctx: ViewContext): Promise<() => void> {
  const lang = ctx.lang;
  const info = await api<Layers>(`/api/areas/${ctx.areaId}/layers`);
  if (!info.crs || info.layers.length === 0) {
    mount(main, h("p", {}, t(lang, "noData")));
    return () => undefined;
  }
  const code = info.crs.epsg ? `EPSG:${info.crs.epsg}` : "MINECARBON:MAP";
  if (info.crs.proj4 && !getProjection(code)) {
    proj4.defs(code, info.crs.proj4);
    register(proj4);
  }
  const projection = getProjection(code) ?? getProjection("EPSG:4326")!;
  const extent = info.layers[0]!.extent;
  const [w, hgt] = [extent[2] - extent[0], extent[3] - extent[1]];
  const around: [number, number, number, number] = [
    extent[0] - w,
    extent[1] - hgt,
    extent[2] + w,
    extent[3] + hgt,
  ];
  // A CRS defined through proj4 has no extent; the graticule needs one (and its lon/lat bounds).
  if (!projection.getExtent()) {
    projection.setExtent(around);
    const ll = transformExtent(around, projection, "EPSG:4326");
    projection.setWorldExtent(ll);
  }
  const imageLayers = info.layers.map(
    (l) =>
      new ImageLayer({
        source: new Static({ url: l.url, imageExtent: l.extent, projection, interpolate: false }),
        visible: false,
        properties: { id: l.id },
      }),
  );
  // Default: the zoning of the whole span when there is one, else the latest land use.
  const zoning = info.layers.filter((l) => l.kind === "zones");
  const landuse = info.layers.filter((l) => l.kind === "landuse");
  const spanZones = zoning.reduce<LayerInfo | undefined>((best, l) => {
    const [a, b] = l.id.split("-").slice(1).map(Number) as [number, number];
    const [c, d] = best ? (best.id.split("-").slice(1).map(Number) as [number, number]) : [0, 0];
    return !best || b - a > d - c ? l : best;
  }, undefined);
  let current = spanZones ?? landuse[landuse.length - 1] ?? info.layers[0]!;
  const boundary = new VectorLayer({
    source: new VectorSource({
      features: info.boundary
        ? new GeoJSON().readFeatures(info.boundary, {
            dataProjection: "EPSG:4326",
            featureProjection: projection,
          })
        : [],
    }),
    style: new Style({ stroke: new Stroke({ color: "#1b3d2f", width: 2 }) }),
  });
  const mapEl = h("div", { id: "map", role: "img", "aria-label": t(lang, "map") });
  const legendBox = h("div", { class: "legend-box" });
  const history = h("div", { class: "history", "aria-live": "polite" }, h("p", {}, t(lang, "clickMap")));
  const show = (l: LayerInfo) => {
    current = l;
    for (const il of imageLayers) il.setVisible(il.get("id") === l.id);
    mount(legendBox, legendView(lang, l));
  };
  const groups: [LayerInfo["kind"], string][] = [
    ["landuse", lang === "zh" ? "土地利用" : "Land use"],
    ["zones", lang === "zh" ? "碳汇分区" : "Carbon-sink zoning"],
    ["carbon-change", lang === "zh" ? "碳储量变化" : "Carbon change"],
    ["changes", t(lang, "changesLayers")],
  ];
  const switcher = h(
    "div",
    { class: "layer-list" },
    groups
      .filter(([k]) => info.layers.some((l) => l.kind === k))
      .map(([k, label]) =>
        h(
          "fieldset",
          {},
          h("legend", {}, label),
          info.layers
            .filter((l) => l.kind === k)
            .map((l) =>
              h(
                "label",
                {},
                h("input", {
                  type: "radio",
                  name: "layer",
                  value: l.id,
                  checked: l.id === current.id,
                  onchange: () => show(l),
                }),
                ` ${lang === "zh" ? l.titleZh : l.title}`,
              ),
            ),
        ),
      ),
  );
  mount(
    main,
    h(
      "div",
      { class: "map-layout" },
      mapEl,
      h(
        "div",
        { class: "side" },
        h("section", { class: "panel" }, h("h2", {}, t(lang, "layers")), switcher),
        h("section", { class: "panel" }, legendBox),
        h("section", { class: "panel" }, h("h2", {}, t(lang, "pixelHistory")), history),
      ),
    ),
  );
  const map = new Map({
    target: mapEl,
    layers: [
      ...imageLayers,
      boundary,
      new Graticule({
        strokeStyle: new Stroke({ color: "rgba(0,0,0,0.25)", width: 1, lineDash: [2, 4] }),
        showLabels: true,
        wrapX: false,
      }),
    ],
    controls: defaultControls().extend([new ScaleLine()]),
    view: new View({ projection, extent: around }),
  });
  map.getView().fit(extent, { padding: [20, 20, 20, 20] });
  show(current);
  map.on("singleclick", async (e) => {
    const [x, y] = e.coordinate as [number, number];
    const r = await api<{
      history: {
        year: number;
        code: number | null;
        class: string | null;
        classZh: string | null;
        colour: string | null;
      }[];
    }>(`/api/areas/${ctx.areaId}/pixel?x=${x}&y=${y}`);
    mount(
      history,
      h("p", {}, `x ${formatNumber(lang, x, 0)}, y ${formatNumber(lang, y, 0)} (${info.crs!.label})`),
      h(
        "table",
        { class: "history" },
        h(
          "tbody",
          {},
          r.history.map((p) =>
            h(
              "tr",
              {},
              h("td", {}, String(p.year)),
              h("td", {}, p.colour ? h("span", { class: "swatch", style: `background:${p.colour}` }) : ""),
              h(
                "td",
                {},
                p.code === null ? "—" : `${lang === "zh" && p.classZh ? p.classZh : p.class} (${p.code})`,
              ),
            ),
          ),
        ),
      ),
    );
  });
  (window as unknown as { __minecarbonMap?: Map }).__minecarbonMap = map;
  return () => map.setTarget(undefined);
}
