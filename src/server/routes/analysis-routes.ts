import { staleReasonCode } from "../../contract/analysis-record.ts";
import { join } from "node:path";
import { z } from "zod";
import { legendRoleProblems } from "../../app/area-legend.ts";
import { areaResource } from "../../storage/mining-area-repository.ts";
import { areaLayers } from "../../app/area-layers.ts";
import { areaLegend } from "../../app/area-legend.ts";
import { YEAR_RANGE } from "../../domain/common/input-bounds.ts";
import { SEED001_ZONING } from "../../domain/landuse/zoning-rules.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { chooseValuation } from "../../landuse-analysis/valuation-choice.ts";
import {
  analysisRecordSchema,
  jobRecordSchema,
  RESULT_TABLE_NAMES,
  RESULT_TABLE_ROWS,
  RESULT_TABLES,
  type ResultTableName,
} from "../../contract/analysis-record.ts";
import type { LanduseResult } from "../../contract/landuse-result.ts";
import type { Analysis } from "../../storage/analysis-repository.ts";
import { ApiError } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { analysisInput } from "../../contract/analysis-input.ts";
import { errors, file, idParams } from "../route-schema.ts";
import { sendFile } from "./area-routes.ts";

const TYPES: Readonly<Record<string, string>> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  tif: "image/tiff",
  png: "image/png",
  svg: "image/svg+xml",
};

const jobJson = (a: Analysis) => ({
  id: a.id,
  state: a.status,
  percent: a.percent,
  result: a.status === "done" ? `/api/analyses/${a.id}` : null,
  error: a.error ?? null,
});

const analysisJson = (a: Analysis, withResult: boolean) => ({
  id: a.id,
  areaId: a.areaId,
  kind: a.kind,
  status: a.status,
  percent: a.percent,
  params: a.params,
  factorLibraryVersion: a.factorLibraryVersion,
  error: a.error ?? null,
  createdAt: a.createdAt.toISOString(),
  finishedAt: a.finishedAt?.toISOString() ?? null,
  stale: a.staleReason !== null,
  staleReason: a.staleReason,
  staleReasonCode: staleReasonCode(a.staleReason),
  ...(withResult ? { result: a.result ?? null } : {}),
});

/** A finished analysis with its result, or a 409 saying when its results come. */
function done(a: Analysis): Analysis & { result: NonNullable<Analysis["result"]> } {
  if (a.status !== "done" || a.result === null)
    throw new ApiError(
      "not-finished",
      `analysis ${a.id} is ${a.status}; its results come when it is done (GET /api/jobs/${a.id})`,
    );
  return { ...a, result: a.result };
}

/**
 * The tables an analysis has: carbon tables only with densities, the value only when asked, tables
 * added since only in analyses made since (each a list in its result and a file among its outputs).
 */
const tablesOf = (result: LanduseResult): ResultTableName[] =>
  RESULT_TABLE_NAMES.filter((k) => result.outputs.includes(RESULT_TABLES[k].file));

/** A table the analysis does not have: 404 naming those it has. */
const noTable = (a: Analysis & { result: LanduseResult }, name: string) =>
  new ApiError("not-found", `analysis ${a.id} has no table "${name}"`, [
    { path: "table", message: `must be one of ${tablesOf(a.result).join(", ")}` },
  ]);

const tableQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** Path parameters: the analysis id and one name (a table, file or layer). */
const tableParams = z.object({ id: z.string(), table: z.string() });
const fileParams = z.object({ id: z.string(), name: z.string() });
const layerParams = z.object({ id: z.string(), layer: z.string() });

