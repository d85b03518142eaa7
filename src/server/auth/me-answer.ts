import type { Kysely } from "kysely";
import type { Me } from "../../contract/auth.ts";
import { ACTION_IDS } from "../../domain/access/actions.ts";
import type { TokenActor, UserActor } from "../../domain/access/actor.ts";
import { queryScope } from "../../domain/access/policy.ts";
import { OrganisationRepository } from "../../storage/organisation-repository.ts";
import { RegionRepository } from "../../storage/region-repository.ts";
import type { Database } from "../../storage/schema.ts";
import { UserRepository } from "../../storage/user-repository.ts";

/**
 * The answer of `GET /api/me` (and of a login): the user or token, its organisation with its
 * region, its roles, and the actions the policy lets it do on some resource — what the web app's
 * navigation shows (the server still decides each request).
 */
export async function meAnswer(db: Kysely<Database>, actor: UserActor | TokenActor): Promise<Me> {
  const org = await new OrganisationRepository(db).get(actor.organisationId);
  if (!org) throw new Error(`the actor's organisation ${actor.organisationId} does not exist`);
  const region = await new RegionRepository(db).get(org.regionCode);
  if (!region) throw new Error(`organisation ${org.id}'s region ${org.regionCode} does not exist`);
  const user = actor.kind === "user" ? await new UserRepository(db).get(actor.userId) : undefined;
  if (actor.kind === "user" && !user) throw new Error(`the actor's user ${actor.userId} does not exist`);
  return {
    actor: actor.kind,
    user: user
      ? {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          mustChangePassword: user.mustChangePassword,
        }
      : null,
    token: actor.kind === "token" ? { id: actor.tokenId } : null,
    organisation: {
      id: org.id,
      kind: org.kind,
      name: org.name,
      nameZh: org.nameZh,
      region: { code: region.code, name: region.name, nameZh: region.nameZh },
    },
    roles: [...actor.roles],
    actions: ACTION_IDS.filter((a) => queryScope(actor, a).kind !== "nothing"),
  };
}
