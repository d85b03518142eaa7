import type { Hectares } from "../../units/area.ts";
import { carbonFluxRangeToCO2e } from "../../units/carbon.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import type { LifeCycleStage } from "../common/life-cycle-stage.ts";
import { groupBy } from "../common/group-by.ts";
import {
  addRanges,
  scaleRange,
  subtractRanges,
  ZERO_RANGE,
  type LowCentralHigh,
} from "../common/low-central-high.ts";
import { coefficientTCPerHaYr, type CoefficientReading } from "./coefficient-reading.ts";
import { energyUseOf } from "./energy-use-coefficients.ts";

/** One area of one land type, optionally tagged with a life-cycle stage and a zone. */
export interface AreaEntry {
  readonly label: string;
  readonly landType: string;
  readonly area: Hectares;
  readonly stage?: LifeCycleStage;
  readonly zone?: string;
}

/** The factor ids to use for one land type; null where the source gives no coefficient. */
export interface CoefficientChoice {
  readonly absorption: string | null;
  readonly emission: string | null;
}

/** Emission, absorption and net (= emission − absorption) of some area, in t C/yr, low/central/high. */
export interface BudgetFigures {
  readonly areaHa: number;
  readonly emissionTCPerYr: LowCentralHigh;
  readonly absorptionTCPerYr: LowCentralHigh;
  readonly netTCPerYr: LowCentralHigh;
}

/** The budget of one input area with the coefficients (t C/ha/yr) it used. */
export interface EntryBudget extends BudgetFigures {
  readonly label: string;
  readonly landType: string;
  readonly stage?: LifeCycleStage;
  readonly zone?: string;
  readonly emissionFactorId: string | null;
  readonly absorptionFactorId: string | null;
  readonly emissionCoefficientTCPerHaYr: LowCentralHigh | null;
  readonly absorptionCoefficientTCPerHaYr: LowCentralHigh | null;
  /** True when the emission coefficient stands for energy used on the land (seed 000's construction land). */
  readonly emissionIsEnergyUse: boolean;
  /** For such a row: what the coefficient stands for and which part of a mine inventory measures it. */
  readonly note?: string;
}

/** The part of the emission that is energy use counted per hectare (seed 000's construction land). */
export interface EnergyUseTotal {
  readonly areaHa: number;
  readonly emissionTCPerYr: LowCentralHigh;
  readonly emissionTCO2ePerYr: LowCentralHigh;
  /** Central energy-use emission ÷ central emission E; null when E is 0. */
  readonly shareOfEmission: number | null;
  readonly note: string;
}

/** A group total (by land type, stage or zone). */
export interface GroupBudget extends BudgetFigures {
  readonly group: string;
}

/** The coefficient-method land-use carbon budget (seed 000): E = Σ A_i·e_i, S = Σ A_i·s_i, net = E − S. */
export interface CoefficientBudget {
  readonly reading: CoefficientReading;
  readonly entries: readonly EntryBudget[];
  readonly byLandType: readonly GroupBudget[];
  readonly byStage: readonly GroupBudget[];
  readonly byZone: readonly GroupBudget[];
  readonly total: BudgetFigures;
  /** How much of E is energy use counted per hectare, with what that means (null: none is). */
  readonly energyUse: EnergyUseTotal | null;
  /** The total in t CO2e/yr (× 44/12). */
  readonly totalCO2e: {
    readonly emissionTCO2ePerYr: LowCentralHigh;
    readonly absorptionTCO2ePerYr: LowCentralHigh;
    readonly netTCO2ePerYr: LowCentralHigh;
  };
}

/**
 * Land-use carbon budget by the coefficient method (seed 000 §2 and Table 1): for every area,
 * emission A·e and absorption A·s in t C/yr, low/central/high from each coefficient's range, then
 * totals per land type, per life-cycle stage, per zone and overall. A range's low end of the net
 * pairs the lowest emission with the highest absorption.
 */
