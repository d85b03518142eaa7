import type { FastifyRequest } from "fastify";
import type { Transaction } from "kysely";
import {
  auditResource,
  auditWho,
  type AuditAction,
  type AuditOutcome,
} from "../../domain/access/audit-event.ts";
import type { ResourceRef } from "../../domain/access/policy.ts";
import { appendAuditEvent, type AuditAppend, type ChainedAuditEvent } from "../../storage/audit-log.ts";
import type { Database } from "../../storage/schema.ts";

/** What a write route tells the trail about its change; who, request id and address come from the request. */
export interface RequestAudit {
  readonly action: AuditAction;
  /** The resource as the policy saw it (its owner and region scope who may read the event). */
  readonly resource: ResourceRef;
  /** The record's id; null when there is none. */
  readonly id: string | null;
  /** The record before the change (null or omitted: none, e.g. before a creation). */
  readonly before?: unknown;
  /** The record after the change (null or omitted: none, e.g. after a deletion). */
  readonly after?: unknown;
  /** `done` unless told. */
  readonly outcome?: AuditOutcome;
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
    who: auditWho(req.actor),
    action: a.action,
    resource: auditResource(a.resource, a.id),
    outcome: a.outcome ?? "done",
    before: a.before ?? null,
    after: a.after ?? null,
    requestId: cut(String(req.id), 128),
    address: cut(req.ip, 64),
  };
}

/**
 * Appends the request's audit event in `trx`, the transaction of the change it records: both commit
 * or neither. Call it last in the transaction (it holds the trail's head lock until the commit):
 *
 *   await ctx.store.db.transaction().execute(async (trx) => {
 *     const after = await new MineRepository(trx).update(id, change);
 *     await auditRequest(trx, req, { action: "mine.update", resource: mineResource(after), id, before, after });
 *   });
 */
export function auditRequest(
  trx: Transaction<Database>,
  req: FastifyRequest,
  a: RequestAudit,
): Promise<ChainedAuditEvent> {
  return appendAuditEvent(trx, requestAuditEvent(req, a));
}
