import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import type { PoolTable } from "../domain/landuse/carbon-pools.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { legendFromArgument } from "../io/read-legend-file.ts";
import { readPoolTable } from "../io/read-pool-table.ts";
import { readTextFile } from "../io/read-text-file.ts";
import { NEUTRAL_REMEDIES, type DatedMap } from "../landuse-analysis/analysis-input.ts";
import { chooseZoning } from "../landuse-analysis/zoning-choice.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { describeGrid, gridDifferences } from "../raster/grid.ts";
import { join } from "node:path";
import { BatchProgress } from "./batch-progress.ts";
import { BATCH_OUTPUTS, writeBatchOutputs } from "./batch-outputs.ts";
import { batchSummarySchema, type BatchSummary } from "./batch-summary.ts";
import type { MineJob } from "./batch-counter.ts";
import { countMines } from "./count-mines.ts";
import { fileProvenance, sha256Small } from "./input-provenance.ts";
import { BATCH_ENGINE_VERSION, MineJournal, mineKey, type JournalEntry } from "./mine-journal.ts";
import { placeMines, type PlacedMine } from "./mine-polygons.ts";
import { openBlockSource, type BlockSource } from "./tile-source.ts";
import { rowPixelAreas } from "../domain/landuse/pixel-area.ts";

/** What `minecarbon batch` takes. */
export interface BatchInput {
  readonly maps: readonly DatedMap[];
  /** GeoJSON FeatureCollection of mine polygons. */
  readonly mines: string;
  /** The property holding each mine's id. */
  readonly idField: string;
  /** A legend preset id or a legend CSV. */
  readonly legend: string;
  readonly pools?: string | undefined;
  readonly rules?: string | undefined;
  /** Codes or keys of the mining classes, comma-separated; the legend's mining group by default. */
  readonly miningClasses?: string | undefined;
  readonly out: string;
  /** Worker threads: 0 or 1 count in this thread. */
  readonly workers: number;
  /** How maps are fingerprinted for resuming and provenance. */
  readonly checksum: "size+mtime" | "sha256";
  /** Decoded blocks kept per thread, MiB (256 by default). */
  readonly cacheMiB?: number | undefined;
  /** Where the progress bar goes (drawn only on a terminal). */
  readonly progress?: NodeJS.WriteStream | undefined;
  /** Receives each line worth telling the user at once (a mine that cannot be counted). */
  readonly tell?: (line: string) => void;
}

/** Role keys that are mining land when the legend gives no "mining" group. */
const MINING_KEYS = new Set(["open-pit", "stripping", "dump", "mining"]);

