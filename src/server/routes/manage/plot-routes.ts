import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { importPlots } from "../../../app/manage/plot-import.ts";
import { lastTwoMaps, legendOf, plotsOnMaps } from "../../../app/manage/plot-landuse.ts";
import { RULE_ROLES } from "../../../contract/control-rule.ts";
import type { ErrorCode } from "../../../contract/error-codes.ts";
import {
  plotImportAnswerSchema,
  plotObserveAnswerSchema,
  plotPatch,
  plotRecordSchema,
  plotRuleInput,
  PLOT_STAGES,
  type PlotStage,
} from "../../../contract/plot.ts";
import type { ActionId } from "../../../domain/access/actions.ts";
import { queryScope } from "../../../domain/access/policy.ts";
import { isRegionCode, isWithinRegion } from "../../../domain/access/region-code.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import type { Analysis } from "../../../storage/analysis-repository.ts";
import { mineResource, type Mine } from "../../../storage/mine-repository.ts";
import type { MiningArea } from "../../../storage/mining-area-repository.ts";
import { plotJson, type Plot } from "../../../storage/plot-repository.ts";
import { findFor } from "../../access/find-for.ts";
import { ApiError } from "../../api-error.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { documentedOnly, empty, errors, idParams } from "../../route-schema.ts";
import { nothing } from "./rule-routes.ts";

/** The 409 of a write that conflicts with what is stored. */
export const CONFLICT: ErrorCode = "conflict";

/** The mine of an id from the URL for `action`: 404 when the actor may not read it, 403 when it may not act. */
export const mineFor = (ctx: AppContext, req: FastifyRequest, id: string, action: ActionId) =>
  findFor<Mine>(req.actor, action, {
    read: "mine.read",
    what: "mine",
    id,
    load: (scope) => ctx.mines.getScoped(id, scope),
    resource: mineResource,
  });

/** A plot of an id from the URL with its mine, for `action` on the mine (404 / 403 as for the mine). */
export const plotFor = async (ctx: AppContext, req: FastifyRequest, id: string, action: ActionId) =>
  findFor<{ plot: Plot; mine: Mine }>(req.actor, action, {
    read: "mine.read",
    what: "plot",
    id,
    load: async (scope) => {
      const plot = await ctx.plots.get(id);
      const mine = plot && (await ctx.mines.getScoped(plot.mineId, scope));
      return plot && mine ? { plot, mine } : undefined;
    },
    resource: ({ mine }) => mineResource(mine),
  });

const importBody = documentedOnly(
  z.object({
    file: z.string().meta({
      format: "binary",
      description:
        "the plots: GeoJSON (FeatureCollection of Polygon/MultiPolygon features; WGS 84, or a crs member naming EPSG:nnnn) or a zipped Shapefile (.shp, .shx, .dbf, .prj; .cpg for the encoding)",
    }),
    nameField: z
      .string()
      .optional()
      .meta({ description: "the property naming each plot; `name` by default" }),
    stage: z
      .enum(PLOT_STAGES)
      .optional()
      .meta({ description: "the stage of every imported plot; `mining` by default" }),
    replace: z.enum(["true", "false"]).optional().meta({
      description:
        "true: the file is the mine's plots — plots of the same name are reshaped (keeping their rule, plan item and flags), new ones added, the others removed (refused while a plan item or flag refers to one). Without it, a name that exists is refused (409)",
    }),
  }),
);

/**
 * Plots (issue 13): polygons inside a mine imported from GeoJSON or a zipped Shapefile, each with
 * the enterprise's declared land use and stage (plot.write), the regulator's control rule
 * (plot.regulate), and what the latest land-use analysis sees in it (observe).
 */
