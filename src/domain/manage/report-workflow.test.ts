import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyReportEvent,
  FINAL_REPORT_STATES,
  NEW_REPORT,
  nextReportEvents,
  REPORT_EVENT_TYPES,
  REPORT_STATES,
  type ReportEvent,
  type ReportHistory,
} from "./report-workflow.ts";
import { versionChanges } from "./version-changes.ts";

const ENTERPRISE = { userId: "10", organisationId: "3" };
const REGULATOR = { userId: "20", organisationId: "1" };
const VERIFIER = { userId: "30", organisationId: "7" };
const at = new Date("2027-03-31T08:00:00Z");

/** Applies events one by one, failing the test on a refusal. */
function run(...events: ReportEvent[]): ReportHistory {
  let h = NEW_REPORT;
  for (const e of events) {
    const step = applyReportEvent(h, e);
    if (!step.ok) throw new Error(`${e.type}: ${JSON.stringify(step.refusal)}`);
    h = step.history;
  }
  return h;
}

const submit = (content: unknown, type: "submit" | "resubmit" = "submit"): ReportEvent => ({
  type,
  by: ENTERPRISE,
  at,
  content,
});
const toVerification: ReportEvent = {
  type: "send-to-verification",
  by: REGULATOR,
  at,
  verifierOrganisationId: "7",
};
const concluded: ReportEvent = {
  type: "conclude-verification",
  by: VERIFIER,
  at,
  conclusion: {
    conforms: false,
    statement: "Raw coal consumption does not match the purchase invoices.",
    findings: [{ path: "inventory.energy.rawCoalT", comment: "Invoices show 41,200 t, not 4.12 t." }],
  },
};

