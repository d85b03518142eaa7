import { ACTIONS, type ActionId, type ResourceKind } from "./actions.ts";
import type { Actor } from "./actor.ts";
import { isWithinRegion, NATION, regionPrefix, type RegionCode } from "./region-code.ts";
import { ROLES, SELF_GRANTS, type Grant, type GrantScope } from "./roles.ts";

/**
 * What the policy needs to know about one resource: who owns it, where it lies, whether it is
 * published and which verification bodies are assigned to it. For an organisation the owner is the
 * organisation itself; for a user, the user's organisation and `userId`.
 */
export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly organisationId: string | null;
  readonly regionCode: RegionCode | null;
  readonly published?: boolean;
  readonly verifierOrganisationIds?: readonly string[];
  readonly userId?: string;
}

export type Decision =
  | { readonly allowed: true; readonly scope: GrantScope }
  | { readonly allowed: false; readonly reason: "not-signed-in" | "not-granted" | "out-of-scope" };

/** The grants an actor holds for one action (a token's only for the actions it was given). */
export function grantsFor(actor: Actor, action: ActionId): Grant[] {
  const all: Grant[] = [...ROLES.public];
  if (actor.kind !== "anonymous") {
    if (actor.kind === "token" && !actor.actions.includes(action)) return [];
    for (const role of actor.roles) all.push(...ROLES[role]);
    if (actor.kind === "user") all.push(...SELF_GRANTS);
  }
  return all.filter((g) => g.action === action);
}

function reaches(actor: Actor, scope: GrantScope, r: ResourceRef): boolean {
  switch (scope) {
    case "everything":
      return true;
    case "published":
      return r.published === true;
    case "jurisdiction":
      // The nation's jurisdiction is every resource, also one without a region: queryScope answers
      // `everything` for it, and the two must agree.
      return (
        actor.kind !== "anonymous" &&
        actor.jurisdiction !== null &&
        (actor.jurisdiction === NATION ||
          (r.regionCode !== null && isWithinRegion(r.regionCode, actor.jurisdiction)))
      );
    case "own-organisation":
      return actor.kind !== "anonymous" && r.organisationId === actor.organisationId;
    case "assigned":
      return actor.kind !== "anonymous" && (r.verifierOrganisationIds ?? []).includes(actor.organisationId);
    case "self":
      return actor.kind === "user" && r.userId === actor.userId;
  }
}

/**
 * May `actor` do `action` on `resource`? The one place access is decided: routes and services ask
 * it, and queries are scoped by `queryScope`, which follows the same grants.
 */
export function decide(actor: Actor, action: ActionId, resource: ResourceRef): Decision {
  if (ACTIONS[action].resource !== resource.kind)
    throw new TypeError(`action ${action} acts on a ${ACTIONS[action].resource}, not a ${resource.kind}`);
  const grants = grantsFor(actor, action);
  for (const g of grants) if (reaches(actor, g.scope, resource)) return { allowed: true, scope: g.scope };
  if (grants.length === 0 || grants.every((g) => g.scope === "published"))
    return { allowed: false, reason: actor.kind === "anonymous" ? "not-signed-in" : "not-granted" };
  return { allowed: false, reason: "out-of-scope" };
}

/**
 * Which rows a query for `action` (or any of several actions) may return, as plain criteria a repository turns into SQL: a row
 * is visible when it matches any criterion. `nothing` is what a forgotten or empty grant gives.
 */
export type QueryScope =
  | { readonly kind: "everything" }
  | { readonly kind: "nothing" }
  | {
      readonly kind: "some";
      /** Rows owned by these organisations. */
      readonly organisationIds: readonly string[];
      /** Rows whose region code starts with one of these ("" would be everything; never given). */
      readonly regionPrefixes: readonly string[];
      /** Rows these verification bodies are assigned to. */
      readonly assignedTo: readonly string[];
      /** Rows published to the public. */
      readonly published: boolean;
      /** Rows of these users (their own account and sessions). */
      readonly userIds: readonly string[];
    };

export function queryScope(actor: Actor, action: ActionId, ...more: ActionId[]): QueryScope {
  const grants = [action, ...more].flatMap((a) => grantsFor(actor, a));
  if (grants.some((g) => g.scope === "everything")) return { kind: "everything" };
  const organisationIds = new Set<string>();
  const regionPrefixes = new Set<string>();
  const assignedTo = new Set<string>();
  const userIds = new Set<string>();
  let published = false;
  for (const g of grants) {
    if (g.scope === "published") published = true;
    else if (actor.kind === "anonymous") continue;
    else if (g.scope === "own-organisation") organisationIds.add(actor.organisationId);
    else if (g.scope === "assigned") assignedTo.add(actor.organisationId);
    else if (g.scope === "self" && actor.kind === "user") userIds.add(actor.userId);
    else if (g.scope === "jurisdiction" && actor.jurisdiction !== null) {
      const prefix = regionPrefix(actor.jurisdiction);
      if (prefix === "") return { kind: "everything" };
      regionPrefixes.add(prefix);
    }
  }
  if (!published && organisationIds.size + regionPrefixes.size + assignedTo.size + userIds.size === 0)
    return { kind: "nothing" };
  return {
    kind: "some",
    organisationIds: [...organisationIds],
    regionPrefixes: [...regionPrefixes],
    assignedTo: [...assignedTo],
    published,
    userIds: [...userIds],
  };
}

/**
 * The scope of work the system does itself: a job running an analysis that a request was allowed to
 * queue, the demo loader, the administrator's command line — and a route's write to a record the
 * policy has just allowed for the request's actor (the record was found in the actor's scope and
 * `authorise` passed; the write then names it by id). Never to find or list records for a request,
 * but public reference data: the accredited verification bodies, listed to whoever may assign one
 * (row-level security lets everyone read them). Named so that every use can be found.
 */
export const SYSTEM_SCOPE: QueryScope = { kind: "everything" };