export function plotRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/mines/:id/plots",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the mine's plots, by id",
        params: idParams,
        response: { 200: z.array(plotRecordSchema), ...errors("not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "mine.read");
      return (await ctx.plots.forMine(mine.id)).map(plotJson);
    },
  );

  app.post(
    "/api/mines/:id/plots/import",
    {
      config: { access: { action: "plot.write" } },
      schema: {
        summary:
          "import plots (multipart: file = GeoJSON or zipped Shapefile, nameField, stage, replace); reprojected to EPSG:4326, measured on the WGS 84 ellipsoid; every bad feature is named, none dropped",
        params: idParams,
        body: importBody,
        consumes: ["multipart/form-data"],
        response: {
          201: plotImportAnswerSchema,
          ...errors("bad-input", "not-found", "too-large", CONFLICT),
        },
      },
    },
    async (req, reply) => {
      const mine = await mineFor(ctx, req, req.params.id, "plot.write");
      if (!req.isMultipart())
        throw new ApiError(
          "bad-input",
          "send multipart/form-data with a `file` (GeoJSON or zipped Shapefile)",
          [{ path: "body", message: "must be multipart/form-data" }],
        );
      let bytes: Buffer | undefined;
      let fileName = "plots";
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === "file") {
          if (part.fieldname !== "file" || bytes) {
            part.file.resume();
            continue;
          }
          fileName = part.filename || fileName;
          bytes = await part.toBuffer();
        } else fields[part.fieldname] = String(part.value);
      }
      const issues: InputIssue[] = [];
      if (!bytes)
        issues.push({ path: "file", message: "must be given: a GeoJSON file or a zipped Shapefile" });
      const nameField = fields.nameField ?? "name";
      if (nameField.length < 1 || nameField.length > 60)
        issues.push({
          path: "nameField",
          message: `must be a property name of 1 to 60 characters; got "${nameField}"`,
        });
      const replace = fields.replace ?? "false";
      if (replace !== "true" && replace !== "false")
        issues.push({ path: "replace", message: `must be true or false; got "${replace}"` });
      const stage = (fields.stage ?? "mining") as PlotStage;
      if (!PLOT_STAGES.includes(stage))
        issues.push({ path: "stage", message: `must be one of ${PLOT_STAGES.join(", ")}; got "${stage}"` });
      if (issues.length) throw new ApiError("bad-input", "the upload has problems; see details", issues);
      const read = importPlots(bytes!, fileName, nameField);
      const existing = await ctx.plots.forMine(mine.id);
      const byName = new Map(existing.map((p) => [p.name, p]));
      if (replace !== "true") {
        const taken = read.plots
          .map((p, i) => ({ p, i, old: byName.get(p.name) }))
          .filter((x) => x.old !== undefined);
        if (taken.length)
          throw new ApiError(
            CONFLICT,
            `mine ${mine.id} has plots of ${taken.length} of these names; nothing was imported`,
            taken.slice(0, 20).map((x) => ({
              path: `features[${x.i}].properties.${nameField}`,
              message: `names "${x.p.name}", which plot ${x.old!.id} of the mine has; send replace=true to replace the mine's plots with the file's`,
            })),
          );
      }
      // replace=true: the file is the mine's plots. A plot no longer in it is removed, unless referred to.
      const names = new Set(read.plots.map((p) => p.name));
      const removed = replace === "true" ? existing.filter((p) => !names.has(p.name)) : [];
      const kept: InputIssue[] = [];
      for (const p of removed) {
        const refs = await ctx.plots.referrers(p.id);
        if (refs.planItems || refs.flags)
          kept.push({
            path: "replace",
            message: `would remove plot ${p.id} "${p.name}", which ${describeRefs(refs)} refer to; keep it in the file, or remove those first`,
          });
      }
      if (kept.length)
        throw new ApiError(
          CONFLICT,
          "the import would remove plots that are referred to; nothing was imported",
          kept,
        );
      const result = await ctx.change(req, async (tx) => {
        const out: Plot[] = [];
        const fresh = [];
        for (const p of read.plots) {
          const old = replace === "true" ? byName.get(p.name) : undefined;
          if (old) out.push((await tx.plots.reshape(old.id, p.geometry, p.areaHa))!);
          else fresh.push({ ...p, stage });
        }
        for (const p of removed) await tx.plots.delete(p.id);
        out.push(...(await tx.plots.addAll(mine.id, fresh)).plots);
        out.sort((a, b) => Number(a.id) - Number(b.id));
        const replaced = out.length - fresh.length + removed.length;
        return {
          value: { plots: out, replaced },
          audit: {
            action: "plot.write",
            resource: mineResource(mine),
            kind: "plot",
            id: null,
            before:
              replace === "true"
                ? { plots: existing.map((p) => ({ id: p.id, name: p.name, areaHa: p.areaHa })) }
                : null,
            after: {
              file: fileName,
              format: read.format,
              sourceCrs: read.sourceCrs,
              plots: out.map((p) => ({ id: p.id, name: p.name, areaHa: p.areaHa })),
            },
          },
        };
      });
      return reply.status(201).send({
        plots: result.plots.map(plotJson),
        replaced: result.replaced,
        sourceCrs: read.sourceCrs,
      });
    },
  );

  app.get(
    "/api/plots/:id",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "a plot",
        params: idParams,
        response: { 200: plotRecordSchema, ...errors("not-found") },
      },
    },
    async (req) => plotJson((await plotFor(ctx, req, req.params.id, "mine.read")).plot),
  );

  app.patch(
    "/api/plots/:id",
    {
      config: { access: { action: "plot.write" } },
      schema: {
        summary: "the enterprise's declaration of a plot: its name, declared land use (a legend role), stage",
        params: idParams,
        body: plotPatch,
        response: { 200: plotRecordSchema, ...errors("bad-input", "not-found", CONFLICT) },
      },
    },
    async (req) => {
      const { plot, mine } = await plotFor(ctx, req, req.params.id, "plot.write");
      const body = req.body;
      if (
        body.declaredRole !== undefined &&
        body.declaredRole !== null &&
        !RULE_ROLES.includes(body.declaredRole)
      )
        throw new InputError(`plot ${plot.id}`, [
          {
            path: "declaredRole",
            message: `must be one of ${RULE_ROLES.join(", ")}; got "${body.declaredRole}"`,
          },
        ]);
      if (body.name !== undefined && body.name.trim() !== plot.name) {
        const other = (await ctx.plots.forMine(mine.id)).find((p) => p.name === body.name!.trim());
        if (other)
          throw new ApiError(CONFLICT, `mine ${mine.id} has a plot named "${other.name}"`, [
            { path: "name", message: `is plot ${other.id}'s name; choose another` },
          ]);
      }
      const after = await ctx.change(req, async (tx) => {
        const p = (await tx.plots.update(plot.id, body))!;
        return {
          value: p,
          audit: {
            action: "plot.write",
            resource: mineResource(mine),
            kind: "plot",
            id: p.id,
            before: plotSummary(plot),
            after: plotSummary(p),
          },
        };
      });
      return plotJson(after);
    },
  );

  app.put(
    "/api/plots/:id/rule",
    {
      config: { access: { action: "plot.regulate" } },
      schema: {
        summary:
          "put a plot under a control rule (one in force that applies in the mine's region), or under none (null)",
        params: idParams,
        body: plotRuleInput,
        response: { 200: plotRecordSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const { plot, mine } = await plotFor(ctx, req, req.params.id, "plot.regulate");
      const ruleId = req.body.ruleId;
      if (ruleId !== null) {
        const rule = await ctx.controlRules.get(ruleId);
        const problem = !rule
          ? `no control rule ${ruleId}`
          : rule.retiredAt !== null
            ? `rule ${ruleId} "${rule.name}" is retired; choose one in force`
            : !(isRegionCode(rule.regionCode) && isWithinRegion(mine.regionCode, rule.regionCode))
              ? `rule ${ruleId} "${rule.name}" is of region ${rule.regionCode}, which does not hold the mine's region ${mine.regionCode}`
              : undefined;
        if (problem) throw new InputError(`plot ${plot.id}`, [{ path: "ruleId", message: problem }]);
      }
      const after = await ctx.change(req, async (tx) => {
        const p = (await tx.plots.update(plot.id, { ruleId }))!;
        return {
          value: p,
          audit: {
            action: "plot.regulate",
            resource: mineResource(mine),
            kind: "plot",
            id: p.id,
            before: { ruleId: plot.ruleId },
            after: { ruleId: p.ruleId },
          },
        };
      });
      return plotJson(after);
    },
  );

  app.delete(
    "/api/plots/:id",
    {
      config: { access: { action: "plot.write" } },
      schema: {
        summary:
          "remove a plot; refused (409) while the reclamation plan has an item for it or a supervision flag is about it (remove the item from the plan; flags stay as history)",
        params: idParams,
        response: { 204: empty("removed"), ...errors("not-found", CONFLICT) },
      },
    },
    async (req, reply) => {
      const { plot, mine } = await plotFor(ctx, req, req.params.id, "plot.write");
      const refs = await ctx.plots.referrers(plot.id);
      if (refs.planItems || refs.flags)
        throw new ApiError(CONFLICT, `plot ${plot.id} "${plot.name}" is referred to; it was not removed`, [
          {
            path: "",
            message: `${describeRefs(refs)} refer to it: remove its item from the reclamation plan (PUT /api/mines/${mine.id}/reclamation-plan); a flag is history and keeps its plot`,
          },
        ]);
      await ctx.change(req, async (tx) => {
        await tx.plots.delete(plot.id);
        return {
          value: null,
          audit: {
            action: "plot.write",
            resource: mineResource(mine),
            kind: "plot",
            id: plot.id,
            before: plotSummary(plot),
            after: null,
          },
        };
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/mines/:id/plots/observe",
    {
      config: { access: { action: "plot.write" } },
      schema: {
        summary:
          "what the latest finished land-use analysis of an area holding the mine sees in each plot: the roles' areas in its last map and the transitions from the map before (pixel centres, per-pixel areas); stored with each plot",
        params: idParams,
        body: nothing,
        response: { 200: plotObserveAnswerSchema, ...errors("bad-input", "not-found", "not-finished") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "plot.write");
      const plots = await ctx.plots.forMine(mine.id);
      const latest = await latestAnalysis(ctx, req, mine);
      if (!latest)
        throw new ApiError(
          "not-finished",
          `no finished, current land-use analysis of an area holding mine ${mine.id} that you may read`,
          [
            {
              path: "",
              message:
                "link the mine to an area (the area's mines), upload two maps and run its analysis first",
            },
          ],
        );
      const { analysis, area } = latest;
      const pair = lastTwoMaps(analysis, await ctx.maps.forArea(area.id));
      if (!pair)
        throw new ApiError(
          "not-finished",
          `analysis ${analysis.id} of area ${area.id} has fewer than two maps stored`,
        );
      const [from, to] = pair;
      const views = await plotsOnMaps(from, to, legendOf(area), plots);
      const observedAt = new Date().toISOString();
      const after = await ctx.change(req, async (tx) => {
        const out: Plot[] = [];
        for (const p of plots) {
          const v = views.get(p.id)!;
          out.push(
            (await tx.plots.setObserved(p.id, {
              analysisId: analysis.id,
              areaId: area.id,
              fromYear: from.year,
              toYear: to.year,
              observedAt,
              ...v,
            }))!,
          );
        }
        return {
          value: out,
          audit: {
            action: "plot.write",
            resource: mineResource(mine),
            kind: "plot",
            id: null,
            after: {
              observed: { analysisId: analysis.id, areaId: area.id, fromYear: from.year, toYear: to.year },
              plots: out.map((p) => ({ id: p.id, roleAreaHa: p.observed?.roleAreaHa })),
            },
          },
        };
      });
      return {
        analysisId: analysis.id,
        areaId: area.id,
        fromYear: from.year,
        toYear: to.year,
        plots: after.map(plotJson),
      };
    },
  );
}

const plotSummary = (p: Plot) => ({
  name: p.name,
  declaredRole: p.declaredRole,
  stage: p.stage,
  ruleId: p.ruleId,
  areaHa: p.areaHa,
});

const describeRefs = (r: { planItems: number; flags: number }) =>
  [
    r.planItems ? "its reclamation plan item" : "",
    r.flags ? `${r.flags} supervision flag${r.flags > 1 ? "s" : ""}` : "",
  ]
    .filter(Boolean)
    .join(" and ");

/**
 * The latest finished, current (not stale) land-use analysis of the areas holding the mine that the
 * actor may read, with its area; undefined when there is none.
 */
async function latestAnalysis(
  ctx: AppContext,
  req: FastifyRequest,
  mine: Mine,
): Promise<{ analysis: Analysis; area: MiningArea } | undefined> {
  const areas = (await ctx.areas.list(queryScope(req.actor, "area.read"))).filter((a) =>
    a.mineIds.includes(mine.id),
  );
  let best: { analysis: Analysis; area: MiningArea } | undefined;
  for (const area of areas)
    for (const a of await ctx.analyses.forArea(area.id))
      if (
        a.kind === "landuse" &&
        a.status === "done" &&
        a.staleReason === null &&
        (!best || (a.finishedAt?.getTime() ?? 0) > (best.analysis.finishedAt?.getTime() ?? 0))
      )
        best = { analysis: a, area };
  return best;
}
