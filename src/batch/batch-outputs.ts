import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { carbonStock, POOL_NAMES, type PoolTable } from "../domain/landuse/carbon-pools.ts";
import type { Legend } from "../domain/landuse/legend.ts";
import { UNCLASSIFIED, zoneOf, type ZoningRules } from "../domain/landuse/zoning-rules.ts";
import { csvCell } from "../io/write-csv.ts";
import type { JournalEntry } from "./mine-journal.ts";
import type { PlacedMine } from "./mine-polygons.ts";

/** The file names of a batch's outputs in DIR; scripts rely on them and on their columns. */
export const BATCH_OUTPUTS = {
  classes: "classes.csv",
  transitions: "transitions.csv",
  zones: "zones.csv",
  carbon: "carbon.csv",
  mines: "mines.csv",
  summary: "summary.json",
} as const;

/** A CSV written row by row into a temporary file and renamed into place when complete. */
class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  rows = 0;
  constructor(
    private readonly path: string,
    columns: readonly string[],
  ) {
    this.fd = openSync(`${path}.tmp`, "w");
    this.buffer.push(columns.join(","));
  }
  row(cells: readonly unknown[]): void {
    // Whole numbers (pixels, years, codes: most cells) need no rounding to 15 digits.
    this.buffer.push(
      cells.map((v) => (typeof v === "number" && Number.isSafeInteger(v) ? String(v) : csvCell(v))).join(","),
    );
    this.rows++;
    if (this.buffer.length >= 4096) this.flush();
  }
  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, `${this.buffer.join("\n")}\n`);
    this.buffer = [];
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.tmp`, this.path);
  }
}

/** What the outputs are written from besides the counts. */
export interface OutputChoices {
  readonly years: readonly number[];
  readonly legend: Legend;
  /** Codes of the classes that are mining land: land taken (other → mining) and reclaimed (mining → other). */
  readonly miningCodes: ReadonlySet<number>;
  readonly pools?: PoolTable | undefined;
  readonly zoning?: ZoningRules | undefined;
}

/** The name of a code in the legend; a code the legend lacks is named as such (and warned about). */
const classNamer = (legend: Legend) => {
  const byCode = new Map(legend.classes.map((c) => [c.code, c]));
  return {
    name: (code: number) => byCode.get(code)?.name ?? `code ${code} (not in the legend)`,
    key: (code: number) => byCode.get(code)?.key,
    has: (code: number) => byCode.has(code),
  };
};

/**
 * Writes classes.csv, transitions.csv, zones.csv, carbon.csv (with pools) and mines.csv, mines in
 * the order of the mines file, from the journal's entries; rows with no pixels are not written.
 * Returns the rows written per file and the codes found that the legend lacks.
 */
export function writeBatchOutputs(
  out: string,
  mines: readonly PlacedMine[],
  entryOf: (m: PlacedMine) => JournalEntry | undefined,
  o: OutputChoices,
): { rows: Record<string, number>; unknownCodes: number[] } {
  const { years } = o;
  const pairs = years.slice(1).map((y, i) => `${years[i]}_${y}`);
  const names = classNamer(o.legend);
  const unknown = new Set<number>();
  const classes = new CsvFile(join(out, BATCH_OUTPUTS.classes), [
    "mine_id",
    "year",
    "code",
    "class",
    "pixels",
    "area_ha",
  ]);
  const transitions = new CsvFile(join(out, BATCH_OUTPUTS.transitions), [
    "mine_id",
    "from_year",
    "to_year",
    "from_code",
    "to_code",
    "from_class",
    "to_class",
    "pixels",
    "area_ha",
  ]);
  const zones = new CsvFile(join(out, BATCH_OUTPUTS.zones), [
    "mine_id",
    "from_year",
    "to_year",
    "zone",
    "pixels",
    "area_ha",
  ]);
  const carbon = o.pools
    ? new CsvFile(join(out, BATCH_OUTPUTS.carbon), [
        "mine_id",
        "year",
        "area_ha",
        ...POOL_NAMES.map((p) => `${p}_tc`),
        "total_tc",
      ])
    : undefined;
  const mining = o.miningCodes.size > 0;
  const mineColumns = [
    "mine_id",
    "status",
    "reason",
    "pixels",
    "area_ha",
    "crosses_raster_edge",
    "nodata_pixels",
    ...(mining
      ? [...pairs.flatMap((p) => [`taken_ha_${p}`, `reclaimed_ha_${p}`]), "taken_ha", "reclaimed_ha"]
      : []),
    ...(o.pools
      ? [
          ...pairs.map((p) => `stock_change_tc_${p}`),
          `stock_tc_${years[0]}`,
          `stock_tc_${years.at(-1)}`,
          "stock_change_tc",
        ]
      : []),
  ];
  const minesCsv = new CsvFile(join(out, BATCH_OUTPUTS.mines), mineColumns);
  const zoneOrder = o.zoning ? [...o.zoning.zones, UNCLASSIFIED] : [];
  for (const m of mines) {
    const e = entryOf(m);
    if (!e) {
      minesCsv.row([m.id, "failed", m.failure ?? "not counted"]);
      continue;
    }
    const { classes: cls, transitions: trs, nodataPixels } = e.counts;
    const areaByYear = years.map(() => new Map<number, number>());
    for (const [yi, code, px, ha] of cls) {
      if (!names.has(code)) unknown.add(code);
      classes.row([e.id, years[yi], code, names.name(code), px, ha]);
      areaByYear[yi]!.set(code, ha);
    }
    const taken = pairs.map(() => 0);
    const reclaimed = pairs.map(() => 0);
    const zoneArea = pairs.map(() => new Map<string, [number, number]>());
    for (const [pi, from, to, px, ha] of trs) {
      transitions.row([e.id, years[pi], years[pi + 1], from, to, names.name(from), names.name(to), px, ha]);
      const fromMining = o.miningCodes.has(from);
      const toMining = o.miningCodes.has(to);
      if (!fromMining && toMining) taken[pi]! += ha;
      if (fromMining && !toMining) reclaimed[pi]! += ha;
      if (o.zoning) {
        const fk = names.key(from);
        const tk = names.key(to);
        const zone = fk !== undefined && tk !== undefined ? zoneOf(o.zoning, fk, tk) : UNCLASSIFIED;
        const z = zoneArea[pi]!.get(zone) ?? [0, 0];
        zoneArea[pi]!.set(zone, [z[0] + px, z[1] + ha]);
      }
    }
    zoneArea.forEach((byZone, pi) => {
      for (const zone of zoneOrder) {
        const z = byZone.get(zone);
        if (z && z[0] > 0) zones.row([e.id, years[pi], years[pi + 1], zone, z[0], z[1]]);
      }
    });
    let stocks: number[] = [];
    if (o.pools && carbon) {
      stocks = areaByYear.map((areas, yi) => {
        const s = carbonStock(o.pools!, areas);
        let area = 0;
        for (const a of areas.values()) area += a;
        if (area > 0) carbon.row([e.id, years[yi], area, ...POOL_NAMES.map((p) => s[p]), s.total]);
        return s.total;
      });
    }
    minesCsv.row([
      e.id,
      "counted",
      "",
      e.pixels,
      e.areaHa,
      e.crossesEdge,
      nodataPixels.reduce((a, b) => a + b, 0),
      ...(mining
        ? [
            ...pairs.flatMap((_, i) => [taken[i], reclaimed[i]]),
            taken.reduce((a, b) => a + b, 0),
            reclaimed.reduce((a, b) => a + b, 0),
          ]
        : []),
      ...(o.pools
        ? [
            ...pairs.map((_, i) => stocks[i + 1]! - stocks[i]!),
            stocks[0],
            stocks.at(-1),
            stocks.at(-1)! - stocks[0]!,
          ]
        : []),
    ]);
  }
  const files = [classes, transitions, zones, ...(carbon ? [carbon] : []), minesCsv];
  for (const f of files) f.close();
  return {
    rows: {
      [BATCH_OUTPUTS.classes]: classes.rows,
      [BATCH_OUTPUTS.transitions]: transitions.rows,
      [BATCH_OUTPUTS.zones]: zones.rows,
      ...(carbon ? { [BATCH_OUTPUTS.carbon]: carbon.rows } : {}),
      [BATCH_OUTPUTS.mines]: minesCsv.rows,
    },
    unknownCodes: [...unknown].sort((a, b) => a - b),
  };
}