describe("the annual report's workflow", () => {
  it("goes through verification and review to publication, keeping each version", () => {
    const h = run(
      submit({ inventory: { energy: { rawCoalT: 4.12 } } }),
      toVerification,
      concluded,
      {
        type: "return",
        by: REGULATOR,
        at,
        reason: "See the verifier's finding on raw coal.",
        fieldComments: [{ path: "inventory.energy.rawCoalT", comment: "Tonnes, not 10⁴ t." }],
      },
      submit({ inventory: { energy: { rawCoalT: 41200 } } }, "resubmit"),
      toVerification,
      { ...concluded, conclusion: { conforms: true, statement: "Conforms.", findings: [] } } as ReportEvent,
      { type: "approve", by: REGULATOR, at },
      { type: "publish", by: REGULATOR, at },
    );
    expect(h.state).toBe("published");
    expect(h.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versionChanges(h.versions[0]!.content, h.versions[1]!.content)).toEqual([
      { path: "inventory.energy.rawCoalT", before: 4.12, after: 41200 },
    ]);
    expect(nextReportEvents(h.state)).toEqual([]);
  });

  it("refuses an event at the wrong time, or without what it must carry, and changes nothing", () => {
    const submitted = run(submit({ a: 1 }));
    const early = applyReportEvent(submitted, { type: "approve", by: REGULATOR, at });
    expect(early).toEqual({
      ok: false,
      refusal: {
        kind: "not-now",
        problems: [
          {
            path: "type",
            message:
              'a report that is submitted cannot be given "approve"; that needs a report that is in-review',
          },
        ],
      },
    });
    const inReview = run(submit({ a: 1 }), toVerification, concluded);
    const noReason = applyReportEvent(inReview, {
      type: "return",
      by: REGULATOR,
      at,
      reason: "  ",
      fieldComments: [{ path: "", comment: "x" }],
    });
    expect(noReason.ok).toBe(false);
    expect(!noReason.ok && noReason.refusal.problems.map((p) => p.path)).toEqual([
      "reason",
      "fieldComments[0].path",
    ]);
    const noRejectReason = applyReportEvent(inReview, { type: "reject", by: REGULATOR, at, reason: "" });
    expect(!noRejectReason.ok && noRejectReason.refusal.kind).toBe("incomplete");
    // Only the body the report was sent to concludes its verification.
    const verifying = run(submit({ a: 1 }), toVerification);
    const other = applyReportEvent(verifying, {
      ...concluded,
      by: { userId: "31", organisationId: "8" },
    } as ReportEvent);
    expect(!other.ok && other.refusal.problems[0]!.path).toBe("by");
    expect(applyReportEvent(NEW_REPORT, { type: "submit", by: ENTERPRISE, at, content: null }).ok).toBe(
      false,
    );
  });

  it("compares versions field by field: changed, added and removed fields, inside arrays too", () => {
    expect(
      versionChanges(
        { measures: [{ name: "VAM", investmentCny: 1e6 }], year: 2026, note: "x" },
        { measures: [{ name: "VAM", investmentCny: 2e6 }, { name: "CCS" }], year: 2026 },
      ),
    ).toEqual([
      { path: "measures[0].investmentCny", before: 1e6, after: 2e6 },
      { path: "measures[1]", before: undefined, after: { name: "CCS" } },
      { path: "note", before: "x", after: undefined },
    ]);
    expect(versionChanges({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  // Random sequences of events, each by a random party with random (sometimes empty) texts.
  const party = fc.constantFrom(ENTERPRISE, REGULATOR, VERIFIER);
  const text = fc.constantFrom("", " ", "a reason", "Raw coal is off by 10⁴.");
  const anyEvent: fc.Arbitrary<ReportEvent> = fc.oneof(
    fc.record({
      type: fc.constantFrom("submit" as const, "resubmit" as const),
      by: party,
      at: fc.constant(at),
      content: fc.jsonValue(),
    }),
    fc.record({
      type: fc.constant("send-to-verification" as const),
      by: party,
      at: fc.constant(at),
      verifierOrganisationId: fc.constantFrom("7", "8", ""),
    }),
    fc.record({
      type: fc.constant("conclude-verification" as const),
      by: party,
      at: fc.constant(at),
      conclusion: fc.record({ conforms: fc.boolean(), statement: text, findings: fc.constant([]) }),
    }),
    fc.record({
      type: fc.constant("return" as const),
      by: party,
      at: fc.constant(at),
      reason: text,
      fieldComments: fc.constant([]),
    }),
    fc.record({ type: fc.constant("reject" as const), by: party, at: fc.constant(at), reason: text }),
    fc.record({
      type: fc.constantFrom("approve" as const, "publish" as const),
      by: party,
      at: fc.constant(at),
    }),
  );

  /** A valid next event for the state, by the party that may fire it, with what it must carry. */
  function validNext(
    h: ReportHistory,
    pick: number,
    content: unknown,
    conforms: boolean,
  ): ReportEvent | undefined {
    const next = nextReportEvents(h.state);
    if (next.length === 0) return undefined;
    const type = next[pick % next.length]!;
    switch (type) {
      case "submit":
      case "resubmit":
        return { type, by: ENTERPRISE, at, content: content ?? 0 };
      case "send-to-verification":
        return toVerification;
      case "conclude-verification":
        return {
          type,
          by: VERIFIER,
          at,
          conclusion: { conforms, statement: "checked against the invoices", findings: [] },
        };
      case "return":
        return { type, by: REGULATOR, at, reason: "see the findings", fieldComments: [] };
      case "reject":
        return { type, by: REGULATOR, at, reason: "not credible" };
      case "approve":
      case "publish":
        return { type, by: REGULATOR, at };
    }
  }
  // Mostly valid next events (so that sequences reach review, returns and publication), some
  // arbitrary ones (wrong time, wrong party, empty reasons) in between.
  const step = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        valid: fc.constant(true as const),
        pick: fc.nat(20),
        content: fc.jsonValue(),
        conforms: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ valid: fc.constant(false as const), event: anyEvent }) },
  );

  it("holds its invariants on any sequence of events (property)", () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let h = NEW_REPORT;
        let submissions = 0;
        for (const s of steps) {
          const e = s.valid ? validNext(h, s.pick, s.content, s.conforms) : s.event;
          if (!e) continue;
          const snapshot = structuredClone(h);
          const result = applyReportEvent(h, e);
          if (!result.ok) {
            // A refusal changes nothing, not even inside.
            expect(h).toEqual(snapshot);
            continue;
          }
          const next = result.history;
          // Versions are never lost or changed: the earlier ones stay as they were.
          expect(next.versions.slice(0, h.versions.length)).toEqual(snapshot.versions);
          if (e.type === "submit" || e.type === "resubmit") submissions++;
          expect(next.versions.length).toBe(submissions);
          // Every return and rejection has a reason.
          if (next.state === "returned" || next.state === "rejected")
            expect((e as { reason: string }).reason.trim()).not.toBe("");
          // Nothing leaves a final state.
          expect(FINAL_REPORT_STATES.includes(h.state)).toBe(false);
          h = next;
          reached.add(h.state);
        }
        // No path to publication without verification concluded and the regulator's approval,
        // in that order, after the last submission.
        if (h.state === "published" || h.state === "approved") {
          const types = h.events.map((e) => e.type);
          const lastSubmission = Math.max(types.lastIndexOf("submit"), types.lastIndexOf("resubmit"));
          const verified = types.indexOf("conclude-verification", lastSubmission);
          const approved = types.indexOf("approve", lastSubmission);
          expect(lastSubmission).toBeGreaterThanOrEqual(0);
          expect(verified).toBeGreaterThan(lastSubmission);
          expect(approved).toBeGreaterThan(verified);
        }
      }),
      { numRuns: 2000 },
    );
    // The runs did reach every state, so the properties above were tested where they matter.
    expect([...reached].sort()).toEqual([...REPORT_STATES].filter((x) => x !== "draft").sort());
  });

  it("names every event's next states from the table", () => {
    for (const t of REPORT_EVENT_TYPES) expect(nextReportEvents("draft").includes(t)).toBe(t === "submit");
  });
});
