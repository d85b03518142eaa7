import type { Organisation } from "../../../domain/access/organisation.ts";
import type { ResourceRef } from "../../../domain/access/policy.ts";

/** An organisation as the policy sees it: it owns itself and lies in its region. */
export const orgResource = (o: Organisation): ResourceRef => ({
  kind: "organisation",
  organisationId: o.id,
  regionCode: o.regionCode,
});
