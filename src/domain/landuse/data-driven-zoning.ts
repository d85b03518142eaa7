import type { Legend } from "./legend.ts";
import type { ZoningRules } from "./zoning-rules.ts";

/**
 * Zones from the change in carbon density between classes (SPEC M2's data-driven alternative to
 * seed 001 Table 1), with the same four zone names so that results compare:
 * - enhancement: density rises by at least `thresholdTCPerHa`;
 * - emission control: density falls by at least the threshold into a class of group "mining";
 * - low-carbon optimization: density falls by at least the threshold into any other class;
 * - invariant: the class stays and holds carbon (density > 0);
 * anything else (small changes between different classes, classes without carbon kept) is left
 * to "unclassified" and reported with its area.
 */
export function dataDrivenZoning(
  legend: Legend,
  densityTCPerHa: ReadonlyMap<number, number>,
  thresholdTCPerHa = 1,
): ZoningRules {
  const rules: { zone: string; from: string[]; to: string[] }[] = [];
  for (const a of legend.classes)
    for (const b of legend.classes) {
      const da = densityTCPerHa.get(a.code);
      const db = densityTCPerHa.get(b.code);
      if (da === undefined || db === undefined) continue;
      const delta = db - da;
      let zone: string | undefined;
      if (a.code === b.code) zone = da > 0 ? "invariant" : undefined;
      else if (delta >= thresholdTCPerHa) zone = "enhancement";
      else if (delta <= -thresholdTCPerHa)
        zone = b.group?.toLowerCase() === "mining" ? "emission-control" : "low-carbon-optimization";
      if (zone) rules.push({ zone, from: [a.key], to: [b.key] });
    }
  return {
    id: "data-driven",
    source: `change in total carbon density between classes (threshold ${thresholdTCPerHa} t C/ha)`,
    zones: ["invariant", "enhancement", "low-carbon-optimization", "emission-control"],
    rules,
  };
}
