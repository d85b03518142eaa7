import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AnnualReportDraft,
  AnnualReportListItem,
  AnnualReportRecord,
  EvidenceFileRecord,
  ReportAdjustment,
  ReportChecks,
  ReportEventInput,
  ReportEventRecord,
  reportVersionSchema,
  versionChangesSchema,
} from "../../../contract/annual-report.ts";
import type { verificationBodySchema } from "../../../contract/admin.ts";
import type { MineRecord } from "../../../contract/mine.ts";
import type { PlotRecord } from "../../../contract/plot.ts";
import type { ReportState } from "../../../domain/manage/report-workflow.ts";
import { apiFetch } from "../../api/client.ts";
import type { AnalysisRecord, Overview } from "../../api/queries.ts";

export type {
  AnnualReportDraft,
  AnnualReportListItem,
  AnnualReportRecord,
  EvidenceFileRecord,
  ReportAdjustment,
  ReportChecks,
  ReportEventInput,
  ReportEventRecord,
};
export type ReportVersion = z.infer<typeof reportVersionSchema>;
export type VersionChanges = z.infer<typeof versionChangesSchema>;
export type VerificationBody = z.infer<typeof verificationBodySchema>;
/** An analysis area holding a mine, as `GET /api/mines/{id}/areas` answers it. */
export interface MineArea {
  id: string;
  name: string;
  nameZh: string | null;
}

/** The filters of the report list (GET /api/annual-reports). */
export interface ReportFilter {
  mineId?: string;
  year?: number;
  state?: ReportState;
}

