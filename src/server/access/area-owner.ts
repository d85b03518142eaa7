import type { Actor } from "../../domain/access/actor.ts";
import { isRegionCode, isWithinRegion, type RegionCode } from "../../domain/access/region-code.ts";
import type { AreaOwner } from "../../storage/mining-area-repository.ts";
import { ApiError } from "../api-error.ts";
import type { AppContext } from "../context.ts";

/**
 * Who owns an area an actor creates and where it lies: the actor's own organisation, in the region
 * the request names or else the organisation's own. A department's area must lie within its
 * jurisdiction (it cannot open an area it could not supervise); an enterprise's within its own
 * province, below the province (so that the province's, city's and county's departments see it);
 * the region must be known.
 */
export async function newAreaOwner(
  ctx: AppContext,
  actor: Actor,
  asked: string | undefined,
): Promise<AreaOwner> {
  if (actor.kind === "anonymous") throw new TypeError("an anonymous actor owns nothing");
  const org = await ctx.organisations.get(actor.organisationId);
  if (!org) throw new Error(`organisation ${actor.organisationId} of the actor does not exist`);
  const code = asked ?? org.regionCode;
  const bad = (message: string) =>
    new ApiError("bad-input", "the area's region", [{ path: "regionCode", message }]);
  if (!isRegionCode(code) || !(await ctx.regions.get(code)))
    throw bad(
      `must be a region code (GB/T 2260) the system knows; got "${code}". An administrator adds regions (minecarbon regions add)`,
    );
  if (actor.jurisdiction !== null && !isWithinRegion(code, actor.jurisdiction))
    throw bad(`must lie within ${actor.jurisdiction}, the jurisdiction of your department; got "${code}"`);
  // An enterprise cannot choose who supervises it: its areas lie in its own province, below the
  // province itself, where that province's departments see them.
  const province = `${org.regionCode.slice(0, 2)}0000`;
  if (
    actor.jurisdiction === null &&
    (code === province || !isWithinRegion(code as RegionCode, province as RegionCode))
  )
    throw bad(`must be a city or county of your organisation's province (${province}); got "${code}"`);
  return { organisationId: actor.organisationId, regionCode: code as RegionCode };
}
