import { InputError } from "../../domain/validation/input-issue.ts";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { MineInventory } from "../../domain/mine/mine-inventory.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { scenarioProblems } from "../../domain/pathway/check-scenario.ts";
import { scenarioSchema } from "../../domain/pathway/scenario-spec.ts";
import { zodIssuesToInputIssues } from "../../domain/validation/zod-issues.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { reportModel, type LanduseResultForReport } from "../../report/report-model.ts";
import { writeReport } from "../../report/write-report.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";
import { isId } from "../context.ts";
import { parseBody } from "../parse-body.ts";
import { sendFile } from "./area-routes.ts";

/** What a client asks of a report. */
export const reportInput = z.strictObject({
  format: z.enum(["html", "pdf"]).default("pdf").describe("self-contained HTML or PDF"),
  lang: z.enum(["en", "zh"]).default("en").describe("language of the report"),
  scenario: z
    .unknown()
    .optional()
    .describe("a pathway scenario (baseline.inventoryId) to include, with its chart and economics"),
});

/** The scenario a report request carries, projected (or none). */
async function requestedPathways(ctx: AppContext, raw: unknown) {
  if (raw === undefined) return [];
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(
      400,
      "bad-input",
      "the scenario has problems; see details",
      zodIssuesToInputIssues(parsed.error, raw, ["scenario"]),
    );
  const table = factorTable();
  const problems = scenarioProblems(parsed.data, table);
  if (problems.length)
    throw new ApiError(
      400,
      "bad-input",
      "the scenario has problems; see details",
      problems.map((d) => ({ ...d, path: `scenario.${d.path}` })),
    );
  const id = parsed.data.baseline.inventoryId;
  if (!id)
    throw new ApiError(400, "bad-input", "the scenario needs a stored baseline", [
      { path: "scenario.baseline.inventoryId", message: "must name a stored inventory" },
    ]);
  const inv = await ctx.inventory(id);
  try {
    return [runScenario(parsed.data, inv.input, table, `inventory ${inv.id}`)];
  } catch (e) {
    if (e instanceof InputError)
      throw new ApiError(
        400,
        "bad-input",
        "the scenario does not fit its baseline; see details",
        e.issues.map((d) => ({ ...d, path: d.path ? `scenario.${d.path}` : "scenario" })),
      );
    throw e;
  }
}

const TYPES = { html: "text/html; charset=utf-8", pdf: "application/pdf" } as const;

/**
 * Reports: of an analysis (its maps, tables and charts, with the area's latest inventory of each
 * mine) or of an inventory; generated on request, recorded, then downloaded.
 */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const latestInventories = async (areaId: string) => {
    const all = await ctx.inventories.forArea(areaId);
    const latest = new Map<string, (typeof all)[number]>();
    for (const i of all)
      if (i.result && (latest.get(i.mine)?.year ?? -Infinity) < i.year) latest.set(i.mine, i);
    return [...latest.values()].map((i) => i.result as MineInventory);
  };

  app.post<{ Params: { id: string } }>("/api/analyses/:id/reports", async (req, reply) => {
    const o = parseBody(reportInput, req.body);
    const a = await ctx.analysisWithResult(req.params.id);
    if (a.status !== "done")
      throw new ApiError(409, "not-finished", `analysis ${a.id} is ${a.status}; report it when it is done`);
    const area = await ctx.area(a.areaId);
    const name = o.lang === "zh" && area.nameZh ? area.nameZh : area.name;
    const model = await reportModel({
      lang: o.lang,
      title: o.lang === "zh" ? `${name}：碳收支报告` : `${name}: carbon budget report`,
      subject: o.lang === "zh" ? `分析 #${a.id}` : `analysis #${a.id}`,
      landuse: { result: a.result as LanduseResultForReport, dir: ctx.folder.analysis(a.id) },
      inventories: await latestInventories(area.id),
      pathways: await requestedPathways(ctx, o.scenario),
    });
    const path = join(ctx.folder.reports(), `analysis-${a.id}-${Date.now()}.${o.format}`);
    await writeReport(model, o.format, path);
    const r = await ctx.reports.add({ analysisId: a.id, inventoryId: null, format: o.format, path });
    return reply.status(201).send({ id: r.id, format: r.format, url: `/api/reports/${r.id}` });
  });

  app.post<{ Params: { id: string } }>("/api/inventories/:id/reports", async (req, reply) => {
    const o = parseBody(reportInput, req.body);
    const inv = await ctx.inventory(req.params.id);
    const model = await reportModel({
      lang: o.lang,
      title:
        o.lang === "zh"
          ? `${inv.mine} ${inv.year}年：碳排放清单报告`
          : `${inv.mine} ${inv.year}: inventory report`,
      subject: o.lang === "zh" ? `清单 #${inv.id}` : `inventory #${inv.id}`,
      inventories: [inv.result as MineInventory],
      pathways: await requestedPathways(ctx, o.scenario),
    });
    const path = join(ctx.folder.reports(), `inventory-${inv.id}-${Date.now()}.${o.format}`);
    await writeReport(model, o.format, path);
    const r = await ctx.reports.add({ analysisId: null, inventoryId: inv.id, format: o.format, path });
    return reply.status(201).send({ id: r.id, format: r.format, url: `/api/reports/${r.id}` });
  });

  app.get<{ Params: { id: string } }>("/api/reports/:id", async (req, reply) => {
    const r = isId(req.params.id) ? await ctx.reports.get(req.params.id) : undefined;
    if (!r) throw new ApiError(404, "not-found", `report ${req.params.id} does not exist`);
    const name = `minecarbon-${r.analysisId ? `analysis-${r.analysisId}` : `inventory-${r.inventoryId}`}.${r.format}`;
    return sendFile(reply, r.path, TYPES[r.format], name);
  });
}
