import type { ActionId } from "./actions.ts";

/**
 * How far a grant reaches:
 * - `everything`: any resource (the system administrator's administration and oversight reads);
 * - `jurisdiction`: resources located in the actor's department's region or below it;
 * - `own-organisation`: resources owned by the actor's organisation;
 * - `assigned`: resources the actor's verification body is assigned to;
 * - `published`: resources published to the public;
 * - `self`: the actor's own user record and sessions.
 */
export const GRANT_SCOPES = [
  "everything",
  "jurisdiction",
  "own-organisation",
  "assigned",
  "published",
  "self",
] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export interface Grant {
  readonly action: ActionId;
  readonly scope: GrantScope;
}

/** Roles a user can hold. `public` is everyone's, signed in or not, and is never assigned. */
export const ROLE_IDS = [
  "administrator",
  "regulator",
  "enterprise-editor",
  "enterprise-submitter",
  "verifier",
  "public",
] as const;
export type RoleId = (typeof ROLE_IDS)[number];
export const isRoleId = (s: string): s is RoleId => (ROLE_IDS as readonly string[]).includes(s);

/** Which organisation kind may hold each assignable role (a regulator works for a department). */
export const ROLE_ORGANISATION_KIND = {
  administrator: ["department", "enterprise", "verification-body"],
  regulator: ["department"],
  "enterprise-editor": ["enterprise"],
  "enterprise-submitter": ["enterprise"],
  verifier: ["verification-body"],
  public: [],
} as const satisfies Record<RoleId, readonly string[]>;

const each = (scope: GrantScope, actions: readonly ActionId[]): Grant[] =>
  actions.map((action) => ({ action, scope }));

/** What an area's owner works with: its maps, analyses, inventories, reports and plans. */
const AREA_WORK: readonly ActionId[] = [
  "area.read",
  "area.create",
  "area.update",
  "area.delete",
  "map.upload",
  "map.delete",
  "analysis.run",
  "analysis.delete",
  "inventory.write",
  "inventory.delete",
  "report.create",
  "plan.compute",
];

/**
 * The grants of each role: data, read by the policy, listed in the administration view and in
 * docs/access.md. A signed-in user holds the grants of every role they have plus `public`'s.
 *
 * Choices a reviewer should know:
 * - The administrator manages organisations, users, tokens and sessions and reads the audit trail,
 *   and may read all areas and mines for support, but changes no enterprise's or department's data
 *   (MLPS level 2 asks for least privilege and separated duties).
 * - A regulator reads everything located in its jurisdiction and works on its own department's
 *   regional areas (seed 001's Pingshuo area is a department's area holding several mines); it
 *   keeps the register of mines in its jurisdiction. It does not edit an enterprise's data.
 * - An enterprise editor works on its own organisation's areas and mines; a submitter reads them
 *   (the next issue gives the submitter the annual-report submission).
 * - A verifier reads only what its body is assigned to.
 */
export const ROLES: Readonly<Record<RoleId, readonly Grant[]>> = {
  administrator: [
    ...each("everything", [
      "organisation.read",
      "organisation.manage",
      "user.read",
      "user.manage",
      "token.read",
      "token.manage",
      "session.read",
      "session.revoke",
      "audit.read",
      "area.read",
      "mine.read",
      "feedback.read",
    ]),
  ],
  regulator: [
    ...each("jurisdiction", [
      "area.read",
      "plan.compute",
      "mine.read",
      "mine.create",
      "mine.update",
      "organisation.read",
      "audit.read",
      "feedback.read",
    ]),
    ...each("own-organisation", AREA_WORK),
  ],
  "enterprise-editor": [
    ...each("own-organisation", AREA_WORK),
    ...each("own-organisation", [
      "mine.read",
      "mine.update",
      "organisation.read",
      "token.read",
      "token.manage",
    ]),
  ],
  "enterprise-submitter": [
    ...each("own-organisation", ["area.read", "plan.compute", "mine.read", "organisation.read"]),
  ],
  verifier: [
    ...each("assigned", ["area.read", "mine.read"]),
    ...each("own-organisation", ["organisation.read"]),
  ],
  public: [...each("published", ["published.read", "feedback.send"])],
};

/** Grants every signed-in user has over their own account. */
export const SELF_GRANTS: readonly Grant[] = each("self", ["user.read", "session.read", "session.revoke"]);
