import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { FACTOR_STATUSES, type FactorStatus } from "../domain/factor/factor.ts";
import { isFactorUnit } from "../domain/factor/factor-units.ts";
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type UncertaintyDefault,
} from "../domain/factor/uncertainty/uncertainty-default.ts";
import { UNCERTAINTY_PCT_BOUNDS } from "../domain/factor/uncertainty/uncertainty-spec.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";

const pct = (max: number) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      const n = Number(s);
      if (s === "" || !Number.isFinite(n) || n < 0 || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a number 0–${max}; got "${s}"` });
        return z.NEVER;
      }
      return n;
    });

const rowSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, "must be lower-case letters, digits, '.', '_' or '-'"),
  applies_to: z.enum(["activity", "factor"]),
  match: z.string().trim().min(1),
  exact: z.enum(["", "definition", "convention"]),
  low_pct: pct(UNCERTAINTY_PCT_BOUNDS.lowPct.max),
  high_pct: pct(UNCERTAINTY_PCT_BOUNDS.highPct.max),
  source: z.string().trim().min(1, "must say where the uncertainty comes from"),
  table: z.string().trim(),
  status: z.string().refine((s) => (FACTOR_STATUSES as readonly string[]).includes(s), {
    message: `must be one of ${FACTOR_STATUSES.join(", ")}`,
  }),
  note: z.string().trim(),
});

/**
 * Reads the default-uncertainty registry (uncertainty-defaults.csv): per kind of activity datum and
 * per kind of factor, the 95 % interval as % below and above the value with its source, or `exact`.
 * Every bad row is reported at once (InputError naming `where`).
 */
export function parseUncertaintyDefaults(text: string, where: string): UncertaintyDefault[] {
  const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  const issues: InputIssue[] = [];
  const out: UncertaintyDefault[] = [];
  rows.forEach((raw, i) => {
    const line = `line ${i + 2}`;
    const r = rowSchema.safeParse(raw);
    if (!r.success) {
      for (const e of r.error.issues)
        issues.push({ path: `${line}, column ${String(e.path[0] ?? "")}`, message: e.message });
      return;
    }
    const d = r.data;
    const problem =
      d.applies_to === "activity"
        ? (ACTIVITY_KINDS as readonly string[]).includes(d.match)
          ? undefined
          : `must be an activity kind (${ACTIVITY_KINDS.join(", ")}); got "${d.match}"`
        : d.match.startsWith("unit:")
          ? isFactorUnit(d.match.slice(5))
            ? undefined
            : `must name a factor unit after unit:; got "${d.match}"`
          : d.match.startsWith("id:")
            ? validPattern(d.match.slice(3))
            : `must be unit:<factor unit> or id:<regular expression>; got "${d.match}"`;
    if (problem) issues.push({ path: `${line}, column match`, message: problem });
    out.push({
      id: d.id,
      appliesTo: d.applies_to,
      match: d.applies_to === "activity" ? (d.match as ActivityKind) : d.match,
      ...(d.exact ? { exact: d.exact } : {}),
      lowPct: d.low_pct,
      highPct: d.high_pct,
      source: d.source,
      table: d.table,
      status: d.status as FactorStatus,
      ...(d.note ? { note: d.note } : {}),
    });
  });
  const ids = new Set<string>();
  for (const d of out) {
    if (ids.has(d.id)) issues.push({ path: where, message: `id ${d.id} is used twice` });
    ids.add(d.id);
  }
  if (issues.length) throw new InputError(where, issues);
  return out;
}

function validPattern(p: string): string | undefined {
  try {
    new RegExp(p);
    return undefined;
  } catch (e) {
    return `must be a valid regular expression after id:; ${(e as Error).message}`;
  }
}
