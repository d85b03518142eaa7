import { readFileSync, writeFileSync } from "node:fs";
import { outputFolder } from "../io/output-target.ts";
import { join } from "node:path";
import { assessAccuracy } from "../domain/landuse/accuracy.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { pickColumn, readCsvTable } from "../io/read-csv-table.ts";
import { legendFromArgument } from "../io/read-legend-file.ts";
import { writeRows } from "../io/write-csv.ts";
import { proj4ForEpsg } from "../raster/crs.ts";
import { declaredEpsg } from "../domain/landuse/polygon-geojson.ts";
import { openClassRaster } from "../raster/geotiff-source.ts";
import { pixelAt } from "../raster/grid.ts";

export interface AccuracyOptions {
  readonly map: string;
  readonly samples: string;
  readonly legend: string;
  /** CRS of CSV sample coordinates, as EPSG:nnnn; default: the map's own CRS. */
  readonly samplesCrs?: string;
  readonly classField?: string;
  readonly out?: string;
}

interface Sample {
  readonly where: string;
  readonly x: number;
  readonly y: number;
  readonly reference: string;
}

function readSamples(o: AccuracyOptions): { samples: Sample[]; crs: number | "map" } {
  if (/\.(geo)?json$/i.test(o.samples)) {
    let doc: {
      features?: {
        geometry?: { type?: string; coordinates?: number[] };
        properties?: Record<string, unknown>;
      }[];
      crs?: { properties?: { name?: string } };
    };
    try {
      doc = JSON.parse(readFileSync(o.samples, "utf8"));
    } catch (e) {
      throw new InputError(o.samples, [
        { path: "", message: `cannot be read as GeoJSON: ${(e as Error).message}` },
      ]);
    }
    const field = o.classField ?? "class";
    const issues: InputIssue[] = [];
    const samples = (doc.features ?? []).flatMap((f, i): Sample[] => {
      const c = f.geometry?.coordinates;
      if (f.geometry?.type !== "Point" || !c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
        issues.push({
          path: `features[${i}].geometry`,
          message: `must be a Point; got ${f.geometry?.type ?? "none"}`,
        });
        return [];
      }
      const ref = f.properties?.[field];
      if (ref === undefined || ref === null || ref === "") {
        issues.push({ path: `features[${i}].properties.${field}`, message: "must give the reference class" });
        return [];
      }
      return [{ where: `features[${i}]`, x: c[0]!, y: c[1]!, reference: String(ref) }];
    });
    if (issues.length) throw new InputError(o.samples, issues);
    const epsg = declaredEpsg(doc);
    if (Number.isNaN(epsg))
      throw new InputError(o.samples, [
        {
          path: "crs",
          message: `names a CRS MineCarbon cannot read (${doc.crs?.properties?.name}); use EPSG:nnnn or WGS 84`,
        },
      ]);
    return { samples, crs: epsg ?? 4326 };
  }
  const t = readCsvTable(o.samples);
  const x = pickColumn(t, ["x", "lon", "longitude", "easting"]);
  const y = pickColumn(t, ["y", "lat", "latitude", "northing"]);
  const cls = pickColumn(t, [o.classField ?? "class", "reference", "code"]);
  if (!x || !y || !cls)
    throw new InputError(o.samples, [
      { path: "header", message: `needs columns x, y and class; got ${t.header.join(", ")}` },
    ]);
  const issues: InputIssue[] = [];
  const samples = t.rows.flatMap((r, i): Sample[] => {
    const at = `row ${i + 2}`;
    const xv = Number(r[x]);
    const yv = Number(r[y]);
    if (r[x] === "" || r[y] === "" || !Number.isFinite(xv) || !Number.isFinite(yv)) {
      issues.push({ path: at, message: `x and y must be numbers; got "${r[x]}", "${r[y]}"` });
      return [];
    }
    if (!r[cls]) {
      issues.push({ path: `${at}, ${cls}`, message: "must give the reference class" });
      return [];
    }
    return [{ where: at, x: xv, y: yv, reference: r[cls]! }];
  });
  if (issues.length) throw new InputError(o.samples, issues);
  const m = o.samplesCrs ? /^EPSG:(\d+)$/i.exec(o.samplesCrs) : null;
  if (o.samplesCrs && !m)
    throw new InputError("--samples-crs", [
      { path: "", message: `must be EPSG:nnnn; got "${o.samplesCrs}"` },
    ]);
  return { samples, crs: m ? Number(m[1]) : "map" };
}

