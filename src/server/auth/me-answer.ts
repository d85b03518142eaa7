import type { Kysely } from "kysely";
import type { Me } from "../../contract/auth.ts";
import { ACTION_IDS } from "../../domain/access/actions.ts";
import type { TokenActor, UserActor } from "../../domain/access/actor.ts";
import { queryScope } from "../../domain/access/policy.ts";
import type { Database } from "../../storage/schema.ts";

/**
 * The answer of `GET /api/me` (and of a login): the user or token, its organisation with its
 * region, its roles, and the actions the policy lets it do on some resource — what the web app's
 * navigation shows (the server still decides each request).
 */
export async function meAnswer(db: Kysely<Database>, actor: UserActor | TokenActor): Promise<Me> {
  const org = await db
    .selectFrom("organisations as o")
    .innerJoin("regions as r", "r.code", "o.region_code")
    .select([
      "o.id",
      "o.kind",
      "o.name",
      "o.name_zh",
      "r.code",
      "r.name as region_name",
      "r.name_zh as region_name_zh",
    ])
    .where("o.id", "=", actor.organisationId)
    .executeTakeFirstOrThrow();
  const user =
    actor.kind === "user"
      ? await db
          .selectFrom("users")
          .select(["id", "username", "display_name"])
          .where("id", "=", actor.userId)
          .executeTakeFirstOrThrow()
      : undefined;
  return {
    actor: actor.kind,
    user: user ? { id: String(user.id), username: user.username, displayName: user.display_name } : null,
    token: actor.kind === "token" ? { id: actor.tokenId } : null,
    organisation: {
      id: String(org.id),
      kind: org.kind,
      name: org.name,
      nameZh: org.name_zh,
      region: { code: org.code, name: org.region_name, nameZh: org.region_name_zh },
    },
    roles: [...actor.roles],
    actions: ACTION_IDS.filter((a) => queryScope(actor, a).kind !== "nothing"),
  };
}
