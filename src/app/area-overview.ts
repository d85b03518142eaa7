import { staleReasonCode, type LanduseResultRecord } from "../contract/analysis-record.ts";
import type { MineInventoryRecord } from "../contract/mine-inventory.ts";
import type { KeyFigure } from "../contract/overview.ts";
import type { figures } from "../presentation/i18n/catalogue/figures.ts";
import { i18nFor, type Lang } from "../presentation/i18n/index.ts";
import { carbonFluxToCO2e, carbonStockOverYears, tC } from "../units/carbon.ts";
import { years as yearsOf } from "../units/time.ts";

export type { KeyFigure } from "../contract/overview.ts";

/** The analysis the figures come from: its id, parsed result and why it is stale (or null). */
interface AnalysisLike {
  readonly id: string;
  readonly result: {
    readonly classes: readonly Pick<LanduseResultRecord["classes"][number], "year" | "area_ha">[];
    readonly carbon?: readonly {
      readonly year: number;
      readonly pool: string;
      readonly total_tC: number | null;
    }[];
    readonly densitySet?: string | null;
  } | null;
  readonly staleReason?: string | null;
}
/** The figures of an inventory year the overview reads (of MineInventoryRecord's years). */
type YearFigures = {
  readonly coalOutputT: number;
  readonly totals: Pick<
    MineInventoryRecord["years"][number]["totals"],
    "grossEmissionTCO2ePerYr" | "gapTCO2ePerYr"
  > & { readonly sinkTCO2ePerYr?: number };
};

