import type { ServerInfo } from "../../contract/public.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { AnalysisRecord } from "../../contract/analysis-record.ts";
import type { passwordChangeInput } from "../../contract/admin.ts";
import type { AreaRecord } from "../../contract/area.ts";
import type { Me } from "../../contract/auth.ts";
import type { InventoryRecord } from "../../contract/inventory-record.ts";
import type { layersAnswerSchema, mapLayerSchema } from "../../contract/map-layer.ts";
import type { Overview } from "../../contract/overview.ts";
import type { Lang } from "../../presentation/i18n/lang.ts";
import type { miningAreaInput } from "../../contract/area-input.ts";
import { apiFetch } from "./client.ts";

export type { AnalysisRecord, Me, Overview };
/** A mining area as the API answers it. */
export type Area = AreaRecord;
/** What creating an area sends. */
export type AreaInput = z.input<typeof miningAreaInput>;
/** What the layers endpoint answers. */
export type Layers = z.infer<typeof layersAnswerSchema>;
/** One map layer: an image in the map's CRS with its legend. */
export type LayerInfo = z.infer<typeof mapLayerSchema>;

/** Query keys, so that a write invalidates exactly what it changed. */
export const keys = {
  areas: ["areas"] as const,
  area: (id: string) => ["areas", id] as const,
  overview: (id: string, lang: Lang) => ["areas", id, "overview", lang] as const,
  layers: (id: string) => ["areas", id, "layers"] as const,
  analyses: (id: string) => ["areas", id, "analyses"] as const,
  legend: (id: string) => ["areas", id, "legend"] as const,
  analysis: (id: string) => ["analyses", id] as const,
  scenarioDefaults: (id: string) => ["areas", id, "scenario-defaults"] as const,
  /** Every stored inventory (the prefix of each one's key). */
  inventories: ["inventories"] as const,
  /** One stored inventory. */
  inventory: (id: string) => ["inventories", id] as const,
  job: (id: string) => ["jobs", id] as const,
  /** The structure problem of an area's own land: under the area's key, so a new analysis or inventory refreshes it. */
  structureProblem: (id: string) => ["areas", id, "structure-problem"] as const,
  /** An area's inventories with their results: under the area's key, so a stored inventory or a replaced map refreshes it. */
  inventoryResults: (id: string) => ["areas", id, "inventories", "with-result"] as const,
  /** What the server tells every visitor about itself (GET /api/public/info): whether it runs the demo. */
  serverInfo: ["public", "info"] as const,
  /** Who is signed in (GET /api/me). */
  me: ["me"] as const,
  /** The enabled verification bodies, for assigning one to an area (GET /api/verification-bodies). */
  verificationBodies: ["verification-bodies"] as const,
  /** The verification bodies assigned to an area: under the area's key, so an area's change refreshes them. */
  areaVerifiers: (id: string) => ["areas", id, "verifiers"] as const,
  /** The management overview of a year (GET /api/management/overview; `latest`: the server's default year). */
  managementOverview: (year: number | "latest") => ["management", "overview", year] as const,
  /** The evaluation ranking of a year (GET /api/evaluation). */
  evaluationRanking: (year: number) => ["management", "evaluation", year] as const,
};

export type { ServerInfo };

/**
 * What the server says about itself to everyone (GET /api/public/info): whether it runs the DEMO,
 * and then the demo accounts' names (never their password).
 */
export function useServerInfo() {
  return useQuery({
    queryKey: keys.serverInfo,
    queryFn: () => apiFetch<ServerInfo>("/api/public/info"),
    staleTime: Infinity,
  });
}

/** Who is signed in: user, organisation, roles and the actions they may use (401 sends to the login page). */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => apiFetch<Me>("/api/me"), staleTime: 60_000 });
}

/**
 * Signs in. The cache of the previous user (if any) is dropped whole — nothing another account
 * saw may show — and the answer is who signed in.
 */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      apiFetch<Me>("/api/auth/login", { method: "POST", json: input }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(keys.me, me);
    },
  });
}

/** Signs out and forgets everything the account saw. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>("/api/auth/logout", { method: "POST" }),
    onSettled: () => qc.clear(),
  });
}

/** Changes the signed-in user's password (POST /api/me/password); Me is asked again. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof passwordChangeInput>) =>
      apiFetch<undefined>("/api/me/password", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useAreas() {
  return useQuery({ queryKey: keys.areas, queryFn: () => apiFetch<Area[]>("/api/areas") });
}

/** The overview: key figures in the language (their notes and sources are texts of the API). */
export function useOverview(id: string, lang: Lang) {
  return useQuery({
    queryKey: keys.overview(id, lang),
    queryFn: () => apiFetch<Overview>(`/api/areas/${encodeURIComponent(id)}/overview?lang=${lang}`),
    // A language switch shows the previous answer until the new one arrives (no flash of empty);
    // never another area's answer.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
}

export function useLayers(id: string) {
  return useQuery({
    queryKey: keys.layers(id),
    queryFn: () => apiFetch<Layers>(`/api/areas/${encodeURIComponent(id)}/layers`),
  });
}

export function useAnalyses(id: string, opts: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: keys.analyses(id),
    queryFn: () => apiFetch<AnalysisRecord[]>(`/api/areas/${encodeURIComponent(id)}/analyses`),
    refetchInterval: (q) =>
      opts.poll && q.state.data?.some((a) => a.status === "queued" || a.status === "running") ? 500 : false,
  });
}

/** Creates an area; the list of areas is fetched again. */
export function useCreateArea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AreaInput) => apiFetch<Area>("/api/areas", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.areas }),
  });
}

/** A stored inventory with its input and result (GET /api/inventories/{id}): the Inventory and Charts views' query. */
export function inventoryQuery(id: string) {
  return {
    queryKey: keys.inventory(id),
    queryFn: () => apiFetch<InventoryRecord>(`/api/inventories/${encodeURIComponent(id)}`),
  } as const;
}
