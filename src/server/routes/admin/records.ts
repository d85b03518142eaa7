import type { Actor } from "../../../domain/access/actor.ts";
import type { Organisation } from "../../../domain/access/organisation.ts";
import type { ResourceRef } from "../../../domain/access/policy.ts";
import type { ApiTokenInfo } from "../../../storage/api-token-repository.ts";
import type { SessionInfo } from "../../../storage/session-repository.ts";
import type { User } from "../../../storage/user-repository.ts";

/**
 * The administration's records as the API answers them and as the trail's before/after records
 * digest them (src/contract/admin.ts declares their schemas), and the policy's view of them.
 */

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const userJson = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  roles: [...u.roles],
  mustChangePassword: u.mustChangePassword,
  disabled: u.disabled,
  passwordChangedAt: u.passwordChangedAt.toISOString(),
  createdAt: u.createdAt.toISOString(),
});

export const tokenJson = (t: ApiTokenInfo) => ({
  id: t.id,
  organisationId: t.organisationId,
  name: t.name,
  roles: [...t.roles],
  actions: [...t.actions],
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
  lastUsedAt: iso(t.lastUsedAt),
});

export const sessionJson = (s: SessionInfo, actor: Actor) => ({
  id: s.id,
  userId: s.userId,
  username: s.username,
  organisationId: s.organisationId,
  current: actor.kind === "user" && actor.sessionId === s.id,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  revokedAt: iso(s.revokedAt),
  revokedReason: s.revokedReason,
  address: s.address,
  userAgent: s.userAgent,
});

/** An organisation as the policy sees it: it owns itself and lies in its region. */
export const orgResource = (o: Organisation): ResourceRef => ({
  kind: "organisation",
  organisationId: o.id,
  regionCode: o.regionCode,
});

/** A user as the policy sees it: owned by its organisation, in the organisation's region. */
export const userResource = (
  u: { id: string; organisationId: string },
  org: Organisation | undefined,
): ResourceRef => ({
  kind: "user",
  organisationId: u.organisationId,
  regionCode: org?.regionCode ?? null,
  userId: u.id,
});
