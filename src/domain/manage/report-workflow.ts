/**
 * The annual report's workflow as a pure state machine (issue 13; seed 000 §3's annual cycle, and
 * the MRV chain of China's emissions trading: report → verification 核查 → review → disclosure).
 *
 *   draft ─submit→ submitted ─send-to-verification→ verification ─conclude-verification→ in-review
 *   in-review ─return (reason)→ returned ─resubmit→ submitted → …
 *   in-review ─approve→ approved ─publish→ published          in-review ─reject (reason)→ rejected
 *
 * Who may fire an event is the access policy's question: each event names the action it needs
 * (`REPORT_EVENTS[type].action`), and the route asks `decide` for it on the report. This module
 * answers the other question — whether the event may happen now, with what it carries — and keeps
 * the history: every submission freezes a version that is never changed or lost, and every event
 * is appended. Nothing here deletes; a draft is the only thing the storage may delete.
 */

export const REPORT_STATES = [
  "draft",
  "submitted",
  "verification",
  "in-review",
  "returned",
  "approved",
  "published",
  "rejected",
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** What each event needs: the states it leaves, the state it enters, the policy's action. */
export const REPORT_EVENTS = {
  submit: { from: ["draft"], to: "submitted", action: "annual-report.submit" },
  resubmit: { from: ["returned"], to: "submitted", action: "annual-report.submit" },
  "send-to-verification": { from: ["submitted"], to: "verification", action: "annual-report.review" },
  "conclude-verification": { from: ["verification"], to: "in-review", action: "annual-report.verify" },
  return: { from: ["in-review"], to: "returned", action: "annual-report.review" },
  approve: { from: ["in-review"], to: "approved", action: "annual-report.review" },
  reject: { from: ["in-review"], to: "rejected", action: "annual-report.review" },
  publish: { from: ["approved"], to: "published", action: "annual-report.publish" },
} as const satisfies Record<
  string,
  { from: readonly ReportState[]; to: ReportState; action: `annual-report.${string}` }
>;
export type ReportEventType = keyof typeof REPORT_EVENTS;
export const REPORT_EVENT_TYPES = Object.keys(REPORT_EVENTS) as ReportEventType[];

/** States no event leaves. */
export const FINAL_REPORT_STATES: readonly ReportState[] = ["published", "rejected"];

/** A remark on one field of the submitted content, by its path ("inventory.energy.rawCoalT"). */
export interface FieldComment {
  readonly path: string;
  readonly comment: string;
}

/** The verifier's conclusion: whether the report conforms, and its findings. */
export interface VerificationConclusion {
  readonly conforms: boolean;
  readonly statement: string;
  readonly findings: readonly FieldComment[];
}

/** An event as asked for: its type, who fires it, when, and what it carries. */
export type ReportEvent = {
  readonly by: { readonly userId: string; readonly organisationId: string };
  readonly at: Date;
} & (
  | { readonly type: "submit" | "resubmit"; readonly content: unknown }
  | { readonly type: "send-to-verification"; readonly verifierOrganisationId: string }
  | { readonly type: "conclude-verification"; readonly conclusion: VerificationConclusion }
  | { readonly type: "return"; readonly reason: string; readonly fieldComments: readonly FieldComment[] }
  | { readonly type: "reject"; readonly reason: string }
  | { readonly type: "approve" | "publish" }
);

/** A frozen submission: what the enterprise sent the n-th time. */
export interface ReportVersion {
  readonly number: number;
  readonly content: unknown;
  readonly submittedAt: Date;
  readonly submittedBy: string;
}

/** Everything that happened to one report: its state, its versions and its events, oldest first. */
export interface ReportHistory {
  readonly state: ReportState;
  readonly versions: readonly ReportVersion[];
  readonly events: readonly ReportEvent[];
  /** The verification body the regulator sent the report to last (null before that). */
  readonly verifierOrganisationId: string | null;
}

export const NEW_REPORT: ReportHistory = {
  state: "draft",
  versions: [],
  events: [],
  verifierOrganisationId: null,
};

/** Why an event cannot happen now, as problems at paths of the event (the API answers 409/400). */
export interface WorkflowRefusal {
  readonly kind: "not-now" | "incomplete";
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

export type WorkflowStep =
  | { readonly ok: true; readonly history: ReportHistory }
  | { readonly ok: false; readonly refusal: WorkflowRefusal };

const MAX_TEXT = 4000;

function textProblems(path: string, text: string, what: string): { path: string; message: string }[] {
  if (text.trim() === "") return [{ path, message: `${what} is required; got an empty text` }];
  if (text.length > MAX_TEXT)
    return [{ path, message: `${what} must be at most ${MAX_TEXT} characters; got ${text.length}` }];
  return [];
}

function commentProblems(path: string, comments: readonly FieldComment[]) {
  return comments.flatMap((c, i) => [
    ...(c.path.trim() === ""
      ? [{ path: `${path}[${i}].path`, message: "must name the field the comment is on" }]
      : []),
    ...textProblems(`${path}[${i}].comment`, c.comment, "the comment"),
  ]);
}

/** What the event must carry, beyond being allowed now. */
function eventProblems(e: ReportEvent, h: ReportHistory): { path: string; message: string }[] {
  switch (e.type) {
    case "submit":
    case "resubmit":
      return e.content === undefined || e.content === null
        ? [{ path: "content", message: "a submission carries the report's content" }]
        : [];
    case "send-to-verification":
      return e.verifierOrganisationId.trim() === ""
        ? [{ path: "verifierOrganisationId", message: "must name the verification body" }]
        : [];
    case "conclude-verification":
      return e.by.organisationId !== h.verifierOrganisationId
        ? [
            {
              path: "by",
              message: `only the verification body the report was sent to (${h.verifierOrganisationId}) concludes its verification`,
            },
          ]
        : [
            ...textProblems("conclusion.statement", e.conclusion.statement, "the verification statement"),
            ...commentProblems("conclusion.findings", e.conclusion.findings),
          ];
    case "return":
      return [
        ...textProblems("reason", e.reason, "a reason for returning the report"),
        ...commentProblems("fieldComments", e.fieldComments),
      ];
    case "reject":
      return textProblems("reason", e.reason, "a reason for rejecting the report");
    case "approve":
    case "publish":
      return [];
  }
}

/**
 * The history after `event`, or why it cannot happen. A refusal leaves the history as it was; an
 * accepted event is appended, and a submission adds the next version.
 */
export function applyReportEvent(h: ReportHistory, event: ReportEvent): WorkflowStep {
  const rule = REPORT_EVENTS[event.type];
  if (!(rule.from as readonly ReportState[]).includes(h.state))
    return {
      ok: false,
      refusal: {
        kind: "not-now",
        problems: [
          {
            path: "type",
            message: `a report that is ${h.state} cannot be ${event.type === "submit" || event.type === "resubmit" ? "submitted" : `given "${event.type}"`}; that needs a report that is ${rule.from.join(" or ")}`,
          },
        ],
      },
    };
  const problems = eventProblems(event, h);
  if (problems.length > 0) return { ok: false, refusal: { kind: "incomplete", problems } };
  const versions =
    event.type === "submit" || event.type === "resubmit"
      ? [
          ...h.versions,
          {
            number: h.versions.length + 1,
            content: event.content,
            submittedAt: event.at,
            submittedBy: event.by.userId,
          },
        ]
      : h.versions;
  return {
    ok: true,
    history: {
      state: rule.to,
      versions,
      events: [...h.events, event],
      verifierOrganisationId:
        event.type === "send-to-verification" ? event.verifierOrganisationId : h.verifierOrganisationId,
    },
  };
}

/** The events that may happen next (before asking who may fire them). */
export const nextReportEvents = (state: ReportState): ReportEventType[] =>
  REPORT_EVENT_TYPES.filter((t) => (REPORT_EVENTS[t].from as readonly ReportState[]).includes(state));
