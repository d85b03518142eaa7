import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { feedbackInput, publicAreaSchema, publicAreaSummarySchema } from "../../../contract/public.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { apiFetch } from "../../api/client.ts";

/** A published area as the portal lists it (src/contract/public.ts). */
export type PublicAreaSummary = z.infer<typeof publicAreaSummarySchema>;
/** A published area's page: figures, series, the latest land-use map as a layer. */
export type PublicArea = z.infer<typeof publicAreaSchema>;
export type FeedbackInput = z.input<typeof feedbackInput>;

export const publicKeys = {
  areas: (lang: Lang) => ["public", "areas", lang] as const,
  area: (id: string, lang: Lang) => ["public", "areas", id, lang] as const,
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

/** Sends feedback (anyone; rate-limited by the server). */
export function useSendFeedback() {
  return useMutation({
    mutationFn: (input: FeedbackInput) =>
      apiFetch<unknown>("/api/public/feedback", { method: "POST", json: input }),
  });
}
