import { createReadStream, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { areaLegend } from "../../app/area-legend.ts";
import { areaKeyFigures } from "../../app/area-overview.ts";
import { areaLayers } from "../../app/area-layers.ts";
import { pixelHistory } from "../../app/pixel-history.ts";
import type { MiningArea } from "../../storage/mining-area-repository.ts";
import { ApiError } from "../api-error.ts";
import { miningAreaInput, miningAreaPatch } from "../area-schemas.ts";
import type { AppContext } from "../context.ts";
import { parseBody } from "../parse-body.ts";

const areaJson = (a: MiningArea) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** Mining areas: CRUD, the overview's key figures, map layers and a pixel's class history. */
export function areaRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/areas", async () => (await ctx.areas.list()).map(areaJson));
  app.post("/api/areas", async (req, reply) => {
    const a = await ctx.areas.create(parseBody(miningAreaInput, req.body));
    return reply.status(201).send(areaJson(a));
  });
  app.get<{ Params: { id: string } }>("/api/areas/:id", async (req) =>
    areaJson(await ctx.area(req.params.id)),
  );
  app.patch<{ Params: { id: string } }>("/api/areas/:id", async (req) => {
    const patch = parseBody(miningAreaPatch, req.body);
    await ctx.area(req.params.id);
    return areaJson((await ctx.areas.update(req.params.id, patch))!);
  });
  app.delete<{ Params: { id: string } }>("/api/areas/:id", async (req, reply) => {
    await ctx.area(req.params.id);
    const maps = await ctx.maps.forArea(req.params.id);
    const analyses = await ctx.analyses.forArea(req.params.id);
    const reports = await ctx.reports.pathsForArea(req.params.id);
    await ctx.areas.delete(req.params.id);
    ctx.forgetResults(analyses.map((a) => a.id));
    // Files go after the rows: a crash in between leaves unreferenced files, never dangling rows.
    for (const m of maps) rmSync(m.path, { force: true });
    rmSync(ctx.folder.maps(req.params.id), { recursive: true, force: true }); // with its rendered layers
    for (const a of analyses) rmSync(ctx.folder.analysis(a.id), { recursive: true, force: true });
    for (const r of reports) rmSync(r, { force: true });
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string } }>("/api/areas/:id/legend", async (req) => {
    const area = await ctx.area(req.params.id);
    const legend = areaLegend(area.legend);
    return { stored: area.legend, id: legend.id, description: legend.description, classes: legend.classes };
  });

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    "/api/areas/:id/overview",
    async (req) => {
      const area = await ctx.area(req.params.id);
      const analyses = await ctx.analyses.forArea(area.id);
      const done = analyses.find((a) => a.status === "done" && a.kind === "landuse");
      const latest = done ? await ctx.analysisWithResult(done.id) : undefined;
      const inventories = await ctx.inventories.forArea(area.id);
      const maps = await ctx.maps.forArea(area.id);
      return {
        area: areaJson(area),
        figures: areaKeyFigures(latest, inventories, req.query.lang === "zh" ? "zh" : "en"),
        latestAnalysis: latest ? { id: latest.id, finishedAt: latest.finishedAt } : null,
        maps: maps.map((m) => ({ year: m.year, id: m.id })),
        inventories: inventories.map((i) => ({ id: i.id, mine: i.mine, year: i.year })),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { analysis?: string } }>(
    "/api/areas/:id/layers",
    async (req) => {
      const area = await ctx.area(req.params.id);
      const id =
        req.query.analysis ??
        (await ctx.analyses.forArea(area.id)).find((a) => a.status === "done" && a.kind === "landuse")?.id;
      const analysis = id ? await ctx.analysisWithResult(id) : undefined;
      if (analysis && analysis.areaId !== area.id)
        throw new ApiError(400, "bad-input", `analysis ${analysis.id} is not of area ${area.id}`, [
          { path: "analysis", message: "must be an analysis of this area" },
        ]);
      return areaLayers(
        ctx.folder,
        area,
        await ctx.maps.forArea(area.id),
        analysis?.status === "done" ? analysis : undefined,
      );
    },
  );

  app.get<{ Params: { id: string; year: string } }>(
    "/api/areas/:id/maps/:year/layer.png",
    async (req, reply) => {
      const area = await ctx.area(req.params.id);
      const map = (await ctx.maps.forArea(area.id)).find((m) => String(m.year) === req.params.year);
      if (!map) throw new ApiError(404, "not-found", `area ${area.id} has no map of ${req.params.year}`);
      const layers = await areaLayers(ctx.folder, area, [map], undefined);
      return sendFile(reply, layers.files.get(`landuse-${map.year}`)!, "image/png");
    },
  );

  app.get<{ Params: { id: string }; Querystring: { x?: string; y?: string } }>(
    "/api/areas/:id/pixel",
    async (req) => {
      const area = await ctx.area(req.params.id);
      const x = Number(req.query.x);
      const y = Number(req.query.y);
      const bad = [
        ...(Number.isFinite(x) && req.query.x !== undefined
          ? []
          : [{ path: "x", message: "must be a number (map CRS units)" }]),
        ...(Number.isFinite(y) && req.query.y !== undefined
          ? []
          : [{ path: "y", message: "must be a number (map CRS units)" }]),
      ];
      if (bad.length) throw new ApiError(400, "bad-input", "x and y are needed", bad);
      return pixelHistory(area, await ctx.maps.forArea(area.id), x, y);
    },
  );
}

/** Sends a file from disk with its type, or a 404 when it is gone. */
export async function sendFile(
  reply: import("fastify").FastifyReply,
  path: string,
  type: string,
  downloadName?: string,
) {
  if (!existsSync(path))
    throw new ApiError(
      404,
      "not-found",
      `the file is not there (${join("…", path.split("/").slice(-2).join("/"))})`,
    );
  reply.type(type);
  if (downloadName) reply.header("content-disposition", `attachment; filename="${downloadName}"`);
  return reply.send(createReadStream(path));
}
