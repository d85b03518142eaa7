import { z } from "zod";
import {
  publicMineListItemSchema,
  publicMineSchema,
  type PublicMine,
  type PublicMineYear,
} from "../../contract/public-mine.ts";
import { targetBodySchema } from "../../contract/target.ts";
import { DEFAULT_TARGET_WEIGHTS, evaluateMine } from "../../domain/manage/evaluation.ts";
import type { Target } from "../../domain/manage/target.ts";
import type { ReportFigures } from "../../domain/manage/plausibility.ts";
import {
  mineYearFacts,
  ReportFactsProblem,
  reportYearFigures,
  type ReportYearFigures,
} from "../../app/manage/facts-from-report.ts";
import { PublicMineQueries, type PublishedReportRow } from "../../storage/public-mine-repository.ts";
import { asSystem } from "../../storage/row-scope.ts";
import type { ApiApp } from "../api-app.ts";
import { notFound } from "../api-error.ts";
import { isId, type AppContext } from "../context.ts";
import { errors, idParams } from "../route-schema.ts";
import type { Feedback } from "../../storage/feedback-repository.ts";

/** A public message as the portal shows it: never the name, contact or address. */
export const publicFeedbackJson = (f: Feedback) => ({
  id: f.id,
  areaId: f.areaId,
  mineId: f.mineId,
  category: f.category,
  point: f.point,
  message: f.message,
  status: f.status,
  reply: f.reply,
  repliedAt: f.repliedAt?.toISOString() ?? null,
  createdAt: f.createdAt.toISOString(),
});

/** The extent of polygon GeoJSON ([west, south, east, north], degrees), or null without coordinates. */
export function geojsonBbox(g: unknown): [number, number, number, number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) {
      if (v && typeof v === "object")
        for (const k of ["coordinates", "geometry", "features", "geometries"] as const)
          if (k in v) walk((v as Record<string, unknown>)[k]);
      return;
    }
    if (v.length >= 2 && typeof v[0] === "number" && typeof v[1] === "number") {
      box[0] = Math.min(box[0], v[0]);
      box[1] = Math.min(box[1], v[1]);
      box[2] = Math.max(box[2], v[0]);
      box[3] = Math.max(box[3], v[1]);
      return;
    }
    for (const x of v) walk(x);
  };
  walk(g);
  return Number.isFinite(box[0]) ? box : null;
}

/** A published year's figures as the public reads them (the figures handed in with its last version). */
function yearOf(r: PublishedReportRow, f: ReportFigures | undefined): PublicMineYear {
  const emissions = f?.emissionsTCO2ePerYr ?? null;
  const coal = f?.coalOutputT ?? null;
  return {
    reportId: r.id,
    year: r.year,
    emissionsTCO2ePerYr: emissions,
    coalOutputT: coal,
    intensityTCO2ePerT: emissions !== null && coal !== null && coal > 0 ? emissions / coal : null,
  };
}

/**
 * The public portal's mines (issue 13, public participation): each public mine's summary — names,
 * region, enterprise, boundary, the published years' emissions and intensity, its targets and
 * whether each was met in the published years, and the feedback a regulator made public. A mine is
 * public when it has a published annual report or lies in a published area; any other mine is not
 * found, whoever asks. The public holds no grant on mines (row-level security shows it none), so
 * the mine queries run as the system and restrict themselves to public rows (PublicMineQueries).
 * Targets are judged on the PUBLISHED reports only (evaluateMine, src/domain/manage/evaluation.ts):
 * a year the regulator approved but did not publish counts for nothing here.
 */
export function publicMineRoutes(app: ApiApp, ctx: AppContext): void {
  const queries = new PublicMineQueries(ctx.db);

  app.get(
    "/api/public/mines",
    {
      config: { access: "public" },
      schema: {
        summary:
          "public mines (a published annual report, or in a published area): names, region, enterprise, the latest published year's emissions and intensity",
        response: { 200: z.array(publicMineListItemSchema) },
      },
    },
    async () => {
      const mines = await asSystem(() => queries.mines());
      const reports = await asSystem(() => queries.publishedReports(mines.map((m) => m.id)));
      const figures = await asSystem(() => ctx.annualReports.submittedFigures(reports.map((r) => r.id)));
      return mines.map((m) => {
        const own = reports.filter((r) => r.mineId === m.id);
        const last = own.at(-1);
        return {
          id: m.id,
          name: m.name,
          nameZh: m.nameZh,
          region: m.region,
          enterprise: m.enterprise,
          bbox: geojsonBbox(m.boundary),
          latest: last ? yearOf(last, figures.get(last.id)) : null,
          publishedYears: own.map((r) => r.year),
        };
      });
    },
  );

  app.get(
    "/api/public/mines/:id",
    {
      config: { access: "public" },
      schema: {
        summary:
          "a public mine's summary: boundary, the published years' emissions and intensity, its targets and whether each was met in the published years, the public feedback about it with replies",
        params: idParams,
        response: { 200: publicMineSchema, ...errors("bad-input", "not-found") },
      },
    },
    async (req): Promise<PublicMine> => {
      const id = req.params.id;
      const [mine] = isId(id) ? await asSystem(() => queries.mines(id)) : [];
      if (!mine) throw notFound("public mine", id);
      const [reports, targetRows, observed] = await asSystem(() =>
        Promise.all([
          queries.publishedReports([mine.id]),
          queries.targets(mine.id),
          queries.plotsObserved(mine.id),
        ]),
      );
      const figures = await asSystem(() => ctx.annualReports.submittedFigures(reports.map((r) => r.id)));
      // The facts of each published year from its latest version (a report whose content cannot be
      // read gives no facts: its year is not judged).
      const yearFigures: ReportYearFigures[] = [];
      for (const r of reports)
        try {
          yearFigures.push(reportYearFigures(r.content, r.year));
        } catch (e) {
          if (!(e instanceof ReportFactsProblem)) throw e;
        }
      const facts = mineYearFacts(yearFigures, observed);
      const targets: Target[] = targetRows.flatMap((t) => {
        const body = targetBodySchema.safeParse(t.target);
        return body.success ? [{ ...body.data, id: t.id, setBy: t.setBy } as Target] : [];
      });
      const years = reports.map((r) => r.year);
      const evaluations = years.map((y) => evaluateMine(targets, facts, y, DEFAULT_TARGET_WEIGHTS));
      const feedback = await ctx.feedback.listPublic({ mineId: mine.id });
      return {
        id: mine.id,
        name: mine.name,
        nameZh: mine.nameZh,
        region: mine.region,
        enterprise: mine.enterprise,
        boundary: mine.boundary,
        trend: reports.map((r) => yearOf(r, figures.get(r.id))),
        targets: targets.map((t) => ({
          id: t.id,
          setBy: t.setBy,
          target: targetBodySchema.parse(targetRows.find((r) => r.id === t.id)!.target),
          years: evaluations.flatMap((e) => {
            if (e.year < t.baseYear) return [];
            const a = e.achievements.find((x) => x.targetId === t.id)!;
            return [
              {
                year: e.year,
                expected: a.expected,
                actual: a.actual,
                degree: a.degree,
                met: a.degree === null ? null : a.degree >= 1,
                note: a.note,
              },
            ];
          }),
        })),
        feedback: feedback.map(publicFeedbackJson),
      };
    },
  );
}
