import { z } from "zod";
import { FACTOR_STATUSES, type Factor } from "../domain/factor/factor.ts";
import { isFactorUnit } from "../domain/factor/factor-units.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { describeValue } from "../domain/validation/input-issue.ts";
import { boundRule, QUANTITY_BOUNDS, YEAR_RANGE } from "../domain/common/input-bounds.ts";

/** The columns of a factor file, in order. */
export const FACTOR_COLUMNS = [
  "id",
  "quantity",
  "value",
  "low",
  "high",
  "unit",
  "gas",
  "basis",
  "source",
  "table",
  "status",
  "region",
  "valid_from",
  "valid_to",
  "series",
  "note",
] as const;

const REQUIRED_COLUMNS = ["id", "quantity", "value", "unit", "source", "status"] as const;

/**
 * A number cell, empty for none; "NaN", "Infinity", "1e999" are refused, and so is a value for
 * which `problem` gives a rule (default: beyond the bound on factor values).
 */
const optionalNumber = (
  field: string,
  problem: (n: number) => string | undefined = (n) =>
    Math.abs(n) > QUANTITY_BOUNDS.factorValue.max ? boundRule(QUANTITY_BOUNDS.factorValue, true) : undefined,
) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const s = (raw ?? "").trim();
      if (s === "") return undefined;
      const n = Number(s);
      const rule = Number.isFinite(n) ? problem(n) : "must be a finite number or empty";
      if (rule) {
        ctx.addIssue({ code: "custom", message: `${field} ${rule}; got ${describeValue(s)}` });
        return z.NEVER;
      }
      return n;
    });

/** Years of validity are calendar years. */
const calendarYearRule = (n: number) =>
  Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max
    ? undefined
    : `must be a year ${YEAR_RANGE.min}–${YEAR_RANGE.max}`;

const rowSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, "id must be lower-case letters, digits, '.', '_' or '-'"),
  quantity: z.string().trim().min(1, "quantity must say what the factor is"),
  value: optionalNumber("value"),
  low: optionalNumber("low"),
  high: optionalNumber("high"),
  unit: z.string().trim().refine(isFactorUnit, {
    message: "unit must be one of the known factor units (see docs/factor-library.md)",
  }),
  gas: z.string().trim().default("-"),
  basis: z.string().trim().default("-"),
  source: z.string().trim().min(1, "source must name where the value comes from"),
  table: z.string().trim().default("-"),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => (FACTOR_STATUSES as readonly string[]).includes(s), {
      message: `status must be one of ${FACTOR_STATUSES.join(", ")}`,
    }),
  region: z.string().trim().default("-"),
  valid_from: optionalNumber("valid_from", calendarYearRule),
  valid_to: optionalNumber("valid_to", calendarYearRule),
  series: z.string().trim().default("-"),
  note: z.string().trim().default(""),
});

/**
 * Checks one factor-file row (a record of column → text) and returns the factor, or the list of
 * its problems, each with the row and column it is in.
 */
export function parseFactorRow(
  record: Record<string, string | undefined>,
  where: string,
  origin: string,
): { factor?: Factor; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  for (const col of REQUIRED_COLUMNS) {
    if (record[col] === undefined || record[col]?.trim() === "") {
      issues.push({ path: `${where}, column ${col}`, message: `${col} must be given; got nothing` });
    }
  }
  if (issues.length) return { issues };
  const parsed = rowSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const col = String(issue.path[0] ?? "");
      issues.push({ path: `${where}, column ${col}`, message: withValue(issue.message, record[col]) });
    }
    return { issues };
  }
  const r = parsed.data;
  if (r.value === undefined) {
    return { issues: [{ path: `${where}, column value`, message: "value must be a number; got nothing" }] };
  }
  if (r.low !== undefined && r.low > r.value) {
    issues.push({ path: `${where}, column low`, message: `low must be ≤ value (${r.value}); got ${r.low}` });
  }
  if (r.high !== undefined && r.high < r.value) {
    issues.push({
      path: `${where}, column high`,
      message: `high must be ≥ value (${r.value}); got ${r.high}`,
    });
  }
  if (issues.length) return { issues };
  const factor: Factor = {
    id: r.id,
    quantity: r.quantity,
    value: r.value,
    ...(r.low !== undefined ? { low: r.low } : {}),
    ...(r.high !== undefined ? { high: r.high } : {}),
    unit: r.unit,
    gas: r.gas,
    basis: r.basis,
    source: r.source,
    table: r.table,
    status: r.status as Factor["status"],
    region: r.region,
    ...(r.valid_from !== undefined ? { validFrom: r.valid_from } : {}),
    ...(r.valid_to !== undefined ? { validTo: r.valid_to } : {}),
    series: r.series,
    ...(r.note ? { note: r.note } : {}),
    origin,
  };
  return { factor, issues };
}

function withValue(message: string, value: string | undefined): string {
  return message.includes("; got ") ? message : `${message}; got ${describeValue(value)}`;
}
