import type { ActionId } from "../../domain/access/actions.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { decide } from "../../domain/access/policy.ts";
import type { RegionCode } from "../../domain/access/region-code.ts";
import type { Me } from "../../contract/auth.ts";
import { useAreas, useMe, type Area } from "../api/queries.ts";
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
 * The actions that make each area view worth showing: reading an area shows its overview, map,
 * charts and inventories (entered by who may write them, read-only for a verifier, an
 * administrator or a regulator on another's area); the plan needs `plan.compute`; Data is where
 * areas are created and maps uploaded.
 */
const VIEW_ACTIONS: Readonly<Record<View, readonly ActionId[]>> = {
  overview: ["area.read"],
  map: ["area.read"],
  charts: ["area.read"],
  plan: ["plan.compute"],
  data: ["area.create", "map.upload"],
  inventory: ["area.read"],
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

/** What the policy needs to know of an area: its owner and region (and whether it is published). */
export type AreaRef = Pick<Area, "organisationId" | "regionCode"> & { readonly published?: boolean };

/**
 * The actor Me describes, as the policy reads it: its organisation, the jurisdiction of a
 * department (its region), its roles; a token only for the actions Me lists.
 */
export function actorOf(me: Me): Actor {
  const member = {
    organisationId: me.organisation.id,
    organisationKind: me.organisation.kind,
    jurisdiction: me.organisation.kind === "department" ? (me.organisation.region.code as RegionCode) : null,
    roles: me.roles.filter((r) => r !== "public"),
  };
  if (me.actor === "token")
    return { kind: "token", tokenId: me.token?.id ?? "", createdBy: "", actions: me.actions, ...member };
  return {
    kind: "user",
    userId: me.user?.id ?? "",
    username: me.user?.username ?? "",
    sessionId: "",
    mustChangePassword: me.user?.mustChangePassword ?? false,
    ...member,
  };
}

/**
 * May the actor Me describes do `action` on `area`? The policy's own answer (src/domain/access), on
 * the area's owner and region: a regulator reads an enterprise's area of its jurisdiction but does
 * not change it; a verifier only reads. The server still decides each request.
 */
export function mayOn(me: Me | undefined, action: ActionId, area: AreaRef): boolean {
  if (!me || !may(me, action)) return false;
  return decide(actorOf(me), action, {
    kind: "area",
    organisationId: area.organisationId,
    regionCode: area.regionCode as RegionCode,
    published: area.published,
  }).allowed;
}

/**
 * Whether the signed-in actor may use an action: somewhere (no `area`: a navigation link, creating
 * an area), or on one area (its owner and region: `useMay("map.upload", useArea(areaId))`), for a
 * view to show only the buttons it may use. False until Me has loaded, and while the area is
 * unknown (`null`: the list of areas not loaded yet). The server still decides.
 */
export function useMay(action: ActionId, area?: AreaRef | null): boolean {
  const me = useMe().data;
  if (area === undefined) return may(me, action);
  return area !== null && mayOn(me, action, area);
}

/** An area of the list of areas the actor sees, by id; null until the list has loaded or when it is not there. */
export function useArea(areaId: string | undefined): Area | null {
  const areas = useAreas();
  return areas.data?.find((a) => a.id === areaId) ?? null;
}
