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
  // The management system (issue 13; seed 000 §3): what is managed on a mine, and how.
  /** Import, edit and remove a mine's plots and declare their land use and stage (the enterprise). */
  "plot.write": { resource: "mine", changesState: true },
  /** Put a plot under a control rule (the regulator). */
  "plot.regulate": { resource: "mine", changesState: true },
  /** Set, change and withdraw the regulator's targets for a mine. */
  "target.set": { resource: "mine", changesState: true },
  /** Add the enterprise's own sub-targets for its mine. */
  "target.propose": { resource: "mine", changesState: true },
  /** Keep the mine's reclamation plan: plots, target use and species, schedule, budget. */
  "reclamation.plan": { resource: "mine", changesState: true },
  /** Run the supervision rules, keep flags, draw spot checks and record their results. */
  "supervision.run": { resource: "mine", changesState: true },
  /** Issue a rectification notice, and close or escalate it. */
  "notice.issue": { resource: "mine", changesState: true },
  /** Answer a rectification notice with evidence. */
  "notice.respond": { resource: "mine", changesState: true },
  // Annual reports (issue 13): the MRV chain, report → verification → review → disclosure.
  "annual-report.read": { resource: "annual-report", changesState: false },
  /** Open a year's report, edit the draft (and a returned report), attach evidence, delete a draft. */
  "annual-report.write": { resource: "annual-report", changesState: true },
  /** Submit (and resubmit) the report with its declaration. */
  "annual-report.submit": { resource: "annual-report", changesState: true },
  /** Record the verification's findings and conclusion (the assigned verification body). */
  "annual-report.verify": { resource: "annual-report", changesState: true },
  /** Send to verification, comment, return, approve or reject. */
  "annual-report.review": { resource: "annual-report", changesState: true },
  /** Publish an approved report to the public. */
  "annual-report.publish": { resource: "annual-report", changesState: true },
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
  /** Keep the department's table of land-use control rules. */
  "rule.manage": { resource: "organisation", changesState: true },
  // A user's own inbox of notifications.
  "inbox.read": { resource: "user", changesState: false },
  "inbox.mark": { resource: "user", changesState: true },
  // The public portal.
  "published.read": { resource: "area", changesState: false },
  "feedback.send": { resource: "area", changesState: true },
  "feedback.read": { resource: "area", changesState: false },
  /** Moderate public feedback: reply, set its status, show or hide it on the portal. */
  "feedback.reply": { resource: "area", changesState: true },
} as const satisfies Record<string, { resource: ResourceKind; changesState: boolean }>;

export type ActionId = keyof typeof ACTIONS;
export type ResourceKind = "area" | "mine" | "annual-report" | "organisation" | "user";

export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];
export const isActionId = (s: string): s is ActionId => Object.hasOwn(ACTIONS, s);