/**
 * `minecarbon landuse accuracy`: samples a classified map at reference points and assesses it.
 * Points outside the map or on nodata are listed, never dropped silently.
 */
export async function assessMapAccuracy(o: AccuracyOptions) {
  const { legend } = legendFromArgument(o.legend);
  const raster = await openClassRaster(o.map);
  const { samples, crs } = readSamples(o);
  let project = (x: number, y: number): [number, number] => [x, y];
  if (crs !== "map" && crs !== raster.grid.crs.epsg) {
    const { default: proj4 } = await import("proj4");
    const from = proj4ForEpsg(crs);
    if (!from || !raster.grid.crs.proj4)
      throw new InputError(o.samples, [
        {
          path: "",
          message: `cannot reproject EPSG:${crs} to the map's CRS (${raster.grid.crs.label}); give coordinates in the map's CRS`,
        },
      ]);
    const t = proj4(from, raster.grid.crs.proj4);
    project = (x, y) => t.forward([x, y]) as [number, number];
  }
  const classOf = (ref: string) =>
    legend.classes.find(
      (c) => String(c.code) === ref || c.key === ref || c.name.toLowerCase() === ref.toLowerCase(),
    );
  const issues: InputIssue[] = [];
  const located = samples.map((s) => {
    const [px, py] = project(s.x, s.y);
    const [col, row] = pixelAt(raster.grid, px, py);
    const ref = classOf(s.reference);
    if (!ref)
      issues.push({
        path: s.where,
        message: `reference class "${s.reference}" is not in the legend (${legend.id})`,
      });
    return { ...s, col, row, ref };
  });
  if (issues.length) {
    await raster.close();
    throw new InputError(o.samples, issues.slice(0, 30));
  }
  const rows = [...new Set(located.map((s) => s.row).filter((r) => r >= 0 && r < raster.grid.height))].sort(
    (a, b) => a - b,
  );
  const values = new Map<number, Uint8Array | Uint16Array>();
  for (const r of rows) values.set(r, await raster.readRows(r, r + 1));
  await raster.close();
  const excluded: { where: string; why: string }[] = [];
  const pairs: { map: number; reference: number }[] = [];
  for (const s of located) {
    if (s.col < 0 || s.row < 0 || s.col >= raster.grid.width || s.row >= raster.grid.height) {
      excluded.push({ where: s.where, why: `(${s.x}, ${s.y}) is outside the map` });
      continue;
    }
    const v = values.get(s.row)![s.col]!;
    if (raster.nodata !== null && v === raster.nodata) {
      excluded.push({ where: s.where, why: `the map is nodata at (${s.x}, ${s.y})` });
      continue;
    }
    if (!legend.classes.some((c) => c.code === v)) {
      excluded.push({ where: s.where, why: `the map's code ${v} at (${s.x}, ${s.y}) is not in the legend` });
      continue;
    }
    pairs.push({ map: v, reference: s.ref!.code });
  }
  const codes = legend.classes
    .map((c) => c.code)
    .filter((c) => pairs.some((p) => p.map === c || p.reference === c));
  const a = assessAccuracy(pairs, codes);
  const nameOf = (code: number) => legend.classes.find((c) => c.code === code)!.name;
  const result = {
    classNames: Object.fromEntries(a.codes.map((c) => [c, nameOf(c)])),
    map: o.map,
    samplesFile: o.samples,
    legend: legend.id,
    ...a,
    excluded,
    warnings: [
      ...a.warnings,
      ...(excluded.length ? [`${excluded.length} samples left out (listed under excluded)`] : []),
    ],
  };
  if (o.out) {
    outputFolder(o.out);
    writeRows(
      join(o.out, "accuracy-confusion.csv"),
      a.codes.map((code, i) => ({
        map_code: code,
        map_class: nameOf(code),
        ...Object.fromEntries(a.codes.map((c, j) => [`ref_${c}`, a.matrix[i]![j]!])),
      })),
    );
    writeRows(
      join(o.out, "accuracy-classes.csv"),
      a.codes.map((code, i) => ({
        code,
        class: nameOf(code),
        producers_accuracy: a.producers[i]!.accuracy,
        reference_samples: a.producers[i]!.samples,
        users_accuracy: a.users[i]!.accuracy,
        map_samples: a.users[i]!.samples,
      })),
    );
    writeFileSync(join(o.out, "accuracy.json"), `${JSON.stringify(result, null, 2)}\n`);
  }
  return result;
}
