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
 * - An enterprise editor works on its own organisation's areas and mines and prepares the annual
 *   reports; a submitter reads them and submits the reports (the MRV chain separates who prepares
 *   from who declares); both answer rectification notices.
 * - A verifier reads only what its body is assigned to: the areas, and the annual reports a
 *   regulator sent it for verification, whose findings and conclusion it records.
 * - The management system (issue 13): a regulator sets targets, puts plots under control rules
 *   (from its own department's rule table), runs supervision, issues notices, reviews and
 *   publishes reports and answers the public, all within its jurisdiction; the enterprise keeps
 *   plots, sub-targets and reclamation plans. The public reads published reports and the replies
 *   a regulator made public.
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
      "annual-report.read",
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
      "feedback.reply",
      "plot.regulate",
      "target.set",
      "supervision.run",
      "notice.issue",
      "annual-report.read",
      "annual-report.review",
      "annual-report.publish",
    ]),
    ...each("own-organisation", AREA_WORK),
    ...each("own-organisation", ["rule.manage"]),
  ],
  "enterprise-editor": [
    ...each("own-organisation", AREA_WORK),
    ...each("own-organisation", [
      "mine.read",
      "mine.update",
      "organisation.read",
      "token.read",
      "token.manage",
      "plot.write",
      "target.propose",
      "reclamation.plan",
      "notice.respond",
      "annual-report.read",
      "annual-report.write",
    ]),
  ],
  "enterprise-submitter": [
    ...each("own-organisation", [
      "area.read",
      "plan.compute",
      "mine.read",
      "organisation.read",
      "notice.respond",
      "annual-report.read",
      "annual-report.submit",
    ]),
  ],
  verifier: [
    ...each("assigned", ["area.read", "mine.read", "annual-report.read", "annual-report.verify"]),
    ...each("own-organisation", ["organisation.read"]),
  ],
  public: [...each("published", ["published.read", "feedback.send", "annual-report.read"])],
};

/** Grants every signed-in user has over their own account. */
export const SELF_GRANTS: readonly Grant[] = each("self", [
  "user.read",
  "session.read",
  "session.revoke",
  "inbox.read",
  "inbox.mark",
]);
