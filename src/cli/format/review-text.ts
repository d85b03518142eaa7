import type { YearReview } from "../../domain/pathway/review-year.ts";
import { textTable } from "./text-table.ts";

const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });

/** The yearly review as text. */
export function formatReview(r: YearReview): string {
  return [
    `Review of ${r.year} against the plan (t CO2e/yr; positive = more emitted than planned):`,
    textTable(
      ["part", "planned", "actual", "behind by", "measures acting on it"],
      r.parts.map((p) => [p.part, n(p.planned), n(p.actual), n(p.behindByTCO2e), p.measures.join("; ")]),
    ),
    `Net: planned ${n(r.plannedNetTCO2e)}, actual ${n(r.actualNetTCO2e)}, gap ${n(r.gapTCO2e)}`,
    `Re-based on ${r.year}: ${r.rebased.neutralYear === null ? "not neutral by the end year" : `neutral in ${r.rebased.neutralYear}`}; net in ${r.targetYear}: ${n(r.rebased.netAtTargetTCO2e)}`,
    `To close: ${r.toClose}`,
  ].join("\n");
}
