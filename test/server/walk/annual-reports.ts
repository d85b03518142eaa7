import type { InjectOptions } from "fastify";
import type { ResourceRef } from "../../../src/domain/access/policy.ts";
import { annualReportResource } from "../../../src/storage/annual-report-repository.ts";
import { asSystem } from "../../../src/storage/row-scope.ts";
import { PDF_BYTES, reportContent } from "../../fixtures/annual-report/content.ts";
import { signIn } from "../actors.ts";
import { multipart } from "../test-app.ts";
import type { WalkFixture, WalkOp, WalkPart } from "./walk-part.ts";

/**
 * The annual reports' operations in the route walk: enterprise A's draft report of mine A (with an
 * evidence file) for the operations on a report being prepared, and a published report with two
 * versions — of another mine of A, so that the verification body it was sent to does not come to
 * read mine A, whose expectations the walk fixed before — for versions, changes, the adjustment
 * and the public's reading.
 */
const ids = { draft: "", published: "", file: "" };
const refs: { draft?: ResourceRef; published?: ResourceRef } = {};
let draftContent: object = {};

const onPublished = (op: WalkOp) =>
  /^\/api\/annual-reports\/\{id\}\/(versions|changes|adjustment)/.test(op.path);

async function setup(f: WalkFixture): Promise<void> {
  const { t } = f;
  const editor = await signIn(t.app, "editor-a");
  const ok = async (o: InjectOptions, status = 200) => {
    const r = await t.app.inject(o);
    if (r.statusCode !== status)
      throw new Error(`walk part annual reports: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
  // The draft: on mine A, prepared through the API token, with one evidence file.
  ids.draft = (
    await ok({ method: "POST", url: `/api/mines/${f.mineA.id}/annual-reports`, payload: { year: 2023 } }, 201)
  ).id;
  ids.file = (
    await ok(
      {
        method: "POST",
        url: `/api/annual-reports/${ids.draft}/evidence`,
        ...multipart({}, { name: "walk.pdf", bytes: PDF_BYTES }),
      },
      201,
    )
  ).id;
  draftContent = reportContent(2023, { evidence: [ids.file] });
  await ok({ method: "PUT", url: `/api/annual-reports/${ids.draft}/draft`, payload: draftContent });
  // The published report, on a second mine of A, through its whole cycle (two versions).
  const mine = await asSystem(() =>
    t.ctx.mines.add({
      organisationId: t.directory.enterpriseA,
      regionCode: "140603",
      name: "Second mine of A",
      stage: "production",
    }),
  );
  ids.published = (
    await ok({ method: "POST", url: `/api/mines/${mine.id}/annual-reports`, payload: { year: 2022 } }, 201)
  ).id;
  await ok({
    method: "PUT",
    url: `/api/annual-reports/${ids.published}/draft`,
    payload: reportContent(2022),
  });
  const fire = (headers: Record<string, string>, payload: object) =>
    ok({ method: "POST", url: `/api/annual-reports/${ids.published}/events`, payload, headers });
  const send = { type: "send-to-verification", verifierOrganisationId: t.directory.verifier };
  const conclude = { type: "conclude-verification", conclusion: { conforms: true, statement: "Conforms." } };
  await fire(editor, { type: "submit" });
  await fire(f.headers.regulator, send);
  await fire(f.headers.verifier, conclude);
  await fire(f.headers.regulator, { type: "return", reason: "Add a note." });
  await ok({
    method: "PUT",
    url: `/api/annual-reports/${ids.published}/draft`,
    payload: { ...reportContent(2022), notes: "Added." },
  });
  await fire(editor, { type: "resubmit" });
  await fire(f.headers.regulator, send);
  await fire(f.headers.verifier, conclude);
  await fire(f.headers.regulator, { type: "approve" });
  await fire(f.headers.regulator, { type: "publish" });
  const stored = async (id: string) =>
    annualReportResource((await asSystem(() => t.ctx.annualReports.get(id)))!);
  refs.draft = await stored(ids.draft);
  refs.published = await stored(ids.published);
}

export const annualReportsPart: WalkPart = {
  name: "annual reports",
  setup,
  resourceOf: (op) => {
    // Opening a report is annual-report.write on the report it opens: enterprise A's, in mine A's region.
    if (op.id === "post /api/mines/{id}/annual-reports")
      return {
        ref: { ...refs.draft!, published: false, verifierOrganisationIds: [] },
        read: "annual-report.read",
      };
    if (op.path === "/api/annual-reports" || op.path.startsWith("/api/public/annual-reports")) return null;
    if (op.path.startsWith("/api/annual-reports/{id}"))
      return { ref: (onPublished(op) ? refs.published : refs.draft)!, read: "annual-report.read" };
    return undefined;
  },
  url: (op) => {
    if (op.path.startsWith("/api/public/annual-reports/{id}")) return op.path.replace("{id}", ids.published);
    if (!op.path.startsWith("/api/annual-reports/{id}")) return undefined;
    return (
      op.path
        .replace("{id}", onPublished(op) ? ids.published : ids.draft)
        .replace("{fileId}", ids.file)
        .replace("{number}", "1") + (op.path.endsWith("/changes") ? "?from=1&to=2" : "")
    );
  },
  request: (op) => {
    if (op.id === "post /api/mines/{id}/annual-reports") return { payload: { year: 2021 } };
    if (op.id === "put /api/annual-reports/{id}/draft") return { payload: draftContent };
    if (op.id === "post /api/annual-reports/{id}/evidence")
      return multipart({}, { name: "more.pdf", bytes: PDF_BYTES });
    return undefined;
  },
  destructive: new Set([
    "delete /api/annual-reports/{id}",
    "delete /api/annual-reports/{id}/evidence/{fileId}",
  ]),
  notWalked: {
    "post /api/annual-reports/{id}/events":
      "its action is the event's (REPORT_EVENTS), not one x-access can name: every state × event × client is in annual-reports-transitions.test.ts",
  },
};
