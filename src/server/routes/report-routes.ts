import { join } from "node:path";
import { z } from "zod";
import { areaResource, type MiningArea } from "../../storage/mining-area-repository.ts";
import type { StoredReport } from "../../storage/report-repository.ts";
import type { FastifyRequest } from "fastify";
import { reportInput } from "../../contract/report-input.ts";
import { reportRecordSchema } from "../../contract/report-record.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { scenarioProblems } from "../../domain/pathway/check-scenario.ts";
import type { Scenario } from "../../domain/pathway/scenario-spec.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { i18nFor, type Lang } from "../../presentation/i18n/index.ts";
import type { MineInventoryRecord } from "../../contract/mine-inventory.ts";
import { reportModel } from "../../report/report-model.ts";
import { writeReport } from "../../report/write-report.ts";
import { ApiError, notFound } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { isId } from "../context.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { errors, idParams } from "../route-schema.ts";
import { sendFile } from "./area-routes.ts";

/** A refusal about a report's subject, told as the report not being found. */
const hideAs = (id: string) => (e: unknown) => {
  throw e instanceof ApiError && e.code === "not-found" ? notFound("report", id) : e;
};

const at = (prefix: string) => (d: InputIssue) => ({ ...d, path: d.path ? `${prefix}.${d.path}` : prefix });

/** The scenario a report request carries, projected (or none); its problems name `scenario.…`. */
async function requestedPathways(ctx: AppContext, actor: Actor, scenario: Scenario | undefined) {
  if (scenario === undefined) return [];
  const table = factorTable();
  const problems = scenarioProblems(scenario, table);
  if (problems.length) throw new InputError("the scenario", problems.map(at("scenario")));
  const id = scenario.baseline.inventoryId;
  if (!id)
    throw new InputError("the scenario", [
      {
        path: "scenario.baseline.inventoryId",
        message: "must name a stored inventory (the server reads no files)",
      },
    ]);
  const inv = await ctx.inventory(actor, id, "report.create");
  try {
    return [runScenario(scenario, inv.input, table, `inventory ${inv.id}`)];
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError("the scenario's baseline", e.issues.map(at("scenario")));
    throw e;
  }
}

const TYPES = { html: "text/html; charset=utf-8", pdf: "application/pdf" } as const;
const apiT = (lang: Lang) => i18nFor(lang).getFixedT(lang, "api");

const reportCreated = {
  201: reportRecordSchema,
  ...errors("bad-input", "not-found", "not-finished"),
};

/**
 * Reports: of an analysis (its maps, tables and charts, with the area's latest inventory of each
 * mine) or of an inventory; generated on request, recorded, then downloaded.
 */
