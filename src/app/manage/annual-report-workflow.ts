import type { Kysely } from "kysely";
import type { ReportEventInput } from "../../contract/annual-report.ts";
import { inboxTextSchema, type InboxMessageInput } from "../../contract/inbox.ts";
import type { RegionCode } from "../../domain/access/region-code.ts";
import { isWithinRegion } from "../../domain/access/region-code.ts";
import {
  applyReportEvent,
  type ReportEvent,
  type ReportEventType,
  type ReportHistory,
  type WorkflowRefusal,
} from "../../domain/manage/report-workflow.ts";
import type { AnnualReportRepository, StoredAnnualReport } from "../../storage/annual-report-repository.ts";
import type { InboxRepository } from "../../storage/inbox-repository.ts";
import type { Database } from "../../storage/schema.ts";
import { submissionCheck } from "./annual-report-content.ts";

/** What the workflow service needs of a change's transaction (the server's Repositories has it). */
export interface ReportTx {
  readonly db: Kysely<Database>;
  readonly annualReports: AnnualReportRepository;
  readonly inbox: InboxRepository;
}

/** Who fires an event: a person (user id) of an organisation. */
export interface ReportEventBy {
  readonly userId: string;
  readonly organisationId: string;
}

/** The users an event's messages go to, found by `reportRecipients` (as the system, before the change). */
export interface ReportRecipients {
  readonly enterprise: readonly string[];
  readonly regulators: readonly string[];
  readonly verifiers: (organisationId: string) => readonly string[];
}

/**
 * The users who hear of a report's events: the enterprise's users; the regulators of the mine's
 * jurisdiction (users with the regulator role in a department whose region contains the report's
 * region); and the verifiers of each verification body (by organisation). Disabled accounts are
 * left out. `db` must see every user (the caller runs it as the system: the actor may not read
 * other organisations' users, but must be able to notify them).
 */
export async function reportRecipients(
  db: Kysely<Database>,
  report: Pick<StoredAnnualReport, "organisationId" | "regionCode">,
): Promise<ReportRecipients> {
  const rows = await db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .leftJoin("user_roles", "user_roles.user_id", "users.id")
    .select([
      "users.id",
      "users.organisation_id",
      "organisations.kind",
      "organisations.region_code",
      "user_roles.role",
    ])
    .where("users.disabled_at", "is", null)
    .execute();
  const enterprise = new Set<string>();
  const regulators = new Set<string>();
  const verifiers = new Map<string, Set<string>>();
  for (const r of rows) {
    const id = String(r.id);
    const org = String(r.organisation_id);
    if (org === report.organisationId) enterprise.add(id);
    if (
      r.role === "regulator" &&
      r.kind === "department" &&
      isWithinRegion(report.regionCode, r.region_code as RegionCode)
    )
      regulators.add(id);
    if (r.role === "verifier") verifiers.set(org, (verifiers.get(org) ?? new Set()).add(id));
  }
  return {
    enterprise: [...enterprise],
    regulators: [...regulators],
    verifiers: (org) => [...(verifiers.get(org) ?? [])],
  };
}

/** Who hears of each event. */
function recipientsOf(
  type: ReportEventType,
  to: ReportRecipients,
  verifier: string | null,
): readonly string[] {
  switch (type) {
    case "submit":
    case "resubmit":
      return [...to.regulators, ...to.enterprise];
    case "send-to-verification":
      return verifier === null ? [] : to.verifiers(verifier);
    case "conclude-verification":
      return to.regulators;
    case "return":
    case "approve":
    case "reject":
    case "publish":
      return to.enterprise;
  }
}

/** The stored event's body: what the event carried beyond its type, who and when. */
function eventBody(e: ReportEvent, version: number | undefined, figures: unknown): Record<string, unknown> {
  switch (e.type) {
    case "submit":
    case "resubmit":
      return { version, figures };
    case "send-to-verification":
      return { verifierOrganisationId: e.verifierOrganisationId };
    case "conclude-verification":
      return { conclusion: e.conclusion };
    case "return":
      return { reason: e.reason, fieldComments: e.fieldComments };
    case "reject":
      return { reason: e.reason };
    case "approve":
    case "publish":
      return {};
  }
}

export type FireResult =
  | {
      readonly ok: true;
      readonly before: StoredAnnualReport;
      readonly after: StoredAnnualReport;
      readonly version?: number;
    }
  | { readonly ok: false; readonly refusal: WorkflowRefusal }
  | { readonly ok: false; readonly gone: true };

