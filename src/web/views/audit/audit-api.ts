import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditAction, AuditOutcome } from "../../../domain/access/audit-event.ts";
import type { ResourceKind } from "../../../domain/access/actions.ts";
import type { RoleId } from "../../../domain/access/roles.ts";
import { apiFetch } from "../../api/client.ts";

/**
 * The audit trail as the API answers it (`GET /api/audit`, `/api/audit/resource/{kind}/{id}`).
 * Its contract (src/contract/audit.ts) is being written at the same time; until it lands, the
 * event is the domain's AuditEvent with its time as an ISO string.
 */
export interface AuditEventRow {
  readonly seq: number;
  readonly at: string;
  readonly who: {
    readonly userId: string | null;
    readonly username: string | null;
    readonly tokenId: string | null;
    readonly organisationId: string | null;
    readonly roles: readonly RoleId[];
  };
  readonly action: AuditAction;
  readonly resource: {
    readonly kind: ResourceKind;
    readonly id: string | null;
    readonly organisationId: string | null;
    readonly regionCode: string | null;
  };
  readonly outcome: AuditOutcome;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  readonly requestId: string | null;
  readonly address: string | null;
}

/** A page of events, newest first, and the cursor of the next (older) page (keyset paging on `seq`). */
export interface AuditPage {
  readonly events: readonly AuditEventRow[];
  readonly next: number | null;
}

export interface AuditFilter {
  readonly since?: string;
  readonly until?: string;
  readonly username?: string;
  readonly action?: string;
  readonly resourceKind?: ResourceKind;
  readonly resourceId?: string;
}

/** The query string of a filter and a page: only what is set. */
export function auditQuery(f: AuditFilter, cursor: number | undefined, limit: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (typeof v === "string" && v !== "") p.set(k, v);
  if (cursor !== undefined) p.set("cursor", String(cursor));
  p.set("limit", String(limit));
  return p.toString();
}

export function useAuditPage(f: AuditFilter, cursor: number | undefined, limit = 50) {
  const q = auditQuery(f, cursor, limit);
  return useQuery({
    queryKey: ["audit", q] as const,
    queryFn: () => apiFetch<AuditPage>(`/api/audit?${q}`),
    placeholderData: keepPreviousData,
  });
}

/** Every event of one record, oldest first (the record's timeline). */
export function useAuditOfResource(kind: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ["audit", "resource", kind, id] as const,
    queryFn: () =>
      apiFetch<AuditPage>(`/api/audit/resource/${encodeURIComponent(kind!)}/${encodeURIComponent(id!)}`),
    enabled: kind !== undefined && id !== undefined,
  });
}
