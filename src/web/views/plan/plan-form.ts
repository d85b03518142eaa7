import type { MeasureKind } from "./scenario-start.ts";

/** What the scenario form holds: one entry per applicable measure, the coal output at the end, the band. */
export interface PlanForm {
  measures: Record<string, unknown>[];
  coalEnd: number | null;
  uncertainty: boolean;
}

/** A measure as the scenario sends it: without the form's own `enabled`, empty costs left out. */
export function measureOf(kind: MeasureKind, values: Record<string, unknown>): Record<string, unknown> {
  const { enabled: _enabled, cost, ...rest } = values;
  const m: Record<string, unknown> = { kind };
  for (const [k, v] of Object.entries(rest)) if (v !== null && v !== undefined && v !== "") m[k] = v;
  if (typeof cost === "object" && cost !== null) {
    const c = Object.fromEntries(
      Object.entries(cost).filter(([, v]) => v !== null && v !== undefined && v !== ""),
    );
    if (Object.keys(c).length) m.cost = c;
  }
  return m;
}
