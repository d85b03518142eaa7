import type { Factor } from "../../domain/factor/factor.ts";
import { FACTOR_STATUSES } from "../../domain/factor/factor.ts";
import { FactorLookupError } from "../../domain/factor/factor-table.ts";
import { InputError } from "../../domain/validation/input-issue.ts";
import { factorTable } from "../../factors/load-factor-library.ts";
import { textTable } from "../format/text-table.ts";

export interface FactorListOptions {
  status?: string;
  grep?: string;
  series?: string;
  factors?: string[];
}

/** The library's factors (plus a user's files), filtered by status, series or a text in id, quantity or source. */
export function listFactors(options: FactorListOptions): { libraryVersion: string; factors: Factor[] } {
  if (options.status && !(FACTOR_STATUSES as readonly string[]).includes(options.status)) {
    throw new InputError("--status", [
      { path: "--status", message: `must be one of ${FACTOR_STATUSES.join(", ")}; got "${options.status}"` },
    ]);
  }
  const table = factorTable(options.factors ?? []);
  const needle = options.grep?.toLowerCase();
  const factors = table
    .all()
    .filter((f) => !options.status || f.status === options.status)
    .filter((f) => !options.series || f.series === options.series)
    .filter((f) => !needle || `${f.id} ${f.quantity} ${f.source}`.toLowerCase().includes(needle));
  return { libraryVersion: table.libraryVersion, factors };
}

/** One factor by id, or a bad-input error naming similar ids. */
export function showFactor(id: string, files: string[] = []): Factor {
  const table = factorTable(files);
  if (!table.has(id)) table.factor(id); // throws FactorLookupError with near ids
  const f = table.all().find((x) => x.id === id);
  if (!f) throw new FactorLookupError(`unknown factor id "${id}"`);
  return f;
}

/** Text listing of factors. */
export function formatFactorList(list: { libraryVersion: string; factors: Factor[] }): string {
  return (
    `Factor library ${list.libraryVersion}: ${list.factors.length} factor(s)\n` +
    textTable(
      ["id", "value", "low", "high", "unit", "status", "source"],
      list.factors.map((f) => [
        f.id,
        String(f.value),
        f.low === undefined ? "–" : String(f.low),
        f.high === undefined ? "–" : String(f.high),
        f.unit,
        f.status,
        f.source,
      ]),
    )
  );
}
