/**
 * The area request schemas moved to src/contract/area-input.ts (the web app imports them from
 * there); this re-export stays until src/web/api/queries.ts imports the contract.
 */
export { legendInput, miningAreaInput, miningAreaPatch, storedLegendOf } from "../contract/area-input.ts";
