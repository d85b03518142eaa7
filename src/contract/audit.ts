import { z } from "zod";
import { ACTION_IDS } from "../domain/access/actions.ts";
import { AUDIT_OUTCOMES, AUDIT_RECORD_KINDS, AUTH_ACTIONS } from "../domain/access/audit-event.ts";
import { ROLE_IDS } from "../domain/access/roles.ts";
import { STORED_ID } from "./stored-id.ts";

/** The kinds of record an event can be about (src/domain/access/audit-event.ts). */
export const AUDIT_RESOURCE_KINDS = AUDIT_RECORD_KINDS;

const auditActions: readonly [string, ...string[]] = [
  ACTION_IDS[0]!,
  ...ACTION_IDS.slice(1),
  ...AUTH_ACTIONS,
];

/** One event of the audit trail as the API answers it. Version 1. */
export const auditEventSchema = z
  .object({
    seq: z.number().int().meta({ description: "its place in the hash chain (1, 2, 3 …)" }),
    at: z.string(),
    who: z.object({
      userId: z.string().nullable(),
      username: z.string().nullable(),
      tokenId: z.string().nullable(),
      organisationId: z.string().nullable(),
      roles: z.array(z.enum(ROLE_IDS)),
    }),
    action: z.enum(auditActions),
    resource: z.object({
      kind: z.enum(AUDIT_RESOURCE_KINDS),
      id: z.string().nullable(),
      organisationId: z.string().nullable(),
      regionCode: z.string().nullable(),
    }),
    outcome: z.enum(AUDIT_OUTCOMES),
    beforeDigest: z.string().nullable().meta({ description: "SHA-256 of the record before the change" }),
    afterDigest: z.string().nullable().meta({ description: "SHA-256 of the record after the change" }),
    requestId: z.string().nullable(),
    address: z.string().nullable(),
    hash: z.string().meta({ description: "SHA-256 over the previous event's hash and this event" }),
  })
  .meta({ id: "AuditEvent" });

/** A page of the trail; `next` is the cursor of the following page, null at the end. */
export const auditPageSchema = z
  .object({ events: z.array(auditEventSchema), next: z.number().int().nullable() })
  .meta({ id: "AuditPage" });

const id = z.string().regex(STORED_ID, "must be a stored id (a positive whole number)");

/** `GET /api/audit`'s filters. */
export const auditQuery = z
  .object({
    since: z.iso.datetime({ offset: true }).optional().meta({ description: "events at or after (ISO 8601)" }),
    until: z.iso.datetime({ offset: true }).optional().meta({ description: "events before (ISO 8601)" }),
    userId: id.optional(),
    username: z.string().min(1).max(64).optional(),
    organisationId: id.optional().meta({ description: "events by or on this organisation" }),
    action: z.enum(auditActions).optional(),
    resourceKind: z.enum(AUDIT_RESOURCE_KINDS).optional(),
    resourceId: z.string().min(1).max(128).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    order: z.enum(["newest-first", "oldest-first"]).default("newest-first"),
    cursor: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: "the previous page's next" }),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .strict();

/** `GET /api/audit/resource/{kind}/{id}`: a record's timeline. */
export const auditResourceParams = z.object({
  kind: z.enum(AUDIT_RESOURCE_KINDS),
  id: z.string().min(1).max(128),
});
export const auditTimelineQuery = z
  .object({
    cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .strict();
