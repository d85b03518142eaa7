import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { areaLayers } from "../../app/area-layers.ts";
import { areaLegend } from "../../app/area-legend.ts";
import { YEAR_RANGE } from "../../domain/common/input-bounds.ts";
import { SEED001_ZONING } from "../../domain/landuse/zoning-rules.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { chooseValuation } from "../../landuse-analysis/valuation-choice.ts";
import type { Analysis } from "../../storage/analysis-repository.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";
import { analysisInput } from "../job-schemas.ts";
import { parseBody } from "../parse-body.ts";
import { sendFile } from "./area-routes.ts";

/** Result tables a client can ask for by name, and the CSV file holding each. */
export const RESULT_TABLES: Readonly<Record<string, string>> = {
  classes: "classes.csv",
  transitionsMultistep: "transitions-multistep.csv",
  transitionsOnestep: "transitions-onestep.csv",
  intensityInterval: "intensity-interval.csv",
  intensityCategory: "intensity-category.csv",
  intensityTransition: "intensity-transition.csv",
  components: "components.csv",
  componentsOverall: "components-overall.csv",
  accumulatedChanges: "accumulated-changes.csv",
  zonesByPeriod: "zones.csv",
  carbon: "carbon.csv",
  carbonChange: "carbon-change.csv",
  carbonValue: "carbon-value.csv",
  zoneClasses: "zone-classes.csv",
};

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
  ...(withResult ? { result: a.result ?? null } : {}),
});

function done(a: Analysis): Analysis {
  if (a.status !== "done")
    throw new ApiError(
      409,
      "not-finished",
      `analysis ${a.id} is ${a.status}; its results come when it is done (GET /api/jobs/${a.id})`,
    );
  return a;
}

/** Land-use analyses: run as jobs with progress; results as JSON, CSV, GeoTIFF and PNG. */
export function analysisRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: string } }>("/api/areas/:id/analyses", async (req, reply) => {
    const area = await ctx.area(req.params.id);
    const params = parseBody(analysisInput, req.body);
    if (params.valuation) {
      // A price factor that the library lacks (or that is no price) is the client's, found now, not
      // after the job ran.
      try {
        chooseValuation(params.valuation, {
          hasPools: true,
          baseYear: YEAR_RANGE.min,
          factors: factorTable(),
        });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        throw new ApiError(400, "bad-input", "the request body has problems; see details", e.issues);
      }
    }
    const maps = await ctx.maps.forArea(area.id);
    const have = maps.map((m) => m.year);
    const want = params.years ?? have;
    const missing = want.filter((y) => !have.includes(y));
    if (missing.length || want.length < 2)
      throw new ApiError(422, "not-enough-maps", "the analysis needs maps of at least two years", [
        {
          path: "years",
          message: missing.length
            ? `the area has no map of ${missing.join(", ")}; it has ${have.join(", ") || "none"}`
            : `the area has maps of ${have.join(", ") || "no year"}; upload at least two`,
        },
      ]);
    if (params.zoning === "rules") {
      // Seed 001's rules name classes by key; a legend without them cannot be zoned by them.
      const keys = new Set(areaLegend(area.legend).classes.map((c) => c.key));
      const lacking = [...new Set(SEED001_ZONING.rules.flatMap((r) => [...r.from, ...r.to]))].filter(
        (k) => !keys.has(k),
      );
      if (lacking.length)
        throw new ApiError(
          422,
          "zoning-does-not-fit",
          "seed 001's zoning rules do not fit the area's legend",
          [
            {
              path: "zoning",
              message: `"rules" needs legend classes with the keys ${lacking.join(", ")}, which the area's legend lacks; choose "data-driven" (with a densitySet) or "none", or give those classes their keys in the legend`,
            },
          ],
        );
    }
    const a = await ctx.jobs.submit(area.id, params);
    return reply.status(202).header("location", `/api/jobs/${a.id}`).send(jobJson(a));
  });

  app.get<{ Params: { id: string } }>("/api/areas/:id/analyses", async (req) => {
    const area = await ctx.area(req.params.id);
    return (await ctx.analyses.forArea(area.id)).map((a) => analysisJson(a, false));
  });

  app.get<{ Params: { id: string } }>("/api/jobs/:id", async (req) =>
    jobJson(await ctx.analysis(req.params.id)),
  );

  app.get<{ Params: { id: string } }>("/api/analyses/:id", async (req) =>
    analysisJson(await ctx.analysisWithResult(req.params.id), true),
  );

  app.get<{ Params: { id: string; table: string }; Querystring: { format?: string } }>(
    "/api/analyses/:id/tables/:table",
    async (req, reply) => {
      const a = done(await ctx.analysisWithResult(req.params.id));
      const result = a.result as Record<string, unknown> & { outputs: string[] };
      // A table the analysis has: a list in its result and a file among its outputs (carbon tables
      // only with densities, the value only when asked, new tables only in analyses made since).
      const has = (k: string) => Array.isArray(result[k]) && result.outputs.includes(RESULT_TABLES[k]!);
      // Own keys only: "constructor" or "toString" name no table.
      const table = Object.hasOwn(RESULT_TABLES, req.params.table) ? req.params.table : undefined;
      const file = table && RESULT_TABLES[table];
      const rows = table && result[table];
      if (!file || !Array.isArray(rows) || !has(table))
        throw new ApiError(404, "not-found", `analysis ${a.id} has no table "${req.params.table}"`, [
          {
            path: "table",
            message: `must be one of ${Object.keys(RESULT_TABLES).filter(has).join(", ")}`,
          },
        ]);
      const format = req.query.format ?? "json";
      if (format === "csv") return sendFile(reply, join(ctx.folder.analysis(a.id), file), TYPES.csv!, file);
      if (format !== "json")
        throw new ApiError(400, "bad-input", "unknown format", [
          { path: "format", message: `must be json or csv; got "${format}"` },
        ]);
      return rows;
    },
  );

  app.get<{ Params: { id: string; name: string } }>("/api/analyses/:id/files/:name", async (req, reply) => {
    const a = done(await ctx.analysisWithResult(req.params.id));
    const outputs = (a.result as { outputs: string[] }).outputs;
    if (!outputs.includes(req.params.name))
      throw new ApiError(404, "not-found", `analysis ${a.id} has no file "${req.params.name}"`, [
        { path: "name", message: `must be one of ${outputs.join(", ")}` },
      ]);
    const ext = req.params.name.split(".").pop()!;
    return sendFile(
      reply,
      join(ctx.folder.analysis(a.id), req.params.name),
      TYPES[ext] ?? "application/octet-stream",
      req.params.name,
    );
  });

  app.get<{ Params: { id: string; layer: string } }>(
    "/api/analyses/:id/layers/:layer",
    async (req, reply) => {
      const a = done(await ctx.analysisWithResult(req.params.id));
      const area = await ctx.area(a.areaId);
      const { files } = await areaLayers(ctx.folder, area, [], a);
      const png = files.get(req.params.layer.replace(/\.png$/, ""));
      if (!png)
        throw new ApiError(404, "not-found", `analysis ${a.id} has no layer "${req.params.layer}"`, [
          { path: "layer", message: `must be one of ${[...files.keys()].map((k) => `${k}.png`).join(", ")}` },
        ]);
      reply.header("cache-control", "max-age=3600");
      return sendFile(reply, png, TYPES.png!);
    },
  );
}