/** Land-use analyses: run as jobs with progress; results as JSON, CSV, GeoTIFF and PNG. */
export function analysisRoutes(app: ApiApp, ctx: AppContext): void {
  app.post(
    "/api/areas/:id/analyses",
    {
      config: { access: { action: "analysis.run" } },
      schema: {
        summary: "start a land-use analysis as a job",
        params: idParams,
        body: analysisInput,
        response: {
          202: jobRecordSchema.describe("queued; poll the Location"),
          ...errors("bad-input", "not-found", "not-enough-maps", "zoning-does-not-fit"),
        },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "analysis.run");
      const params = req.body;
      // A price factor that the library lacks (or that is no price) is the client's, found now, not
      // after the job ran (an InputError: the error handler answers it).
      if (params.valuation)
        chooseValuation(params.valuation, {
          hasPools: true,
          densities: "densitySet",
          baseYear: YEAR_RANGE.min,
          factors: factorTable(),
        });
      const maps = await ctx.maps.forArea(area.id);
      const have = maps.map((m) => m.year);
      const want = params.years ?? have;
      const missing = want.filter((y) => !have.includes(y));
      if (missing.length || want.length < 2)
        throw new ApiError("not-enough-maps", "the analysis needs maps of at least two years", [
          {
            path: "years",
            message: missing.length
              ? `the area has no map of ${missing.join(", ")}; it has ${have.join(", ") || "none"}`
              : `the area has maps of ${have.join(", ") || "no year"}; upload at least two`,
          },
        ]);
      // A class stored before roles were required has none: say so, not that zoning lacks a key.
      const roleless = legendRoleProblems(area.legend, "legend.classes");
      if (roleless.length)
        throw new ApiError(
          "bad-input",
          "the area's legend has classes without their role; give each its role (PUT /api/areas/{id}/legend)",
          roleless,
        );
      if (params.zoning === "rules") {
        // Seed 001's rules name classes by key; a legend without them cannot be zoned by them.
        const keys = new Set(areaLegend(area.legend).classes.map((c) => c.key));
        const lacking = [...new Set(SEED001_ZONING.rules.flatMap((r) => [...r.from, ...r.to]))].filter(
          (k) => !keys.has(k),
        );
        if (lacking.length)
          throw new ApiError("zoning-does-not-fit", "seed 001's zoning rules do not fit the area's legend", [
            {
              path: "zoning",
              message: `"rules" needs legend classes with the keys ${lacking.join(", ")}, which the area's legend lacks; choose "data-driven" (with a densitySet) or "none", or give those classes their keys in the legend`,
            },
          ]);
      }
      const a = await ctx.change(req, async (tx) => {
        const queued = await tx.analyses.create({ areaId: area.id, kind: "landuse", params });
        return {
          value: queued,
          audit: {
            action: "analysis.run",
            resource: areaResource(area),
            kind: "analysis",
            id: queued.id,
            after: queued,
          },
        };
      });
      // Run once the job's row is committed (the runner reads it through the store).
      ctx.jobs.start(a.id);
      return reply.status(202).header("location", `/api/jobs/${a.id}`).send(jobJson(a));
    },
  );

  app.get(
    "/api/areas/:id/analyses",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary:
          "the area's analyses, newest first (without results), each marked stale when a map it read was replaced",
        params: idParams,
        response: { 200: z.array(analysisRecordSchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      return (await ctx.analyses.forArea(area.id)).map((a) => analysisJson(a, false));
    },
  );

  app.get(
    "/api/jobs/:id",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "a job's state, percent and result link",
        params: idParams,
        response: { 200: jobRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => jobJson(await ctx.analysis(req.actor, req.params.id, "area.read")),
  );

  app.get(
    "/api/analyses/:id",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "an analysis with its parameters and result (the land-use result)",
        params: idParams,
        response: { 200: analysisRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => analysisJson(await ctx.analysisWithResult(req.actor, req.params.id, "area.read"), true),
  );

  // One route per table, each answering its own rows (the API description shows their columns);
  // any other name is a 404 listing the tables the analysis has.
  for (const name of RESULT_TABLE_NAMES) {
    const { file, about } = RESULT_TABLES[name];
    app.get(
      `/api/analyses/:id/tables/${name}`,
      {
        config: { access: { action: "area.read" } },
        schema: {
          summary: `the result table ${name} (${about}) as JSON rows or CSV (${file})`,
          params: idParams,
          querystring: tableQuery,
          response: {
            200: {
              description: "the rows",
              content: {
                "application/json": { schema: RESULT_TABLE_ROWS[name] },
                "text/csv": { schema: z.string() },
              },
            },
            ...errors("bad-input", "not-found", "not-finished"),
          },
        },
      },
      async (req, reply) => {
        const a = done(await ctx.analysisWithResult(req.actor, req.params.id, "area.read"));
        if (!tablesOf(a.result).includes(name)) throw noTable(a, name);
        if (req.query.format === "csv")
          return sendFile(reply, join(ctx.folder.analysis(a.id), file), TYPES.csv!, file);
        return a.result[name];
      },
    );
  }
  app.get(
    "/api/analyses/:id/tables/:table",
    { config: { access: { action: "area.read" } }, schema: { hide: true, params: tableParams } },
    async (req) => {
      throw noTable(
        done(await ctx.analysisWithResult(req.actor, req.params.id, "area.read")),
        req.params.table,
      );
    },
  );

  app.get(
    "/api/analyses/:id/files/:name",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary:
          "an output file: CSV, GeoTIFF (zones, carbon, accumulated changes), PNG, SVG (chord diagram), summary.json",
        params: fileParams,
        response: {
          200: {
            description: "the file, by its extension",
            content: Object.fromEntries(
              Object.values(TYPES).map((t) => [t, { schema: z.string().meta({ format: "binary" }) }]),
            ),
          },
          ...errors("not-found", "not-finished"),
        },
      },
    },
    async (req, reply) => {
      const a = done(await ctx.analysisWithResult(req.actor, req.params.id, "area.read"));
      const outputs = a.result.outputs;
      if (!outputs.includes(req.params.name))
        throw new ApiError("not-found", `analysis ${a.id} has no file "${req.params.name}"`, [
          { path: "name", message: `must be one of ${outputs.join(", ")}` },
        ]);
      const ext = req.params.name.split(".").pop()!;
      return sendFile(
        reply,
        join(ctx.folder.analysis(a.id), req.params.name),
        TYPES[ext] ?? "application/octet-stream",
        req.params.name,
      );
    },
  );

  app.get(
    "/api/analyses/:id/layers/:layer",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "a zoning, carbon-change or accumulated-changes layer as PNG",
        params: layerParams,
        response: { 200: file("image/png", "the layer"), ...errors("not-found", "not-finished") },
      },
    },
    async (req, reply) => {
      const a = done(await ctx.analysisWithResult(req.actor, req.params.id, "area.read"));
      const area = await ctx.area(req.actor, a.areaId, "area.read");
      const { files } = await areaLayers(ctx.folder, area, [], a);
      const png = files.get(req.params.layer.replace(/\.png$/, ""));
      if (!png)
        throw new ApiError("not-found", `analysis ${a.id} has no layer "${req.params.layer}"`, [
          { path: "layer", message: `must be one of ${[...files.keys()].map((k) => `${k}.png`).join(", ")}` },
        ]);
      reply.header("cache-control", "private, max-age=3600");
      return sendFile(reply, png, TYPES.png!);
    },
  );
}
