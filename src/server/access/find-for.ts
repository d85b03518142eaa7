import type { ActionId } from "../../domain/access/actions.ts";
import type { Actor } from "../../domain/access/actor.ts";
import { decide, queryScope, type QueryScope, type ResourceRef } from "../../domain/access/policy.ts";
import { notFound } from "../api-error.ts";
import { authorise } from "../auth/authorise.ts";

/** How `findFor` finds one record a request names and what the policy sees of it. */
export interface Lookup<T> {
  /** The action that reads the record: without it (or `action`) the record is not found. */
  readonly read: ActionId;
  /** What the record is and the id the request gave: the 404 names them ("mine 12"). */
  readonly what: string;
  readonly id: string;
  /**
   * Loads the record, or undefined when there is none. `scope` is the actor's query scope for
   * `read` or the action: a loader that can filter in SQL does (a repository's scoped `get`);
   * one that cannot ignores it, and the policy decides on the resource below.
   */
  readonly load: (scope: QueryScope) => Promise<T | undefined>;
  /** The record as the policy sees it (its owner, region, publication, verifiers). */
  readonly resource: (record: T) => ResourceRef | Promise<ResourceRef>;
}

/**
 * The record a request names, for `action` by `actor` — the one rule of every route about one
 * record: a record the actor may neither read (`lookup.read`) nor act on is not found (404; whether
 * it exists is not told), one it may read but not act on is refused (403, from `authorise`). A
 * token holding the action alone (e.g. map.upload without area.read) finds the record.
 */
export async function findFor<T>(actor: Actor, action: ActionId, lookup: Lookup<T>): Promise<T> {
  const record = await lookup.load(queryScope(actor, lookup.read, action));
  const ref = record === undefined ? undefined : await lookup.resource(record);
  if (
    record === undefined ||
    ref === undefined ||
    !(decide(actor, lookup.read, ref).allowed || decide(actor, action, ref).allowed)
  )
    throw notFound(lookup.what, lookup.id);
  authorise(actor, action, ref);
  return record;
}
