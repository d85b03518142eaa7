import { join } from "node:path";
import { z } from "zod";
import { areaStructureProblem } from "../../app/area-structure-problem.ts";
import { scenarioDefaults } from "../../app/scenario-defaults.ts";
import { optimizationResultSchema, pathwayResultSchema } from "../../contract/pathway-result.ts";
import { scenarioDefaultsSchema } from "../../contract/scenario-defaults.ts";
import { areaStructureProblemSchema, structureProblemQuery } from "../../contract/structure-problem.ts";
import { COUNT_BOUNDS } from "../../domain/common/input-bounds.ts";
import { parseInventoryInput } from "../../domain/mine/inventory-spec.ts";
import { optimizeStructure } from "../../domain/optimize/optimize-structure.ts";
import { structureProblemSchema } from "../../domain/optimize/structure-problem.ts";
import { scenarioProblems } from "../../domain/pathway/check-scenario.ts";
import { pathwayProblems } from "../../domain/pathway/pathway-work.ts";
import { runScenario } from "../../domain/pathway/run-scenario.ts";
import { scenarioSchema } from "../../domain/pathway/scenario-spec.ts";
import { boundedList } from "../../domain/validation/bounded-number.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";
import { readStructureProblem } from "../../io/read-structure-problem.ts";
import { PROJECT_ROOT } from "../../project-root.ts";
import { highsSolver } from "../../solver/highs-solver.ts";
import { ApiError } from "../api-error.ts";
import type { ApiApp } from "../api-app.ts";
import type { AppContext } from "../context.ts";
import { documentedOnly, errors, idParams } from "../route-schema.ts";

/** Shipped examples a client may load as a starting point. */
const EXAMPLES: Readonly<Record<string, string>> = {
  "yongning-pathway": "yongning-pathway.yaml",
  "pingshuo-structure": "pingshuo-structure.yaml",
};

const at =
  (i: number) =>
  (d: InputIssue): InputIssue => ({ ...d, path: d.path ? `scenarios[${i}].${d.path}` : `scenarios[${i}]` });

const pathwaysBody = z.strictObject({
  scenarios: boundedList(scenarioSchema, COUNT_BOUNDS.scenarios).min(1),
});

/**
 * Planning: pathways of scenarios (the `pathway-scenario` format, with `baseline.inventoryId`
 * naming a stored inventory), where a mine's pathway starts from, and land-use structure
 * optimization (the `landuse-structure` format). Problems are InputErrors with the request's own
 * paths, answered by the one error handler.
 */
