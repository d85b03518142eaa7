import { ACTIONS, ACTION_IDS, type ActionId, type ResourceKind } from "./actions.ts";
import {
  ROLE_IDS,
  ROLE_ORGANISATION_KIND,
  ROLES,
  SELF_GRANTS,
  type GrantScope,
  type RoleId,
} from "./roles.ts";

/** What each scope reaches, said once for docs/access.md. */
const SCOPE_TEXT = {
  everything:
    "any resource of the kind, wherever it lies and whoever owns it (the administrator's administration and oversight reads).",
  jurisdiction:
    "resources located in the region of the actor's department or below it (GB/T 2260: a province's department sees its cities and counties, a city's its counties; a county directly under its province is within the province). A national department's jurisdiction is everything.",
  "own-organisation":
    "resources owned by the actor's own organisation (an enterprise's areas and mines, a department's regional areas, the organisation's own record and API tokens).",
  assigned: "resources the actor's verification body has been assigned to verify.",
  published: "resources published to the public: what the public portal shows.",
  self: "the actor's own user record, sessions and inbox.",
} as const satisfies Record<GrantScope, string>;

/** Who holds each role and what it is for; the choices a reviewer should know (roles.ts). */
const ROLE_TEXT = {
  administrator:
    "The system administrator manages organisations, users, API tokens and sessions and reads the audit trail. It may read all areas and mines for support but changes no enterprise's or department's data: MLPS level 2 (等保二级) asks for least privilege and separated duties, so the administrator is not also a super-user of the data.",
  regulator:
    "A regulator works for a government department (natural resources; ecology and environment) at national, provincial, city or county level. It reads everything located in its jurisdiction, keeps the register of mines there, and works on its own department's regional areas (seed 001's Pingshuo area is a department's area holding several mines of several enterprises). In the management system it sets each mine's targets, puts plots under the control rules of its own department's rule table, runs supervision and spot checks, issues and closes rectification notices, sends annual reports to verification, reviews, returns, approves and publishes them, and answers the public's feedback. It does not edit an enterprise's data.",
  "enterprise-editor":
    "An enterprise editor works on its own enterprise's areas (maps, analyses, inventories, reports, plans) and mines, and manages the enterprise's API tokens (for the enterprise's own systems that upload data). In the management system it keeps its mines' plots, sub-targets and reclamation plans, prepares the annual reports (drafts, evidence) and answers rectification notices. It sees nothing of another enterprise that is not published.",
  "enterprise-submitter":
    "An enterprise submitter reads its own enterprise's areas, mines and annual reports and computes plans; it submits the annual reports an editor prepared (with their declaration) and answers rectification notices.",
  verifier:
    "A verifier works for a third-party verification body and reads only the areas and mines its body is assigned to and the annual reports sent to it for verification, whose findings and conclusion it records.",
  public:
    "Everyone, signed in or not, holds the public's grants: published material and feedback on it. It is never assigned to a user.",
} as const satisfies Record<RoleId, string>;

const RESOURCE_TITLES = {
  area: "Analysis areas and what hangs off them",
  mine: "Mines and what is managed on them (plots, targets, reclamation plans, flags, notices)",
  "annual-report": "Annual reports",
  organisation: "Organisations",
  user: "Users",
} as const satisfies Record<ResourceKind, string>;

/** The scopes with which `grants` allow `action`, in the order of GRANT_SCOPES' listing in ROLES. */
function scopesOf(grants: readonly { action: ActionId; scope: GrantScope }[], action: ActionId): string {
  const scopes = [...new Set(grants.filter((g) => g.action === action).map((g) => g.scope))];
  return scopes.length ? scopes.join(", ") : "—";
}

/** The role × action table: one row per action (grouped by the kind of resource), one column per role. */
export function accessTable(): string {
  const columns: { title: string; grants: readonly { action: ActionId; scope: GrantScope }[] }[] = [
    ...ROLE_IDS.map((r) => ({ title: r, grants: ROLES[r] })),
    { title: "every user (own account)", grants: SELF_GRANTS },
  ];
  const lines: string[] = [];
  for (const kind of Object.keys(RESOURCE_TITLES) as ResourceKind[]) {
    lines.push(`### ${RESOURCE_TITLES[kind]}`, "");
    lines.push(`| action | changes state | ${columns.map((c) => c.title).join(" | ")} |`);
    lines.push(`|---|---|${columns.map(() => "---").join("|")}|`);
    for (const action of ACTION_IDS.filter((a) => ACTIONS[a].resource === kind))
      lines.push(
        `| \`${action}\` | ${ACTIONS[action].changesState ? "yes" : "no"} | ${columns
          .map((c) => scopesOf(c.grants, action))
          .join(" | ")} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * docs/access.md: the scopes, the roles and the role × action table, all from ROLES, ACTIONS and the
 * texts above (a test checks that the file is this). Regenerate with
 * `node --import tsx -e 'import("./src/domain/access/access-table.ts").then((m) => process.stdout.write(m.accessDocument()))' > docs/access.md`
 */
export function accessDocument(): string {
  const out: string[] = [
    "# Who may do what",
    "",
    "<!-- Generated from src/domain/access/roles.ts by accessDocument() in src/domain/access/access-table.ts; do not edit by hand. -->",
    "",
    "Access is decided in one place, the policy of `src/domain/access/policy.ts`: `decide(actor, action, resource)`",
    "answers whether an actor may do an action on one resource, and `queryScope(actor, action)` gives the criteria",
    "every repository query is filtered by, from the same grants (a test proves the two agree). The grants are data",
    "(`ROLES` in `src/domain/access/roles.ts`): a role is a list of (action, scope) pairs, and nothing else decides",
    "access. A signed-in user holds the grants of each of their roles, the public's, and those over their own account.",
    "",
    "An actor is a signed-in user (session cookie), an API token of a machine client, or the anonymous public.",
    "A token belongs to one organisation, holds roles and a list of actions, and may do only those actions, as far",
    "as its roles reach; it does not hold the public's grants nor those over an account.",
    "",
    "A refusal says why: `not-signed-in` (the public asked for more than published material), `not-granted` (no",
    "role of the actor has the action), `out-of-scope` (a role has it, but not for this resource).",
    "",
    "## Scopes",
    "",
    ...(Object.entries(SCOPE_TEXT) as [GrantScope, string][]).map(([s, t]) => `- \`${s}\`: ${t}`),
    "",
    "## Roles",
    "",
    ...ROLE_IDS.flatMap((r) => {
      const kinds = ROLE_ORGANISATION_KIND[r] as readonly string[];
      const held = kinds.length ? ` Held by users of: ${kinds.join(", ")}.` : "";
      return [`- \`${r}\`: ${ROLE_TEXT[r]}${held}`];
    }),
    "",
    "## Role × action",
    "",
    "Each cell lists the scopes with which the role may do the action; — means never.",
    "",
    accessTable(),
  ];
  return `${out.join("\n").trimEnd()}\n`;
}
