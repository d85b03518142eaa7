import { createReadStream, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  areaLegend,
  legendChangesResults,
  legendMapProblems,
  legendRoleProblems,
  legendRoleWarnings,
  resolvedLegendClasses,
} from "../../app/area-legend.ts";
import { areaKeyFigures, areaSeries } from "../../app/area-overview.ts";
import { areaLayers, landuseLayerUrl } from "../../app/area-layers.ts";
import { legendFromCsvText } from "../../app/legend-from-csv.ts";
import { pixelHistory } from "../../app/pixel-history.ts";
import { staleReasonCode, staleReasonText } from "../../contract/analysis-record.ts";
import {
  areaRecordSchema,
  legendAnswerSchema,
  type AreaRecord,
  type StoredLegend,
} from "../../contract/area.ts";
import { layersAnswerSchema, pixelHistorySchema } from "../../contract/map-layer.ts";
import { overviewSchema } from "../../contract/overview.ts";
import { LANGS } from "../../presentation/i18n/index.ts";
import { areaResource, type MiningArea } from "../../storage/mining-area-repository.ts";
import { queryScope, SYSTEM_SCOPE } from "../../domain/access/policy.ts";
import { authorise } from "../auth/authorise.ts";
import { newAreaOwner } from "../access/area-owner.ts";
import { ApiError } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import { legendInput, miningAreaInput, miningAreaPatch, storedLegendOf } from "../../contract/area-input.ts";
import type { AppContext, Repositories } from "../context.ts";
import { empty, errors, file, idParams } from "../route-schema.ts";

const areaJson = (a: MiningArea): AreaRecord => ({
  id: a.id,
  name: a.name,
  nameZh: a.nameZh,
  crs: a.crs,
  legend: a.legend,
  boundary: a.boundary,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  organisationId: a.organisationId,
  regionCode: a.regionCode,
  published: a.published,
  mineIds: [...a.mineIds],
});

const legendJson = (stored: StoredLegend) => {
  const legend = areaLegend(stored);
  return {
    stored,
    id: legend.id,
    description: legend.description,
    classes: resolvedLegendClasses(stored),
    warnings: legendRoleWarnings(stored),
  };
};

const legendAnswer = legendAnswerSchema;

const langQuery = z.object({
  lang: z.enum(LANGS).default("en").describe("language of the figures' sources"),
});

