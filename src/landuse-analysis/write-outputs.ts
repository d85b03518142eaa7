import { join } from "node:path";
import { writeRows } from "../io/write-csv.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { changeCountName } from "../presentation/i18n.ts";
import type { AnalysisTables } from "./analysis-tables.ts";
import { CHORD_FILE } from "./output-names.ts";
import { pairName, type AnalysisPlan } from "./plan-analysis.ts";
import type { Previews } from "./run-counting.ts";

const TRANSITION_COLUMNS = [
  "from_year",
  "to_year",
  "from_code",
  "to_code",
  "from_class",
  "to_class",
  "pixels",
  "area_ha",
  "percent",
];

/** Writes the tables as CSV files into `folder` (carbon tables only with densities, zones only with zoning). */
export function writeTables(
  folder: string,
  t: AnalysisTables,
  has: {
    readonly pools: boolean;
    readonly valuation: boolean;
    readonly zoning: boolean;
    readonly zones: boolean;
  },
): void {
  const csv = (name: string, rows: readonly Record<string, unknown>[], cols: string[]) =>
    writeRows(join(folder, name), rows, cols);
  csv("classes.csv", t.classes, ["year", "code", "class", "pixels", "area_ha", "percent"]);
  csv("transitions-multistep.csv", t.transitionsMultistep, TRANSITION_COLUMNS);
  csv("transitions-onestep.csv", t.transitionsOnestep, TRANSITION_COLUMNS);
  csv("intensity-interval.csv", t.intensityInterval, []);
  csv("intensity-category.csv", t.intensityCategory, []);
  csv("intensity-transition.csv", t.intensityTransition, []);
  csv("components.csv", t.components, []);
  csv("components-overall.csv", t.componentsOverall, []);
  csv("accumulated-changes.csv", t.accumulatedChanges, ["changes", "pixels", "area_ha", "percent"]);
  if (has.pools) csv("carbon-change.csv", t.carbonChange, []);
  if (has.valuation) csv("carbon-value.csv", t.carbonValue, []);
  if (has.zoning)
    csv("zones.csv", t.zonesByPeriod, ["from_year", "to_year", "zone", "pixels", "area_ha", "share", "kind"]);
  if (has.pools) csv("carbon.csv", t.carbon, ["year", "pool", "total_tC"]);
  if (has.zones)
    csv("zone-classes.csv", t.zoneClasses, ["zone", "year", "code", "class", "pixels", "area_ha"]);
}

/** The PNG previews of the zones and accumulated-changes rasters, and the chord diagram (SVG). */
export async function writePictures(
  folder: string,
  plan: AnalysisPlan,
  legend: Legend,
  t: AnalysisTables,
  previews: Previews,
  colours: {
    readonly zones: readonly (readonly [number, number, number])[];
    readonly changes: readonly (readonly [number, number, number])[];
  },
): Promise<void> {
  const [{ writeZonesPreview }, { writeTransitionsChord }] = await Promise.all([
    import("../raster/zones-preview.ts"),
    import("./transitions-chord.ts"),
  ]);
  const { maps, zoneNames, engine } = plan;
  const span = `${maps[0]!.year}–${maps.at(-1)!.year}`;
  const picture = (oi: number) => ({
    width: previews.width,
    height: previews.height,
    values: previews.values[oi]!,
  });
  const pngs = engine.outputs.map((spec, oi) => {
    const png = join(folder, spec.path.replace(/\.tif$/, ".png"));
    if (spec.kind === "changes")
      return writeZonesPreview(
        png,
        picture(oi),
        `Accumulated changes ${span} (class changes between consecutive dates)`,
        t.accumulatedChanges.map((r) => ({
          code: r.changes,
          name: changeCountName("en", r.changes),
          colour: colours.changes[r.changes]!,
          share: r.percent,
        })),
      );
    if (spec.kind !== "zones") return undefined;
    const name = pairName(maps, spec.pair);
    const rows = t.zonesByPeriod.filter((r) => `${r.from_year}-${r.to_year}` === name);
    return writeZonesPreview(
      png,
      picture(oi),
      `Carbon-sink zones ${name.replace("-", "–")} (${plan.rules!.id})`,
      zoneNames.map((z, zi) => ({
        code: zi + 1,
        name: z,
        colour: colours.zones[zi]!,
        share: rows[zi]?.share ?? 0,
      })),
    );
  });
  writeTransitionsChord(join(folder, CHORD_FILE), legend.classes, t.transitionsOnestep);
  await Promise.all(pngs);
}
