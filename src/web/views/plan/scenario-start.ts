import type { ScenarioDefaults } from "../../../contract/scenario-defaults.ts";
import { specFields, type SpecField } from "../../../domain/common/field-meta.ts";
import { MEASURE_KINDS, scenarioSchema, type MeasureKind } from "../../../domain/pathway/scenario-spec.ts";

export { MEASURE_KINDS, type MeasureKind };

/** Where a mine's scenario starts: as `GET /api/areas/{id}/scenario-defaults` answers for one mine. */
export type ScenarioStart = ScenarioDefaults["mines"][number];

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
