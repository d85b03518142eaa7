import type { ActionId } from "../../domain/access/actions.ts";
import type { Me } from "../../contract/auth.ts";
import { useMe } from "../api/queries.ts";
import type { View } from "./views.ts";

/**
 * What the navigation shows, from the actions the signed-in actor may use (Me's `actions`). The
 * server still decides each request; this only keeps out of sight what would be refused.
 */
export function may(me: Me | undefined, action: ActionId): boolean {
  return me?.actions.includes(action) ?? false;
}

/** Any of the actions. */
export const mayAny = (me: Me | undefined, actions: readonly ActionId[]): boolean =>
  actions.some((a) => may(me, a));

/**
 * The actions that make each area view worth showing: reading an area shows its overview, map and
 * charts; the plan needs `plan.compute`; Data is where areas are created and maps uploaded; the
 * Inventory view is where inventories are entered (a verifier, who only reads, does not see it).
 */
const VIEW_ACTIONS: Readonly<Record<View, readonly ActionId[]>> = {
  overview: ["area.read"],
  map: ["area.read"],
  charts: ["area.read"],
  plan: ["plan.compute"],
  data: ["area.create", "map.upload"],
  inventory: ["inventory.write"],
};

export const mayView = (me: Me | undefined, view: View): boolean => mayAny(me, VIEW_ACTIONS[view]);

/**
 * Administration: organisations, users, sessions (administrators); an organisation's API tokens
 * (enterprise editors); publishing an area and assigning its verifiers (whoever may change it).
 */
export const ADMIN_ACTIONS: readonly ActionId[] = [
  "organisation.manage",
  "user.manage",
  "token.manage",
  "area.update",
];
export const mayAdmin = (me: Me | undefined): boolean => mayAny(me, ADMIN_ACTIONS);
/** The audit trail: administrators and regulators. */
export const mayAudit = (me: Me | undefined): boolean => may(me, "audit.read");

/**
 * Whether the signed-in actor may use an action somewhere: for a view to hide or disable a button
 * (`const canUpload = useMay("map.upload")`). False until Me has loaded. The server still decides.
 */
export function useMay(action: ActionId): boolean {
  return may(useMe().data, action);
}
