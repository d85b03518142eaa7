import { carbonFluxRangeToCO2e } from "../../units/carbon.ts";
import { addRanges, subtractRanges, ZERO_RANGE, type LowCentralHigh } from "../common/low-central-high.ts";
import type { CoefficientBudget } from "./coefficient-budget.ts";

/** A mine inventory that covers some of the budget's areas (same boundary and years), as the file declares it. */
export interface InventoryCover {
  /** The mine whose inventory measures the energy used on those areas. */
  readonly mine: string;
  /** The zones of the budget inside the inventory's boundary; undefined: every area. */
  readonly zones?: readonly string[];
}

/**
 * The budget to combine with a mine inventory without counting energy twice: what was netted,
 * and the net that may be added to the inventory.
 */
export interface InventoryOverlap {
  readonly mine: string;
  readonly zones: readonly string[] | null;
  /** Always "netted": the energy-use emission inside the boundary is left out, never refused. */
  readonly treatment: "netted";
  /** Labels of the areas inside the boundary whose emission coefficient is energy use. */
  readonly nettedAreas: readonly string[];
  /** The energy-use emission left out, t C/yr. */
  readonly nettedEmissionTCPerYr: LowCentralHigh;
  /** E − (energy use inside the boundary) − S, t C/yr: the land-use part to add to the inventory. */
  readonly netTCPerYr: LowCentralHigh;
  readonly netTCO2ePerYr: LowCentralHigh;
  readonly statement: string;
}

const isInside = (cover: InventoryCover, zone: string | undefined) =>
  cover.zones === undefined || (zone !== undefined && cover.zones.includes(zone));

/**
 * Nets a budget against a mine inventory of the same boundary and years: the inventory measures the
 * energy used on its land (seed 002 Eq. 3–4), so the per-hectare energy-use emission of the areas
 * inside its boundary is left out of the figure to combine with it (the measured energy stands;
 * the coefficient is a proxy for it). Everything else — emissions of the land, absorption and areas
 * outside the boundary — stays.
 */
export function inventoryOverlap(budget: CoefficientBudget, cover: InventoryCover): InventoryOverlap {
  const netted = budget.entries.filter((e) => e.emissionIsEnergyUse && isInside(cover, e.zone));
  const nettedEmission = netted.reduce((s, e) => addRanges(s, e.emissionTCPerYr), ZERO_RANGE);
  // The netted part is a subset of E drawn from the same coefficients: what remains pairs low with low.
  const remaining = {
    low: budget.total.emissionTCPerYr.low - nettedEmission.low,
    central: budget.total.emissionTCPerYr.central - nettedEmission.central,
    high: budget.total.emissionTCPerYr.high - nettedEmission.high,
  };
  const net = subtractRanges(remaining, budget.total.absorptionTCPerYr);
  const netCO2e = carbonFluxRangeToCO2e(net);
  const where = cover.zones ? `zones ${cover.zones.join(", ")}` : "every area of this budget";
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });
  return {
    mine: cover.mine,
    zones: cover.zones ?? null,
    treatment: "netted",
    nettedAreas: netted.map((e) => e.label),
    nettedEmissionTCPerYr: nettedEmission,
    netTCPerYr: net,
    netTCO2ePerYr: netCO2e,
    statement: netted.length
      ? `netted, not refused: the inventory of ${cover.mine} measures the energy used inside its boundary (${where}), so the per-hectare energy-use emission of ${netted.length} area${netted.length > 1 ? "s" : ""} (${netted.map((e) => e.label).join(", ")}; ${fmt(nettedEmission.central)} t C/yr) is left out of the figure to add to that inventory: add ${fmt(net.central)} t C/yr (${fmt(netCO2e.central)} t CO2e/yr), not the budget's total net`
      : `nothing to net: no area inside the boundary of ${cover.mine}'s inventory (${where}) has an energy-use emission coefficient; the budget's net may be added to that inventory as it is`,
  };
}
