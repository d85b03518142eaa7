import { isStoredId } from "../../contract/stored-id.ts";
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { ACTIONS, isActionId, type ActionId } from "../../domain/access/actions.ts";
import type { TokenActor, UserActor } from "../../domain/access/actor.ts";
import type { OrganisationKind } from "../../domain/access/organisation.ts";
import { grantsFor } from "../../domain/access/policy.ts";
import type { RegionCode } from "../../domain/access/region-code.ts";
import { isRoleId, ROLE_ORGANISATION_KIND, type RoleId } from "../../domain/access/roles.ts";
import { InputError, type InputIssue } from "../../domain/validation/input-issue.ts";
import { storedTokenActions, storedTokenRoles } from "../../storage/api-token-repository.ts";
import { parseStored } from "../../storage/parse-stored.ts";
import type { Database } from "../../storage/schema.ts";
import { USERNAME_FORM } from "../../storage/user-repository.ts";
import { hashPassword, needsRehash, passwordProblems, verifyPassword } from "./passwords.ts";

export interface SessionLifetimes {
  /** A session unused for this long ends (MLPS level 2 asks for an idle timeout). */
  readonly idleMinutes: number;
  /** A session ends this long after login however much it is used. */
  readonly absoluteHours: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMinutes: 30, absoluteHours: 12 };

/** Where a login came from (stored with the session; shown in the administration view). */
export interface ClientInfo {
  readonly address: string | null;
  readonly userAgent: string | null;
}

export type LoginResult =
  | { ok: true; sessionSecret: string; actor: UserActor; expiresAt: Date }
  | { ok: false; reason: "bad-credentials" | "disabled" };

/** API token secrets start with this, so that secret scanners can find leaked ones. */
export const TOKEN_PREFIX = "mct_";

/** A new secret: 32 random bytes, base64url (43 characters). */
const newSecret = (): string => randomBytes(32).toString("base64url");
/** What is stored of a secret: its SHA-256, hex. */
export const secretDigest = (secret: string): string => createHash("sha256").update(secret).digest("hex");

const SECRET_FORM = /^[A-Za-z0-9_-]{43}$/;
/**
 * A session's last use (and a token's) is written at most once a minute: not one write per
 * request. The idle timeout is therefore kept to within a minute.
 */
const TOUCH_EVERY_MS = 60_000;
/** Longest user-agent text stored with a session. */
const USER_AGENT_MAX_CHARS = 512;

/** The user's roles, their organisation's kind and its jurisdiction, as the actor needs them. */
interface Membership {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly jurisdiction: RegionCode | null;
}

const jurisdictionOf = (kind: OrganisationKind, regionCode: string): RegionCode | null =>
  kind === "department" ? (regionCode as RegionCode) : null;

/**
 * Who is signed in: logins (argon2id passwords), server-side sessions with idle and absolute expiry
 * and revocation, and API tokens for machine clients. Only SHA-256 digests of session and token
 * secrets are stored, so a copy of the tables gives no live credentials. `db` may be a transaction
 * (the audit event of a change is written in the same one).
 */
