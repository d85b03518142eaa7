import { z } from "zod";
import { ha } from "../../units/area.ts";
import { LIFE_CYCLE_STAGES } from "../common/life-cycle-stage.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import type { AreaEntry, CoefficientChoice } from "./coefficient-budget.ts";
import {
  COEFFICIENT_READINGS,
  LAND_USE_COEFFICIENT_UNITS,
  type CoefficientReading,
} from "./coefficient-reading.ts";
import { COEFFICIENT_SETS } from "./coefficient-sets.ts";
import { DENSITY_SETS, type DensitySet } from "./density-sets.ts";
import type { Conversion } from "./stock-change.ts";
import type { Reclamation } from "./reclamation-regain.ts";

const area = z.number().min(0);
const stage = z.enum(LIFE_CYCLE_STAGES).optional();
const zone = z.string().min(1).optional();

const coefficientBudgetSchema = z.strictObject({
  kind: z.literal("land-use-budget"),
  title: z.string().min(1),
  description: z.string().optional(),
  coefficients: z.strictObject({
    set: z.string().min(1),
    readAs: z.enum(COEFFICIENT_READINGS),
    overrides: z
      .record(
        z.string(),
        z.strictObject({
          absorption: z.string().nullable().optional(),
          emission: z.string().nullable().optional(),
        }),
      )
      .optional(),
  }),
  areas: z
    .array(
      z.strictObject({
        label: z.string().min(1).optional(),
        landType: z.string().min(1),
        areaHa: area,
        stage,
        zone,
      }),
    )
    .min(1),
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(1_000_000).optional(),
      seed: z.number().int().optional(),
      percentiles: z.array(z.number().min(0).max(100)).min(1).optional(),
    })
    .optional(),
});

const curveSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("linear"), years: z.number().positive() }),
  z.strictObject({ kind: z.literal("exponential"), halfLifeYears: z.number().positive() }),
  z.strictObject({
    kind: z.literal("logistic"),
    midpointYears: z.number().positive(),
    steepnessPerYear: z.number().positive(),
  }),
  z.strictObject({ kind: z.literal("immediate") }),
]);

const year = z.number().int().min(1900).max(2200);

/** The fields shared by a conversion and a reclamation: area moved from one class to another. */
const transitionFields = {
  label: z.string().min(1).optional(),
  from: z.string().min(1),
  to: z.string().min(1),
  areaHa: area,
};

const stockChangeSchema = z.strictObject({
  kind: z.literal("stock-change"),
  title: z.string().min(1),
  description: z.string().optional(),
  period: z.strictObject({ from: year, to: year }),
  densities: z.string().min(1),
  conversions: z.array(z.strictObject({ ...transitionFields, stage, zone })).min(1),
  reclamation: z
    .array(z.strictObject({ ...transitionFields, startYear: year, curve: curveSchema }))
    .optional(),
  horizonYear: year.optional(),
});

/** A checked land-use budget input by the coefficient method. */
export interface CoefficientBudgetInput {
  readonly kind: "land-use-budget";
  readonly title: string;
  readonly description?: string;
  readonly setId: string;
  readonly reading: CoefficientReading;
  readonly choices: Readonly<Record<string, CoefficientChoice>>;
  readonly overriddenLandTypes: readonly string[];
  readonly entries: readonly AreaEntry[];
  readonly uncertainty: { draws?: number; seed?: number; percentiles?: number[] };
}

/** A checked stock-change input. */
export interface StockChangeInput {
  readonly kind: "stock-change";
  readonly title: string;
  readonly description?: string;
  readonly period: { from: number; to: number };
  readonly densitySet: DensitySet;
  readonly conversions: readonly Conversion[];
  readonly reclamations: readonly Reclamation[];
  readonly horizonYear: number;
}

export type BudgetInput = CoefficientBudgetInput | StockChangeInput;

/** The input kinds `minecarbon budget` accepts. */
export const BUDGET_KINDS = ["land-use-budget", "stock-change"] as const;

/**
 * Checks a parsed budget file (either kind) against its spec and the registries, collecting every
 * problem: unknown fields, bad values, unknown land types, classes, sets and factor ids.
 * Throws InputError naming `source` when anything is wrong.
 */
export function parseBudgetInput(raw: unknown, source: string, table: FactorTable): BudgetInput {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind === "land-use-budget") return parseCoefficientBudget(raw, source, table);
  if (kind === "stock-change") return parseStockChange(raw, source);
  throw new InputError(source, [
    { path: "kind", message: `must be one of ${BUDGET_KINDS.join(", ")}; got ${describeValue(kind)}` },
  ]);
}

