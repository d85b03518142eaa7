import { useQuery } from "@tanstack/react-query";
import type { AreaStructureProblem } from "../../../contract/structure-problem.ts";
import { apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";

/** The query string of a structure problem asked with a coal output (t/yr), or none (the area's own). */
export const structureProblemUrl = (areaId: string, coalOutputT?: number | null): string =>
  `/api/areas/${encodeURIComponent(areaId)}/structure-problem` +
  (coalOutputT === undefined || coalOutputT === null ? "" : `?coalOutputT=${coalOutputT}`);

/**
 * The structure problem of the area's own land (its latest finished land-use analysis and its
 * inventories' coal output). Asked only when the area has a finished analysis (`enabled`): the API
 * answers 409 `not-finished` otherwise, which the view says without asking.
 */
export function useStructureProblem(areaId: string, enabled: boolean) {
  return useQuery({
    enabled,
    // Under the area's key: a new analysis or inventory of the area invalidates it.
    queryKey: keys.structureProblem(areaId),
    queryFn: () => apiFetch<AreaStructureProblem>(structureProblemUrl(areaId)),
    retry: false,
  });
}
