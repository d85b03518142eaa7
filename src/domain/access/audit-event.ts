import { isActionId, type ActionId } from "./actions.ts";
import type { Actor } from "./actor.ts";
import type { ResourceRef } from "./policy.ts";
import { isRoleId, type RoleId } from "./roles.ts";

/**
 * Actions of signing in and out. They are not in ACTIONS (nobody is granted them: everyone may try
 * to sign in) but they are audited like the actions that change state. A failed attempt is
 * `auth.login-failed` with outcome `refused`, its resource the account asked for when it exists.
 */
export const AUTH_ACTIONS = ["auth.login", "auth.logout", "auth.login-failed"] as const;
export type AuthAction = (typeof AUTH_ACTIONS)[number];

/** What an audit event records as done (or tried): an action of the registry or a sign-in action. */
export type AuditAction = ActionId | AuthAction;
export const isAuditAction = (s: string): s is AuditAction =>
  isActionId(s) || (AUTH_ACTIONS as readonly string[]).includes(s);

/** done: the change was made; refused: the policy said no; failed: it was allowed but went wrong. */
export const AUDIT_OUTCOMES = ["done", "refused", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who acted: the user (for a token, the user who created it), the token, their organisation and roles. */
export interface AuditWho {
  readonly userId: string | null;
  readonly username: string | null;
  readonly tokenId: string | null;
  readonly organisationId: string | null;
  /** Sorted, so that the same actor always gives the same bytes. */
  readonly roles: readonly RoleId[];
}

/**
 * The kinds of record an event can be about: each audited record is named by its own kind and id
 * (an analysis as `analysis` 12, not as its area), while its owner and region, which decide who may
 * read the event, are those of the resource the policy saw (an analysis's are its area's). The
 * policy's resource kinds come first.
 */
export const AUDIT_RECORD_KINDS = [
  "area",
  "mine",
  "organisation",
  "user",
  "region",
  "map",
  "analysis",
  "inventory",
  "report",
  "token",
  "session",
  "feedback",
  // The management system (issue 13).
  "annual-report",
  "evidence",
  "plot",
  "control-rule",
  "target",
  "reclamation-plan",
  "flag",
  "notice",
  "spot-check",
  "inbox",
  "pathway",
] as const;
export type AuditRecordKind = (typeof AUDIT_RECORD_KINDS)[number];
export const isAuditRecordKind = (s: string): s is AuditRecordKind =>
  (AUDIT_RECORD_KINDS as readonly string[]).includes(s);

/** The records that hang off an area: an area's timeline lists their events too. */
export const AREA_RECORD_KINDS = [
  "map",
  "analysis",
  "inventory",
  "report",
] as const satisfies readonly AuditRecordKind[];

/** The records that hang off a mine: a mine's timeline lists their events too. */
export const MINE_RECORD_KINDS = [
  "annual-report",
  "evidence",
  "plot",
  "target",
  "reclamation-plan",
  "flag",
  "notice",
  "pathway",
] as const satisfies readonly AuditRecordKind[];

/** What was acted on, with the owner and region the trail is scoped by (`audit.read`). */
export interface AuditResource {
  readonly kind: AuditRecordKind;
  /** The record's id; null when there is none (a failed sign-in to an unknown account). */
  readonly id: string | null;
  readonly organisationId: string | null;
  readonly regionCode: string | null;
}

/**
 * One event of the audit trail, as the hash chain covers it. `beforeDigest`/`afterDigest` are the
 * SHA-256 (hex) of `digestOf` of the record before and after the change; null where there is no
 * record (before a creation, after a deletion) or nothing changed.
 */
export interface AuditEvent {
  /** Position in the chain, 1, 2, 3 … with no gaps; given by the storage when it appends. */
  readonly seq: number;
  readonly at: Date;
  readonly who: AuditWho;
  readonly action: AuditAction;
  readonly resource: AuditResource;
  readonly outcome: AuditOutcome;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  readonly requestId: string | null;
  /** The client's network address. */
  readonly address: string | null;
}

/** An event before the chain numbers it. */
export type AuditEventInput = Omit<AuditEvent, "seq">;

/** Longest text of each field (a longer one is a caller's bug, not something to cut silently). */
export const AUDIT_TEXT_BOUNDS = {
  userId: 64,
  username: 64,
  tokenId: 64,
  organisationId: 64,
  resourceId: 128,
  regionCode: 6,
  requestId: 128,
  address: 64,
} as const;

const HEX_DIGEST = /^[0-9a-f]{64}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

function textProblem(name: keyof typeof AUDIT_TEXT_BOUNDS, value: string | null, problems: string[]): void {
  if (value === null) return;
  if (typeof value !== "string") problems.push(`${name} must be text or null; got ${typeof value}`);
  else if (value.length === 0 || value.length > AUDIT_TEXT_BOUNDS[name])
    problems.push(`${name} must be 1 to ${AUDIT_TEXT_BOUNDS[name]} characters; got ${value.length}`);
  // The database stores text as UTF-8 without NUL: anything else would come back as other bytes and
  // the event would no longer verify.
  else if (CONTROL.test(value) || LONE_SURROGATE.test(value))
    problems.push(`${name} must not hold control characters or unpaired surrogates`);
}

/**
 * The event checked and normalised (roles sorted), or a TypeError naming every problem: an event
 * the chain cannot store and read back byte for byte must be refused when it is written.
 */
export function auditEvent(e: AuditEventInput): AuditEventInput {
  const problems: string[] = [];
  if (!(e.at instanceof Date) || Number.isNaN(e.at.getTime())) problems.push("at must be a valid date");
  else if (e.at.getUTCFullYear() < 2000 || e.at.getUTCFullYear() > 9999)
    problems.push(`at must lie in the years 2000 to 9999; got ${e.at.toISOString()}`);
  textProblem("userId", e.who.userId, problems);
  textProblem("username", e.who.username, problems);
  textProblem("tokenId", e.who.tokenId, problems);
  textProblem("organisationId", e.who.organisationId, problems);
  for (const r of e.who.roles) if (!isRoleId(r)) problems.push(`roles must be role ids; got "${String(r)}"`);
  if (!isAuditAction(e.action))
    problems.push(`action must be an action id or an auth action; got "${e.action}"`);
  textProblem("resourceId", e.resource.id, problems);
  textProblem("organisationId", e.resource.organisationId, problems);
  textProblem("regionCode", e.resource.regionCode, problems);
  if (!(AUDIT_OUTCOMES as readonly string[]).includes(e.outcome))
    problems.push(`outcome must be one of ${AUDIT_OUTCOMES.join(", ")}; got "${e.outcome}"`);
  for (const [name, d] of [
    ["beforeDigest", e.beforeDigest],
    ["afterDigest", e.afterDigest],
  ] as const)
    if (d !== null && !HEX_DIGEST.test(d)) problems.push(`${name} must be 64 lowercase hex digits or null`);
  textProblem("requestId", e.requestId, problems);
  textProblem("address", e.address, problems);
  if (problems.length) throw new TypeError(`audit event: ${problems.join("; ")}`);
  return { ...e, who: { ...e.who, roles: [...e.who.roles].sort() } };
}

/**
 * The bytes the chain's hash covers: JSON with a fixed key order, the time in ISO 8601 UTC with
 * milliseconds and every absent value an explicit null. Changing it breaks every stored chain.
 * @example canonicalAuditEvent(e) // '{"seq":1,"at":"2026-11-30T06:00:00.000Z","userId":"7",…}'
 */
export function canonicalAuditEvent(e: AuditEvent): string {
  return JSON.stringify({
    seq: e.seq,
    at: e.at.toISOString(),
    userId: e.who.userId,
    username: e.who.username,
    tokenId: e.who.tokenId,
    organisationId: e.who.organisationId,
    roles: e.who.roles,
    action: e.action,
    resourceKind: e.resource.kind,
    resourceId: e.resource.id,
    resourceOrganisationId: e.resource.organisationId,
    resourceRegionCode: e.resource.regionCode,
    outcome: e.outcome,
    beforeDigest: e.beforeDigest,
    afterDigest: e.afterDigest,
    requestId: e.requestId,
    address: e.address,
  });
}

/**
 * A record as canonical JSON — object keys sorted at every depth, dates as ISO 8601 UTC, no
 * whitespace — so that equal records give equal text (and equal SHA-256 digests, which the storage
 * computes). Undefined properties are left out, as JSON does; a non-finite number, a bigint, a
 * function or a Map has no JSON form and throws rather than being written as null or {}.
 */
export function digestOf(value: unknown): string {
  const walk = (v: unknown, path: string): string => {
    if (v === null) return "null";
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new TypeError(`digestOf: ${path || "value"} is an invalid date`);
      return JSON.stringify(v.toISOString());
    }
    switch (typeof v) {
      case "string":
      case "boolean":
        return JSON.stringify(v);
      case "number":
        if (!Number.isFinite(v))
          throw new TypeError(`digestOf: ${path || "value"} is ${v}, which JSON cannot hold`);
        return JSON.stringify(v);
      case "object": {
        if (Array.isArray(v)) return `[${v.map((x, i) => walk(x ?? null, `${path}[${i}]`)).join(",")}]`;
        const proto = Object.getPrototypeOf(v) as unknown;
        if (proto !== Object.prototype && proto !== null)
          throw new TypeError(`digestOf: ${path || "value"} is not a plain record`);
        const entries = Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${walk(x, path ? `${path}.${k}` : k)}`).join(",")}}`;
      }
      default:
        throw new TypeError(`digestOf: ${path || "value"} is a ${typeof v}, which JSON cannot hold`);
    }
  };
  return walk(value, "");
}

/** Who the actor is, as an audit event names them (the public: nobody, no roles). */
export function auditWho(actor: Actor): AuditWho {
  switch (actor.kind) {
    case "anonymous":
      return { userId: null, username: null, tokenId: null, organisationId: null, roles: [] };
    case "user":
      return {
        userId: actor.userId,
        username: actor.username,
        tokenId: null,
        organisationId: actor.organisationId,
        roles: [...actor.roles].sort(),
      };
    case "token":
      return {
        userId: actor.createdBy,
        username: null,
        tokenId: actor.tokenId,
        organisationId: actor.organisationId,
        roles: [...actor.roles].sort(),
      };
  }
}

/**
 * The resource of an event: the record (`kind`, the policy's kind of `ref` when omitted, and its
 * id) with the owner and region of the policy's view of it.
 */
export function auditResource(
  ref: ResourceRef,
  id: string | null,
  kind: AuditRecordKind = ref.kind,
): AuditResource {
  return { kind, id, organisationId: ref.organisationId, regionCode: ref.regionCode };
}
