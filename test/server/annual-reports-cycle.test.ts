import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { EXE_BYTES, PDF_BYTES, reportContent } from "../fixtures/annual-report/content.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { auditedWrite, signIn } from "./actors.ts";
import { ANONYMOUS, CLIENT, multipart, testApp } from "./test-app.ts";

/*
 * The annual report's whole cycle through the API (issue 13): the enterprise opens a draft,
 * attaches evidence and submits; the regulator sends it to verification; the verifier concludes
 * with a finding on a field; the regulator returns it with a field comment; the enterprise fixes
 * and resubmits; … approved, published, and the public reads it. Both versions stay readable and
 * their changes are listed; evidence is checked by its bytes and kept once submitted.
 */
for (const kind of STORE_KINDS)
  describe(`an annual report's cycle (${kind})`, () => {
    let t: Awaited<ReturnType<typeof testApp>>;
    let mineId = "";
    let reportId = "";
    const h: Record<string, Record<string, string>> = {};
    const write = (o: Parameters<typeof auditedWrite>[2]) => auditedWrite(t.app, t.ctx.store, o);
    const fire = (who: string, payload: object) =>
      write({ method: "POST", url: `/api/annual-reports/${reportId}/events`, payload, headers: h[who] });
    const get = async (who: string) => {
      const r = await t.app.inject({ url: `/api/annual-reports/${reportId}`, headers: h[who] });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };

    beforeAll(async () => {
      t = await testApp(kind);
      for (const u of ["editor-a", "editor-b", "regulator", "regulator-nm", "verifier"])
        h[u] = await signIn(t.app, u);
      h.token = { authorization: t.auth.authorization };
      mineId = (
        await asSystem(() =>
          t.ctx.mines.add({
            organisationId: t.directory.enterpriseA,
            regionCode: "140603",
            name: "Yongning of A",
            stage: "production",
          }),
        )
      ).id;
    }, 120_000);
    afterAll(async () => t.close(), 60_000);

    it("opens one draft a year, by the enterprise, taking the mine's owner and region", async () => {
      const open = await write({
        method: "POST",
        url: `/api/mines/${mineId}/annual-reports`,
        payload: { year: 2024 },
      });
      expect(open.statusCode, open.body).toBe(201);
      const r = open.json();
      reportId = r.id;
      expect(r).toMatchObject({
        state: "draft",
        year: 2024,
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
      });
      expect(r.nextEvents).toEqual([]); // an API token fires no event
      const again = await write({
        method: "POST",
        url: `/api/mines/${mineId}/annual-reports`,
        payload: { year: 2024 },
      });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().error.details[0].path).toBe("year");
      const byRegulator = await write({
        method: "POST",
        url: `/api/mines/${mineId}/annual-reports`,
        payload: { year: 2023 },
        headers: h.regulator,
      });
      expect(byRegulator.statusCode).toBe(403);
      const byB = await write({
        method: "POST",
        url: `/api/mines/${mineId}/annual-reports`,
        payload: { year: 2023 },
        headers: h["editor-b"],
      });
      expect(byB.statusCode).toBe(404);
      expect((await get("editor-a")).nextEvents).toEqual(["submit"]);
    });

    let pdfId = "";
    it("takes a PDF as evidence with its SHA-256 and refuses an executable named .pdf, naming `file`", async () => {
      const up = await write({
        method: "POST",
        url: `/api/annual-reports/${reportId}/evidence`,
        ...multipart({}, { name: "meter-readings.pdf", bytes: PDF_BYTES }),
      });
      expect(up.statusCode, up.body).toBe(201);
      const f = up.json();
      expect(f).toMatchObject({
        name: "meter-readings.pdf",
        mediaType: "application/pdf",
        bytes: PDF_BYTES.length,
        sha256: createHash("sha256").update(PDF_BYTES).digest("hex"),
      });
      pdfId = f.id;
      expect(existsSync(join(t.dir, "files", "evidence", f.sha256.slice(0, 2), f.sha256))).toBe(true);
      const exe = await write({
        method: "POST",
        url: `/api/annual-reports/${reportId}/evidence`,
        ...multipart({}, { name: "invoice.pdf", bytes: EXE_BYTES }),
      });
      expect(exe.statusCode, exe.body).toBe(400);
      expect(exe.json().error.details[0].path).toBe("file");
      const down = await t.app.inject({ url: `/api/annual-reports/${reportId}/evidence/${pdfId}` });
      expect(down.statusCode).toBe(200);
      expect(down.headers["content-type"]).toBe("application/pdf");
      expect(down.headers["content-disposition"]).toContain('filename="meter-readings.pdf"');
      expect(down.rawPayload.equals(PDF_BYTES)).toBe(true);
    });

    it("saves an incomplete draft, and refuses to submit it naming each missing field", async () => {
      const partial = await write({
        method: "PUT",
        url: `/api/annual-reports/${reportId}/draft`,
        payload: { measures: [{ name: "half filled" }], declaration: { name: "Li Ming" } },
      });
      expect(partial.statusCode, partial.body).toBe(200);
      const refused = await fire("editor-a", { type: "submit" });
      expect(refused.statusCode, refused.body).toBe(400);
      const paths = refused.json().error.details.map((d: { path: string }) => d.path);
      for (const p of [
        "inventory",
        "reclamation",
        "evidence",
        "declaration.position",
        "declaration.accepted",
        "measures[0].kind",
      ])
        expect(paths, refused.body).toContain(p);
      // A token may prepare, not declare.
      const token = await fire("token", { type: "submit" });
      expect(token.statusCode, token.body).toBe(403);
    });

    it("goes draft → submitted → verification → in review (a finding) → returned (a field comment)", async () => {
      const content = reportContent(2024, { evidence: [pdfId] });
      expect(
        (await write({ method: "PUT", url: `/api/annual-reports/${reportId}/draft`, payload: content }))
          .statusCode,
      ).toBe(200);
      const checks = await t.app.inject({ url: `/api/annual-reports/${reportId}/checks` });
      expect(checks.statusCode, checks.body).toBe(200);
      expect(checks.json().figures.coalOutputT).toBe(900_000);
      expect((await fire("editor-b", { type: "submit" })).statusCode).toBe(404);
      const submitted = await fire("editor-a", { type: "submit" });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toMatchObject({ state: "submitted", versions: [{ number: 1 }] });
      // Evidence of a submitted version is kept.
      const del = await write({
        method: "DELETE",
        url: `/api/annual-reports/${reportId}/evidence/${pdfId}`,
        headers: CLIENT,
      });
      expect(del.statusCode, del.body).toBe(409);
      expect(
        (
          await fire("verifier", {
            type: "send-to-verification",
            verifierOrganisationId: t.directory.verifier,
          })
        ).statusCode,
      ).toBe(404);
      const sent = await fire("regulator", {
        type: "send-to-verification",
        verifierOrganisationId: t.directory.verifier,
      });
      expect(sent.statusCode, sent.body).toBe(200);
      expect((await get("verifier")).nextEvents).toEqual(["conclude-verification"]);
      const concluded = await fire("verifier", {
        type: "conclude-verification",
        conclusion: {
          conforms: false,
          statement: "The measure's investment is not supported by the invoices.",
          findings: [{ path: "measures[0].investmentCny", comment: "invoices total 9.5 million CNY" }],
        },
      });
      expect(concluded.statusCode, concluded.body).toBe(200);
      const noReason = await fire("regulator", { type: "return", reason: " " });
      expect(noReason.statusCode, noReason.body).toBe(400);
      const returned = await fire("regulator", {
        type: "return",
        reason: "Correct the investment after the verifier's finding.",
        fieldComments: [{ path: "measures[0].investmentCny", comment: "9.5 million CNY per the invoices" }],
      });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json().state).toBe("returned");
      // Who heard of it: the province's regulator (submit, conclusion), the verifier (sent to it),
      // the enterprise's editor (return; not of its own submission); never another province's.
      const inbox = await asSystem(() =>
        t.ctx.store.db.selectFrom("inbox_messages").selectAll().where("subject_id", "=", reportId).execute(),
      );
      const to = (user: string) => inbox.filter((m) => String(m.user_id) === user).length;
      const d = t.directory;
      expect(to(d.regulator)).toBe(2);
      expect(to(d.verifierUser)).toBe(1);
      expect(to(d.editorA)).toBe(1);
      expect(to(d.otherRegulator) + to(d.editorB) + to(d.admin)).toBe(0);
    });

    it("resubmits the fix, is approved and published, and the public reads it; versions 1 and 2 and their changes", async () => {
      const fixed = reportContent(2024, { evidence: [pdfId] });
      fixed.measures[0]!.investmentCny = 9_500_000;
      expect(
        (await write({ method: "PUT", url: `/api/annual-reports/${reportId}/draft`, payload: fixed }))
          .statusCode,
      ).toBe(200);
      expect((await fire("editor-a", { type: "resubmit" })).statusCode).toBe(200);
      expect(
        (
          await fire("regulator", {
            type: "send-to-verification",
            verifierOrganisationId: t.directory.verifier,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await fire("verifier", {
            type: "conclude-verification",
            conclusion: { conforms: true, statement: "Conforms." },
          })
        ).statusCode,
      ).toBe(200);
      expect((await fire("regulator-nm", { type: "approve" })).statusCode).toBe(404);
      expect((await fire("editor-a", { type: "approve" })).statusCode).toBe(403);
      expect((await fire("regulator", { type: "approve" })).statusCode).toBe(200);
      expect((await fire("regulator", { type: "approve" })).statusCode).toBe(409);
      const adj = await t.app.inject({ url: `/api/annual-reports/${reportId}/adjustment` });
      expect(adj.statusCode, adj.body).toBe(200);
      expect(adj.json().missing.length).toBe(1);
      expect(
        (await t.app.inject({ url: `/api/public/annual-reports/${reportId}`, headers: ANONYMOUS }))
          .statusCode,
      ).toBe(404);
      expect((await fire("regulator", { type: "publish" })).statusCode).toBe(200);
      const pub = await t.app.inject({ url: `/api/public/annual-reports/${reportId}`, headers: ANONYMOUS });
      expect(pub.statusCode, pub.body).toBe(200);
      expect(pub.body).not.toContain("Li Ming");
      expect(pub.json()).toMatchObject({ version: 2, verification: { conforms: true } });
      const list = await t.app.inject({ url: "/api/public/annual-reports", headers: ANONYMOUS });
      expect(list.json().map((r: { id: string }) => r.id)).toEqual([reportId]);
      // The figures the submission computed, kept with it (lists compute no inventory again).
      expect(list.json()[0].figures).toMatchObject({ year: 2024, coalOutputT: 900_000 });
      expect(pub.json().figures.emissionsTCO2ePerYr).toBeGreaterThan(0);
      const v1 = await t.app.inject({ url: `/api/annual-reports/${reportId}/versions/1` });
      const v2 = await t.app.inject({ url: `/api/annual-reports/${reportId}/versions/2` });
      expect(v1.json().content.measures[0].investmentCny).toBe(12_000_000);
      expect(v2.json().content.measures[0].investmentCny).toBe(9_500_000);
      const changes = await t.app.inject({ url: `/api/annual-reports/${reportId}/changes?from=1&to=2` });
      expect(changes.json().changes).toEqual([
        { path: "measures[0].investmentCny", before: 12_000_000, after: 9_500_000 },
      ]);
      const r = await get("editor-a");
      expect(r.events.map((e: { type: string }) => e.type)).toEqual([
        "submit",
        "send-to-verification",
        "conclude-verification",
        "return",
        "resubmit",
        "send-to-verification",
        "conclude-verification",
        "approve",
        "publish",
      ]);
      // The next year's draft, its coal output in kg instead of t by mistake: the checks warn.
      const next = await write({
        method: "POST",
        url: `/api/mines/${mineId}/annual-reports`,
        payload: { year: 2025 },
      });
      const nextId = next.json().id;
      await write({
        method: "PUT",
        url: `/api/annual-reports/${nextId}/draft`,
        payload: reportContent(2025, { coalScale: 1e4 }),
      });
      const checks = (await t.app.inject({ url: `/api/annual-reports/${nextId}/checks` })).json();
      expect(checks.comparedWith).toMatchObject({ year: 2024, coalOutputT: 900_000 });
      expect(checks.warnings).toContainEqual(expect.objectContaining({ path: "coalOutputT", kind: "unit" }));
      expect(checks.warnings).toContainEqual(
        expect.objectContaining({ path: "intensity", kind: "out-of-range" }),
      );
      // The public may not download evidence even of a published report.
      expect(
        (await t.app.inject({ url: `/api/annual-reports/${reportId}/evidence/${pdfId}`, headers: ANONYMOUS }))
          .statusCode,
      ).toBe(401);
    });
  });