/** Mining areas: CRUD, the legend, the overview's key figures and series, map layers and a pixel's class history. */
export function areaRoutes(app: ApiApp, ctx: AppContext): void {
  /** Refuses a legend with a class that has no role, naming each (`at` is where the classes are). */
  const requireRoles = (stored: StoredLegend, at: string) => {
    const missing = legendRoleProblems(stored, at);
    if (missing.length)
      throw new ApiError(
        "bad-input",
        "every legend class needs its role (what it is); none is guessed from its name",
        missing,
      );
  };

  /**
   * Stores a new legend after checking it against the area's maps. Its analyses become stale only
   * when what they were computed from changed (a code, a role or a group), not for new names or
   * colours, which re-label them.
   */
  const changeLegend = async (tx: Repositories, area: MiningArea, stored: StoredLegend, at: string) => {
    requireRoles(stored, at);
    const problems = legendMapProblems(stored, await tx.maps.forArea(area.id));
    if (problems.length)
      throw new ApiError("map-does-not-fit", "the new legend lacks codes of the area's maps", problems);
    const stale = legendChangesResults(area.legend, stored)
      ? await tx.analyses.markAreaStale(
          area.id,
          staleReasonText("staleLegendChanged", { date: new Date().toISOString().slice(0, 10) }),
        )
      : [];
    return { area: (await tx.areas.update(area.id, { legend: stored }, SYSTEM_SCOPE))!, stale };
  };

  /** A legend change of the request, with its audit event; results it staled are forgotten after. */
  const legendChange = async (req: FastifyRequest, area: MiningArea, stored: StoredLegend, at: string) => {
    const { area: after, stale } = await ctx.change(req, async (tx) => {
      const changed = await changeLegend(tx, area, stored, at);
      return {
        value: changed,
        audit: {
          action: "area.update",
          resource: areaResource(area),
          id: area.id,
          before: area,
          after: changed.area,
        },
      };
    });
    ctx.forgetResults(stale);
    return after;
  };

  app.get(
    "/api/areas",
    {
      config: { access: { action: "area.read" } },
      schema: { summary: "list mining areas", response: { 200: z.array(areaRecordSchema) } },
    },
    async (req) => (await ctx.areas.list(queryScope(req.actor, "area.read"))).map(areaJson),
  );
  app.post(
    "/api/areas",
    {
      config: { access: { action: "area.create" } },
      schema: {
        summary: "create a mining area",
        body: miningAreaInput,
        response: { 201: areaRecordSchema, ...errors("bad-input") },
      },
    },
    async (req, reply) => {
      const { legend, regionCode, ...rest } = req.body;
      const stored = storedLegendOf(legend);
      requireRoles(stored, "legend.classes");
      const owner = await newAreaOwner(ctx, req.actor, regionCode);
      authorise(req.actor, "area.create", { kind: "area", ...owner, published: false });
      const a = await ctx.change(req, async (tx) => {
        const created = await tx.areas.create({ ...rest, legend: stored }, owner);
        return {
          value: created,
          audit: { action: "area.create", resource: areaResource(created), id: created.id, after: created },
        };
      });
      return reply.status(201).send(areaJson(a));
    },
  );
  app.get(
    "/api/areas/:id",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "a mining area",
        params: idParams,
        response: { 200: areaRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => areaJson(await ctx.area(req.actor, req.params.id, "area.read")),
  );
  app.patch(
    "/api/areas/:id",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary:
          "change a mining area (a new legend states each class's role and is checked against its maps; a new boundary, or a legend with other codes, roles or groups, makes its analyses stale — new names or colours only re-label them)",
        params: idParams,
        body: miningAreaPatch,
        response: { 200: areaRecordSchema, ...errors("bad-input", "not-found", "map-does-not-fit") },
      },
    },
    async (req) => {
      const { legend, ...rest } = req.body;
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      const { updated, stale } = await ctx.change(req, async (tx) => {
        const stale: string[] = [];
        if (legend)
          stale.push(...(await changeLegend(tx, area, storedLegendOf(legend), "legend.classes")).stale);
        const updated = (await tx.areas.update(area.id, rest, SYSTEM_SCOPE))!;
        // The analyses clip to the boundary and may count by its features: a new one outdates them
        // (compared as stored, before and after).
        if (JSON.stringify(updated.boundary ?? null) !== JSON.stringify(area.boundary ?? null))
          stale.push(
            ...(await tx.analyses.markAreaStale(
              area.id,
              staleReasonText("staleBoundaryChanged", { date: new Date().toISOString().slice(0, 10) }),
            )),
          );
        return {
          value: { updated, stale },
          audit: {
            action: "area.update",
            resource: areaResource(area),
            id: area.id,
            before: area,
            after: updated,
          },
        };
      });
      ctx.forgetResults(stale);
      return areaJson(updated);
    },
  );
  app.delete(
    "/api/areas/:id",
    {
      config: { access: { action: "area.delete" } },
      schema: {
        summary: "delete a mining area with its maps, analyses, inventories and reports",
        params: idParams,
        response: { 204: empty("deleted"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "area.delete");
      const { maps, analyses, reports } = await ctx.change(req, async (tx) => {
        const gone = {
          maps: await tx.maps.forArea(area.id),
          analyses: await tx.analyses.forArea(area.id),
          reports: await tx.reports.pathsForArea(area.id),
        };
        await tx.areas.delete(area.id, SYSTEM_SCOPE);
        return {
          value: gone,
          audit: { action: "area.delete", resource: areaResource(area), id: area.id, before: area },
        };
      });
      ctx.forgetResults(analyses.map((a) => a.id));
      // Files go after the rows: a crash in between leaves unreferenced files, never dangling rows.
      for (const m of maps) rmSync(m.path, { force: true });
      rmSync(ctx.folder.maps(req.params.id), { recursive: true, force: true }); // with its rendered layers
      for (const a of analyses) rmSync(ctx.folder.analysis(a.id), { recursive: true, force: true });
      for (const r of reports) rmSync(r, { force: true });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/areas/:id/legend",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "the area's legend: each class with its role (key), group and the densities its role takes",
        params: idParams,
        response: { 200: legendAnswer, ...errors("not-found") },
      },
    },
    async (req) => legendJson((await ctx.area(req.actor, req.params.id, "area.read")).legend),
  );

  app.put(
    "/api/areas/:id/legend",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary:
          "replace the area's legend; every class states its role (key), nothing is kept from the former rows; its analyses become stale when a code, role or group changed (not for names or colours)",
        params: idParams,
        body: legendInput,
        response: { 200: legendAnswer, ...errors("bad-input", "not-found", "map-does-not-fit") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      return legendJson((await legendChange(req, area, { classes: req.body.classes }, "classes")).legend);
    },
  );

  app.post(
    "/api/areas/:id/legend/csv",
    {
      config: { access: { action: "area.update" } },
      schema: {
        summary:
          "import the area's legend from CSV (columns code,name,role|key[,name_zh,group,colour]; OpenLand and InVEST names too), read as the CLI reads a legend file; every row must give its role (none is guessed from its name); replaces the legend",
        params: idParams,
        body: z
          .string()
          .max(1 << 20)
          .meta({ description: "the CSV text (Content-Type: text/csv)" }),
        consumes: ["text/csv"],
        response: {
          200: legendAnswer.extend({ ignoredColumns: z.array(z.string()) }),
          ...errors("bad-input", "not-found", "map-does-not-fit"),
        },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.update");
      const { legend, ignored } = legendFromCsvText(req.body, "the CSV");
      const stored: StoredLegend = {
        classes: legend.classes.map((c) => ({
          code: c.code,
          name: c.name,
          key: c.key,
          ...(c.nameZh ? { nameZh: c.nameZh } : {}),
          ...(c.group ? { group: c.group } : {}),
          ...(c.colour ? { colour: c.colour } : {}),
        })),
      };
      return {
        ...legendJson((await legendChange(req, area, stored, "classes")).legend),
        ignoredColumns: ignored,
      };
    },
  );

  app.get(
    "/api/areas/:id/overview",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary:
          "the overview: key figures with units, sources and stale markers; the latest map layer to draw; carbon stock and emissions by year",
        params: idParams,
        querystring: langQuery,
        response: { 200: overviewSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const analyses = await ctx.analyses.forArea(area.id);
      const done = analyses.find((a) => a.status === "done" && a.kind === "landuse");
      const latest = done ? await ctx.analysisWithResult(req.actor, done.id, "area.read") : undefined;
      const inventories = await ctx.inventories.forArea(area.id);
      const maps = await ctx.maps.forArea(area.id);
      const last = maps.at(-1);
      return {
        area: areaJson(area),
        figures: areaKeyFigures(latest, inventories, req.query.lang),
        latestAnalysis: latest
          ? {
              id: latest.id,
              finishedAt: latest.finishedAt?.toISOString() ?? null,
              stale: latest.staleReason !== null,
              staleReason: latest.staleReason,
              staleReasonCode: staleReasonCode(latest.staleReason),
            }
          : null,
        map: last
          ? {
              layerId: `landuse-${last.year}`,
              url: landuseLayerUrl(area, last),
              kind: "landuse" as const,
              year: last.year,
            }
          : null,
        series: areaSeries(latest, inventories),
        maps: maps.map((m) => ({ year: m.year, id: m.id })),
        inventories: inventories.map((i) => ({ id: i.id, mine: i.mine, year: i.year })),
      };
    },
  );

  app.get(
    "/api/areas/:id/layers",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary:
          "map layers: land use of each map and, from the latest (or the given) finished analysis, changes, zoning and carbon change",
        params: idParams,
        querystring: z.object({
          analysis: z
            .string()
            .optional()
            .describe("an analysis id of this area; the latest finished when omitted"),
        }),
        response: { 200: layersAnswerSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const id =
        req.query.analysis ??
        (await ctx.analyses.forArea(area.id)).find((a) => a.status === "done" && a.kind === "landuse")?.id;
      const analysis = id ? await ctx.analysisWithResult(req.actor, id, "area.read") : undefined;
      if (analysis && analysis.areaId !== area.id)
        throw new ApiError("bad-input", `analysis ${analysis.id} is not of area ${area.id}`, [
          { path: "analysis", message: "must be an analysis of this area" },
        ]);
      const used = analysis?.status === "done" ? analysis : undefined;
      const { files: _files, ...layers } = await areaLayers(
        ctx.folder,
        area,
        await ctx.maps.forArea(area.id),
        used,
      );
      return {
        ...layers,
        stale: Boolean(used?.staleReason),
        staleReason: used?.staleReason ?? null,
        staleReasonCode: staleReasonCode(used?.staleReason),
      };
    },
  );

  app.get(
    "/api/areas/:id/maps/:year/layer.png",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "the map of a year as a coloured PNG layer",
        params: z.object({ id: z.string(), year: z.string() }),
        response: { 200: file("image/png", "the layer"), ...errors("not-found") },
      },
    },
    async (req, reply) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      const map = (await ctx.maps.forArea(area.id)).find((m) => String(m.year) === req.params.year);
      if (!map) throw new ApiError("not-found", `area ${area.id} has no map of ${req.params.year}`);
      const layers = await areaLayers(ctx.folder, area, [map], undefined);
      return sendFile(reply, layers.files.get(`landuse-${map.year}`)!, "image/png");
    },
  );

  const coordinate = z.coerce
    .number({ error: "must be a number (map CRS units)" })
    .refine(Number.isFinite, "must be a number (map CRS units)")
    .describe("map CRS units");
  app.get(
    "/api/areas/:id/pixel",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "class history of the pixel at x, y (map CRS)",
        params: idParams,
        querystring: z.object({ x: coordinate, y: coordinate }),
        response: { 200: pixelHistorySchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "area.read");
      return pixelHistory(area, await ctx.maps.forArea(area.id), req.query.x, req.query.y);
    },
  );
}

/** Sends a file from disk with its type, or a 404 when it is gone. */
export async function sendFile(reply: FastifyReply, path: string, type: string, downloadName?: string) {
  if (!existsSync(path))
    throw new ApiError(
      "not-found",
      `the file is not there (${join("…", path.split("/").slice(-2).join("/"))})`,
    );
  reply.type(type);
  if (downloadName) reply.header("content-disposition", `attachment; filename="${downloadName}"`);
  return reply.send(createReadStream(path));
}
