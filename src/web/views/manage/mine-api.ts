import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { annualReportListItemSchema } from "../../../contract/annual-report.ts";
import type { mineEvaluationAnswer } from "../../../contract/evaluation.ts";
import type { mineRecordSchema } from "../../../contract/mine.ts";
import type { evidenceItemSchema, NoticeJson, noticeWithEventsSchema } from "../../../contract/notice.ts";
import type { plotRecordSchema } from "../../../contract/plot.ts";
import type { FlagJson } from "../../../contract/supervision.ts";
import type { TargetRecord } from "../../../contract/target.ts";
import { apiFetch } from "../../api/client.ts";

/** The answers the per-mine page reads (their schemas are the server's, src/contract/). */
export type MineRecord = z.infer<typeof mineRecordSchema>;
export type PlotRecord = z.infer<typeof plotRecordSchema>;
export type MineEvaluation = z.infer<typeof mineEvaluationAnswer>;
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;
export type NoticeWithEvents = z.infer<typeof noticeWithEventsSchema>;
export type ReportSummary = z.infer<typeof annualReportListItemSchema>;
export type { FlagJson, NoticeJson, TargetRecord };

/**
 * Query keys of one mine's management records, all under ["management", "mine", id] so that a
 * change to any of them (a notice issued, a flag dismissed) refreshes the page with one call, and
 * under ["management"] so that the dashboard's figures refresh too.
 */
export const mineKeys = {
  all: (id: string) => ["management", "mine", id] as const,
  record: (id: string) => ["management", "mine", id, "record"] as const,
  targets: (id: string) => ["management", "mine", id, "targets"] as const,
  plots: (id: string) => ["management", "mine", id, "plots"] as const,
  reports: (id: string) => ["management", "mine", id, "reports"] as const,
  flags: (id: string) => ["management", "mine", id, "flags"] as const,
  notices: (id: string) => ["management", "mine", id, "notices"] as const,
  notice: (id: string, noticeId: string) => ["management", "mine", id, "notices", noticeId] as const,
  evaluation: (id: string, year: number) => ["management", "mine", id, "evaluation", year] as const,
  timeline: (id: string) => ["management", "mine", id, "timeline"] as const,
};

const enc = encodeURIComponent;

export const useMine = (id: string) =>
  useQuery({ queryKey: mineKeys.record(id), queryFn: () => apiFetch<MineRecord>(`/api/mines/${enc(id)}`) });

export const useMineTargets = (id: string) =>
  useQuery({
    queryKey: mineKeys.targets(id),
    queryFn: () => apiFetch<TargetRecord[]>(`/api/mines/${enc(id)}/targets`),
  });

export const useMinePlots = (id: string) =>
  useQuery({
    queryKey: mineKeys.plots(id),
    queryFn: () => apiFetch<PlotRecord[]>(`/api/mines/${enc(id)}/plots`),
  });

export const useMineReports = (id: string) =>
  useQuery({
    queryKey: mineKeys.reports(id),
    queryFn: () => apiFetch<ReportSummary[]>(`/api/annual-reports?mineId=${enc(id)}`),
  });

export const useMineFlags = (id: string) =>
  useQuery({
    queryKey: mineKeys.flags(id),
    queryFn: () => apiFetch<FlagJson[]>(`/api/flags?mineId=${enc(id)}`),
  });

export const useMineNotices = (id: string) =>
  useQuery({
    queryKey: mineKeys.notices(id),
    queryFn: () => apiFetch<NoticeJson[]>(`/api/notices?mineId=${enc(id)}`),
  });

/** One notice with its events, read when its panel is opened. */
export const useNotice = (mineId: string, noticeId: string, enabled: boolean) =>
  useQuery({
    queryKey: mineKeys.notice(mineId, noticeId),
    queryFn: () => apiFetch<NoticeWithEvents>(`/api/notices/${enc(noticeId)}`),
    enabled,
  });

export const useMineEvaluation = (id: string, year: number | undefined) =>
  useQuery({
    queryKey: mineKeys.evaluation(id, year ?? 0),
    queryFn: () => apiFetch<MineEvaluation>(`/api/mines/${enc(id)}/evaluation?year=${year}`),
    enabled: year !== undefined,
  });

/** Refreshes the mine's records and the dashboard (all under ["management"]) after a change. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["management"] }).then(() => undefined);
}

/** Issues a rectification notice (from a flag, optionally). */
export function useIssueNotice(mineId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { text: string; deadline: string; flagId?: string }) =>
      apiFetch<NoticeWithEvents>(`/api/mines/${enc(mineId)}/notices`, { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

/** A step of a notice: the enterprise's response (with evidence), the regulator's close or escalation. */
export function useNoticeStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: {
      noticeId: string;
      type: "respond" | "close" | "escalate";
      text: string;
      evidence?: EvidenceItem[];
    }) =>
      apiFetch<NoticeWithEvents>(`/api/notices/${enc(input.noticeId)}/${input.type}`, {
        method: "POST",
        json: { text: input.text, ...(input.evidence?.length ? { evidence: input.evidence } : {}) },
      }),
    onSuccess: refresh,
  });
}

/** Dismisses a flag with a reason. */
export function useDismissFlag() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { flagId: string; reason: string }) =>
      apiFetch<FlagJson>(`/api/flags/${enc(input.flagId)}/dismiss`, {
        method: "POST",
        json: { reason: input.reason },
      }),
    onSuccess: refresh,
  });
}

/** A file offered as evidence: its name, size and SHA-256, computed here (the file stays with its owner). */
export async function evidenceOf(file: File): Promise<EvidenceItem> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { name: file.name, bytes: file.size, sha256 };
}
