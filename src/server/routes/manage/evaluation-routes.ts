import {
  evaluationQuery,
  mineEvaluationAnswer,
  rankingAnswer,
  rankingQuery,
} from "../../../contract/evaluation.ts";
import { DEFAULT_TARGET_WEIGHTS, evaluateMine, rankMines } from "../../../domain/manage/evaluation.ts";
import { gatherMines } from "../../../app/manage/supervision-gather.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import { findFor } from "../../access/find-for.ts";
import type { ApiApp } from "../../api-app.ts";
import { isId, type AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { minesIn, regionOfRequest } from "./supervision-routes.ts";

/**
 * Performance evaluation (issue 13; docs/performance-evaluation.md): a mine's year against its
 * targets from its approved reports' facts, and the ranking of a jurisdiction's mines with the trend
 * of their mean score. The weights are DEFAULT_TARGET_WEIGHTS (equal; status assumed), named in
 * every answer.
 */
export function evaluationRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/mines/:id/evaluation",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary:
          "a mine's performance in a year: each target's degree of achievement, the weighted score, efficiency",
        params: idParams,
        querystring: evaluationQuery,
        response: { 200: mineEvaluationAnswer, ...errors("bad-input", "not-found") },
      },
    },
    async (req) => {
      const mine = await findFor(req.actor, "mine.read", {
        read: "mine.read",
        what: "mine",
        id: req.params.id,
        load: async (scope) => (isId(req.params.id) ? ctx.mines.getScoped(req.params.id, scope) : undefined),
        resource: mineResource,
      });
      const g = (await gatherMines(ctx.db, [mine.id], req.query.year)).get(mine.id)!;
      const e = evaluateMine(g.targets, g.facts, req.query.year, DEFAULT_TARGET_WEIGHTS);
      return {
        mineId: mine.id,
        evaluation: { ...e, achievements: [...e.achievements] },
        weights: DEFAULT_TARGET_WEIGHTS,
        factsYears: g.facts.map((f) => f.year),
        problems: g.problems,
      };
    },
  );

  app.get(
    "/api/evaluation",
    {
      config: { access: { action: "supervision.run" } },
      schema: {
        summary:
          "the ranking of the jurisdiction's mines (or one region's) in a year by score, then emissions avoided per 10⁴ CNY, and the mean score's trend over the years",
        querystring: rankingQuery,
        response: { 200: rankingAnswer, ...errors("bad-input", "forbidden") },
      },
    },
    async (req) => {
      const { year, regionCode } = req.query;
      const ref = regionOfRequest(req, "supervision.run", regionCode);
      const mines = await minesIn(ctx, req, "supervision.run", ref.regionCode);
      const gathered = await gatherMines(
        ctx.db,
        mines.map((m) => m.id),
        year,
      );
      const evaluate = (y: number) =>
        mines.map((m) => {
          const g = gathered.get(m.id)!;
          return { mineId: m.id, evaluation: evaluateMine(g.targets, g.facts, y, DEFAULT_TARGET_WEIGHTS) };
        });
      const names = new Map(mines.map((m) => [m.id, m.name]));
      const ranking = rankMines(evaluate(year)).map((r) => ({
        mineId: r.mineId,
        name: names.get(r.mineId)!,
        rank: r.rank,
        score: r.evaluation.score,
        abatedTCO2ePer10kCny: r.evaluation.abatedTCO2ePer10kCny,
        reclaimedHaPer10kCny: r.evaluation.reclaimedHaPer10kCny,
      }));
      const from = Math.min(req.query.fromYear ?? year - 4, year);
      const trend = [];
      for (let y = from; y <= year; y++) {
        const scores = evaluate(y).flatMap((e) => (e.evaluation.score === null ? [] : [e.evaluation.score]));
        trend.push({
          year: y,
          mines: scores.length,
          meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        });
      }
      return { year, regionCode: ref.regionCode, weights: DEFAULT_TARGET_WEIGHTS, ranking, trend };
    },
  );
}
