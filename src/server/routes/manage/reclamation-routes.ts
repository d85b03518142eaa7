import { RULE_ROLES } from "../../../contract/control-rule.ts";
import {
  reclamationPlanInput,
  reclamationPlanSchema,
  reclamationProgressSchema,
  type ReclamationPlan,
  type ReclamationProgress,
} from "../../../contract/reclamation-plan.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import type { Plot } from "../../../storage/plot-repository.ts";
import type { PlanItem } from "../../../storage/reclamation-plan-repository.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { mineFor } from "./plot-routes.ts";

const planJson = (mineId: string, items: readonly PlanItem[]): ReclamationPlan => ({
  mineId,
  items: items.map((i) => ({
    id: i.id,
    plotId: i.plotId,
    plotName: i.plotName,
    targetRole: i.targetRole,
    species: i.species,
    startYear: i.startYear,
    dueYear: i.dueYear,
    budgetCny: i.budgetCny,
    updatedAt: i.updatedAt.toISOString(),
  })),
  totalBudgetCny: items.reduce((s, i) => s + i.budgetCny, 0),
});

/** Share of the observed plot (what the map saw of it) counted as done. */
const DONE_SHARE = 0.99;

/**
 * The progress of each item from what the latest land-use analysis saw in its plot (plots.observed):
 * the share of the seen part of the plot in the target role in the later map. Done at 99 % or more;
 * overdue when not done on a map of a year after the due year; on schedule otherwise.
 */
export function planProgress(
  mineId: string,
  items: readonly PlanItem[],
  plots: readonly Plot[],
): ReclamationProgress {
  const byId = new Map(plots.map((p) => [p.id, p]));
  return {
    mineId,
    items: items.map((i) => {
      const p = byId.get(i.plotId)!;
      const o = p.observed;
      const seen = o ? Object.values(o.roleAreaHa).reduce((a, b) => a + b, 0) : 0;
      const inRole = o ? (o.roleAreaHa[i.targetRole] ?? 0) : null;
      const share = o && seen > 0 ? inRole! / seen : null;
      const status: ReclamationProgress["items"][number]["status"] =
        !o || share === null
          ? "not-observed"
          : share >= DONE_SHARE
            ? "done"
            : o.toYear > i.dueYear
              ? "overdue"
              : "on-schedule";
      return {
        itemId: i.id,
        plotId: i.plotId,
        plotName: i.plotName,
        targetRole: i.targetRole,
        dueYear: i.dueYear,
        plotAreaHa: p.areaHa,
        observedYear: o ? o.toYear : null,
        targetRoleHa: inRole,
        targetRoleShare: share,
        status,
      };
    }),
  };
}

/**
 * A mine's reclamation plan (issue 13): one item per plot — the land use it is reclaimed to and
 * what is planted, the years, the budget — kept by the enterprise (reclamation.plan), replaced
 * whole; its progress read from what the land-use maps show of each plot.
 */
export function reclamationRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/mines/:id/reclamation-plan",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the mine's reclamation plan: per plot the target use, species, years and budget (CNY)",
        params: idParams,
        response: { 200: reclamationPlanSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "mine.read");
      return planJson(mine.id, await ctx.reclamationPlans.forMine(mine.id));
    },
  );

  app.put(
    "/api/mines/:id/reclamation-plan",
    {
      config: { access: { action: "reclamation.plan" } },
      schema: {
        summary: "replace the mine's reclamation plan (one item per plot of the mine)",
        params: idParams,
        body: reclamationPlanInput,
        response: { 200: reclamationPlanSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "reclamation.plan");
      const plots = new Map((await ctx.plots.forMine(mine.id)).map((p) => [p.id, p]));
      const issues: InputIssue[] = [];
      const seen = new Map<string, number>();
      req.body.items.forEach((item, i) => {
        const at = `items[${i}]`;
        if (!plots.has(item.plotId))
          issues.push({ path: `${at}.plotId`, message: `mine ${mine.id} has no plot ${item.plotId}` });
        const first = seen.get(item.plotId);
        if (first !== undefined)
          issues.push({
            path: `${at}.plotId`,
            message: `plot ${item.plotId} has an item already (items[${first}]); one item per plot`,
          });
        seen.set(item.plotId, i);
        if (!RULE_ROLES.includes(item.targetRole))
          issues.push({
            path: `${at}.targetRole`,
            message: `must be one of ${RULE_ROLES.join(", ")}; got "${item.targetRole}"`,
          });
        if (item.dueYear < item.startYear)
          issues.push({
            path: `${at}.dueYear`,
            message: `must not be before the start year ${item.startYear}; got ${item.dueYear}`,
          });
      });
      if (issues.length) throw new InputError(`reclamation plan of mine ${mine.id}`, issues);
      const before = await ctx.reclamationPlans.forMine(mine.id);
      const after = await ctx.change(req, async (tx) => {
        const items = await tx.reclamationPlans.replace(mine.id, req.body.items);
        return {
          value: items,
          audit: {
            action: "reclamation.plan",
            resource: mineResource(mine),
            kind: "reclamation-plan",
            id: mine.id,
            before: planJson(mine.id, before),
            after: planJson(mine.id, items),
          },
        };
      });
      return planJson(mine.id, after);
    },
  );

  app.get(
    "/api/mines/:id/reclamation-plan/progress",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary:
          "the plan's progress: per item, the share of the plot the latest observed map shows in the target use (observe the plots first)",
        params: idParams,
        response: { 200: reclamationProgressSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "mine.read");
      return planProgress(
        mine.id,
        await ctx.reclamationPlans.forMine(mine.id),
        await ctx.plots.forMine(mine.id),
      );
    },
  );
}
