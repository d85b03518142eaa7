import type { Kysely } from "kysely";
import type { QueryScope } from "../domain/access/policy.ts";
import type { RegionCode } from "../domain/access/region-code.ts";
import { isRowId } from "./access-input.ts";
import type { Database, SessionsTable } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

/**
 * A session as the administration view shows it. `id` is the SHA-256 of the cookie's secret (what
 * the table stores), not a credential; it names the session to revoke.
 */
export interface SessionInfo {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly organisationId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: SessionsTable["revoked_reason"];
  readonly address: string | null;
  readonly userAgent: string | null;
}

const DIGEST = /^[0-9a-f]{64}$/;

/** Sessions for the administration view: list (scoped) and revoke one. Logins live in Identity. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The sessions `scope` lets the actor see (queryScope(actor, "session.read")), newest first;
   * `openAt` keeps only those not revoked and not past their absolute expiry at that time.
   */
  async list(scope: QueryScope, filter: { userId?: string; openAt?: Date } = {}): Promise<SessionInfo[]> {
    let q = this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select([
        "s.id",
        "s.user_id",
        "u.username",
        "u.organisation_id",
        "s.created_at",
        "s.last_seen_at",
        "s.expires_at",
        "s.revoked_at",
        "s.revoked_reason",
        "s.address",
        "s.user_agent",
      ])
      .where(
        scopeWhere(scope, { organisation: "u.organisation_id", region: "o.region_code", user: "s.user_id" }),
      );
    if (filter.userId !== undefined) {
      if (!isRowId(filter.userId)) return [];
      q = q.where("s.user_id", "=", filter.userId);
    }
    if (filter.openAt !== undefined)
      q = q.where("s.revoked_at", "is", null).where("s.expires_at", ">", filter.openAt);
    const rows = await q.orderBy("s.created_at", "desc").orderBy("s.id").execute();
    return rows.map((r) => ({
      id: r.id,
      userId: String(r.user_id),
      username: r.username,
      organisationId: String(r.organisation_id),
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
      expiresAt: new Date(r.expires_at),
      revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
      revokedReason: r.revoked_reason,
      address: r.address,
      userAgent: r.user_agent,
    }));
  }

  /**
   * Whose a session is that has not been revoked: its user, the user's organisation and that
   * organisation's region (what the policy sees of it); undefined when there is no such session.
   */
  async openOwner(
    id: string,
  ): Promise<{ userId: string; organisationId: string; regionCode: RegionCode } | undefined> {
    if (!DIGEST.test(id)) return undefined;
    const s = await this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select(["s.user_id", "u.organisation_id", "o.region_code"])
      .where("s.id", "=", id)
      .where("s.revoked_at", "is", null)
      .executeTakeFirst();
    return s
      ? {
          userId: String(s.user_id),
          organisationId: String(s.organisation_id),
          regionCode: s.region_code as RegionCode,
        }
      : undefined;
  }

  /** Revokes one session by its id (the digest); false when there is no open one. */
  async revoke(id: string, at: Date = new Date()): Promise<boolean> {
    if (!DIGEST.test(id)) return false;
    const r = await this.db
      .updateTable("sessions")
      .set({ revoked_at: at, revoked_reason: "revoked" })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }
}