export function reportRoutes(app: ApiApp, ctx: AppContext): void {
  /** Records a written report file with its audit event, and answers where to fetch it. */
  const recordReport = async (
    req: FastifyRequest,
    area: MiningArea,
    report: Omit<StoredReport, "id" | "createdAt">,
  ) => {
    const r = await ctx.change(req, async (tx) => {
      const added = await tx.reports.add(report);
      return {
        value: added,
        audit: {
          action: "report.create",
          resource: areaResource(area),
          kind: "report",
          id: added.id,
          after: added,
        },
      };
    });
    return { id: r.id, format: r.format, url: `/api/reports/${r.id}` };
  };
  const latestInventories = async (areaId: string): Promise<MineInventoryRecord[]> => {
    const all = await ctx.inventories.forArea(areaId);
    const latest = new Map<string, MineInventoryRecord & { year: number }>();
    for (const i of all)
      if (i.result && (latest.get(i.mine)?.year ?? -Infinity) < i.year)
        latest.set(i.mine, { ...i.result, year: i.year });
    return [...latest.values()].map(({ year: _year, ...r }) => r);
  };

  app.post(
    "/api/analyses/:id/reports",
    {
      config: { access: { action: "report.create" } },
      schema: {
        summary: "make a report of an analysis (HTML or PDF, English or Chinese)",
        params: idParams,
        body: reportInput,
        response: reportCreated,
      },
    },
    async (req, reply) => {
      const o = req.body;
      const a = await ctx.analysisWithResult(req.actor, req.params.id, "report.create");
      if (a.status !== "done" || !a.result)
        throw new ApiError("not-finished", `analysis ${a.id} is ${a.status}; report it when it is done`);
      const area = await ctx.area(req.actor, a.areaId, "report.create");
      const t = apiT(o.lang);
      const name = { en: area.name, zh: area.nameZh ?? area.name }[o.lang];
      const model = await reportModel({
        lang: o.lang,
        title: t("analysisReportTitle", { name }),
        subject: t("analysisReportSubject", { id: a.id }),
        landuse: { result: a.result, dir: ctx.folder.analysis(a.id), legend: area.legend },
        inventories: await latestInventories(area.id),
        pathways: await requestedPathways(ctx, req.actor, o.scenario),
      });
      const path = join(ctx.folder.reports(), `analysis-${a.id}-${Date.now()}.${o.format}`);
      await writeReport(model, o.format, path);
      return reply
        .status(201)
        .send(await recordReport(req, area, { analysisId: a.id, inventoryId: null, format: o.format, path }));
    },
  );

  app.post(
    "/api/inventories/:id/reports",
    {
      config: { access: { action: "report.create" } },
      schema: {
        summary: "make a report of an inventory (HTML or PDF, English or Chinese)",
        params: idParams,
        body: reportInput,
        response: reportCreated,
      },
    },
    async (req, reply) => {
      const o = req.body;
      const inv = await ctx.inventory(req.actor, req.params.id, "report.create");
      if (!inv.result)
        throw new ApiError(
          "not-finished",
          `inventory ${inv.id} has no result it can read${inv.resultProblem ? ` (${inv.resultProblem})` : ""}; recompute it (POST /api/inventories/${inv.id}/compute)`,
        );
      const t = apiT(o.lang);
      const model = await reportModel({
        lang: o.lang,
        title: t("inventoryReportTitle", { mine: inv.mine, year: inv.year }),
        subject: t("inventoryReportSubject", { id: inv.id }),
        inventories: [inv.result],
        pathways: await requestedPathways(ctx, req.actor, o.scenario),
      });
      const path = join(ctx.folder.reports(), `inventory-${inv.id}-${Date.now()}.${o.format}`);
      await writeReport(model, o.format, path);
      const area = await ctx.area(req.actor, inv.areaId, "report.create");
      return reply
        .status(201)
        .send(
          await recordReport(req, area, { analysisId: null, inventoryId: inv.id, format: o.format, path }),
        );
    },
  );

  app.get(
    "/api/reports/:id",
    {
      config: { access: { action: "area.read" } },
      schema: {
        summary: "download a report",
        params: idParams,
        response: {
          200: {
            description: "the report",
            content: {
              [TYPES.html]: { schema: z.string() },
              [TYPES.pdf]: { schema: z.string().meta({ format: "binary" }) },
            },
          },
          ...errors("not-found"),
        },
      },
    },
    async (req, reply) => {
      const r = isId(req.params.id) ? await ctx.reports.get(req.params.id) : undefined;
      if (!r) throw notFound("report", req.params.id);
      // A report is read with what it reports on: an area the actor may not read hides it.
      if (r.analysisId) await ctx.analysis(req.actor, r.analysisId, "area.read").catch(hideAs(req.params.id));
      else if (r.inventoryId)
        await ctx.inventory(req.actor, r.inventoryId, "area.read").catch(hideAs(req.params.id));
      const name = `minecarbon-${r.analysisId ? `analysis-${r.analysisId}` : `inventory-${r.inventoryId}`}.${r.format}`;
      return sendFile(reply, r.path, TYPES[r.format], name);
    },
  );
}
