import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { publicAnnualReportListItemSchema } from "../../../contract/annual-report.ts";
import type {
  feedbackInput,
  publicAreaSchema,
  publicAreaSummarySchema,
  publicFeedbackSchema,
} from "../../../contract/public.ts";
import type { PublicMine, PublicMineListItem } from "../../../contract/public-mine.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { apiFetch } from "../../api/client.ts";

/** A published area as the portal lists it (src/contract/public.ts). */
export type PublicAreaSummary = z.infer<typeof publicAreaSummarySchema>;
/** A published area's page: figures, series, the latest land-use map as a layer. */
export type PublicArea = z.infer<typeof publicAreaSchema>;
export type FeedbackInput = z.input<typeof feedbackInput>;
/** A published annual report in the portal's list (src/contract/annual-report.ts). */
export type PublicAnnualReportItem = z.infer<typeof publicAnnualReportListItemSchema>;
/** A public feedback message with its reply (never the sender's name or contact). */
export type PublicFeedback = z.infer<typeof publicFeedbackSchema>;
export type { PublicMine, PublicMineListItem };

export const publicKeys = {
  areas: (lang: Lang) => ["public", "areas", lang] as const,
  area: (id: string, lang: Lang) => ["public", "areas", id, lang] as const,
  annualReports: ["public", "annual-reports"] as const,
  mines: ["public", "mines"] as const,
  mine: (id: string) => ["public", "mines", id] as const,
  feedback: ["public", "feedback"] as const,
};

/** The published areas with their key figures (the figures' sources in the language). */
export function usePublicAreas(lang: Lang) {
  return useQuery({
    queryKey: publicKeys.areas(lang),
    queryFn: () => apiFetch<PublicAreaSummary[]>(`/api/public/areas?lang=${lang}`),
  });
}

export function usePublicArea(id: string | undefined, lang: Lang) {
  return useQuery({
    queryKey: publicKeys.area(id ?? "", lang),
    queryFn: () => apiFetch<PublicArea>(`/api/public/areas/${encodeURIComponent(id!)}?lang=${lang}`),
    enabled: id !== undefined,
    placeholderData: (previous, q) => (q?.queryKey[2] === id ? previous : undefined),
  });
}

/** The published annual reports, newest year first. */
export function usePublicAnnualReports() {
  return useQuery({
    queryKey: publicKeys.annualReports,
    queryFn: () => apiFetch<PublicAnnualReportItem[]>("/api/public/annual-reports"),
  });
}

/** The public mines (a published report, or in a published area). */
export function usePublicMines() {
  return useQuery({
    queryKey: publicKeys.mines,
    queryFn: () => apiFetch<PublicMineListItem[]>("/api/public/mines"),
  });
}

/** A public mine's summary: boundary, trend, targets and whether they were met, public feedback. */
export function usePublicMine(id: string | undefined) {
  return useQuery({
    queryKey: publicKeys.mine(id ?? ""),
    queryFn: () => apiFetch<PublicMine>(`/api/public/mines/${encodeURIComponent(id!)}`),
    enabled: id !== undefined && id !== "",
  });
}

/** The feedback a regulator made public, with replies, newest first. */
export function usePublicFeedback() {
  return useQuery({
    queryKey: publicKeys.feedback,
    queryFn: () => apiFetch<PublicFeedback[]>("/api/public/feedback"),
  });
}

/** Sends feedback (anyone; rate-limited by the server). */
export function useSendFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedbackInput) =>
      apiFetch<{ id: string }>("/api/public/feedback", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["public"] }),
  });
}