export class Identity {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks the password and opens a session. An unknown user is checked against a dummy hash, so the
   * answer takes as long as for a known one; the result never says which of the two was wrong. A
   * disabled user or organisation is told "disabled" only after the right password.
   */
  async login(username: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    if (!USERNAME_FORM.test(name)) {
      // No account can have this name: answered like any unknown user, without a query.
      await verifyPassword(DUMMY_HASH, password);
      return { ok: false, reason: "bad-credentials" };
    }
    const user = await this.db
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select([
        "u.id",
        "u.username",
        "u.password_hash",
        "u.disabled_at",
        "u.must_change_password",
        "o.id as organisation_id",
        "o.kind as organisation_kind",
        "o.region_code",
        "o.disabled_at as organisation_disabled_at",
      ])
      .where("u.username", "=", name)
      .executeTakeFirst();
    if (!user) {
      await verifyPassword(DUMMY_HASH, password);
      return { ok: false, reason: "bad-credentials" };
    }
    if (!(await verifyPassword(user.password_hash, password)))
      return { ok: false, reason: "bad-credentials" };
    if (user.disabled_at !== null || user.organisation_disabled_at !== null)
      return { ok: false, reason: "disabled" };
    if (needsRehash(user.password_hash))
      await this.db
        .updateTable("users")
        .set({ password_hash: await hashPassword(password) })
        .where("id", "=", user.id)
        .execute();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.lifetimes.absoluteHours * 3_600_000);
    const sessionSecret = newSecret();
    const sessionId = secretDigest(sessionSecret);
    await this.db
      .insertInto("sessions")
      .values({
        id: sessionId,
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        address: client.address,
        user_agent: client.userAgent === null ? null : client.userAgent.slice(0, USER_AGENT_MAX_CHARS),
      })
      .execute();
    const membership: Membership = {
      organisationId: String(user.organisation_id),
      organisationKind: user.organisation_kind,
      jurisdiction: jurisdictionOf(user.organisation_kind, user.region_code),
    };
    return {
      ok: true,
      sessionSecret,
      expiresAt,
      actor: {
        kind: "user",
        userId: String(user.id),
        username: user.username,
        sessionId,
        ...membership,
        roles: await this.rolesOf(String(user.id)),
        mustChangePassword: user.must_change_password,
      },
    };
  }

  /**
   * The user of a session, or undefined when the secret is unknown, the session revoked, idle for
   * longer than the idle lifetime or past its absolute expiry, or the user or organisation disabled.
   * Marks the session used now (written at most once a minute).
   */
  async sessionActor(secret: string): Promise<UserActor | undefined> {
    if (!SECRET_FORM.test(secret)) return undefined;
    const id = secretDigest(secret);
    const now = this.now();
    const s = await this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select([
        "s.id",
        "s.last_seen_at",
        "s.expires_at",
        "s.revoked_at",
        "u.id as user_id",
        "u.username",
        "u.disabled_at",
        "u.must_change_password",
        "o.id as organisation_id",
        "o.kind as organisation_kind",
        "o.region_code",
        "o.disabled_at as organisation_disabled_at",
      ])
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!s || s.revoked_at !== null || s.disabled_at !== null || s.organisation_disabled_at !== null)
      return undefined;
    if (new Date(s.expires_at).getTime() <= now.getTime()) return undefined;
    if (new Date(s.last_seen_at).getTime() + this.lifetimes.idleMinutes * 60_000 <= now.getTime())
      return undefined;
    if (now.getTime() - new Date(s.last_seen_at).getTime() >= TOUCH_EVERY_MS)
      await this.db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
    return {
      kind: "user",
      userId: String(s.user_id),
      username: s.username,
      sessionId: id,
      organisationId: String(s.organisation_id),
      organisationKind: s.organisation_kind,
      jurisdiction: jurisdictionOf(s.organisation_kind, s.region_code),
      roles: await this.rolesOf(String(s.user_id)),
      mustChangePassword: s.must_change_password,
    };
  }

  /** Ends the session of `secret` (nothing happens for an unknown or already ended one). */
  async logout(secret: string): Promise<void> {
    if (!SECRET_FORM.test(secret)) return;
    await this.db
      .updateTable("sessions")
      .set({ revoked_at: this.now(), revoked_reason: "logout" })
      .where("id", "=", secretDigest(secret))
      .where("revoked_at", "is", null)
      .execute();
  }

  /**
   * Ends every open session of the user (all but `exceptSessionId`, the digest a UserActor carries as
   * sessionId, when given); answers how many were ended.
   */
  async revokeSessions(
    userId: string,
    reason: "password-changed" | "revoked" | "user-disabled",
    exceptSessionId?: string,
  ): Promise<number> {
    let q = this.db
      .updateTable("sessions")
      .set({ revoked_at: this.now(), revoked_reason: reason })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null);
    if (exceptSessionId !== undefined) q = q.where("id", "<>", exceptSessionId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * The machine client of an API token, or undefined when the secret is unknown, the token revoked
   * or expired, its organisation or its creator disabled. Its roles are those it was given that its
   * creator still holds. Marks the token used now.
   */
  async tokenActor(secret: string): Promise<TokenActor | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX) || !SECRET_FORM.test(secret.slice(TOKEN_PREFIX.length)))
      return undefined;
    const now = this.now();
    const t = await this.db
      .selectFrom("api_tokens as t")
      .innerJoin("organisations as o", "o.id", "t.organisation_id")
      .innerJoin("users as c", "c.id", "t.created_by")
      .select([
        "t.id",
        "t.roles",
        "t.actions",
        "t.created_by",
        "t.expires_at",
        "t.revoked_at",
        "t.last_used_at",
        "o.id as organisation_id",
        "o.kind as organisation_kind",
        "o.region_code",
        "o.disabled_at as organisation_disabled_at",
        "c.disabled_at as creator_disabled_at",
      ])
      .where("t.token_hash", "=", secretDigest(secret))
      .executeTakeFirst();
    // A token acts for its creator: a disabled creator's tokens stop too.
    if (!t || t.revoked_at !== null || t.organisation_disabled_at !== null || t.creator_disabled_at !== null)
      return undefined;
    if (t.expires_at !== null && new Date(t.expires_at).getTime() <= now.getTime()) return undefined;
    const where = { table: "api_tokens", id: String(t.id) };
    // Never more than the creator holds now: a role taken from the creator leaves the token too.
    const held = new Set(await this.rolesOf(String(t.created_by)));
    const roles = parseStored(storedTokenRoles, t.roles, { ...where, column: "roles" }).filter((r) =>
      held.has(r),
    );
    const actions = parseStored(storedTokenActions, t.actions, { ...where, column: "actions" });
    if (t.last_used_at === null || now.getTime() - new Date(t.last_used_at).getTime() >= TOUCH_EVERY_MS)
      await this.db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", t.id).execute();
    return {
      kind: "token",
      tokenId: String(t.id),
      createdBy: String(t.created_by),
      actions,
      roles,
      organisationId: String(t.organisation_id),
      organisationKind: t.organisation_kind,
      jurisdiction: jurisdictionOf(t.organisation_kind, t.region_code),
    };
  }

  /**
   * A new API token of one organisation. Its roles must fit the organisation's kind, and each of its
   * actions must be granted by one of its roles (a token never reaches further than its roles). The
   * secret is answered once and never stored.
   */
  async createToken(o: {
    organisationId: string;
    name: string;
    roles: RoleId[];
    actions: ActionId[];
    createdBy: string;
    expiresAt: Date | null;
  }): Promise<{ id: string; secret: string }> {
    const issues: InputIssue[] = [];
    const org = isStoredId(o.organisationId)
      ? await this.db
          .selectFrom("organisations")
          .select(["id", "kind", "region_code", "disabled_at"])
          .where("id", "=", o.organisationId)
          .executeTakeFirst()
      : undefined;
    if (!org) issues.push({ path: "organisationId", message: `no organisation ${o.organisationId}` });
    else if (org.disabled_at !== null)
      issues.push({ path: "organisationId", message: `organisation ${o.organisationId} is disabled` });
    const name = o.name.trim();
    if (name.length === 0 || name.length > 200)
      issues.push({ path: "name", message: "a token's name has 1 to 200 characters" });
    if (o.roles.length === 0) issues.push({ path: "roles", message: "a token needs at least one role" });
    o.roles.forEach((role, i) => {
      if (!isRoleId(role) || role === "public")
        issues.push({ path: `roles[${i}]`, message: `"${role}" is not a role a token can hold` });
      else if (org && !(ROLE_ORGANISATION_KIND[role] as readonly string[]).includes(org.kind))
        issues.push({ path: `roles[${i}]`, message: `a ${org.kind} cannot hold the role ${role}` });
    });
    if (o.actions.length === 0)
      issues.push({ path: "actions", message: "a token needs at least one action" });
    if (org) {
      const holder: TokenActor = {
        kind: "token",
        tokenId: "",
        createdBy: o.createdBy,
        actions: o.actions,
        roles: o.roles,
        organisationId: String(org.id),
        organisationKind: org.kind,
        jurisdiction: jurisdictionOf(org.kind, org.region_code),
      };
      o.actions.forEach((action, i) => {
        if (!isActionId(action))
          issues.push({ path: `actions[${i}]`, message: `"${action}" is not an action` });
        else if (!grantsFor(holder, action).some((g) => g.scope !== "published" && g.scope !== "self"))
          issues.push({
            path: `actions[${i}]`,
            message: `none of the token's roles grants ${action} (${ACTIONS[action].resource})`,
          });
      });
    }
    const creator = isStoredId(o.createdBy)
      ? await this.db.selectFrom("users").select("id").where("id", "=", o.createdBy).executeTakeFirst()
      : undefined;
    if (!creator) issues.push({ path: "createdBy", message: `no user ${o.createdBy}` });
    if (o.expiresAt !== null && o.expiresAt.getTime() <= this.now().getTime())
      issues.push({ path: "expiresAt", message: "a token's expiry must lie in the future" });
    if (issues.length > 0) throw new InputError("the token", issues);
    const secret = TOKEN_PREFIX + newSecret();
    const r = await this.db
      .insertInto("api_tokens")
      .values({
        organisation_id: o.organisationId,
        name,
        token_hash: secretDigest(secret),
        roles: JSON.stringify([...new Set(o.roles)]),
        actions: JSON.stringify([...new Set(o.actions)]),
        created_by: o.createdBy,
        created_at: this.now(),
        expires_at: o.expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: String(r.id), secret };
  }

  /** Revokes a token (nothing happens for an unknown or already revoked one). */
  async revokeToken(id: string): Promise<void> {
    if (!isStoredId(id)) return;
    await this.db
      .updateTable("api_tokens")
      .set({ revoked_at: this.now() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
  }

  /**
   * Sets a new password (checked by passwordProblems; an InputError on the field `password`
   * otherwise), clears must_change_password and ends the user's other sessions: all of them, or all
   * but `keepSessionId` (the digest the changing session's actor carries as sessionId).
   */
  async changePassword(userId: string, newPassword: string, keepSessionId?: string): Promise<void> {
    const user = await this.db
      .selectFrom("users")
      .select(["id", "username"])
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user)
      throw new InputError("the password change", [{ path: "userId", message: `no user ${userId}` }]);
    const problems = passwordProblems(newPassword, user.username);
    if (problems.length > 0)
      throw new InputError(
        "the new password",
        problems.map((message) => ({ path: "password", message })),
      );
    const changed = await this.db
      .updateTable("users")
      .set({
        password_hash: await hashPassword(newPassword),
        password_changed_at: this.now(),
        must_change_password: false,
      })
      .where("id", "=", userId)
      .executeTakeFirst();
    // Row-level security skips rows a scope may not write without an error: say so rather than
    // answer as if the password had changed.
    if (Number(changed.numUpdatedRows) !== 1)
      throw new Error(
        `the password of user ${userId} was not changed: its row could not be written in this scope`,
      );
    await this.revokeSessions(userId, "password-changed", keepSessionId);
  }

  /**
   * True when `password` is the user's current one (a password change asks for it first, so that a
   * session left open cannot be used to take the account over).
   */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = isStoredId(userId)
      ? await this.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst()
      : undefined;
    return verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  }

  private async rolesOf(userId: string): Promise<RoleId[]> {
    const rows = await this.db
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", userId)
      .orderBy("role")
      .execute();
    return rows.map((r) => r.role);
  }
}

/**
 * The hash of a random, forgotten password, made with ARGON2_OPTIONS: an unknown user's login is
 * checked against it, so that it costs what a known user's does (a test keeps it in step with the
 * options).
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=65536,t=3,p=1$j4s2s1nCF8MYLhPVTVb1iw$zB8fhbysYXKhp6PkHu+fvTJpeY63PhsSELGECjCkfWE";
