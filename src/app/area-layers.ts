import { createHash } from "node:crypto";
import { join } from "node:path";
import { rgbHex, zoneColours } from "../presentation/zone-colours.ts";
import type { Analysis } from "../storage/analysis-repository.ts";
import type { GridRecord } from "../contract/grid.ts";
import type { StoredMap } from "../storage/landuse-map-repository.ts";
import type { MiningArea } from "../storage/mining-area-repository.ts";
import { areaLegend } from "./area-legend.ts";
import type { DataFolder } from "./data-folder.ts";
import { CHANGES_FILE } from "../landuse-analysis/output-names.ts";
import { changeColours } from "../landuse-analysis/change-colours.ts";
import { changeCountName } from "../presentation/i18n.ts";
import { CHANGE_RAMP, renderChangeLayer, renderClassLayer, type MapLayer } from "./map-layers.ts";

const extentOf = (g: GridRecord): [number, number, number, number] => [
  g.originX,
  g.originY - g.height * g.pixelHeight,
  g.originX + g.width * g.pixelWidth,
  g.originY,
];

/** The layers of an area as `areaLayers` answers them. */
export interface AreaLayers {
  readonly crs: { label: string; epsg?: number; proj4?: string } | null;
  readonly layers: MapLayer[];
  readonly files: Map<string, string>;
  readonly boundary: unknown;
}

/**
 * Computations under way, by what they are computed from (see `inFlightKey`). Only while one runs:
 * concurrent requests for the same layers share it; once it settles it is forgotten, so that a
 * later request — after a change of the maps, the legend or the analysis — computes afresh.
 */
const inFlight = new Map<string, Promise<AreaLayers>>();

/**
 * Everything the answer depends on: the data folder, the area (its boundary and legend colours,
 * through `updatedAt` and the colours' hash), each map's year and bytes, and the analysis with its
 * finishing time and staleness. Two requests with the same key would compute the same answer.
 */
function inFlightKey(
  folder: DataFolder,
  area: MiningArea,
  maps: readonly StoredMap[],
  analysis: Analysis | undefined,
): string {
  return JSON.stringify([
    folder.root,
    area.id,
    area.updatedAt.getTime(),
    coloursVersion(area),
    maps.map((m) => [m.year, m.sha256]),
    analysis
      ? [analysis.id, analysis.status, analysis.finishedAt?.getTime() ?? null, analysis.staleReason]
      : null,
  ]);
}

/**
 * The map layers of an area: land use of each stored map, and — from a finished analysis — the
 * accumulated changes across its dates, the carbon-sink zoning of each period and the carbon change
 * of each period (when it had densities).
 * PNGs are rendered on first use and kept beside the rasters. `files` maps layer ids to them.
 * Concurrent calls for the same area, maps and analysis share one computation (a cold first answer
 * renders every layer, about a second); nothing is kept once it has answered.
 */
export function areaLayers(
  folder: DataFolder,
  area: MiningArea,
  maps: readonly StoredMap[],
  analysis: Analysis | undefined,
): Promise<AreaLayers> {
  const key = inFlightKey(folder, area, maps, analysis);
  const running = inFlight.get(key);
  if (running) return running;
  const computation = computeAreaLayers(folder, area, maps, analysis).finally(() => inFlight.delete(key));
  inFlight.set(key, computation);
  return computation;
}

