/**
 * Moved to src/domain/common/percentile.ts (the budget, the uncertainty engine and the pathway all use
 * it). This re-export stays until src/domain/pathway/pathway-uncertainty.ts imports it from there.
 */
export { percentileOfSorted } from "../common/percentile.ts";
