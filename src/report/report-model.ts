import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { areaLegend, type StoredLegend } from "../app/area-legend.ts";
import { CHANGE_RAMP, renderChangeLayer, renderClassLayer, type LayerLegend } from "../app/map-layers.ts";
import type { MineInventory } from "../domain/mine/mine-inventory.ts";
import type { ScenarioResult } from "../domain/pathway/run-scenario.ts";
import { loadFactorLibrary } from "../factors/load-factor-library.ts";
import { rgbHex, zoneColours } from "../presentation/zone-colours.ts";
import { changeCountName, className, zoneName, type Lang } from "../presentation/i18n.ts";
import { reportT } from "../presentation/i18n/index.ts";
import { CHANGES_FILE } from "../landuse-analysis/output-names.ts";
import { changeColours } from "../landuse-analysis/change-colours.ts";
import type { LanduseResultForReport } from "./landuse-report-input.ts";
import { decorateMap, mapScale } from "./map-decorations.ts";

export type { LanduseResultForReport } from "./landuse-report-input.ts";

/** A map of the report: a PNG (with its scale bar and north arrow drawn in), its title and legend. */
export interface ReportMap {
  readonly title: string;
  readonly png: Buffer;
  readonly legend: LayerLegend;
}

/** Everything a report shows, in one language; HTML and PDF render the same model. */
export interface ReportModel {
  readonly lang: Lang;
  readonly title: string;
  readonly subject: string;
  readonly generatedAt: string;
  readonly factorLibraryVersion: string;
  readonly landuse?: { readonly result: LanduseResultForReport; readonly maps: readonly ReportMap[] };
  readonly inventories: readonly MineInventory[];
  /** Pathway scenarios chosen for the report (with their economics when given). */
  readonly pathways: readonly ScenarioResult[];
}

/**
 * Renders the maps of an analysis for a report: land use at the first and last date (when the map
 * files are still where the analysis read them), the zoning of the whole span, the accumulated
 * changes across the dates, and the carbon change of the whole span (when there were densities).
 */
export async function reportMaps(lang: Lang, r: LanduseResultForReport, dir: string): Promise<ReportMap[]> {
  const tmp = mkdtempSync(join(tmpdir(), "minecarbon-report-"));
  const rt = reportT(lang);
  // Every map shows the whole grid: its scale follows from the PNG's width.
  const decorate = async (file: string) => {
    const png = readFileSync(file);
    return decorateMap(png, mapScale(r.grid, png.readUInt32BE(16)), rt("noScale"));
  };
  try {
    const maps: ReportMap[] = [];
    const years = r.inputs.map((i) => i.year).sort((a, b) => a - b);
    const first = years[0]!;
    const last = years[years.length - 1]!;
    const legend = areaLegend({ classes: r.legend.classes });
    const colours = new Map(legend.classes.map((c) => [c.code, c.colour ?? "#999999"]));
    const classLegend: LayerLegend = {
      kind: "classes",
      items: legend.classes.map((c) => ({
        value: c.code,
        name: className(lang, c),
        colour: c.colour ?? "#999999",
      })),
    };
    for (const input of r.inputs.filter((i) => i.year === first || i.year === last)) {
      if (!existsSync(input.path)) continue;
      const png = join(tmp, `landuse-${input.year}.png`);
      await renderClassLayer(input.path, png, colours);
      maps.push({
        title: rt("mapLanduse", { year: input.year }),
        png: await decorate(png),
        legend: classLegend,
      });
    }
    const zonesFile = `zones-${first}-${last}.tif`;
    if (r.zoning && r.outputs.includes(zonesFile)) {
      const zc = zoneColours(r.zoning.zones);
      const png = join(tmp, "zones.png");
      await renderClassLayer(join(dir, zonesFile), png, new Map(zc.map((c, i) => [i + 1, rgbHex(c)])));
      maps.push({
        title: rt("mapZones", { from: first, to: last }),
        png: await decorate(png),
        legend: {
          kind: "classes",
          items: r.zoning.zones.map((z, i) => ({
            value: i + 1,
            name: zoneName(lang, z),
            colour: rgbHex(zc[i]!),
          })),
        },
      });
    }
    if (r.outputs.includes(CHANGES_FILE)) {
      const png = join(tmp, "accumulated-changes.png");
      const colours = changeColours(years.length).map(rgbHex);
      await renderClassLayer(join(dir, CHANGES_FILE), png, new Map(colours.map((c, i) => [i, c])));
      maps.push({
        title: rt("mapChanges", { from: first, to: last }),
        png: await decorate(png),
        legend: {
          kind: "classes",
          items: colours.map((colour, c) => ({ value: c, name: changeCountName(lang, c), colour })),
        },
      });
    }
    const changeFile = `carbon-change-${first}-${last}.tif`;
    if (r.outputs.includes(changeFile)) {
      const png = join(tmp, "change.png");
      const max = await renderChangeLayer(join(dir, changeFile), png);
      maps.push({
        title: rt("mapCarbonChange", { from: first, to: last }),
        png: await decorate(png),
        legend: { kind: "ramp", unit: rt("tCPerPixel"), min: -max, max, colours: CHANGE_RAMP },
      });
    }
    return maps;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The result labelled by the area's current legend: each class whose code the legend has takes the
 * legend's name, Chinese name and colour (a rename or recolour does not stale a result, it only
 * re-labels it); its role and group stay those the result was computed with, and a code the legend
 * no longer has keeps the result's labels.
 */
export function relabelledResult(
  result: LanduseResultForReport,
  current: StoredLegend,
): LanduseResultForReport {
  const now = new Map(areaLegend(current).classes.map((c) => [c.code, c]));
  return {
    ...result,
    legend: {
      ...result.legend,
      classes: result.legend.classes.map((c) => {
        const n = now.get(c.code);
        if (!n) return c;
        const { nameZh: _zh, colour: _colour, ...rest } = c;
        return {
          ...rest,
          name: n.name,
          ...(n.nameZh ? { nameZh: n.nameZh } : {}),
          ...(n.colour ? { colour: n.colour } : c.colour ? { colour: c.colour } : {}),
        };
      }),
    },
  };
}

/**
 * Builds a report model from an analysis result (with its output folder) and/or inventories. With
 * `legend` (the area's current one), the analysis's classes are named and coloured as it says now.
 */
export async function reportModel(o: {
  lang: Lang;
  title: string;
  subject: string;
  landuse?: { result: LanduseResultForReport; dir: string; legend?: StoredLegend };
  inventories?: readonly MineInventory[];
  pathways?: readonly ScenarioResult[];
  now?: Date;
}): Promise<ReportModel> {
  return {
    lang: o.lang,
    title: o.title,
    subject: o.subject,
    generatedAt: (o.now ?? new Date()).toISOString(),
    factorLibraryVersion: loadFactorLibrary().version,
    ...(o.landuse ? { landuse: await landuseOfReport(o.lang, o.landuse) } : {}),
    inventories: o.inventories ?? [],
    pathways: o.pathways ?? [],
  };
}

async function landuseOfReport(
  lang: Lang,
  l: { result: LanduseResultForReport; dir: string; legend?: StoredLegend },
): Promise<NonNullable<ReportModel["landuse"]>> {
  const result = l.legend ? relabelledResult(l.result, l.legend) : l.result;
  return { result, maps: await reportMaps(lang, result, l.dir) };
}
