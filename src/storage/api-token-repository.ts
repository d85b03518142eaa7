import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { ACTION_IDS, type ActionId } from "../domain/access/actions.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import { ROLE_IDS, type RoleId } from "../domain/access/roles.ts";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

/** An API token as listed: never its secret nor the secret's digest. Created by Identity.createToken. */
export interface ApiTokenInfo {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly roles: readonly RoleId[];
  readonly actions: readonly ActionId[];
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** The stored `api_tokens.roles` column: the roles a token acts with. */
export const storedTokenRoles = z.array(z.enum(ROLE_IDS));
/** The stored `api_tokens.actions` column: the only actions the token may be used for. */
export const storedTokenActions = z.array(z.enum(ACTION_IDS as [ActionId, ...ActionId[]]));

const COLUMNS = [
  "t.id",
  "t.organisation_id",
  "t.name",
  "t.roles",
  "t.actions",
  "t.created_by",
  "t.created_at",
  "t.expires_at",
  "t.revoked_at",
  "t.last_used_at",
] as const;

type Row = Pick<
  Selectable<Database["api_tokens"]>,
  | "id"
  | "organisation_id"
  | "name"
  | "roles"
  | "actions"
  | "created_by"
  | "created_at"
  | "expires_at"
  | "revoked_at"
  | "last_used_at"
>;

const toToken = (r: Row): ApiTokenInfo => {
  const where = { table: "api_tokens", id: String(r.id) };
  return {
    id: String(r.id),
    organisationId: String(r.organisation_id),
    name: r.name,
    roles: parseStored(storedTokenRoles, r.roles, { ...where, column: "roles" }),
    actions: parseStored(storedTokenActions, r.actions, { ...where, column: "actions" }),
    createdBy: String(r.created_by),
    createdAt: new Date(r.created_at),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
  };
};

/** API tokens for the administration view: get and list (scoped). Creating and revoking: Identity. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One token by id (not scoped: the caller asks the policy about its organisation). */
  async get(id: string): Promise<ApiTokenInfo | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db
      .selectFrom("api_tokens as t")
      .select(COLUMNS)
      .where("t.id", "=", id)
      .executeTakeFirst();
    return r ? toToken(r) : undefined;
  }

  /** The tokens `scope` lets the actor see (queryScope(actor, "token.read")), by id. */
  async list(scope: QueryScope, filter: { organisationId?: string } = {}): Promise<ApiTokenInfo[]> {
    let q = this.db
      .selectFrom("api_tokens as t")
      .innerJoin("organisations as o", "o.id", "t.organisation_id")
      .select(COLUMNS)
      .where(scopeWhere(scope, { organisation: "t.organisation_id", region: "o.region_code" }));
    if (filter.organisationId !== undefined) {
      if (!isRowId(filter.organisationId)) return [];
      q = q.where("t.organisation_id", "=", filter.organisationId);
    }
    return (await q.orderBy("t.id").execute()).map(toToken);
  }
}
