import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS as NOBODY, type Actor } from "../../src/domain/access/actor.ts";
import { decide } from "../../src/domain/access/policy.ts";
import {
  REPORT_EVENT_TYPES,
  REPORT_EVENTS,
  REPORT_STATES,
  type ReportEventType,
  type ReportState,
} from "../../src/domain/manage/report-workflow.ts";
import { annualReportResource } from "../../src/storage/annual-report-repository.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { reportContent } from "../fixtures/annual-report/content.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditCount, signIn } from "./actors.ts";
import { ANONYMOUS, testApp } from "./test-app.ts";

/*
 * Every workflow transition by every client, allowed and refused (issue 13): for each state a
 * report can be in, each event and each client, the answer is what the policy and the state
 * machine say — computed here from REPORT_EVENTS and `decide`, not written by hand: 401 for the
 * public, 404 when the client may neither read the report nor fire the event, 403 when it may
 * read it but the event's action is not its own (and for an API token, which may prepare a report
 * but not make a person's act), 409 when the state does not allow the event, and 200 otherwise.
 * An allowed event is fired on a fresh report in that state, so that each case starts the same.
 */
const CLIENTS = [
  "anonymous",
  "editor-a",
  "token-a",
  "editor-b",
  "regulator",
  "regulator-nm",
  "verifier",
  "admin",
] as const;
type Client = (typeof CLIENTS)[number];

/** Who moves a report along its path to each state (a person of the right role each time). */
const PATH: Record<ReportState, ReportEventType[]> = {
  draft: [],
  submitted: ["submit"],
  verification: ["submit", "send-to-verification"],
  "in-review": ["submit", "send-to-verification", "conclude-verification"],
  returned: ["submit", "send-to-verification", "conclude-verification", "return"],
  approved: ["submit", "send-to-verification", "conclude-verification", "approve"],
  published: ["submit", "send-to-verification", "conclude-verification", "approve", "publish"],
  rejected: ["submit", "send-to-verification", "conclude-verification", "reject"],
};
const FIRED_BY: Record<ReportEventType, Client> = {
  submit: "editor-a",
  resubmit: "editor-a",
  "send-to-verification": "regulator",
  "conclude-verification": "verifier",
  return: "regulator",
  approve: "regulator",
  reject: "regulator",
  publish: "regulator",
};

