import type { FactorTable } from "../factor/factor-table.ts";
import type { ActivityKind } from "../factor/uncertainty/uncertainty-default.ts";
import { activityUncertainty, factorUncertainty } from "../factor/uncertainty/uncertain-input.ts";
import type { UncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import type { DrawOptions } from "../factor/uncertainty/monte-carlo.ts";
import { uncertaintyAnalysis, type UncertaintyAnalysis } from "../factor/uncertainty/uncertainty-analysis.ts";
import {
  centralValues,
  ModelBuilder,
  type UncertaintyModel,
} from "../factor/uncertainty/uncertainty-model.ts";
import type { CombustionSector } from "./combustion-non-co2.ts";
import { ENERGY_CARRIERS } from "./energy-carriers.ts";

/** Quantity names of the uncertainty model besides the source components. */
export const SINKS = "sinks";
export const CCS = "ccs";
/** CO2 that CCS can capture, methane liberated and methane recovered: for the draws' constraints. */
export const CAPTURABLE = "capturable";
export const CH4_GENERATED = "ch4-generated";
export const CH4_RECOVERED = "ch4-recovered";

/**
 * The kind of activity datum an energy use is, by carrier kind and fuel (data, read by
 * `energyActivityKind`): solid fuels are weighed, liquid and gaseous fuels metered or bought,
 * electricity and heat metered; any fuel of road transport is apportioned from purchase records.
 */
const CARRIER_ACTIVITY_KIND: Readonly<Record<string, ActivityKind>> = {
  "raw-coal": "coal",
  "washed-coal": "coal",
  coke: "coal",
  electricity: "electricity",
  heat: "heat",
};

/** The activity kind of an energy use of `carrier` listed under `sector`. */
export function energyActivityKind(carrier: string, sector: CombustionSector): ActivityKind {
  const own = Object.hasOwn(CARRIER_ACTIVITY_KIND, carrier) ? CARRIER_ACTIVITY_KIND[carrier]! : "fuel";
  const isFuel = ENERGY_CARRIERS[carrier]?.kind === "fuel";
  return sector === "transport" && isFuel ? "transport-fuel" : own;
}

/**
 * Collects the uncertainty model of one mine-year while its inventory is computed: the inputs
 * (activity data by their path in the file, factors by id) and the terms of every source and sink.
 * Quantity keys are prefixed with the year.
 */
export class InventoryModel {
  readonly builder = new ModelBuilder();
  readonly #table: FactorTable;
  readonly #at: (path: string) => string;
  readonly year: number;

  constructor(table: FactorTable, year: number, pathOf: (path: string) => string) {
    this.#table = table;
    this.year = year;
    this.#at = pathOf;
  }

  /** The quantity key of `name` in this year. */
  q(name: string): string {
    return `${this.year}:${name}`;
  }

  /** Registers factor `id` and returns its key. */
  factor(id: string): string {
    return this.builder.input(factorUncertainty(this.#table, id));
  }

  /** Registers the activity datum at `path` (within the year) and returns its key. */
  activity(
    path: string,
    label: string,
    kind: ActivityKind,
    value: number,
    unit: string,
    own: UncertaintySpec | undefined,
  ): string {
    return this.builder.input(
      activityUncertainty(this.#at(path), label, kind, value, unit, own, this.#table.uncertaintyDefaults),
    );
  }

  /** Adds a term to the year's quantities `names`, a product of `inputs` (keys). */
  term(names: string | readonly string[], value: number, inputs: readonly string[]): void {
    const list = typeof names === "string" ? [names] : names;
    this.builder.term(
      list.map((n) => this.q(n)),
      value,
      inputs,
    );
  }

  build(): UncertaintyModel {
    return this.builder.build();
  }
}

/** The Monte Carlo draws of an inventory when neither the file nor the caller gives them: per year, at most DRAW_BOUNDS in all. */
export const DEFAULT_INVENTORY_DRAWS = 10_000;
export const DEFAULT_INVENTORY_SEED = 20260101;

/** The order in which source categories are reported (seed 002's balance, Eq. 2–5). */
const CATEGORY_ORDER: readonly string[] = [
  "P_M industrial and mining land",
  "P_R residential land",
  "P_S road transport",
  "P_A agricultural land",
  "C_under underground",
  "open-pit mining",
  "methane recovery",
  "explosives",
];

/** One year's inventory figures the uncertainty model must reproduce, and its offsets. */
export interface YearFigures {
  readonly year: number;
  readonly categories: ReadonlyMap<string, number>;
  readonly gross: number;
  readonly sinks: number;
  readonly ccs: number;
  readonly offsetsNet: number;
  readonly balance: number;
}

/**
 * The uncertainty of a mine inventory (IPCC Approach 1 and 2) for each source category, the gross
 * emissions, the sinks, CCS and the balance of each year — and, over several years, of their sums
 * (factors are the same in every year, so their errors move all years together; each year's activity
 * data are its own). The model must reproduce every figure of the inventory; it is checked, and a
 * difference is an internal error.
 */
export function inventoryUncertainty(
  years: readonly { figures: YearFigures; model: UncertaintyModel }[],
  o: DrawOptions,
): UncertaintyAnalysis {
  const b = new ModelBuilder();
  const multi = years.length > 1;
  const unit = "t CO2e/yr";
  for (const { figures: f, model } of years) {
    b.merge(model);
    const q = (name: string) => `${f.year}:${name}`;
    const pre = multi ? `${f.year}: ` : "";
    const categories = CATEGORY_ORDER.filter((c) => f.categories.has(c));
    for (const c of categories) b.quantity({ key: q(c), label: pre + c, unit });
    b.quantity({
      key: q("gross"),
      label: `${pre}gross emissions`,
      unit,
      parts: categories.map((c) => ({ key: q(c), sign: 1 as const })),
    });
    b.quantity({ key: q(SINKS), label: `${pre}sinks C_min`, unit });
    if (f.ccs > 0) b.quantity({ key: q(CCS), label: `${pre}CCS`, unit });
    b.quantity({
      key: q("balance"),
      label: `${pre}balance (gross − sinks − CCS + offsets sold − bought)`,
      unit,
      parts: [
        { key: q("gross"), sign: 1 },
        { key: q(SINKS), sign: -1 },
        ...(f.ccs > 0 ? [{ key: q(CCS), sign: -1 as const }] : []),
      ],
      constant: f.offsetsNet,
    });
    const has = (name: string) => model.terms.some((t) => t.quantities.includes(q(name)));
    if (has(CH4_RECOVERED)) {
      for (const name of [CH4_GENERATED, CH4_RECOVERED])
        b.quantity({ key: q(name), label: name, unit, report: false });
      b.constraint({
        atMost: q(CH4_RECOVERED),
        of: q(CH4_GENERATED),
        what: `${pre}methane recovered ≤ methane liberated`,
      });
    }
    if (f.ccs > 0) {
      b.quantity({ key: q(CAPTURABLE), label: CAPTURABLE, unit, report: false });
      b.constraint({ atMost: q(CCS), of: q(CAPTURABLE), what: `${pre}CO2 stored ≤ point-source CO2` });
    }
  }
  if (multi) {
    const all = (name: string) =>
      years.map(({ figures: f }) => ({ key: `${f.year}:${name}`, sign: 1 as const }));
    b.quantity({
      key: "all:gross",
      label: "all years: gross emissions",
      unit: "t CO2e",
      parts: all("gross"),
    });
    b.quantity({ key: "all:sinks", label: "all years: sinks C_min", unit: "t CO2e", parts: all(SINKS) });
    b.quantity({
      key: "all:balance",
      label: "all years: balance (seed 002 Eq. 1)",
      unit: "t CO2e",
      parts: all("balance"),
    });
  }
  const model = b.build();
  checkReproduces(
    model,
    years.map((y) => y.figures),
  );
  return uncertaintyAnalysis(model, o);
}

/** Throws when the model's central figures differ from the inventory's (a term forgotten or wrong). */
function checkReproduces(model: UncertaintyModel, years: readonly YearFigures[]): void {
  const central = centralValues(model);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  for (const f of years) {
    const expected: [string, number][] = [
      ...[...f.categories].map(([c, v]): [string, number] => [c, v]),
      ["gross", f.gross],
      [SINKS, f.sinks],
      ["balance", f.balance],
    ];
    for (const [name, v] of expected) {
      const got = central.get(`${f.year}:${name}`) ?? 0;
      if (!close(got, v))
        throw new Error(
          `internal: the uncertainty model gives ${got} for ${f.year} ${name}, the inventory ${v}`,
        );
    }
  }
}
