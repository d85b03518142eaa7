import { z } from "zod";
import { ha } from "../../units/area.ts";
import { LIFE_CYCLE_STAGES } from "../common/life-cycle-stage.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { COUNT_BOUNDS, DRAW_BOUNDS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
} from "../validation/bounded-number.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { userText } from "../validation/user-text.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import { uncertaintySpec, type UncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import { CARBON_POOLS } from "./density-sets.ts";
import type { ExistingLand, UncertainArea } from "./budget-uncertainty.ts";
import type { AreaEntry, CoefficientChoice } from "./coefficient-budget.ts";
import type { InventoryCover } from "./inventory-overlap.ts";
import {
  COEFFICIENT_READINGS,
  LAND_USE_COEFFICIENT_UNITS,
  type CoefficientReading,
} from "./coefficient-reading.ts";
import { COEFFICIENT_SETS } from "./coefficient-sets.ts";
import { DENSITY_SETS, type DensitySet } from "./density-sets.ts";
import type { Conversion } from "./stock-change.ts";
import type { Reclamation } from "./reclamation-regain.ts";

/**
 * The rule on Monte Carlo (Approach 2) draws of a budget, for the file and for --draws: each draw is
 * one pass over the areas and coefficients, and each reported figure's draws are kept and sorted (see
 * DRAW_BOUNDS). Pingshuo 2018 (ten figures) at 1,000,000 draws: about 2 s and 200 MB.
 */
export const BUDGET_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} draws (about 2 s and 200 MB for ten figures; the intervals no longer move by then)`;

const { areaHa, spanYears } = QUANTITY_BOUNDS;
const area = amountUpTo(areaHa);
const name = () => userText().min(1);
const stage = z.enum(LIFE_CYCLE_STAGES).optional();
const zone = name().optional();

const coefficientBudgetSchema = z.strictObject({
  kind: z.literal("land-use-budget"),
  title: name(),
  description: userText(TEXT_BOUNDS.text).optional(),
  coefficients: z.strictObject({
    set: name(),
    readAs: z.enum(COEFFICIENT_READINGS),
    overrides: z
      .record(
        name(),
        z.strictObject({
          absorption: name().nullable().optional(),
          emission: name().nullable().optional(),
        }),
      )
      .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
        error: `must have at most ${COUNT_BOUNDS.listItems} land types`,
      })
      .optional(),
  }),
  areas: boundedList(
    z.strictObject({
      label: name().optional(),
      landType: name(),
      areaHa: area,
      stage,
      zone,
      uncertainty: uncertaintySpec
        .optional()
        .describe("the uncertainty of this area (default: uncertainty.areas, else ±15 %)"),
    }),
  ).min(1),
  inventory: z
    .strictObject({
      mine: name().describe(
        "the mine whose inventory (same boundary and years) measures the energy used here",
      ),
      zones: boundedList(name())
        .min(1)
        .optional()
        .describe("the zones of the areas inside that inventory's boundary; every area when omitted"),
    })
    .optional(),
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(DRAW_BOUNDS.budget, { error: BUDGET_DRAWS_RULE }).optional(),
      seed: seedNumber().optional(),
      percentiles: boundedList(z.number().min(0).max(100), COUNT_BOUNDS.percentiles).min(1).optional(),
      areas: uncertaintySpec
        .optional()
        .describe("the uncertainty of every area without its own (e.g. from the map's accuracy assessment)"),
    })
    .optional(),
});

const span = positiveUpTo(spanYears);
const curveSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("linear"), years: span }),
  z.strictObject({ kind: z.literal("exponential"), halfLifeYears: span }),
  z.strictObject({
    kind: z.literal("logistic"),
    midpointYears: span,
    steepnessPerYear: positiveUpTo(QUANTITY_BOUNDS.growthRatePerYear),
  }),
  z.strictObject({ kind: z.literal("immediate") }),
]);

const year = calendarYear();

/** The fields shared by a conversion and a reclamation: area moved from one class to another. */
const transitionFields = {
  label: name().optional(),
  from: name(),
  to: name(),
  areaHa: area,
};

const sourceText = () => userText(TEXT_BOUNDS.text).min(1);
const poolRegain = z
  .strictObject({
    share: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("share of the pool's density difference regained in full (default 1)"),
    curve: curveSchema.optional().describe("the pool's own curve (default: the reclamation's)"),
    source: sourceText().optional().describe("where the share and curve come from"),
  })
  .optional();
const areaUncertainty = uncertaintySpec.optional().describe("the uncertainty of the area (default ±15 %)");

const existingLandSchema = z
  .record(
    name(),
    z.strictObject({
      areaHa: area.describe("land of the class there is to reclaim besides what the conversions put into it"),
      source: sourceText().describe("where the figure comes from (a map of the period's start, records)"),
      uncertainty: areaUncertainty,
    }),
  )
  .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
    error: `must have at most ${COUNT_BOUNDS.listItems} classes`,
  })
  .describe(
    "per class, the land there is to reclaim that the conversions do not put there: land of the class before the period, or formed and reclaimed within it",
  );

const stockChangeSchema = z.strictObject({
  kind: z.literal("stock-change"),
  title: name(),
  description: userText(TEXT_BOUNDS.text).optional(),
  period: z.strictObject({ from: year, to: year }),
  densities: name(),
  conversions: boundedList(
    z.strictObject({ ...transitionFields, stage, zone, uncertainty: areaUncertainty }),
  ).min(1),
  reclamation: boundedList(
    z.strictObject({
      ...transitionFields,
      startYear: year,
      curve: curveSchema,
      curveSource: sourceText()
        .optional()
        .describe("where the curve comes from; without it, it is an assumption"),
      pools: z
        .strictObject(
          Object.fromEntries(CARBON_POOLS.map((p) => [p, poolRegain])) as Record<
            (typeof CARBON_POOLS)[number],
            typeof poolRegain
          >,
        )
        .optional()
        .describe("per pool (soil, vegetation): the share regained, its own curve and their source"),
      uncertainty: areaUncertainty,
    }),
  ).optional(),
  existingLand: existingLandSchema.optional(),
  horizonYear: year.optional(),
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(DRAW_BOUNDS.budget, { error: BUDGET_DRAWS_RULE }).optional(),
      seed: seedNumber().optional(),
    })
    .optional(),
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
  readonly entries: readonly (AreaEntry & UncertainArea)[];
  /** A mine inventory of the same boundary and years that measures the energy used on these areas. */
  readonly inventory?: InventoryCover;
  readonly uncertainty: { draws?: number; seed?: number; percentiles?: number[]; areas?: UncertaintySpec };
}

/** A checked stock-change input. */
export interface StockChangeInput {
  readonly kind: "stock-change";
  readonly title: string;
  readonly description?: string;
  readonly period: { from: number; to: number };
  readonly densitySet: DensitySet;
  readonly conversions: readonly (Conversion & UncertainArea)[];
  readonly reclamations: readonly (Reclamation & UncertainArea)[];
  /** Per class, land there is to reclaim besides what the conversions put into it (declared with a source). */
  readonly existingLand: Readonly<Record<string, ExistingLand>>;
  readonly horizonYear: number;
  readonly uncertainty: { draws?: number; seed?: number };
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
  const zones = new Set(doc.areas.map((a) => a.zone));
  doc.inventory?.zones?.forEach((z, i) => {
    if (!zones.has(z))
      issues.push({
        path: `inventory.zones[${i}]`,
        message: `must be the zone of some area (${[...zones].filter(Boolean).join(", ") || "no area has a zone"}); got ${describeValue(z)}`,
      });
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
      ...(a.uncertainty ? { uncertainty: a.uncertainty } : {}),
    })),
    ...(doc.inventory
      ? {
          inventory: {
            mine: doc.inventory.mine,
            ...(doc.inventory.zones ? { zones: doc.inventory.zones } : {}),
          },
        }
      : {}),
    uncertainty: doc.uncertainty ?? {},
  };
}

/** The pools given, each without its undefined fields (the regain reads absent as "default"). */
function withoutUndefined(
  pools: Partial<Record<string, { share?: number; curve?: unknown; source?: string } | undefined>>,
) {
  return Object.fromEntries(
    Object.entries(pools).flatMap(([k, v]) =>
      v ? [[k, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined))]] : [],
    ),
  ) as NonNullable<Reclamation["pools"]>;
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
  for (const cls of Object.keys(doc.existingLand ?? {})) checkClass(`existingLand.${cls}`, cls);
  if (!issues.length) issues.push(...reclamationBeyondLand(doc));
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
      ...(c.uncertainty ? { uncertainty: c.uncertainty } : {}),
    })),
    reclamations: (doc.reclamation ?? []).map((r, i) => ({
      label: r.label ?? `${r.from} → ${r.to} from ${r.startYear} #${i + 1}`,
      from: r.from,
      to: r.to,
      area: ha(r.areaHa),
      startYear: r.startYear,
      curve: r.curve,
      ...(r.curveSource ? { curveSource: r.curveSource } : {}),
      ...(r.pools ? { pools: withoutUndefined(r.pools) } : {}),
      ...(r.uncertainty ? { uncertainty: r.uncertainty } : {}),
    })),
    existingLand: Object.fromEntries(
      Object.entries(doc.existingLand ?? {}).map(([cls, l]) => [
        cls,
        { area: ha(l.areaHa), source: l.source, ...(l.uncertainty ? { uncertainty: l.uncertainty } : {}) },
      ]),
    ),
    horizonYear: horizon,
    uncertainty: doc.uncertainty ?? {},
  };
}

