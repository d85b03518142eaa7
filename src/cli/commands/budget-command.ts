import { parseBudgetInput } from "../../domain/budget/budget-spec.ts";
import { budgetReport, type BudgetReport } from "../../domain/budget/budget-report.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { readInputFile } from "../../io/read-input-file.ts";

export interface BudgetOptions {
  coefficients?: string;
  draws?: number;
  seed?: number;
  factors?: string[];
}

/** Reads, checks and computes a budget file of either kind (`minecarbon budget`). */
export function runBudget(file: string, options: BudgetOptions): BudgetReport {
  const table = factorTable(options.factors ?? []);
  const raw = readInputFile(file) as Record<string, unknown>;
  const doc =
    options.coefficients && raw.kind === "land-use-budget"
      ? { ...raw, coefficients: { ...(raw.coefficients as object), set: options.coefficients } }
      : raw;
  const input = parseBudgetInput(doc, file, table);
  return budgetReport(
    input,
    table,
    {
      ...(options.draws !== undefined ? { draws: options.draws } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    },
    file,
  );
}
