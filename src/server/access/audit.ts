import type { FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import {
  auditResource,
  auditWho,
  type AuditWho,
  type AuditAction,
  type AuditOutcome,
  type AuditRecordKind,
} from "../../domain/access/audit-event.ts";
import type { ResourceRef } from "../../domain/access/policy.ts";
import { appendAuditEvent, type AuditAppend } from "../../storage/audit-log.ts";
import type { Database } from "../../storage/schema.ts";

/**
 * What a write route tells the trail about its change; who, request id and address come from the
 * request. `resource` is the policy's view (its owner and region decide who reads the event);
 * `kind` and `id` name the record itself.
 */
export interface RequestAudit {
  readonly action: AuditAction;
  /** The resource as the policy saw it (its owner and region scope who may read the event). */
  readonly resource: ResourceRef;
  /** The kind of record changed (a map, an analysis, a token …); the resource's kind when omitted. */
  readonly kind?: AuditRecordKind;
  /** The record's id; null when there is none. */
  readonly id: string | null;
  /** The record before the change (null or omitted: none, e.g. before a creation). */
  readonly before?: unknown;
  /** The record after the change (null or omitted: none, e.g. after a deletion). */
  readonly after?: unknown;
  /** `done` unless told. */
  readonly outcome?: AuditOutcome;
  /** Who acted, when not the request's actor (a failed sign-in names the account asked for). */
  readonly who?: AuditWho;
}

/** Longest request id and address an event holds (AUDIT_TEXT_BOUNDS); longer ones are cut, never refused. */
const cut = (s: string | undefined, n: number): string | null => (s ? s.slice(0, n) : null);

/**
 * The audit event of a request's change: who (the request's actor), the request id (`req.id`) and
 * the client's address (`req.ip`, which honours the server's proxy setting), with the route's
 * action, resource and records before and after.
 */
export function requestAuditEvent(req: FastifyRequest, a: RequestAudit): AuditAppend {
  return {
    who: a.who ?? auditWho(req.actor),
    action: a.action,
    resource: auditResource(a.resource, a.id, a.kind),
    outcome: a.outcome ?? "done",
    before: a.before ?? null,
    after: a.after ?? null,
    requestId: cut(String(req.id), 128),
    address: cut(req.ip, 64),
  };
}

/** What a request's change gives back: its answer and what the audit trail records of it. */
export interface Change<T> {
  readonly value: T;
  /** One event, or several when one request changes several records (each is appended, in order). */
  readonly audit: RequestAudit | readonly RequestAudit[];
}

/**
 * Runs a request's change in one transaction of `db` and appends its audit event(s) there last: the
 * change and its events commit together or not at all (appending holds the trail's head lock until
 * the commit, so it comes last). The one path of every audited write; routes reach it through
 * `AppContext.change`, which hands `run` the repositories on the transaction.
 */
export async function auditedChange<T>(
  db: Kysely<Database>,
  req: FastifyRequest,
  run: (trx: Transaction<Database>) => Promise<Change<T>>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { value, audit } = await run(trx);
    for (const a of [audit].flat() as RequestAudit[]) await appendAuditEvent(trx, requestAuditEvent(req, a));
    return value;
  });
}