for (const kind of STORE_KINDS)
  describe(`every transition by every client (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let mine: { id: string; organisationId: string; regionCode: string };
    const headers = {} as Record<Client, Record<string, string>>;
    const actors = {} as Record<Client, Actor>;
    let year = 1999;

    const body = (type: ReportEventType): object => {
      switch (type) {
        case "send-to-verification":
          return { type, verifierOrganisationId: t.directory.verifier };
        case "conclude-verification":
          return { type, conclusion: { conforms: true, statement: "Conforms.", findings: [] } };
        case "return":
          return { type, reason: "Fix the notes.", fieldComments: [{ path: "notes", comment: "too short" }] };
        case "reject":
          return { type, reason: "Not a report of this mine." };
        default:
          return { type };
      }
    };
    const fire = (id: string, c: Client, type: ReportEventType) =>
      t.app.inject({
        method: "POST",
        url: `/api/annual-reports/${id}/events`,
        payload: body(type),
        headers: headers[c],
      });

    /** A fresh report of a new year in `state`, moved there through the API. */
    const reportIn = async (state: ReportState): Promise<string> => {
      const y = ++year;
      const open = await t.app.inject({
        method: "POST",
        url: `/api/mines/${mine.id}/annual-reports`,
        payload: { year: y },
      });
      expect(open.statusCode, open.body).toBe(201);
      const id = open.json().id as string;
      const put = await t.app.inject({
        method: "PUT",
        url: `/api/annual-reports/${id}/draft`,
        payload: reportContent(y),
      });
      expect(put.statusCode, put.body).toBe(200);
      for (const e of PATH[state]) {
        const r = await fire(id, FIRED_BY[e], e);
        expect(r.statusCode, `${e} → ${r.body.slice(0, 300)}`).toBe(200);
      }
      return id;
    };

    beforeAll(async () => {
      t = await testApp(kind);
      headers.anonymous = { ...ANONYMOUS };
      headers["token-a"] = { authorization: t.auth.authorization };
      for (const c of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier", "admin"] as const)
        headers[c] = await signIn(t.app, c);
      for (const c of CLIENTS) {
        if (c === "anonymous") {
          actors[c] = NOBODY;
          continue;
        }
        const m = (await t.app.inject({ url: "/api/me", headers: headers[c] })).json();
        const member = {
          organisationId: m.organisation.id,
          organisationKind: m.organisation.kind,
          jurisdiction: m.organisation.kind === "department" ? m.organisation.region.code : null,
          roles: m.roles,
        };
        actors[c] =
          m.actor === "token"
            ? { kind: "token", tokenId: m.token.id, createdBy: "", actions: m.actions, ...member }
            : {
                kind: "user",
                userId: m.user.id,
                username: m.user.username,
                sessionId: "",
                mustChangePassword: false,
                ...member,
              };
      }
      mine = await asSystem(() =>
        t.ctx.mines.add({
          organisationId: t.directory.enterpriseA,
          regionCode: "140603",
          name: "Mine of A",
          stage: "production",
        }),
      );
    }, 120_000);
    afterAll(async () => t.close(), 60_000);

    /** What the policy and the state machine say `c` gets for `type` on a report in `state`. */
    const expected = async (id: string, state: ReportState, type: ReportEventType, c: Client) => {
      const actor = actors[c];
      if (actor.kind === "anonymous") return 401;
      const ref = annualReportResource((await asSystem(() => t.ctx.annualReports.get(id)))!);
      const action = REPORT_EVENTS[type].action;
      if (!decide(actor, "annual-report.read", ref).allowed && !decide(actor, action, ref).allowed)
        return 404;
      if (!decide(actor, action, ref).allowed) return 403;
      if (actor.kind === "token") return 403;
      if (!(REPORT_EVENTS[type].from as readonly ReportState[]).includes(state)) return 409;
      return 200;
    };

    for (const state of REPORT_STATES)
      it(`answers every event by every client on a report that is ${state}`, async () => {
        const id = await reportIn(state);
        const seen = new Map<number, number>();
        for (const type of REPORT_EVENT_TYPES)
          for (const c of CLIENTS) {
            const want = await expected(id, state, type, c);
            seen.set(want, (seen.get(want) ?? 0) + 1);
            // An allowed event changes the report: fire it on a fresh one in the same state.
            const target = want === 200 ? await reportIn(state) : id;
            const before = await auditCount(t.ctx.store);
            const r = await fire(target, c, type);
            expect(r.statusCode, `${state} × ${type} × ${c} → ${r.body.slice(0, 300)}`).toBe(want);
            expect(await auditCount(t.ctx.store), `${state} × ${type} × ${c}: audit`).toBe(
              before + (want === 200 ? 1 : 0),
            );
            if (want === 200) expect(r.json().state).toBe(REPORT_EVENTS[type].to);
          }
        // The table is not vacuous: each state refuses by role and by state, and allows its events.
        expect(seen.get(401)).toBe(REPORT_EVENT_TYPES.length);
        expect(seen.get(403) ?? 0).toBeGreaterThan(0);
        // A published report is everyone's to read: refused, never hidden.
        if (state === "published") expect(seen.get(404)).toBeUndefined();
        else expect(seen.get(404) ?? 0).toBeGreaterThan(0);
        if (state !== "published" && state !== "rejected") expect(seen.get(200) ?? 0).toBeGreaterThan(0);
        else expect(seen.get(200)).toBeUndefined();
      }, 300_000);

    it("lets only one of two reviewers approve at once", async () => {
      const id = await reportIn("in-review");
      const second = await signIn(t.app, "regulator");
      const answers = await Promise.all([
        t.app.inject({
          method: "POST",
          url: `/api/annual-reports/${id}/events`,
          payload: { type: "approve" },
          headers: headers.regulator,
        }),
        t.app.inject({
          method: "POST",
          url: `/api/annual-reports/${id}/events`,
          payload: { type: "reject", reason: "No." },
          headers: second,
        }),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const r = (await t.app.inject({ url: `/api/annual-reports/${id}`, headers: headers.regulator })).json();
      expect(
        r.events.filter((e: { type: string }) => e.type === "approve" || e.type === "reject"),
      ).toHaveLength(1);
    }, 120_000);
  });