function parseCoefficientBudget(raw: unknown, source: string, table: FactorTable): CoefficientBudgetInput {
  const parsed = coefficientBudgetSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  const set = COEFFICIENT_SETS[doc.coefficients.set];
  if (!set) {
    issues.push({
      path: "coefficients.set",
      message: `must be one of ${Object.keys(COEFFICIENT_SETS).join(", ")}; got ${describeValue(doc.coefficients.set)}`,
    });
    throw new InputError(source, issues);
  }
  const choices: Record<string, CoefficientChoice> = { ...set.landTypes };
  const overridden: string[] = [];
  for (const [landType, o] of Object.entries(doc.coefficients.overrides ?? {})) {
    const base = choices[landType] ?? { absorption: null, emission: null };
    choices[landType] = {
      absorption: o.absorption === undefined ? base.absorption : o.absorption,
      emission: o.emission === undefined ? base.emission : o.emission,
    };
    overridden.push(landType);
    for (const kind of ["absorption", "emission"] as const) {
      const id = o[kind];
      const path = `coefficients.overrides.${landType}.${kind}`;
      if (id && !table.has(id)) {
        issues.push({
          path,
          message: `must be a factor id of the library or of a --factors file; got ${describeValue(id)}`,
        });
      } else if (id && !LAND_USE_COEFFICIENT_UNITS.includes(table.peek(id)!.unit)) {
        issues.push({
          path,
          message: `must be a land-use coefficient in ${LAND_USE_COEFFICIENT_UNITS.join(", ")}; got ${id}, which is in "${table.peek(id)?.unit}"`,
        });
      }
    }
  }
  doc.areas.forEach((a, i) => {
    if (!choices[a.landType]) {
      issues.push({
        path: `areas[${i}].landType`,
        message: `must be a land type of coefficient set ${set.id} (${Object.keys(choices).join(", ")}) or be given coefficients under coefficients.overrides; got ${describeValue(a.landType)}`,
      });
    }
  });
  if (issues.length) throw new InputError(source, issues);
  return {
    kind: "land-use-budget",
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    setId: set.id,
    reading: doc.coefficients.readAs,
    choices,
    overriddenLandTypes: overridden,
    entries: doc.areas.map((a, i) => ({
      label: a.label ?? `${a.landType} #${i + 1}`,
      landType: a.landType,
      area: ha(a.areaHa),
      ...(a.stage ? { stage: a.stage } : {}),
      ...(a.zone ? { zone: a.zone } : {}),
    })),
    uncertainty: doc.uncertainty ?? {},
  };
}

function parseStockChange(raw: unknown, source: string): StockChangeInput {
  const parsed = stockChangeSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  const set = DENSITY_SETS[doc.densities];
  if (!set) {
    throw new InputError(source, [
      {
        path: "densities",
        message: `must be one of ${Object.keys(DENSITY_SETS).join(", ")}; got ${describeValue(doc.densities)}`,
      },
    ]);
  }
  const classes = Object.keys(set.classes);
  const checkClass = (path: string, cls: string) => {
    if (!set.classes[cls]) {
      issues.push({
        path,
        message: `must be a class of density set ${set.id} (${classes.join(", ")}); got ${describeValue(cls)}`,
      });
    }
  };
  if (doc.period.to <= doc.period.from) {
    issues.push({
      path: "period.to",
      message: `must be after period.from (${doc.period.from}); got ${doc.period.to}`,
    });
  }
  doc.conversions.forEach((c, i) => {
    checkClass(`conversions[${i}].from`, c.from);
    checkClass(`conversions[${i}].to`, c.to);
  });
  const horizon = doc.horizonYear ?? doc.period.to;
  (doc.reclamation ?? []).forEach((r, i) => {
    checkClass(`reclamation[${i}].from`, r.from);
    checkClass(`reclamation[${i}].to`, r.to);
    if (r.startYear > horizon) {
      issues.push({
        path: `reclamation[${i}].startYear`,
        message: `must be ≤ the horizon year ${horizon} (horizonYear or period.to); got ${r.startYear}`,
      });
    }
  });
  if (issues.length) throw new InputError(source, issues);
  return {
    kind: "stock-change",
    title: doc.title,
    ...(doc.description ? { description: doc.description } : {}),
    period: doc.period,
    densitySet: set,
    conversions: doc.conversions.map((c, i) => ({
      label: c.label ?? `${c.from} → ${c.to} #${i + 1}`,
      from: c.from,
      to: c.to,
      area: ha(c.areaHa),
      ...(c.stage ? { stage: c.stage } : {}),
      ...(c.zone ? { zone: c.zone } : {}),
    })),
    reclamations: (doc.reclamation ?? []).map((r, i) => ({
      label: r.label ?? `${r.from} → ${r.to} from ${r.startYear} #${i + 1}`,
      from: r.from,
      to: r.to,
      area: ha(r.areaHa),
      startYear: r.startYear,
      curve: r.curve,
    })),
    horizonYear: horizon,
  };
}
