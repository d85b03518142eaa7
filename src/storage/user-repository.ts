import type { Kysely, Selectable } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";
import { isRoleId, ROLE_ORGANISATION_KIND, type RoleId } from "../domain/access/roles.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { isRowId, nameIssues } from "./access-input.ts";
import type { Database } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

/** A user account as stored, without its password hash. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | null;
  readonly organisationId: string;
  readonly roles: readonly RoleId[];
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly passwordChangedAt: Date;
  readonly createdAt: Date;
}

export interface UserInput {
  readonly username: string;
  readonly displayName?: string | null;
  readonly organisationId: string;
  readonly roles: readonly string[];
  /** The argon2id hash (src/app/auth/passwords.ts); the repository never sees a password. */
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean;
}

/** Usernames: 3 to 64 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit. */
export const USERNAME_FORM = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Roles a user may be given: every role but `public` (everyone's). */
type AssignableRole = Exclude<RoleId, "public">;

type Row = Selectable<Database["users"]>;

/**
 * User accounts and their roles. A role must fit the kind of the user's organisation
 * (ROLE_ORGANISATION_KIND: a regulator works for a department, a verifier for a verification body).
 */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: UserInput): Promise<User> {
    const issues: InputIssue[] = [...nameIssues("displayName", input.displayName, false)];
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_FORM.test(username))
      issues.push({
        path: "username",
        message: 'must be 3 to 64 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit',
      });
    else if (await this.getByUsername(username))
      issues.push({ path: "username", message: `user ${username} exists` });
    if (!input.passwordHash.startsWith("$argon2id$"))
      issues.push({ path: "passwordHash", message: "must be an argon2id hash" });
    issues.push(...(await this.roleIssues(input.organisationId, input.roles)));
    if (issues.length > 0) throw new InputError(`user ${input.username}`, issues);
    return this.inTransaction(async (tx) => {
      const r = await tx
        .insertInto("users")
        .values({
          username,
          display_name: input.displayName?.trim() ?? null,
          organisation_id: input.organisationId,
          password_hash: input.passwordHash,
          must_change_password: input.mustChangePassword ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const roles = [...new Set(input.roles)] as AssignableRole[];
      await tx
        .insertInto("user_roles")
        .values(roles.map((role) => ({ user_id: r.id, role })))
        .execute();
      return toUser(r, roles);
    });
  }

  /** One user by id, or undefined (not scoped: the caller asks the policy about it). */
  async get(id: string): Promise<User | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toUser(r, await this.rolesOf([r.id]).then((m) => m.get(String(r.id)) ?? [])) : undefined;
  }

  async getByUsername(username: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username.trim().toLowerCase())
      .executeTakeFirst();
    return r ? toUser(r, await this.rolesOf([r.id]).then((m) => m.get(String(r.id)) ?? [])) : undefined;
  }

  /** The users `scope` lets the actor see (queryScope(actor, "user.read")), by id. */
  async list(scope: QueryScope, filter: { organisationId?: string } = {}): Promise<User[]> {
    let q = this.db
      .selectFrom("users")
      .innerJoin("organisations", "organisations.id", "users.organisation_id")
      .selectAll("users")
      .where(
        scopeWhere(scope, {
          organisation: "users.organisation_id",
          region: "organisations.region_code",
          user: "users.id",
        }),
      );
    if (filter.organisationId !== undefined) {
      if (!isRowId(filter.organisationId)) return [];
      q = q.where("users.organisation_id", "=", filter.organisationId);
    }
    const rows = await q.orderBy("users.id").execute();
    const roles = await this.rolesOf(rows.map((r) => r.id));
    return rows.map((r) => toUser(r, roles.get(String(r.id)) ?? []));
  }

  /** Replaces the user's roles (each must fit the organisation's kind). */
  async setRoles(id: string, roles: readonly string[]): Promise<User> {
    const user = await this.get(id);
    if (!user) throw new InputError("the roles", [{ path: "userId", message: `no user ${id}` }]);
    const issues = await this.roleIssues(user.organisationId, roles);
    if (issues.length > 0) throw new InputError(`user ${user.username}`, issues);
    const unique = [...new Set(roles)] as AssignableRole[];
    await this.inTransaction(async (tx) => {
      await tx.deleteFrom("user_roles").where("user_id", "=", id).execute();
      await tx
        .insertInto("user_roles")
        .values(unique.map((role) => ({ user_id: id, role })))
        .execute();
    });
    return { ...user, roles: unique.sort() };
  }

  /** Disables or enables the account (the caller ends its sessions: Identity.revokeSessions). */
  async setDisabled(id: string, disabled: boolean, at: Date = new Date()): Promise<boolean> {
    if (!isRowId(id)) return false;
    const r = await this.db
      .updateTable("users")
      .set({ disabled_at: disabled ? at : null })
      .where("id", "=", id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Sets a new password hash (an administrator's reset sets mustChangePassword). */
  async setPasswordHash(
    id: string,
    passwordHash: string,
    mustChangePassword: boolean,
    at: Date = new Date(),
  ): Promise<boolean> {
    if (!isRowId(id)) return false;
    const r = await this.db
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: at, must_change_password: mustChangePassword })
      .where("id", "=", id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Runs `work` in the caller's transaction when the repository was given one, else in a new one. */
  private inTransaction<T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work);
  }

  private async roleIssues(organisationId: string, roles: readonly string[]): Promise<InputIssue[]> {
    const issues: InputIssue[] = [];
    const org = isRowId(organisationId)
      ? await this.db
          .selectFrom("organisations")
          .select(["kind", "disabled_at"])
          .where("id", "=", organisationId)
          .executeTakeFirst()
      : undefined;
    if (!org) issues.push({ path: "organisationId", message: `no organisation ${organisationId}` });
    else if (org.disabled_at !== null)
      issues.push({ path: "organisationId", message: `organisation ${organisationId} is disabled` });
    if (roles.length === 0) issues.push({ path: "roles", message: "a user needs at least one role" });
    roles.forEach((role, i) => {
      if (!isRoleId(role) || role === "public")
        issues.push({
          path: `roles[${i}]`,
          message: `"${role}" is not a role a user can be given (${Object.keys(ROLE_ORGANISATION_KIND)
            .filter((r) => r !== "public")
            .join(", ")})`,
        });
      else if (org && !(ROLE_ORGANISATION_KIND[role] as readonly string[]).includes(org.kind))
        issues.push({
          path: `roles[${i}]`,
          message: `a user of a ${org.kind} cannot be ${role} (only of a ${ROLE_ORGANISATION_KIND[role].join(" or ")})`,
        });
    });
    return issues;
  }

  private async rolesOf(userIds: readonly string[]): Promise<Map<string, RoleId[]>> {
    const m = new Map<string, RoleId[]>();
    if (userIds.length === 0) return m;
    const rows = await this.db
      .selectFrom("user_roles")
      .select(["user_id", "role"])
      .where("user_id", "in", userIds)
      .orderBy("role")
      .execute();
    for (const r of rows) {
      const list = m.get(String(r.user_id)) ?? [];
      list.push(r.role);
      m.set(String(r.user_id), list);
    }
    return m;
  }
}

const toUser = (r: Row, roles: readonly RoleId[]): User => ({
  id: String(r.id),
  username: r.username,
  displayName: r.display_name,
  organisationId: String(r.organisation_id),
  roles,
  mustChangePassword: r.must_change_password,
  disabled: r.disabled_at !== null,
  passwordChangedAt: new Date(r.password_changed_at),
  createdAt: new Date(r.created_at),
});
