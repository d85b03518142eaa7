import type { Hectares } from "../../units/area.ts";
import { CO2_PER_C } from "../../units/carbon.ts";
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
    totalCO2e: {
      emissionTCO2ePerYr: scaleRange(total.emissionTCPerYr, CO2_PER_C),
      absorptionTCO2ePerYr: scaleRange(total.absorptionTCPerYr, CO2_PER_C),
      netTCO2ePerYr: {
        low: total.netTCPerYr.low * CO2_PER_C,
        central: total.netTCPerYr.central * CO2_PER_C,
        high: total.netTCPerYr.high * CO2_PER_C,
      },
    },
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