async function computeAreaLayers(
  folder: DataFolder,
  area: MiningArea,
  maps: readonly StoredMap[],
  analysis: Analysis | undefined,
): Promise<AreaLayers> {
  const legend = areaLegend(area.legend);
  const classColours = new Map(legend.classes.filter((c) => c.colour).map((c) => [c.code, c.colour!]));
  const colours = coloursVersion(area);
  const layers: MapLayer[] = [];
  const files = new Map<string, string>();
  let crs: { label: string; epsg?: number; proj4?: string } | null = null;
  for (const m of maps) {
    const g = m.grid;
    crs ??= { label: g.crs, ...(g.epsg ? { epsg: g.epsg } : {}), ...(g.proj4 ? { proj4: g.proj4 } : {}) };
    const png = join(folder.maps(area.id), "layers", `${m.year}-${m.sha256.slice(0, 16)}-${colours}.png`);
    await renderClassLayer(m.path, png, classColours);
    const id = `landuse-${m.year}`;
    files.set(id, png);
    layers.push({
      id,
      kind: "landuse",
      title: `Land use ${m.year}`,
      titleZh: `${m.year}年土地利用`,
      url: landuseLayerUrl(area, m),
      extent: extentOf(g),
      legend: {
        kind: "classes",
        items: legend.classes.map((c) => ({
          value: c.code,
          name: c.name,
          ...(c.nameZh ? { nameZh: c.nameZh } : {}),
          colour: c.colour ?? "#999999",
        })),
      },
    });
  }
  const r = analysis?.result;
  if (analysis && r) {
    const dir = folder.analysis(analysis.id);
    const extent = extentOf(r.grid);
    crs ??= {
      label: r.grid.crs,
      ...(r.grid.epsg ? { epsg: r.grid.epsg } : {}),
      ...(r.grid.proj4 ? { proj4: r.grid.proj4 } : {}),
    };
    const changes = await accumulatedChangesLayer(dir, analysis.id, r, extent);
    if (changes) {
      files.set(changes.layer.id, changes.png);
      layers.push(changes.layer);
    }
    for (const file of r.outputs) {
      const zm = /^zones-(\d+)-(\d+)\.tif$/.exec(file);
      const cm = /^carbon-change-(\d+)-(\d+)\.tif$/.exec(file);
      if (zm && r.zoning) {
        const colours = zoneColours(r.zoning.zones);
        const id = `zones-${zm[1]}-${zm[2]}`;
        const png = join(dir, "layers", `${id}.png`);
        await renderClassLayer(join(dir, file), png, new Map(colours.map((c, i) => [i + 1, rgbHex(c)])));
        files.set(id, png);
        layers.push({
          id,
          kind: "zones",
          title: `Carbon-sink zones ${zm[1]}–${zm[2]}`,
          titleZh: `${zm[1]}–${zm[2]}年碳汇分区`,
          url: `/api/analyses/${analysis.id}/layers/${id}.png`,
          extent,
          legend: {
            kind: "classes",
            items: r.zoning.zones.map((z, i) => ({ value: i + 1, name: z, colour: rgbHex(colours[i]!) })),
          },
        });
      }
      if (cm) {
        const id = `carbon-change-${cm[1]}-${cm[2]}`;
        const png = join(dir, "layers", `${id}.png`);
        const max = await renderChangeLayer(join(dir, file), png);
        files.set(id, png);
        layers.push({
          id,
          kind: "carbon-change",
          title: `Carbon change ${cm[1]}–${cm[2]}`,
          titleZh: `${cm[1]}–${cm[2]}年碳储量变化`,
          url: `/api/analyses/${analysis.id}/layers/${id}.png`,
          extent,
          legend: { kind: "ramp", unit: "t C per pixel", min: -max, max, colours: CHANGE_RAMP },
        });
      }
    }
  }
  return { crs, layers, files, boundary: area.boundary };
}

/**
 * The accumulated-changes layer of an analysis (class changes per pixel across its dates), or none
 * for analyses made before it was written. Its legend has one entry per number of changes.
 */
export async function accumulatedChangesLayer(
  dir: string,
  analysisId: string,
  r: { outputs: string[]; inputs: { year: number }[] },
  extent: [number, number, number, number],
): Promise<{ layer: MapLayer; png: string } | undefined> {
  if (!r.outputs.includes(CHANGES_FILE)) return undefined;
  const years = r.inputs.map((i) => i.year).sort((a, b) => a - b);
  const colours = changeColours(years.length).map(rgbHex);
  const id = "accumulated-changes";
  const png = join(dir, "layers", `${id}.png`);
  await renderClassLayer(join(dir, CHANGES_FILE), png, new Map(colours.map((c, i) => [i, c])));
  const span = `${years[0]}–${years.at(-1)}`;
  return {
    png,
    layer: {
      id,
      kind: "changes",
      title: `Accumulated changes ${span}`,
      titleZh: `${span}年累计变化次数`,
      url: `/api/analyses/${analysisId}/layers/${id}.png`,
      extent,
      legend: {
        kind: "classes",
        items: colours.map((colour, c) => ({
          value: c,
          name: changeCountName("en", c),
          nameZh: changeCountName("zh", c),
          colour,
        })),
      },
    },
  };
}

/**
 * A short hash of the legend's colours by code: part of a land-use layer's file name and URL, so
 * that a recoloured (or recoded) legend draws a new layer instead of the cached one.
 */
function coloursVersion(area: Pick<MiningArea, "legend">): string {
  const colours = areaLegend(area.legend).classes.map((c) => [c.code, c.colour ?? null]);
  return createHash("sha256").update(JSON.stringify(colours)).digest("hex").slice(0, 8);
}

/** The URL of a year's land-use layer, versioned by the map's bytes and the legend's colours. */
export function landuseLayerUrl(
  area: Pick<MiningArea, "id" | "legend">,
  m: Pick<StoredMap, "year" | "sha256">,
): string {
  return `/api/areas/${area.id}/maps/${m.year}/layer.png?v=${m.sha256.slice(0, 8)}${coloursVersion(area)}`;
}
