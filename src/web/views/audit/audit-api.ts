import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { auditEventSchema, auditPageSchema } from "../../../contract/audit.ts";
import type { AuditRecordKind } from "../../../domain/access/audit-event.ts";
import { apiFetch } from "../../api/client.ts";

/** One event of the audit trail and a page of them (src/contract/audit.ts); `next` pages on by key. */
export type AuditEventRow = z.infer<typeof auditEventSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;

export interface AuditFilter {
  readonly since?: string;
  readonly until?: string;
  readonly username?: string;
  readonly action?: string;
  readonly resourceKind?: AuditRecordKind;
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
