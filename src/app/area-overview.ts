import type { MineInventory } from "../domain/mine/mine-inventory.ts";
import { CO2_PER_C } from "../units/carbon.ts";

/** One key figure of an area with its unit and where it comes from (null value: why not). */
export interface KeyFigure {
  readonly id: "area" | "landuse-budget" | "inventory-total" | "neutrality-gap" | "coal-intensity";
  readonly value: number | null;
  readonly unit: string;
  readonly source: string;
}

interface AnalysisLike {
  readonly id: string;
  readonly result: unknown;
}
interface InventoryLike {
  readonly id: string;
  readonly mine: string;
  readonly year: number;
  readonly result: unknown;
}

type LanduseResult = {
  classes: { year: number; area_ha: number }[];
  carbon: { year: number; pool: string; total_tC: number }[];
  densitySet?: string | null;
};

/**
 * The key figures of the overview: the analysed area, the net land-use carbon budget (yearly
 * stock change between the first and last map), and the latest inventory year's gross emissions,
 * neutrality gap and emissions per tonne of coal — each with its source, or null and what to do.
 */
export function areaKeyFigures(
  latest: AnalysisLike | undefined,
  inventories: readonly InventoryLike[],
): KeyFigure[] {
  const r = latest?.result as LanduseResult | undefined;
  const out: KeyFigure[] = [];
  if (r) {
    const first = Math.min(...r.classes.map((c) => c.year));
    const last = Math.max(...r.classes.map((c) => c.year));
    const areaHa = r.classes.filter((c) => c.year === first).reduce((s, c) => s + c.area_ha, 0);
    out.push({
      id: "area",
      value: areaHa,
      unit: "ha",
      source: `analysis #${latest!.id}: analysed pixels × pixel area (${first})`,
    });
    const total = (y: number) => r.carbon.find((c) => c.year === y && c.pool === "total")?.total_tC;
    const a = total(first);
    const b = total(last);
    out.push(
      a !== undefined && b !== undefined
        ? {
            id: "landuse-budget",
            value: ((b - a) / (last - first)) * CO2_PER_C,
            unit: "t CO2e/yr",
            source: `analysis #${latest!.id}: (stock ${last} − stock ${first}) ÷ ${last - first} yr × 44/12, densities ${r.densitySet ?? "of the pool table"}; negative = net loss of carbon`,
          }
        : {
            id: "landuse-budget",
            value: null,
            unit: "t CO2e/yr",
            source: `analysis #${latest!.id} has no carbon densities; run one with a density set`,
          },
    );
  } else {
    out.push({ id: "area", value: null, unit: "ha", source: "no finished land-use analysis yet" });
    out.push({
      id: "landuse-budget",
      value: null,
      unit: "t CO2e/yr",
      source: "no finished land-use analysis yet",
    });
  }
  const computed = inventories.filter((i) => i.result);
  const year = computed.length ? Math.max(...computed.map((i) => i.year)) : undefined;
  const ofYear = computed.filter((i) => i.year === year);
  const years = ofYear.map((i) => (i.result as MineInventory).years[0]!);
  const label = ofYear.map((i) => `${i.mine} ${i.year} (#${i.id})`).join(", ");
  const sum = (f: (y: (typeof years)[number]) => number) => years.reduce((s, y) => s + f(y), 0);
  const coal = sum((y) => y.coalOutputT);
  out.push(
    year === undefined
      ? {
          id: "inventory-total",
          value: null,
          unit: "t CO2e/yr",
          source: "no inventory yet; enter a year's activity data",
        }
      : {
          id: "inventory-total",
          value: sum((y) => y.totals.grossEmissionTCO2ePerYr),
          unit: "t CO2e/yr",
          source: `gross emissions, inventory ${label}, seed 002 Eq. 1–7`,
        },
    year === undefined
      ? { id: "neutrality-gap", value: null, unit: "t CO2e/yr", source: "no inventory yet" }
      : {
          id: "neutrality-gap",
          value: sum((y) => y.totals.gapTCO2ePerYr),
          unit: "t CO2e/yr",
          source: `max(emissions − sinks − CCS − offsets, 0), inventory ${label}, seed 002 Eq. 1`,
        },
    year === undefined || coal <= 0
      ? {
          id: "coal-intensity",
          value: null,
          unit: "t CO2e/t coal",
          source: year === undefined ? "no inventory yet" : "no coal output entered",
        }
      : {
          id: "coal-intensity",
          value: sum((y) => y.totals.grossEmissionTCO2ePerYr) / coal,
          unit: "t CO2e/t coal",
          source: `gross emissions ÷ coal output, inventory ${label}`,
        },
  );
  return out;
}
