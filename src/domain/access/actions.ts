/**
 * Everything an actor may be allowed to do, by the kind of resource it acts on. An action that
 * changes state writes an audit event (`changesState`). New workflows add their actions here and
 * their grants in ROLES; nothing else decides access.
 */
export const ACTIONS = {
  // Analysis areas and what hangs off them (maps, analyses, inventories, reports, plans).
  "area.read": { resource: "area", changesState: false },
  "area.create": { resource: "area", changesState: true },
  "area.update": { resource: "area", changesState: true },
  "area.delete": { resource: "area", changesState: true },
  "map.upload": { resource: "area", changesState: true },
  "map.delete": { resource: "area", changesState: true },
  "analysis.run": { resource: "area", changesState: true },
  "analysis.delete": { resource: "area", changesState: true },
  "inventory.write": { resource: "area", changesState: true },
  "inventory.delete": { resource: "area", changesState: true },
  "report.create": { resource: "area", changesState: true },
  "plan.compute": { resource: "area", changesState: false },
  // Mines.
  "mine.read": { resource: "mine", changesState: false },
  "mine.create": { resource: "mine", changesState: true },
  "mine.update": { resource: "mine", changesState: true },
  // Administration.
  "organisation.read": { resource: "organisation", changesState: false },
  "organisation.manage": { resource: "organisation", changesState: true },
  "user.read": { resource: "user", changesState: false },
  "user.manage": { resource: "user", changesState: true },
  "token.read": { resource: "organisation", changesState: false },
  "token.manage": { resource: "organisation", changesState: true },
  "session.read": { resource: "user", changesState: false },
  "session.revoke": { resource: "user", changesState: true },
  "audit.read": { resource: "organisation", changesState: false },
  // The public portal.
  "published.read": { resource: "area", changesState: false },
  "feedback.send": { resource: "area", changesState: true },
  "feedback.read": { resource: "area", changesState: false },
} as const satisfies Record<string, { resource: ResourceKind; changesState: boolean }>;

export type ActionId = keyof typeof ACTIONS;
export type ResourceKind = "area" | "mine" | "organisation" | "user";

export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];
export const isActionId = (s: string): s is ActionId => Object.hasOwn(ACTIONS, s);