const haText = (v: number) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })} ha`;

/**
 * Reclamation beyond the land there is (issue 10 item 6): all rows reclaiming from a class together
 * may take at most the land of that class the file accounts for — the existing land it declares plus
 * what its conversions put into the class, less what they take out of it. The issue is at the row
 * whose area carries the total beyond it, and says what the file has of that class and how to
 * declare more.
 */
function reclamationBeyondLand(doc: z.output<typeof stockChangeSchema>): InputIssue[] {
  const issues: InputIssue[] = [];
  const rows = doc.reclamation ?? [];
  for (const cls of new Set(rows.map((r) => r.from))) {
    const into = doc.conversions.filter((c) => c.to === cls).reduce((s, c) => s + c.areaHa, 0);
    const out = doc.conversions.filter((c) => c.from === cls).reduce((s, c) => s + c.areaHa, 0);
    const existing = doc.existingLand?.[cls]?.areaHa;
    const there = (existing ?? 0) + into - out;
    const mine = rows.flatMap((r, i) => (r.from === cls ? [i] : []));
    const total = mine.reduce((s, i) => s + rows[i]!.areaHa, 0);
    if (total <= there * (1 + 1e-12) + 1e-9) continue;
    let running = 0;
    const at = mine.find((i) => (running += rows[i]!.areaHa) > there * (1 + 1e-12) + 1e-9)!;
    const others = [...new Set(doc.conversions.filter((c) => c.to !== cls).map((c) => c.to))]
      .map(
        (to) =>
          `${haText(doc.conversions.filter((c) => c.to === to).reduce((s, c) => s + c.areaHa, 0))} into ${to}`,
      )
      .join(", ");
    const has =
      `${haText(into)} put into ${cls} by the conversions` +
      (into === 0 && others ? ` — they put ${others} —` : "") +
      (out > 0 ? `, less ${haText(out)} they take out of it,` : "") +
      (existing === undefined
        ? ` and no ${cls} land declared as existing`
        : ` and ${haText(existing)} declared as existing (existingLand.${cls})`);
    const rowsText =
      mine.length > 1
        ? `reclamation[${mine.slice(0, -1).join("], [")}] and [${mine.at(-1)}] reclaim ${haText(total)} from ${cls} together`
        : `it reclaims ${haText(total)}`;
    const todo =
      existing === undefined
        ? `declare the ${cls} land there was besides these conversions (before the period, or formed and reclaimed within it), with its source (existingLand: { ${cls}: { areaHa: …, source: "…" } })`
        : `correct existingLand.${cls}`;
    issues.push({
      path: `reclamation[${at}].areaHa`,
      message: `must keep the land reclaimed from ${cls} within the ${cls} land there is: ${rowsText}, but the file has ${haText(Math.max(0, there))} of ${cls} (${has}); ${todo}, add the conversions that made it, or reclaim less; got ${rows[at]!.areaHa}`,
    });
  }
  return issues;
}