/**
 * Fires one workflow event on a report in the caller's transaction: locks the report row, loads
 * its history (state, versions, verifier), asks the domain's state machine (`applyReportEvent`),
 * and stores the step — the state and verifier (guarded by the state it left), the version a
 * submission freezes (the current draft, checked complete) and the event — then sends the inbox
 * messages. A refusal changes nothing. Two reviewers firing at once queue on the row lock; the
 * second is refused `not-now` by the state the first left.
 */
export async function fireReportEvent(
  tx: ReportTx,
  reportId: string,
  input: ReportEventInput,
  by: ReportEventBy,
  to: ReportRecipients,
  at: Date = new Date(),
): Promise<FireResult> {
  const before = await tx.annualReports.lock(reportId);
  if (!before) return { ok: false, gone: true };
  const versions = await tx.annualReports.versions(reportId);
  const history: ReportHistory = {
    state: before.state,
    versions: versions.map((v) => ({ ...v })),
    events: [],
    verifierOrganisationId: before.verifierOrganisationId,
  };
  let event: ReportEvent;
  let figures: unknown;
  if (input.type === "submit" || input.type === "resubmit") {
    // Refused by state first (a submitted report's draft is not checked again), then by content.
    const probe = applyReportEvent(history, { type: input.type, content: {}, by, at });
    if (!probe.ok) return probe;
    const check = await submissionCheck(tx, before, before.draft);
    if (!check.ok) return { ok: false, refusal: { kind: "incomplete", problems: check.problems } };
    event = { type: input.type, content: check.content, by, at };
    figures = check.figures;
  } else if (input.type === "return")
    event = { type: "return", reason: input.reason, fieldComments: input.fieldComments ?? [], by, at };
  else if (input.type === "conclude-verification")
    event = {
      type: input.type,
      conclusion: { ...input.conclusion, findings: input.conclusion.findings ?? [] },
      by,
      at,
    };
  else event = { ...input, by, at } as ReportEvent;
  const step = applyReportEvent(history, event);
  if (!step.ok) return step;
  const frozen = step.history.versions.length > versions.length ? step.history.versions.at(-1) : undefined;
  const stored = await tx.annualReports.storeStep(reportId, {
    from: before.state,
    to: step.history.state,
    verifierOrganisationId: step.history.verifierOrganisationId,
    version: frozen && { number: frozen.number, content: frozen.content, submittedBy: by.userId },
    event: {
      type: event.type,
      byUserId: by.userId,
      byOrganisationId: by.organisationId,
      at,
      body: eventBody(event, frozen?.number, figures),
    },
  });
  if (!stored)
    return {
      ok: false,
      refusal: {
        kind: "not-now",
        problems: [{ path: "type", message: "the report changed meanwhile; read it again" }],
      },
    };
  const after = (await tx.annualReports.get(reportId))!;
  const users = [...new Set(recipientsOf(event.type, to, step.history.verifierOrganisationId))].filter(
    (u) => u !== by.userId,
  );
  await sendMessages(
    tx,
    users.map((userId) => message(userId, after, event)),
  );
  return { ok: true, before, after, ...(frozen ? { version: frozen.number } : {}) };
}

function message(userId: string, r: StoredAnnualReport, e: ReportEvent): InboxMessageInput {
  const subject = { kind: "annual-report", id: r.id };
  const values = { mine: r.mineName, year: r.year };
  if (e.type === "return")
    return {
      userId,
      kind: "state-change",
      subject,
      text: { key: "inbox.report-returned", values: { ...values, reason: e.reason.slice(0, 500) } },
    };
  return {
    userId,
    kind: "state-change",
    subject,
    text: { key: "inbox.report-state", values: { ...values, state: { term: `state.${r.state}` } } },
  };
}

/**
 * Sends the messages in the change's transaction. Not through InboxRepository.send for now: its
 * `ON CONFLICT (user_id, key) DO NOTHING` needs SELECT rights on the conflict columns, so PostgreSQL
 * checks each new row against the inbox's read policy, and a message to another user (every
 * message here) is refused under row-level security. These messages carry no key, so a plain
 * insert is the same thing. (Requested: InboxRepository.send to use ON CONFLICT only for keyed messages.)
 */
async function sendMessages(tx: ReportTx, messages: readonly InboxMessageInput[]): Promise<void> {
  if (messages.length === 0) return;
  for (const m of messages) inboxTextSchema.parse(m.text);
  await tx.db
    .insertInto("inbox_messages")
    .values(
      messages.map((m) => ({
        user_id: m.userId,
        kind: m.kind,
        subject_kind: m.subject.kind,
        subject_id: m.subject.id,
        message: JSON.stringify(m.text),
        key: null,
      })),
    )
    .execute();
}