/** Query keys of the annual reports' pages: everything under ["annual-reports", …]. */
export const reportKeys = {
  all: ["annual-reports"] as const,
  list: (f: ReportFilter) => ["annual-reports", "list", f] as const,
  one: (id: string) => ["annual-reports", id] as const,
  checks: (id: string) => ["annual-reports", id, "checks"] as const,
  adjustment: (id: string) => ["annual-reports", id, "adjustment"] as const,
  version: (id: string, n: number) => ["annual-reports", id, "versions", n] as const,
  changes: (id: string, from: number, to: number) => ["annual-reports", id, "changes", from, to] as const,
  mines: ["annual-reports", "mines"] as const,
  plots: (mineId: string) => ["annual-reports", "mines", mineId, "plots"] as const,
  mineAreas: (mineId: string) => ["annual-reports", "mines", mineId, "areas"] as const,
  analyses: (areaId: string) => ["annual-reports", "areas", areaId, "analyses"] as const,
  maps: (areaId: string) => ["annual-reports", "areas", areaId, "maps"] as const,
  bodies: ["annual-reports", "verification-bodies"] as const,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/annual-reports/${enc(id)}`;

export function useReportList(f: ReportFilter) {
  const q = new URLSearchParams();
  if (f.mineId) q.set("mineId", f.mineId);
  if (f.year !== undefined) q.set("year", String(f.year));
  if (f.state) q.set("state", f.state);
  const s = q.toString();
  return useQuery({
    queryKey: reportKeys.list(f),
    queryFn: () => apiFetch<AnnualReportListItem[]>(`/api/annual-reports${s ? `?${s}` : ""}`),
    placeholderData: (previous) => previous,
  });
}

export const useReport = (id: string) =>
  useQuery({ queryKey: reportKeys.one(id), queryFn: () => apiFetch<AnnualReportRecord>(base(id)) });

export const useChecks = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: reportKeys.checks(id),
    queryFn: () => apiFetch<ReportChecks>(`${base(id)}/checks`),
    enabled,
  });

export const useAdjustment = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: reportKeys.adjustment(id),
    queryFn: () => apiFetch<ReportAdjustment>(`${base(id)}/adjustment`),
    enabled,
  });

export const useVersion = (id: string, n: number | undefined) =>
  useQuery({
    queryKey: reportKeys.version(id, n ?? 0),
    queryFn: () => apiFetch<ReportVersion>(`${base(id)}/versions/${n}`),
    enabled: n !== undefined && n > 0,
    staleTime: Infinity,
  });

export const useChanges = (id: string, from: number | undefined, to: number | undefined) =>
  useQuery({
    queryKey: reportKeys.changes(id, from ?? 0, to ?? 0),
    queryFn: () => apiFetch<VersionChanges>(`${base(id)}/changes?from=${from}&to=${to}`),
    enabled: from !== undefined && to !== undefined && from !== to,
    staleTime: Infinity,
  });

/** The mines the actor may read (an editor starts a report for one of its own). */
export const useMines = () =>
  useQuery({ queryKey: reportKeys.mines, queryFn: () => apiFetch<MineRecord[]>("/api/mines") });

export const usePlots = (mineId: string) =>
  useQuery({
    queryKey: reportKeys.plots(mineId),
    queryFn: () => apiFetch<PlotRecord[]>(`/api/mines/${enc(mineId)}/plots`),
    enabled: mineId !== "",
  });

export const useMineAreas = (mineId: string) =>
  useQuery({
    queryKey: reportKeys.mineAreas(mineId),
    queryFn: () => apiFetch<MineArea[]>(`/api/mines/${enc(mineId)}/areas`),
    enabled: mineId !== "",
  });

export const useAreaAnalyses = (areaId: string | undefined) =>
  useQuery({
    queryKey: reportKeys.analyses(areaId ?? ""),
    queryFn: () => apiFetch<AnalysisRecord[]>(`/api/areas/${enc(areaId ?? "")}/analyses`),
    enabled: !!areaId,
  });

/** An area's land-use maps (year and id), from its overview. */
export const useAreaMaps = (areaId: string | undefined) =>
  useQuery({
    queryKey: reportKeys.maps(areaId ?? ""),
    queryFn: async () => (await apiFetch<Overview>(`/api/areas/${enc(areaId ?? "")}/overview`)).maps,
    enabled: !!areaId,
  });

export const useVerificationBodies = (enabled: boolean) =>
  useQuery({
    queryKey: reportKeys.bodies,
    queryFn: () => apiFetch<VerificationBody[]>("/api/verification-bodies"),
    enabled,
    staleTime: 60_000,
  });

/** A write on one report: its record is replaced by the answer, and the lists are asked again. */
function useReportWrite<I>(id: string, call: (input: I) => Promise<AnnualReportRecord>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (r) => {
      qc.setQueryData(reportKeys.one(id), r);
      void qc.invalidateQueries({ queryKey: reportKeys.all, predicate: (q) => q.queryKey[1] !== id });
      void qc.invalidateQueries({ queryKey: reportKeys.checks(id) });
    },
  });
}

export const useSaveDraft = (id: string) =>
  useReportWrite(id, (draft: AnnualReportDraft) =>
    apiFetch<AnnualReportRecord>(`${base(id)}/draft`, { method: "PUT", json: draft }),
  );

export const useFireEvent = (id: string) =>
  useReportWrite(id, (event: ReportEventInput) =>
    apiFetch<AnnualReportRecord>(`${base(id)}/events`, { method: "POST", json: event }),
  );

/** Opens a mine's report of a year as a draft. */
export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (o: { mineId: string; year: number }) =>
      apiFetch<AnnualReportRecord>(`/api/mines/${enc(o.mineId)}/annual-reports`, {
        method: "POST",
        json: { year: o.year },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** Attaches an evidence file (multipart, one `file`); the report is read again. */
export function useUploadEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return apiFetch<EvidenceFileRecord>(`${base(id)}/evidence`, { method: "POST", body });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.one(id) }),
  });
}

export function useRemoveEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      apiFetch<undefined>(`${base(id)}/evidence/${enc(fileId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.one(id) }),
  });
}

export const evidenceUrl = (id: string, fileId: string) => `${base(id)}/evidence/${enc(fileId)}`;