function miningCodesOf(legend: Legend, arg: string | undefined): { codes: number[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  if (arg === undefined)
    return {
      codes: legend.classes
        .filter((c) => c.group?.toLowerCase() === "mining" || MINING_KEYS.has(c.key))
        .map((c) => c.code),
      issues,
    };
  const codes: number[] = [];
  for (const item of arg
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const c = legend.classes.find((k) => String(k.code) === item || k.key === item || k.name === item);
    if (c) codes.push(c.code);
    else
      issues.push({
        path: "mining-classes",
        message: `"${item}" is not a class of legend ${legend.id} (give codes or keys: ${legend.classes.map((k) => `${k.code} ${k.key}`).join(", ")})`,
      });
  }
  return { codes, issues };
}

/** Z-order of block coordinates, so that mines next to each other are counted one after the other. */
function zOrder(x: number, y: number): number {
  let z = 0;
  for (let b = 0; b < 26; b++) z += ((x >> b) & 1) * 2 ** (2 * b) + ((y >> b) & 1) * 2 ** (2 * b + 1);
  return z;
}

const version = (): string =>
  (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** What a batch is counted from and written with, checked and placed before anything is counted. */
export interface PreparedBatch {
  readonly input: BatchInput;
  readonly t0: number;
  readonly warnings: string[];
  readonly headers: BlockSource["raster"][];
  readonly grid: BlockSource["raster"]["grid"];
  readonly maps: Awaited<ReturnType<typeof fileProvenance>>[];
  readonly years: number[];
  readonly legend: Legend;
  readonly pools: PoolTable | undefined;
  readonly miningCodes: number[];
  readonly zoning: ReturnType<typeof chooseZoning>;
  /** Every mine of the file, in its order, placed on the grid or with its reason. */
  readonly placed: PlacedMine[];
  /** The key each placed mine is counted under (engine, id, geometry, every map's year and fingerprint). */
  readonly keys: Map<number, string>;
  readonly rowAreaHa: Float64Array;
}

/**
 * Checks the inputs of a batch (maps on one grid, legend, pools, zoning, mining classes) and places
 * every mine on the grid; a mine that cannot be counted is told at once. Nothing is counted yet.
 */
export async function prepareBatch(o: BatchInput): Promise<PreparedBatch> {
  const t0 = performance.now();
  const warnings: string[] = [];
  // 1. Maps: headers checked, one grid.
  const headers: BlockSource["raster"][] = [];
  for (const m of o.maps) {
    const s = await openBlockSource(m.path);
    headers.push(s.raster);
    await s.close();
  }
  const grid = headers[0]!.grid;
  const gridIssues: InputIssue[] = [];
  headers.forEach((h, i) => {
    const d = gridDifferences(grid, h.grid);
    if (d.length)
      gridIssues.push({
        path: `map ${o.maps[i]!.year}`,
        message: `is not on the grid of ${o.maps[0]!.path}: ${d.join("; ")}; warp it onto that grid (gdalwarp -te … -tr … -tap)`,
      });
    warnings.push(...h.warnings);
  });
  if (gridIssues.length) throw new InputError("batch", gridIssues);
  const maps = await Promise.all(o.maps.map((m) => fileProvenance(m.path, o.checksum === "sha256")));
  const mapsFingerprint = JSON.stringify(
    maps.map((m, i) => [o.maps[i]!.year, m.sha256 ?? `${m.bytes}:${m.mtimeNs}`]),
  );
  // 2. Legend, pools, zoning, mining classes.
  const { legend, ignored } = legendFromArgument(o.legend);
  if (ignored.length) warnings.push(`legend columns not used: ${ignored.join(", ")}`);
  const pools: PoolTable | undefined = o.pools ? readPoolTable(o.pools).pools : undefined;
  const issues: InputIssue[] = [];
  if (pools) {
    const have = new Set(pools.classes.map((c) => c.code));
    const missing = legend.classes.filter((c) => !have.has(c.code));
    if (missing.length)
      issues.push({
        path: "pools",
        message: `has no carbon densities for ${missing.map((c) => `${c.code} ${c.name}`).join(", ")} of legend ${legend.id}; add a row for each class`,
      });
  }
  const mining = miningCodesOf(legend, o.miningClasses);
  issues.push(...mining.issues);
  if (issues.length) throw new InputError("batch", issues);
  if (mining.codes.length === 0)
    warnings.push(
      `legend ${legend.id} has no mining class, so mines.csv has no land taken or reclaimed; name them with --mining-classes (codes or keys)`,
    );
  const rules = o.rules
    ? (await import("../io/read-zoning-rules.ts")).readZoningRules(o.rules, legend)
    : undefined;
  const zoning = chooseZoning({ rules }, legend, pools, {
    legendName: `legend ${legend.id}`,
    remedies: { ...NEUTRAL_REMEDIES, zoningRules: "give --rules, or --pools for data-driven zoning" },
  });
  if (!zoning)
    warnings.push(
      `zones.csv is empty: seed 001's rules do not fit legend ${legend.id}; give --rules or --pools`,
    );
  // 3. Mines.
  let doc: unknown;
  try {
    doc = JSON.parse(readTextFile(o.mines));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(o.mines, [{ path: "", message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  const placed = placeMines(o.mines, doc, o.idField, grid);
  for (const m of placed) if (m.failure !== undefined) o.tell?.(`mine ${m.id}: ${m.failure}`);
  const keys = new Map<number, string>();
  for (const m of placed) if (m.window) keys.set(m.index, mineKey(m.id, m.geometryHash, mapsFingerprint));
  return {
    input: o,
    t0,
    warnings,
    headers,
    grid,
    maps,
    years: o.maps.map((m) => m.year),
    legend,
    pools,
    miningCodes: mining.codes,
    zoning,
    placed,
    keys,
    rowAreaHa: rowPixelAreas(grid, grid.crs),
  };
}

/** The place of a mine's first block (Z-order), so that neighbours are counted one after the other. */
export function placeOrder(p: PreparedBatch, w: NonNullable<PlacedMine["window"]>): number {
  const h0 = p.headers[0]!;
  return zOrder(Math.floor(w.col0 / h0.blockWidth), Math.floor(w.row0 / h0.blockHeight));
}

/** A counted mine's record (journal entry or queued result): its counts and what mines.csv needs. */
export function mineRecord(
  m: { id: string; window: NonNullable<PlacedMine["window"]> },
  key: string,
  rowAreaHa: Float64Array,
  r: { counts: JournalEntry["counts"]; seconds: number },
): JournalEntry {
  let areaHa = 0;
  m.window.spans.forEach((s, i) => {
    let px = 0;
    for (let k = 0; k < s.length; k += 2) px += s[k + 1]! - s[k]!;
    areaHa += px * rowAreaHa[m.window.row0 + i]!;
  });
  return {
    version: 1,
    key,
    id: m.id,
    pixels: m.window.pixels,
    areaHa,
    crossesEdge: m.window.crossesEdge,
    seconds: r.seconds,
    counts: r.counts,
  };
}

/** How the counting went, for summary.json. */
export interface CountingRun {
  readonly counted: number;
  readonly resumed: number;
  readonly pixelsCounted: number;
  readonly countSeconds: number;
  readonly workers: number;
  readonly blockReads: number;
  readonly blockHits: number;
  /** A queued batch's id, jobs and dead letters. */
  readonly queue?: BatchSummary["queue"];
}

/**
 * Writes the outputs (from each counted mine's record, in the mines file's order) and summary.json
 * into the batch's --out; `failures` gives the reason of a placed mine that was not counted.
 */
export function finishBatch(
  p: PreparedBatch,
  entryOf: (m: PlacedMine) => JournalEntry | undefined,
  run: CountingRun,
  failures: ReadonlyMap<number, string> = new Map(),
): BatchSummary {
  const o = p.input;
  const { warnings, years, legend, headers, maps, placed } = p;
  const shown = failures.size
    ? placed.map((m): PlacedMine => {
        const f = failures.get(m.index);
        return f === undefined ? m : { index: m.index, id: m.id, failure: f };
      })
    : placed;
  const written = writeBatchOutputs(o.out, shown, entryOf, {
    years,
    legend,
    miningCodes: new Set(p.miningCodes),
    pools: p.pools,
    zoning: p.zoning,
  });
  if (written.unknownCodes.length)
    warnings.push(
      `codes ${written.unknownCodes.join(", ")} occur inside mines but not in legend ${legend.id}; they are counted under their code — add them to the legend or reclassify`,
    );
  for (const m of placed)
    if (m.window?.crossesEdge)
      warnings.push(`mine ${m.id} reaches beyond the rasters; only its part inside is counted`);
  const failed = shown.filter((m) => m.failure !== undefined).map((m) => ({ id: m.id, reason: m.failure! }));
  const summary: BatchSummary = {
    version: 1,
    tool: {
      name: "minecarbon",
      version: version(),
      batchEngine: BATCH_ENGINE_VERSION,
      node: process.version,
    },
    createdAt: new Date().toISOString(),
    inputs: {
      fingerprint: o.checksum,
      maps: maps.map((m, i) => ({
        year: years[i]!,
        path: m.path,
        bytes: m.bytes,
        modified: m.modified,
        ...(m.sha256 ? { sha256: m.sha256 } : {}),
        compression: headers[i]!.compression,
        tiled: headers[i]!.tiled,
        blockWidth: headers[i]!.blockWidth,
        blockHeight: headers[i]!.blockHeight,
        bits: headers[i]!.bits,
        nodata: headers[i]!.nodata,
      })),
      mines: {
        path: o.mines,
        bytes: readFileSync(o.mines).byteLength,
        sha256: sha256Small(o.mines),
        idField: o.idField,
      },
      legend: LEGEND_PRESETS[o.legend]
        ? { id: legend.id }
        : { id: legend.id, path: o.legend, sha256: sha256Small(o.legend) },
      ...(o.pools ? { pools: { path: o.pools, sha256: sha256Small(o.pools) } } : {}),
      ...(o.rules ? { rules: { path: o.rules, sha256: sha256Small(o.rules) } } : {}),
    },
    grid: describeGrid(p.grid),
    years,
    legend: legend.classes.map((c) => ({ code: c.code, key: c.key, name: c.name })),
    miningCodes: p.miningCodes,
    zoning: p.zoning?.id ?? null,
    mines: { total: placed.length, counted: run.counted, resumed: run.resumed, failed },
    outputs: Object.fromEntries(Object.entries(written.rows).map(([k, rows]) => [k, { rows }])),
    run: {
      seconds: (performance.now() - p.t0) / 1000,
      workers: run.workers,
      pixelsCounted: run.pixelsCounted,
      pixelsPerSecond: run.countSeconds > 0 ? run.pixelsCounted / run.countSeconds : 0,
      blockReads: run.blockReads,
      blockHits: run.blockHits,
    },
    ...(run.queue ? { queue: run.queue } : {}),
    warnings,
  };
  const checked = batchSummarySchema.parse(summary);
  const path = join(o.out, BATCH_OUTPUTS.summary);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(checked, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return checked;
}

/**
 * Counts every mine over every year and writes the outputs into `o.out`: classes.csv,
 * transitions.csv, zones.csv, carbon.csv (with pools), mines.csv and summary.json. Mines counted by
 * an earlier run under the same key (journal in DIR/.journal) are not counted again. A mine that
 * cannot be counted is reported with its reason, and the others go on.
 */
export async function runBatch(o: BatchInput): Promise<BatchSummary> {
  const p = await prepareBatch(o);
  const { placed, keys, years } = p;
  // 4. Resume: mines already in the journal under the same key.
  mkdirSync(o.out, { recursive: true });
  const journal = new MineJournal(o.out);
  // Mines recorded in the journal; their counts are read back from it for the outputs, one at a
  // time, so that memory does not grow with the number of mines and years.
  const recorded = new Set<number>();
  const jobs: (MineJob & { z: number })[] = [];
  for (const m of placed) {
    if (!m.window) continue;
    const done = journal.read(m.id, keys.get(m.index)!);
    if (done) recorded.add(m.index);
    else jobs.push({ index: m.index, id: m.id, window: m.window, z: placeOrder(p, m.window) });
  }
  const resumed = recorded.size;
  jobs.sort((a, b) => a.z - b.z || a.index - b.index);
  // 5. Count.
  const totalPixels = jobs.reduce((s, j) => s + j.window.pixels * years.length, 0);
  const bar = o.progress ? new BatchProgress(o.progress, jobs.length, totalPixels) : undefined;
  const byIndex = new Map(placed.map((m) => [m.index, m]));
  const tCount = performance.now();
  const stats = await countMines(
    jobs.map(({ z: _z, ...j }) => j),
    { paths: o.maps.map((m) => m.path), cacheBytes: (o.cacheMiB ?? 256) * 2 ** 20 },
    o.workers,
    (r) => {
      const m = byIndex.get(r.index)! as PlacedMine & { window: NonNullable<PlacedMine["window"]> };
      journal.write(mineRecord(m, keys.get(r.index)!, p.rowAreaHa, r));
      recorded.add(r.index);
      bar?.add(m.window.pixels * years.length);
    },
  );
  bar?.finish();
  const countSeconds = (performance.now() - tCount) / 1000;
  // 6. Outputs, from the journal's entries, in the mines file's order.
  const entryOf = (m: PlacedMine): JournalEntry | undefined => {
    if (!recorded.has(m.index)) return undefined;
    const e = journal.read(m.id, keys.get(m.index)!);
    if (!e)
      throw new Error(`the journal entry of mine ${m.id} in ${journal.dir} changed while the batch ran`);
    return e;
  };
  return finishBatch(p, entryOf, {
    counted: recorded.size,
    resumed,
    pixelsCounted: totalPixels,
    countSeconds,
    workers: o.workers,
    blockReads: stats.blockReads,
    blockHits: stats.blockHits,
  });
}
