import {
  minePathwayInput,
  minePathwaySchema,
  type MinePathwayRecord,
} from "../../../contract/mine-pathway.ts";
import { parseInventoryInput } from "../../../domain/mine/inventory-spec.ts";
import { scenarioProblems } from "../../../domain/pathway/check-scenario.ts";
import { pathwayProblems } from "../../../domain/pathway/pathway-work.ts";
import { reviewYear, type YearReview } from "../../../domain/pathway/review-year.ts";
import { InputError, type InputIssue } from "../../../domain/validation/input-issue.ts";
import { factorTable } from "../../../factors/load-factor-library.ts";
import { mineResource } from "../../../storage/mine-repository.ts";
import type { StoredMinePathway } from "../../../storage/mine-pathway-repository.ts";
import { ApiError } from "../../api-error.ts";
import type { ApiApp } from "../../api-app.ts";
import type { AppContext } from "../../context.ts";
import { errors, idParams } from "../../route-schema.ts";
import { mineFor } from "./plot-routes.ts";

const under =
  (prefix: string) =>
  (d: InputIssue): InputIssue => ({ ...d, path: d.path ? `${prefix}.${d.path}` : prefix });

export const minePathwayJson = (p: StoredMinePathway, earlierPlans: number): MinePathwayRecord => ({
  id: p.id,
  mineId: p.mineId,
  scenario: p.scenario as unknown as Record<string, unknown>,
  baseline: p.baseline,
  storedAt: p.createdAt.toISOString(),
  storedBy: p.storedBy,
  storedByOrganisationId: p.storedByOrganisationId,
  earlierPlans,
});

/**
 * A mine's pathway plan (issue 13, seed 002's evaluate-and-adjust): the enterprise stores the
 * pathway scenario it follows (target.propose, the action of its own sub-targets) with the baseline
 * inventory it starts from, checked as `minecarbon pathway` checks a scenario (the same schema,
 * scenarioProblems and pathwayProblems). Each PUT adds a plan; the newest is in force, earlier ones
 * stay. An approved report's adjustment reviews its year against the plan in force.
 */
export function pathwayRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/mines/:id/pathway",
    {
      config: { access: { action: "mine.read" } },
      schema: {
        summary: "the mine's pathway plan in force (scenario and baseline inventory), who stored it and when",
        params: idParams,
        response: { 200: minePathwaySchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "mine.read");
      const history = await ctx.minePathways.history(mine.id);
      const current = history.at(-1);
      if (!current) throw new ApiError("not-found", `no pathway plan is stored for mine ${mine.id}`);
      return minePathwayJson(current, history.length - 1);
    },
  );

  app.put(
    "/api/mines/:id/pathway",
    {
      config: { access: { action: "target.propose" } },
      schema: {
        summary:
          "store the mine's pathway plan: a pathway-scenario document and the mine-inventory document it starts from (checked as `minecarbon pathway` checks them); the new plan is in force, earlier ones are kept",
        params: idParams,
        body: minePathwayInput,
        response: { 200: minePathwaySchema, ...errors("bad-input", "not-found", "forbidden") },
      },
    },
    async (req) => {
      const mine = await mineFor(ctx, req, req.params.id, "target.propose");
      const { scenario, baseline } = req.body;
      const source = `pathway of mine ${mine.id}`;
      const table = factorTable();
      const problems = scenarioProblems(scenario, table).map(under("scenario"));
      if (problems.length) throw new InputError(source, problems);
      let parsed;
      try {
        parsed = parseInventoryInput(baseline, source, table);
      } catch (e) {
        if (e instanceof InputError) throw new InputError(source, e.issues.map(under("baseline")));
        throw e;
      }
      const wanted = scenario.baseline.year;
      if (wanted !== undefined && !parsed.years.some((y) => y.year === wanted))
        throw new InputError(source, [
          {
            path: "scenario.baseline.year",
            message: `must be a year of the baseline inventory (${parsed.years.map((y) => y.year).join(", ")}); got ${wanted}`,
          },
        ]);
      const work = pathwayProblems(scenario, parsed, 0).map(under("scenario"));
      if (work.length) throw new InputError(source, work);
      const actor = req.actor;
      if (actor.kind === "anonymous") throw new ApiError("forbidden", "signing in is needed");
      const earlier = (await ctx.minePathways.history(mine.id)).length;
      const stored = await ctx.change(req, async (tx) => {
        const p = await tx.minePathways.store({
          mineId: mine.id,
          scenario,
          baseline,
          storedBy: actor.kind === "user" ? actor.userId : actor.createdBy,
          storedByOrganisationId: actor.organisationId,
        });
        return {
          value: p,
          audit: {
            action: "target.propose",
            resource: mineResource(mine),
            kind: "pathway",
            id: p.id,
            after: minePathwayJson(p, earlier),
          },
        };
      });
      return minePathwayJson(stored, earlier);
    },
  );
}

/**
 * The year reviewed against the mine's plan in force (seed 002's evaluate-and-adjust; reviewYear
 * as `minecarbon pathway <scenario> --actual <inventory>` runs it, to the scenario's end year), or
 * null with what the comparison lacks: no plan stored, or a year the plan does not cover.
 */
export async function planReview(
  ctx: AppContext,
  mineId: string,
  actualInventory: unknown,
  year: number,
): Promise<{ review: YearReview | null; missing: string[] }> {
  const plan = await ctx.minePathways.current(mineId);
  if (!plan)
    return {
      review: null,
      missing: [
        `no pathway plan is stored for mine ${mineId} (PUT /api/mines/${mineId}/pathway stores one): the year is not compared part by part with a plan; no plan is assumed`,
      ],
    };
  try {
    const source = `pathway plan ${plan.id} of mine ${mineId}`;
    const review = reviewYear(
      plan.scenario,
      plan.baseline,
      actualInventory,
      year,
      plan.scenario.endYear,
      factorTable(),
      source,
    );
    return { review, missing: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {
      review: null,
      missing: [
        `the pathway plan ${plan.id} of mine ${mineId} cannot review ${year}: ${e.issues.map((i) => `${i.path ? `${i.path} ` : ""}${i.message}`).join("; ")}`,
      ],
    };
  }
}
