import { useQuery } from "@tanstack/react-query";
import type { AnalysisRecord } from "../../../contract/analysis-record.ts";
import type { InventoryListItem } from "../../../contract/inventory-record.ts";
import { apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";

/** A stored analysis with its result (GET /api/analyses/{id}). */
export function useAnalysis(id: string | undefined) {
  return useQuery({
    queryKey: keys.analysis(id ?? ""),
    queryFn: () => apiFetch<AnalysisRecord>(`/api/analyses/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/**
 * The area's inventories with their results, in one request (GET
 * /api/areas/{id}/inventories?withResult=true). Under the area's key: a stored inventory or a
 * replaced map refreshes it.
 */
export function useAreaInventoryResults(areaId: string) {
  return useQuery({
    queryKey: keys.inventoryResults(areaId),
    queryFn: () =>
      apiFetch<InventoryListItem[]>(`/api/areas/${encodeURIComponent(areaId)}/inventories?withResult=true`),
    enabled: !!areaId,
  });
}
