import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { rankingAnswer } from "../../../contract/evaluation.ts";
import type { ManagementOverview } from "../../../contract/management-overview.ts";
import { apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";

export type { ManagementOverview };
export type Ranking = z.infer<typeof rankingAnswer>;
export type MineOverview = ManagementOverview["mines"][number];

/** The management overview of a year (the server's default year, last year, when none is asked). */
export function useManagementOverview(year: number | undefined) {
  return useQuery({
    queryKey: keys.managementOverview(year ?? "latest"),
    queryFn: () =>
      apiFetch<ManagementOverview>(`/api/management/overview${year === undefined ? "" : `?year=${year}`}`),
    placeholderData: (previous) => previous,
  });
}

/** The evaluation ranking of a year; a refusal (403) is an error the view answers by leaving the card out. */
export function useRanking(year: number | undefined) {
  return useQuery({
    queryKey: keys.evaluationRanking(year ?? 0),
    queryFn: () => apiFetch<Ranking>(`/api/evaluation?year=${year}`),
    enabled: year !== undefined,
  });
}
