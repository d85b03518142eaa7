import { AsyncLocalStorage } from "node:async_hooks";
import { ACTION_IDS, ACTIONS, type ActionId } from "../domain/access/actions.ts";
import type { Actor } from "../domain/access/actor.ts";
import { queryScope, type QueryScope } from "../domain/access/policy.ts";

/**
 * What PostgreSQL's row-level security (migration 007) lets the current connection see and change:
 * for each part of the schema, the actor's QueryScope over the actions on it — to read, every
 * action on the part; to write (the ":write" parts), only the actions that change state. The policy
 * in the domain stays the first line and decides action by action; this envelope is the second
 * line, so that a query that forgot its scope, or used the wrong one, still cannot read another
 * tenant's rows, nor change rows the actor may only read (a published area, an enterprise's area
 * a regulator supervises, one's own account).
 *
 * The parts and the tables they guard:
 * - area: mining_areas, and through them landuse_maps, analyses, inventories, reports, area_mines,
 *   area_verifiers;
 * - mine: mines, and reading what is managed on them (plots, targets, reclamation plans, flags,
 *   notices, spot checks); mine-record:write changes those; annual-report: annual_reports and
 *   their versions, events and evidence (a verification body reaches the reports sent to it);
 *   rule:write: a department's control rules (everyone reads them);
 * - organisation: organisations (and regions, changed only by the organisation:write
 *   scope of everything); user: users, user_roles (sessions: user to read, session:write to end);
 *   token: api_tokens;
 * - audit: reading audit_events (anyone may append); feedback: reading feedback (anyone may send
 *   it about an area or mine they can see; the public reads what a regulator made public),
 *   feedback:write moderates it; inbox: a user's own messages (anyone may append one).
 */
export type RowScope = Readonly<Record<RowScopePart, QueryScope>>;

const ofKind = (kind: string): ActionId[] => ACTION_IDS.filter((a) => ACTIONS[a].resource === kind);
const changes = (actions: readonly ActionId[]) => actions.filter((a) => ACTIONS[a].changesState);

export const ROW_SCOPE_ACTIONS = {
  area: ofKind("area"),
  // Sending and answering feedback about an area writes a feedback row, not the area.
  "area:write": changes(ofKind("area")).filter((a) => a !== "feedback.send" && a !== "feedback.reply"),
  mine: ofKind("mine"),
  "mine:write": ["mine.create", "mine.update"],
  "mine-record:write": changes(ofKind("mine")).filter((a) => a !== "mine.create" && a !== "mine.update"),
  "annual-report": ofKind("annual-report"),
  "annual-report:write": changes(ofKind("annual-report")),
  "rule:write": ["rule.manage"],
  organisation: ["organisation.read", "organisation.manage"],
  "organisation:write": ["organisation.manage"],
  user: ["user.read", "user.manage", "session.read", "session.revoke"],
  "user:write": ["user.manage"],
  "session:write": ["session.revoke"],
  token: ["token.read", "token.manage"],
  "token:write": ["token.manage"],
  audit: ["audit.read"],
  feedback: ["feedback.read"],
  "feedback:write": ["feedback.reply"],
  inbox: ["inbox.read", "inbox.mark"],
  "inbox:write": ["inbox.mark"],
} as const satisfies Record<string, readonly ActionId[]>;
export type RowScopePart = keyof typeof ROW_SCOPE_ACTIONS;
const PARTS = Object.keys(ROW_SCOPE_ACTIONS) as RowScopePart[];

/** The rows `actor` may reach, part by part, from the same grants the policy reads. */
export function rowScopeOf(actor: Actor): RowScope {
  return Object.fromEntries(
    PARTS.map((part) => {
      const [first, ...more] = ROW_SCOPE_ACTIONS[part];
      return [part, queryScope(actor, first, ...more)];
    }),
  ) as RowScope;
}

/**
 * The system's own work: jobs a request was allowed to queue, the demo loader, the command line
 * of the administrator who runs the server, and authentication (finding the session or token that
 * says who the actor is, before there is one). Every use names it, so that each can be found.
 */
export const SYSTEM_ROW_SCOPE: RowScope = Object.fromEntries(
  PARTS.map((p) => [p, { kind: "everything" } as const]),
) as RowScope;

const current = new AsyncLocalStorage<string>();

/** Runs `fn` with the rows of `scope` visible to every query it makes on PostgreSQL. */
export function withRowScope<T>(scope: RowScope, fn: () => T): T {
  return current.run(JSON.stringify(scope), fn);
}

/** Runs `fn` as the system (see SYSTEM_ROW_SCOPE for when that is right). */
export function asSystem<T>(fn: () => T): T {
  return withRowScope(SYSTEM_ROW_SCOPE, fn);
}

/**
 * The scope a connection must carry now, as the text PostgreSQL reads; "" outside any scope, which
 * the policies read as "nothing" — a forgotten scope shows no rows rather than all of them.
 */
export function currentRowScopeText(): string {
  return current.getStore() ?? "";
}