export function planningRoutes(app: ApiApp, ctx: AppContext): void {
  app.get(
    "/api/examples/:name",
    {
      config: { access: "signed-in" },
      schema: {
        summary: `a shipped example document (${Object.keys(EXAMPLES).join(", ")})`,
        params: z.object({ name: z.string() }),
        response: {
          200: z.record(z.string(), z.unknown()).describe("the document as JSON"),
          ...errors("not-found"),
        },
      },
    },
    async (req) => {
      // Own keys only: "constructor" or "__proto__" are keys of every object, not examples.
      const file = Object.hasOwn(EXAMPLES, req.params.name) ? EXAMPLES[req.params.name] : undefined;
      if (!file)
        throw new ApiError("not-found", `no example "${req.params.name}"`, [
          { path: "name", message: `must be one of ${Object.keys(EXAMPLES).join(", ")}` },
        ]);
      return z.record(z.string(), z.unknown()).parse(readInputFile(join(PROJECT_ROOT, "examples", file)));
    },
  );

  app.get(
    "/api/areas/:id/scenario-defaults",
    {
      config: { access: { action: "plan.compute" } },
      schema: {
        summary:
          "where each mine's pathway starts: its latest stored inventory (baseline year, coal output) and the measures its sources allow",
        params: idParams,
        response: { 200: scenarioDefaultsSchema, ...errors("not-found") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "plan.compute");
      return scenarioDefaults(await ctx.inventories.forArea(area.id));
    },
  );

  app.get(
    "/api/areas/:id/structure-problem",
    {
      config: { access: { action: "plan.compute" } },
      schema: {
        summary:
          "a land-use structure problem (landuse-structure document, for POST /api/optimize) built from the area's latest finished land-use analysis: its last year's class areas by role, the coefficient set's coefficients, the coal-land floor and soil change as examples/pingshuo-structure.yaml has them, and that example's floors and caps scaled to the area (planning assumptions); 409 when the area has no finished analysis",
        params: idParams,
        querystring: structureProblemQuery,
        response: { 200: areaStructureProblemSchema, ...errors("bad-input", "not-found", "not-finished") },
      },
    },
    async (req) => {
      const area = await ctx.area(req.actor, req.params.id, "plan.compute");
      // The newest finished land-use analysis (newest first); a stale one is used and said stale.
      const done = (await ctx.analyses.forArea(area.id)).find(
        (a) => a.kind === "landuse" && a.status === "done",
      );
      if (!done)
        throw new ApiError(
          "not-finished",
          `area ${area.id} has no finished land-use analysis: run one (POST /api/areas/${area.id}/analyses) to build its structure problem`,
        );
      const analysis = await ctx.analysisWithResult(req.actor, done.id, "plan.compute");
      if (!analysis.result) throw new ApiError("not-finished", `analysis ${analysis.id} has no result`);
      return areaStructureProblem({
        areaId: area.id,
        areaName: area.name,
        analysis: { id: analysis.id, staleReason: analysis.staleReason, result: analysis.result },
        mines: scenarioDefaults(await ctx.inventories.forArea(area.id)).mines,
        coefficientSet: req.query.coefficientSet,
        ...(req.query.coalOutputT !== undefined ? { coalOutputT: req.query.coalOutputT } : {}),
        yearsOpen: req.query.yearsOpen,
      });
    },
  );

  app.post(
    "/api/pathways",
    {
      config: { access: { action: "plan.compute" } },
      schema: {
        summary:
          "project pathway scenarios (pathway-scenario documents, baseline.inventoryId naming a stored inventory; see docs/pathways.md)",
        body: pathwaysBody,
        response: {
          200: z.array(pathwayResultSchema),
          ...errors("bad-input", "non-finite-quantity", "not-found", "not-finished"),
        },
      },
    },
    async (req) => {
      const table = factorTable();
      const out = [];
      for (const [i, parsed] of req.body.scenarios.entries()) {
        let s = parsed;
        if (s.baseline.analysisId) {
          // The land use of the analysis's last map, ha by class key, limits reclamation.
          const a = await ctx.analysisWithResult(req.actor, s.baseline.analysisId, "plan.compute");
          const r = a.result;
          if (!r) throw new ApiError("not-finished", `analysis ${a.id} is ${a.status}`);
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
        if (problems.length) throw new InputError(`scenario ${i + 1}`, problems.map(at(i)));
        if (!s.baseline.inventoryId)
          throw new InputError(`scenario ${i + 1}`, [
            {
              path: `scenarios[${i}].baseline.inventoryId`,
              message:
                "must name a stored inventory (GET /api/areas/{id}/inventories); the server reads no files",
            },
          ]);
        const inv = await ctx.inventory(req.actor, s.baseline.inventoryId, "plan.compute");
        const baseline = parseInventoryInput(inv.input, `inventory ${inv.id}`, table);
        // The pathway's work and its reclamation are the request's: refused at the scenario's own
        // fields before anything is projected.
        const projection = pathwayProblems(s, baseline, s.uncertainty?.draws ?? 0);
        if (projection.length) throw new InputError(`scenario ${i + 1}`, projection.map(at(i)));
        // Checked against the declared answer once, here, where the domain's result leaves it.
        out.push(pathwayResultSchema.parse(runScenario(s, inv.input, table, `inventory ${inv.id}`)));
      }
      return out;
    },
  );

  app.post(
    "/api/optimize",
    {
      config: { access: { action: "plan.compute" } },
      schema: {
        summary:
          "optimize a land-use structure (a landuse-structure document; see docs/structure-optimization.md)",
        body: documentedOnly(structureProblemSchema),
        response: { 200: optimizationResultSchema, ...errors("bad-input", "non-finite-quantity") },
      },
    },
    async (req) => {
      const table = factorTable();
      const { problem, assumptions } = readStructureProblem(req.body, "body", table);
      // Checked against the declared answer once, here, where the domain's result leaves it.
      return optimizationResultSchema.parse({
        ...(await optimizeStructure(problem, highsSolver, "body")),
        assumptions,
        // Every factor the problem read, with its source: as `minecarbon optimize --json` gives them.
        factors: {
          libraryVersion: table.libraryVersion,
          used: table.used(),
          overrides: table.usedOverrides(),
        },
      });
    },
  );
}