export function coefficientBudget(
  entries: readonly AreaEntry[],
  choices: Readonly<Record<string, CoefficientChoice>>,
  table: FactorTable,
  reading: CoefficientReading,
): CoefficientBudget {
  const lines: EntryBudget[] = entries.map((entry) => {
    const choice = choices[entry.landType];
    if (!choice) throw new Error(`internal: no coefficient choice for land type ${entry.landType}`);
    const e = choice.emission ? coefficientTCPerHaYr(table, choice.emission, reading) : null;
    const s = choice.absorption ? coefficientTCPerHaYr(table, choice.absorption, reading) : null;
    const emission = e ? scaleRange(e, entry.area) : ZERO_RANGE;
    const absorption = s ? scaleRange(s, entry.area) : ZERO_RANGE;
    const energy = energyUseOf(choice.emission);
    return {
      label: entry.label,
      landType: entry.landType,
      ...(entry.stage ? { stage: entry.stage } : {}),
      ...(entry.zone ? { zone: entry.zone } : {}),
      areaHa: entry.area,
      emissionFactorId: choice.emission,
      absorptionFactorId: choice.absorption,
      emissionCoefficientTCPerHaYr: e,
      absorptionCoefficientTCPerHaYr: s,
      emissionTCPerYr: emission,
      absorptionTCPerYr: absorption,
      netTCPerYr: subtractRanges(emission, absorption),
      emissionIsEnergyUse: energy !== undefined,
      ...(energy
        ? {
            note: `emission coefficient = ${energy.standsFor}; a mine inventory of the same land and years measures this energy (${energy.inventoryPart}): do not add the two — declare the inventory (inventory:) to net it`,
          }
        : {}),
    };
  });
  const total = totalOf(lines);
  return {
    reading,
    entries: lines,
    byLandType: groups(lines, (l) => l.landType),
    byStage: groups(lines, (l) => l.stage),
    byZone: groups(lines, (l) => l.zone),
    total,
    energyUse: energyUseTotal(lines, total),
    totalCO2e: {
      emissionTCO2ePerYr: carbonFluxRangeToCO2e(total.emissionTCPerYr),
      absorptionTCO2ePerYr: carbonFluxRangeToCO2e(total.absorptionTCPerYr),
      netTCO2ePerYr: carbonFluxRangeToCO2e(total.netTCPerYr),
    },
  };
}

function energyUseTotal(lines: readonly EntryBudget[], total: BudgetFigures): EnergyUseTotal | null {
  const energy = lines.filter((l) => l.emissionIsEnergyUse);
  if (!energy.length) return null;
  const sum = totalOf(energy);
  const e = total.emissionTCPerYr.central;
  return {
    areaHa: sum.areaHa,
    emissionTCPerYr: sum.emissionTCPerYr,
    emissionTCO2ePerYr: carbonFluxRangeToCO2e(sum.emissionTCPerYr),
    shareOfEmission: e > 0 ? sum.emissionTCPerYr.central / e : null,
    note: `energy used on construction land (${[...new Set(energy.map((l) => l.landType))].join(", ")}), counted per hectare by seed 000's coefficients: it is not carbon given off by the land, and it is the energy a mine inventory measures; never add this budget's E to an inventory of the same land and years as it is`,
  };
}

function totalOf(lines: readonly BudgetFigures[]): BudgetFigures {
  let areaHa = 0;
  let emission = ZERO_RANGE;
  let absorption = ZERO_RANGE;
  for (const l of lines) {
    areaHa += l.areaHa;
    emission = addRanges(emission, l.emissionTCPerYr);
    absorption = addRanges(absorption, l.absorptionTCPerYr);
  }
  return {
    areaHa,
    emissionTCPerYr: emission,
    absorptionTCPerYr: absorption,
    netTCPerYr: subtractRanges(emission, absorption),
  };
}

function groups(lines: readonly EntryBudget[], key: (l: EntryBudget) => string | undefined): GroupBudget[] {
  return [...groupBy(lines, key)].map(([group, members]) => ({ group, ...totalOf(members) }));
}
