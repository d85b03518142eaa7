import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "../../src/storage/row-scope.ts";
import { reportContent } from "../fixtures/annual-report/content.ts";
import { signIn } from "./actors.ts";
import { CLIENT, multipart, testApp } from "./test-app.ts";

/*
 * Malformed requests to the annual reports' routes are refused clearly (400 naming the field, 404
 * for ids that are no ids), never answered 500: text a database cannot store, wrong types, ids out
 * of form, a version that is no number, an empty upload, a CSV that is binary.
 */
describe("annual reports refuse malformed input by name (pglite)", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let id = "";
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await testApp("pglite");
    editor = await signIn(t.app, "editor-a");
    const mine = await asSystem(() =>
      t.ctx.mines.add({
        organisationId: t.directory.enterpriseA,
        regionCode: "140603",
        name: "M",
        stage: "production",
      }),
    );
    id = (
      await t.app.inject({
        method: "POST",
        url: `/api/mines/${mine.id}/annual-reports`,
        payload: { year: 2024 },
      })
    ).json().id;
  }, 120_000);
  afterAll(async () => t.close(), 60_000);

  const cases: [string, () => Record<string, unknown>, number, string | null][] = [
    [
      "NUL inside the inventory",
      () => ({
        method: "PUT",
        url: `/api/annual-reports/${id}/draft`,
        payload: { inventory: { mine: "a\u0000b" } },
      }),
      400,
      "inventory.mine",
    ],
    [
      "a lone surrogate in a key",
      () => ({
        method: "PUT",
        url: `/api/annual-reports/${id}/draft`,
        payload: JSON.parse('{"inventory":{"\\ud800":1}}'),
      }),
      400,
      "inventory",
    ],
    [
      "a negative investment",
      () => ({
        method: "PUT",
        url: `/api/annual-reports/${id}/draft`,
        payload: { measures: [{ investmentCny: -1 }] },
      }),
      400,
      "measures[0].investmentCny",
    ],
    [
      "an unknown field",
      () => ({ method: "PUT", url: `/api/annual-reports/${id}/draft`, payload: { surprise: 1 } }),
      400,
      null,
    ],
    [
      "an array for a draft",
      () => ({ method: "PUT", url: `/api/annual-reports/${id}/draft`, payload: [1, 2] }),
      400,
      null,
    ],
    [
      "an unknown event",
      () => ({
        method: "POST",
        url: `/api/annual-reports/${id}/events`,
        payload: { type: "bless" },
        headers: editor,
      }),
      400,
      "type",
    ],
    [
      "a return without reason",
      () => ({
        method: "POST",
        url: `/api/annual-reports/${id}/events`,
        payload: { type: "return" },
        headers: editor,
      }),
      400,
      "reason",
    ],
    ["a report id that is no id", () => ({ url: "/api/annual-reports/01" }), 404, null],
    ["a huge report id", () => ({ url: "/api/annual-reports/99999999999999999999" }), 404, null],
    ["a version that is no number", () => ({ url: `/api/annual-reports/${id}/versions/one` }), 400, "number"],
    ["a version that does not exist", () => ({ url: `/api/annual-reports/${id}/versions/3` }), 404, "number"],
    ["changes without to", () => ({ url: `/api/annual-reports/${id}/changes?from=1` }), 400, "to"],
    ["a list filter of no state", () => ({ url: "/api/annual-reports?state=lost" }), 400, "state"],
    ["a year out of range", () => ({ url: "/api/annual-reports?year=1066" }), 400, "year"],
    [
      "an evidence upload without a file",
      () => ({ method: "POST", url: `/api/annual-reports/${id}/evidence`, ...multipart({ note: "x" }) }),
      400,
      "file",
    ],
    [
      "an evidence upload that is JSON",
      () => ({ method: "POST", url: `/api/annual-reports/${id}/evidence`, payload: { file: "x" } }),
      400,
      "body",
    ],
    [
      "binary named .csv",
      () => ({
        method: "POST",
        url: `/api/annual-reports/${id}/evidence`,
        ...multipart({}, { name: "a.csv", bytes: Buffer.from([1, 2, 3, 0, 44, 10]) }),
      }),
      400,
      "file",
    ],
    ["an evidence file id of no file", () => ({ url: `/api/annual-reports/${id}/evidence/777` }), 404, null],
    [
      "deleting evidence of no file",
      () => ({ method: "DELETE", url: `/api/annual-reports/${id}/evidence/777`, headers: CLIENT }),
      404,
      null,
    ],
    ["the adjustment of a draft", () => ({ url: `/api/annual-reports/${id}/adjustment` }), 409, "state"],
    [
      "a public report that is a draft",
      () => ({ url: `/api/public/annual-reports/${id}`, headers: { authorization: "" } }),
      404,
      null,
    ],
  ];

  for (const [what, request, status, path] of cases)
    it(`refuses ${what} (${status}${path ? `, ${path}` : ""})`, async () => {
      const r = await t.app.inject(request() as never);
      expect(r.statusCode, r.body).toBe(status);
      if (path !== null)
        expect(
          r.json().error.details.map((d: { path: string }) => d.path),
          r.body,
        ).toContain(path);
    });

  it("takes a CSV and an XLSX by their bytes, whatever they are named", async () => {
    const csv = await t.app.inject({
      method: "POST",
      url: `/api/annual-reports/${id}/evidence`,
      ...multipart({}, { name: "readings.txt", bytes: Buffer.from("month,kWh\n1,1038060\n") }),
    });
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().mediaType).toBe("text/csv");
    // The first local header of an XLSX (a ZIP whose first entry is [Content_Types].xml).
    const name = Buffer.from("[Content_Types].xml", "latin1");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    const xlsx = await t.app.inject({
      method: "POST",
      url: `/api/annual-reports/${id}/evidence`,
      ...multipart({}, { name: "data.bin", bytes: Buffer.concat([header, name, Buffer.alloc(64)]) }),
    });
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json().mediaType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("takes a complete draft, and refuses a submission whose inventory is of another year", async () => {
    const put = await t.app.inject({
      method: "PUT",
      url: `/api/annual-reports/${id}/draft`,
      payload: reportContent(2023),
    });
    expect(put.statusCode, put.body).toBe(200);
    const r = await t.app.inject({
      method: "POST",
      url: `/api/annual-reports/${id}/events`,
      payload: { type: "submit" },
      headers: editor,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details.map((d: { path: string }) => d.path)).toEqual(["inventory.years"]);
  });
});
