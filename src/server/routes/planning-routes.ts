import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { optimizeStructure } from "../../domain/optimize/optimize-structure.ts";
import { parseInventoryInput } from "../../domain/mine/inventory-spec.ts";
import { pathwayProblems } from "../../domain/pathway/pathway-work.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { scenarioProblems } from "../../domain/pathway/check-scenario.ts";
import { scenarioSchema } from "../../domain/pathway/scenario-spec.ts";
import { COUNT_BOUNDS } from "../../domain/common/input-bounds.ts";
import { boundedList } from "../../domain/validation/bounded-number.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { NonFiniteQuantityError } from "../../units/quantity.ts";
import { zodIssuesToInputIssues } from "../../domain/validation/zod-issues.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { readStructureProblem } from "../../io/read-structure-problem.ts";
import { highsSolver } from "../../solver/highs-solver.ts";
import { PROJECT_ROOT } from "../../project-root.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";

/** Shipped examples a client may load as a starting point. */
const EXAMPLES: Readonly<Record<string, string>> = {
  "yongning-pathway": "yongning-pathway.yaml",
  "pingshuo-structure": "pingshuo-structure.yaml",
};

const asApiError = (e: unknown) =>
  e instanceof InputError
    ? new ApiError(400, "bad-input", "the request has problems; see details", e.issues)
    : e instanceof NonFiniteQuantityError
      ? new ApiError(400, "bad-input", "the request has problems; see details", [
          { path: "", message: e.message },
        ])
      : e;

/**
 * Planning: pathways of scenarios (the `pathway-scenario` format, with `baseline.inventoryId`
 * naming a stored inventory) and land-use structure optimization (the `landuse-structure` format).
 */
export function planningRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { name: string } }>("/api/examples/:name", async (req) => {
    // Own keys only: "constructor" or "__proto__" are keys of every object, not examples.
    const file = Object.hasOwn(EXAMPLES, req.params.name) ? EXAMPLES[req.params.name] : undefined;
    if (!file)
      throw new ApiError(404, "not-found", `no example "${req.params.name}"`, [
        { path: "name", message: `must be one of ${Object.keys(EXAMPLES).join(", ")}` },
      ]);
    return readInputFile(join(PROJECT_ROOT, "examples", file));
  });

  app.post("/api/pathways", async (req) => {
    const body = z
      .strictObject({ scenarios: boundedList(z.unknown(), COUNT_BOUNDS.scenarios).min(1) })
      .safeParse(req.body);
    if (!body.success)
      throw new ApiError(
        400,
        "bad-input",
        "send {scenarios: [pathway-scenario, …]}",
        zodIssuesToInputIssues(body.error, req.body),
      );
    const table = factorTable();
    const out = [];
    for (const [i, raw] of body.data.scenarios.entries()) {
      const parsed = scenarioSchema.safeParse(raw);
      if (!parsed.success)
        throw new ApiError(
          400,
          "bad-input",
          `scenario ${i + 1} has problems; see details`,
          zodIssuesToInputIssues(parsed.error, raw, ["scenarios", i]),
        );
      let s = parsed.data;
      if (s.baseline.analysisId) {
        // The land use of the analysis's last map, ha by class key, limits reclamation.
        const a = await ctx.analysisWithResult(s.baseline.analysisId);
        const r = a.result as {
          classes: { year: number; code: number; area_ha: number }[];
          legend: { classes: { code: number; key: string }[] };
        } | null;
        if (!r) throw new ApiError(409, "not-finished", `analysis ${a.id} is ${a.status}`);
        const last = Math.max(...r.classes.map((c) => c.year));
        const keyOf = new Map(r.legend.classes.map((c) => [c.code, c.key]));
        const landUse = Object.fromEntries(
          r.classes
            .filter((c) => c.year === last)
            .map((c) => [keyOf.get(c.code) ?? String(c.code), c.area_ha]),
        );
        s = { ...s, baseline: { ...s.baseline, landUse: { ...landUse, ...s.baseline.landUse } } };
      }
      const problems = scenarioProblems(s, table);
      if (problems.length)
        throw new ApiError(
          400,
          "bad-input",
          `scenario ${i + 1} has problems; see details`,
          problems.map((d) => ({ ...d, path: `scenarios[${i}].${d.path}` })),
        );
      if (!s.baseline.inventoryId)
        throw new ApiError(400, "bad-input", "the server reads no files", [
          {
            path: `scenarios[${i}].baseline.inventoryId`,
            message: "must name a stored inventory (GET /api/areas/{id}/inventories)",
          },
        ]);
      const inv = await ctx.inventory(s.baseline.inventoryId);
      let baseline;
      try {
        baseline = parseInventoryInput(inv.input, `inventory ${inv.id}`, table);
      } catch (e) {
        throw asApiError(e);
      }
      // The pathway's work and its reclamation are the request's: refused at the scenario's own
      // fields before anything is projected.
      const projection = pathwayProblems(s, baseline, s.uncertainty?.draws ?? 0);
      if (projection.length)
        throw new ApiError(
          400,
          "bad-input",
          `scenario ${i + 1} cannot be projected; see details`,
          projection.map((d) => ({ ...d, path: `scenarios[${i}].${d.path}` })),
        );
      try {
        out.push(runScenario(s, inv.input, table, `inventory ${inv.id}`));
      } catch (e) {
        throw asApiError(e);
      }
    }
    return out;
  });

  app.post("/api/optimize", async (req) => {
    try {
      const table = factorTable();
      const { problem, assumptions } = readStructureProblem(req.body, "body", table);
      return {
        ...(await optimizeStructure(problem, highsSolver, "body")),
        assumptions,
        // Every factor the problem read, with its source: as `minecarbon optimize --json` gives them.
        factors: {
          libraryVersion: table.libraryVersion,
          used: table.used(),
          overrides: table.usedOverrides(),
        },
      };
    } catch (e) {
      throw asApiError(e);
    }
  });
}
