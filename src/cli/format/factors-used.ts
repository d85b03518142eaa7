import type { FactorOverride, FactorUse } from "../../domain/factor/factor.ts";
import { textTable } from "./text-table.ts";

/** The "factors used" block of a text report: id, value, unit, status and source of each. */
export function formatFactorsUsed(factors: {
  libraryVersion: string;
  used: readonly FactorUse[];
  overrides: readonly FactorOverride[];
}): string {
  const rows = factors.used.map((f) => [
    f.id + (f.overridden ? " (overridden)" : ""),
    String(f.value),
    f.unit,
    f.status,
    `${f.source}; ${f.table}`,
  ]);
  let out = `Factors used (library ${factors.libraryVersion}):\n${textTable(["id", "value", "unit", "status", "source"], rows)}`;
  for (const o of factors.overrides) {
    out += `\nOverride: ${o.id} = ${o.value} ${o.unit} from ${o.origin} (library: ${o.libraryValue} ${o.libraryUnit})`;
  }
  return out;
}

/** The warnings block of a text report, or "" when there are none. */
export function formatWarnings(warnings: readonly string[]): string {
  return warnings.length ? `Warnings:\n${warnings.map((w) => `  ! ${w}`).join("\n")}` : "";
}
