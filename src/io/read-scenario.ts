import { dirname, isAbsolute, join, resolve } from "node:path";
import { scenarioProblems } from "../domain/pathway/check-scenario.ts";
import { scenarioSchema, type Scenario } from "../domain/pathway/scenario-spec.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import { describeValue, InputError } from "../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { readInputFile } from "./read-input-file.ts";

/** Reads a pathway scenario and its baseline inventory (a path relative to the scenario file). */
export function readScenarioFile(
  path: string,
  table: FactorTable,
): {
  scenario: Scenario;
  baseline: unknown;
  baselinePath: string;
} {
  const raw = readInputFile(path);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(path, zodIssuesToInputIssues(parsed.error, raw));
  const s = parsed.data;
  const issues = scenarioProblems(s, table);
  if (issues.length) throw new InputError(path, issues);
  const file = s.baseline.inventory;
  if (file === undefined)
    throw new InputError(path, [
      {
        path: "baseline.inventoryId",
        message: "names a stored inventory, which only the server has; give baseline.inventory (a file) here",
      },
    ]);
  const baselinePath = isAbsolute(file) ? file : join(dirname(path), file);
  // The baseline must be another file, and a mine inventory: a scenario that names itself (or a
  // scenario) would otherwise fail later as "has no year undefined".
  const refused = (message: string) => new InputError(path, [{ path: "baseline.inventory", message }]);
  if (resolve(baselinePath) === resolve(path))
    throw refused(`must name a mine-inventory file, not this scenario itself; got ${describeValue(file)}`);
  let baseline: unknown;
  try {
    baseline = readInputFile(baselinePath);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw refused(
      `must name a readable mine-inventory file (relative to the scenario); ${baselinePath} ${e.issues[0]?.message ?? "cannot be read"}`,
    );
  }
  const kind = (baseline as { kind?: unknown }).kind;
  if (kind !== "mine-inventory")
    throw refused(
      `must name a mine-inventory file (kind: mine-inventory); ${baselinePath} is of kind ${describeValue(kind)}`,
    );
  return { scenario: s, baseline, baselinePath };
}