/** A stored inventory: its parsed result, or null with the reason it could not be read. */
interface InventoryLike {
  readonly id: string;
  readonly mine: string;
  readonly year: number;
  readonly result: { readonly years: readonly YearFigures[] } | null;
  readonly resultProblem?: string | null;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Σ of stored figures, or null when one is missing or not finite (never a missing figure read as 0). */
const finiteSum = (xs: readonly (number | null | undefined)[]): number | null => {
  let total = 0;
  for (const x of xs) {
    if (!isFiniteNumber(x)) return null;
    total += x;
  }
  return Number.isFinite(total) ? total : null;
};

const fresh = { stale: false, staleReason: null } as const;

/**
 * The key figures of the overview: the analysed area, the carbon stock change from land use (yearly
 * stock change between the first and last map), and the latest inventory year's gross emissions,
 * neutrality gap and emissions per tonne of coal — each with its source, or null and what to do.
 * Figures from an analysis whose maps were replaced since are marked stale with the reason. Labels
 * and sources in `lang`, which the caller always says.
 */
export function areaKeyFigures(
  latest: AnalysisLike | undefined,
  inventories: readonly InventoryLike[],
  lang: Lang,
): KeyFigure[] {
  const t = i18nFor(lang).getFixedT(lang, "figures");
  const f = (key: keyof (typeof figures)["en"], o: Record<string, string | number> = {}): string => t(key, o);
  const r = latest?.result ?? undefined;
  const out: KeyFigure[] = [];
  if (latest && r) {
    const staleness = {
      stale: Boolean(latest.staleReason),
      staleReason: latest.staleReason ?? null,
      staleReasonCode: staleReasonCode(latest.staleReason),
    };
    const id = latest.id;
    const first = Math.min(...r.classes.map((c) => c.year));
    const last = Math.max(...r.classes.map((c) => c.year));
    const areaHa = finiteSum(r.classes.filter((c) => c.year === first).map((c) => c.area_ha));
    out.push({
      id: "area",
      value: areaHa,
      unit: "ha",
      source:
        areaHa === null ? f("areaNotFinite", { id, year: first }) : f("areaSource", { id, year: first }),
      ...staleness,
    });
    const total = (y: number): number | null | undefined =>
      r.carbon?.find((c) => c.year === y && c.pool === "total")?.total_tC;
    // Shown next to the inventory: the figure is a stock change by carbon densities and holds no
    // energy-use coefficient per hectare (seed 000's construction land), so nothing in it is the
    // inventory's measured energy counted a second time (issue 10, item 2b): nothing to net.
    const energy = inventories.some((i) => i.result) ? f("landOnlyNetted") : f("landOnly");
    const a = total(first);
    const b = total(last);
    out.push(
      isFiniteNumber(a) && isFiniteNumber(b) && last > first
        ? {
            id: "landuse-budget",
            value: carbonFluxToCO2e(carbonStockOverYears(tC(b - a), yearsOf(last - first))),
            unit: "t CO2e/yr",
            source:
              f("landuseBudgetSource", {
                id,
                first,
                last,
                span: last - first,
                densities: r.densitySet ?? f("densitiesOfPoolTable"),
              }) + energy,
            ...staleness,
          }
        : {
            id: "landuse-budget",
            value: null,
            unit: "t CO2e/yr",
            source:
              a === undefined && b === undefined
                ? f("noDensities", { id })
                : f("stockNotFinite", { id, first, last }),
            ...staleness,
          },
    );
  } else {
    out.push({ id: "area", value: null, unit: "ha", source: f("noAnalysis"), ...fresh });
    out.push({ id: "landuse-budget", value: null, unit: "t CO2e/yr", source: f("noAnalysis"), ...fresh });
  }
  // An inventory whose stored result could not be read counts as one without a finite figure.
  const computed = inventories.filter((i) => i.result || i.resultProblem);
  const year = computed.length ? Math.max(...computed.map((i) => i.year)) : undefined;
  const ofYear = computed.filter((i) => i.year === year);
  const years = ofYear.map((i) => i.result?.years[0]);
  const label = ofYear.map((i) => `${i.mine} ${i.year} (#${i.id})`).join(", ");
  const sum = (pick: (y: YearFigures) => number) => finiteSum(years.map((y) => (y ? pick(y) : undefined)));
  const problems = ofYear.flatMap((i) => (i.resultProblem ? [i.resultProblem] : []));
  const notComputed =
    f("inventoryNotFinite", { label }) + (problems.length ? ` (${problems.join("; ")})` : "");
  const gross = sum((y) => y.totals.grossEmissionTCO2ePerYr);
  const gap = sum((y) => y.totals.gapTCO2ePerYr);
  const coal = sum((y) => y.coalOutputT);
  const figure = (id: KeyFigure["id"], unit: string, value: number | null, source: string): KeyFigure => ({
    id,
    value,
    unit,
    source,
    ...fresh,
  });
  out.push(
    year === undefined
      ? figure("inventory-total", "t CO2e/yr", null, f("noInventoryEnter"))
      : gross === null
        ? figure("inventory-total", "t CO2e/yr", null, notComputed)
        : figure("inventory-total", "t CO2e/yr", gross, f("grossSource", { label })),
    year === undefined
      ? figure("neutrality-gap", "t CO2e/yr", null, f("noInventory"))
      : gap === null
        ? figure("neutrality-gap", "t CO2e/yr", null, notComputed)
        : figure("neutrality-gap", "t CO2e/yr", gap, f("gapSource", { label })),
    year === undefined
      ? figure("coal-intensity", "t CO2e/t coal", null, f("noInventory"))
      : gross === null || coal === null
        ? figure("coal-intensity", "t CO2e/t coal", null, notComputed)
        : coal <= 0
          ? figure("coal-intensity", "t CO2e/t coal", null, f("noCoalOutput"))
          : figure("coal-intensity", "t CO2e/t coal", gross / coal, f("coalIntensitySource", { label })),
  );
  return out;
}

/**
 * The overview's series by year: the land's total carbon stock (t C, by the analysis's densities)
 * in each analysed year, and the Σ of the mines' gross emissions and sinks (t CO2e/yr) in each
 * inventory year; null where the year has no such figure.
 */
export function areaSeries(
  latest: AnalysisLike | undefined,
  inventories: readonly InventoryLike[],
): {
  year: number;
  carbonStockTC: number | null;
  grossEmissionTCO2ePerYr: number | null;
  sinkTCO2ePerYr: number | null;
}[] {
  const stock = new Map<number, number | null>();
  for (const c of latest?.result?.carbon ?? [])
    if (c.pool === "total") stock.set(c.year, isFiniteNumber(c.total_tC) ? c.total_tC : null);
  const byYear = new Map<number, InventoryLike[]>();
  for (const i of inventories) byYear.set(i.year, [...(byYear.get(i.year) ?? []), i]);
  const years = [...new Set([...stock.keys(), ...byYear.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const inv = byYear.get(year)?.map((i) => i.result?.years[0]);
    return {
      year,
      carbonStockTC: stock.get(year) ?? null,
      grossEmissionTCO2ePerYr: inv ? finiteSum(inv.map((y) => y?.totals.grossEmissionTCO2ePerYr)) : null,
      sinkTCO2ePerYr: inv ? finiteSum(inv.map((y) => y?.totals.sinkTCO2ePerYr)) : null,
    };
  });
}
