import type { InventoryRecord } from "../../../contract/inventory-record.ts";
import type { ScenarioDefaults } from "../../../contract/scenario-defaults.ts";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { inventorySchema } from "../../../domain/mine/inventory-spec.ts";
import { measureSchema, scenarioSchema, type Measure } from "../../../domain/pathway/scenario-spec.ts";

export type MeasureKind = Measure["kind"];
/** The measures in the order the form shows them. */
export const MEASURE_KINDS: readonly MeasureKind[] = measureSchema.options.map((o) => o.shape.kind.value);

/** Where a mine's scenario starts: as `GET /api/areas/{id}/scenario-defaults` answers for one mine. */
export type ScenarioStart = ScenarioDefaults["mines"][number];

/**
 * A mine's scenario start read from its stored inventory (what the scenario-defaults route answers,
 * while it is not there): the year's coal output and gross emissions, and the measures that act on
 * its sources — methane use and ventilation-air oxidation on underground methane, clean electricity
 * on bought electricity, energy saving on any energy use, CCS on point-source CO2; reclamation and
 * offsets always apply.
 */
export function startFromInventory(inv: InventoryRecord): ScenarioStart | undefined {
  const year = inv.result?.years.find((y) => y.year === inv.year) ?? inv.result?.years[0];
  if (!year) return undefined;
  const input = inventorySchema.safeParse(inv.input);
  const inputYear = input.success ? input.data.years.find((y) => y.year === year.year) : undefined;
  const electricity = inputYear?.energy.some((e) => e.carrier === "electricity" && e.amount > 0) ?? true;
  const applies: Record<MeasureKind, boolean> = {
    "clean-electricity": electricity,
    "energy-saving": year.totals.energyTce > 0,
    "methane-use": year.methane.undergroundLiberatedTCH4 > 0,
    "vam-oxidation": year.methane.undergroundLiberatedTCH4 > 0,
    reclamation: true,
    ccs: year.ccs.capturableTCO2 > 0,
    offsets: true,
  };
  return {
    mine: inv.mine,
    inventoryId: inv.id,
    baseYear: year.year,
    coalOutputT: year.coalOutputT,
    grossEmissionTCO2ePerYr: year.totals.grossEmissionTCO2ePerYr,
    measures: MEASURE_KINDS.filter((k) => applies[k]),
  };
}

/** The spec fields of a measure kind the form shows (start, ramp, level, its texts, cost), in spec order. */
export function measureFields(kind: MeasureKind): SpecField[] {
  return specFields(scenarioSchema).filter(
    (f) =>
      f.when === `kind = ${kind}` &&
      f.path.startsWith("measures[].") &&
      f.path !== "measures[].kind" &&
      !f.container,
  );
}

/** A field's key inside a measure: `share`, `cost.capitalCNY`. */
export const measureKey = (f: Pick<SpecField, "path">): string => f.path.slice("measures[].".length);

/** The coal-output field of the scenario spec (label and unit of a point's output). */
export const coalOutputField = (): SpecField | undefined =>
  specFields(scenarioSchema).find((f) => f.path === "coalOutput[].t");

/** The form's starting level of a measure: planning values the user is expected to change. */
export function startingMeasure(kind: MeasureKind, baseYear: number): Record<string, unknown> {
  const start = baseYear + 2;
  switch (kind) {
    case "clean-electricity":
      return { start, rampYears: 10, share: 0.5 };
    case "energy-saving":
      return { start, rampYears: 10, rate: 0.1 };
    case "methane-use":
      return { start, rampYears: 5, share: 0.5 };
    case "vam-oxidation":
      return { start, rampYears: 5, share: 0.5 };
    case "ccs":
      return { start: baseYear + 15, rampYears: 10, captureRate: 0.3 };
    case "reclamation":
      return { start, years: 1 };
    case "offsets":
      return { start: baseYear + 25, tCO2ePerYr: 0 };
  }
}
