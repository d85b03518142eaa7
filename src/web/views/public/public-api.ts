import { useMutation, useQuery } from "@tanstack/react-query";
import type { AreaRecord } from "../../../contract/area.ts";
import type { layersAnswerSchema } from "../../../contract/map-layer.ts";
import type { Overview } from "../../../contract/overview.ts";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import type { z } from "zod";
import { apiFetch } from "../../api/client.ts";

/**
 * The public portal's API (`/api/public/*`, no sign-in). Its contract (src/contract/public.ts) is
 * being written at the same time; until it lands, these are the shapes the portal reads, kept to
 * what the overview already answers: a published area is listed with its key figures, and one
 * area answers the overview's figures, series and map with the layers to draw it.
 */
export interface PublicAreaSummary {
  readonly id: string;
  readonly name: string;
  readonly nameZh?: string | null;
  readonly regionCode?: string;
  readonly figures?: Overview["figures"];
}

export interface PublicAreaDetail {
  readonly area: Pick<AreaRecord, "id" | "name"> & { nameZh?: string | null };
  readonly figures: Overview["figures"];
  readonly series: Overview["series"];
  readonly map?: Overview["map"];
  readonly layers?: z.infer<typeof layersAnswerSchema> | null;
}

export interface FeedbackInput {
  readonly areaId: string;
  readonly name?: string;
  readonly contact?: string;
  readonly message: string;
}

export const publicKeys = {
  areas: (lang: Lang) => ["public", "areas", lang] as const,
  area: (id: string, lang: Lang) => ["public", "areas", id, lang] as const,
};

export function usePublicAreas(lang: Lang) {
  return useQuery({
    queryKey: publicKeys.areas(lang),
    queryFn: () => apiFetch<PublicAreaSummary[]>(`/api/public/areas?lang=${lang}`),
  });
}

export function usePublicArea(id: string | undefined, lang: Lang) {
  return useQuery({
    queryKey: publicKeys.area(id ?? "", lang),
    queryFn: () => apiFetch<PublicAreaDetail>(`/api/public/areas/${encodeURIComponent(id!)}?lang=${lang}`),
    enabled: id !== undefined,
  });
}

export function useSendFeedback() {
  return useMutation({
    mutationFn: (input: FeedbackInput) =>
      apiFetch<unknown>("/api/public/feedback", { method: "POST", json: input }),
  });
}
