import type { Kysely } from "kysely";
import { isRegionCode, isWithinRegion, type RegionCode } from "../../domain/access/region-code.ts";
import { asSystem } from "../../storage/row-scope.ts";
import type { Database } from "../../storage/schema.ts";

/**
 * Who a supervision message goes to: the enterprise's users (every active account of the mine's
 * owner) and the regulators whose department's region holds the mine. Read as the system, before
 * the change's transaction: the sender may not read other organisations' accounts (row-level
 * security), yet must reach them; only their ids leave this module.
 */
export interface Recipients {
  /** Active users of each organisation, by organisation id. */
  readonly ofOrganisation: (organisationId: string) => readonly string[];
  /** Active regulators whose department's jurisdiction holds the region. */
  readonly regulatorsOf: (regionCode: string) => readonly string[];
}

export async function recipients(
  db: Kysely<Database>,
  organisationIds: readonly string[],
): Promise<Recipients> {
  return asSystem(async () => {
    const members =
      organisationIds.length === 0
        ? []
        : await db
            .selectFrom("users")
            .select(["id", "organisation_id"])
            .where("organisation_id", "in", [...new Set(organisationIds)])
            .where("disabled_at", "is", null)
            .execute();
    const regulators = await db
      .selectFrom("users")
      .innerJoin("user_roles", "user_roles.user_id", "users.id")
      .innerJoin("organisations", "organisations.id", "users.organisation_id")
      .select(["users.id", "organisations.region_code"])
      .where("user_roles.role", "=", "regulator")
      .where("organisations.kind", "=", "department")
      .where("users.disabled_at", "is", null)
      .execute();
    const byOrg = new Map<string, string[]>();
    for (const m of members)
      byOrg.set(String(m.organisation_id), [...(byOrg.get(String(m.organisation_id)) ?? []), String(m.id)]);
    return {
      ofOrganisation: (id) => byOrg.get(id) ?? [],
      regulatorsOf: (code) =>
        isRegionCode(code)
          ? regulators
              .filter((r) => isRegionCode(r.region_code) && isWithinRegion(code, r.region_code as RegionCode))
              .map((r) => String(r.id))
          : [],
    };
  });
}
