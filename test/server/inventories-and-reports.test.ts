import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { readInputFile } from "../../src/io/read-input-file.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { CLIENT, createArea, testApp } from "./test-app.ts";

const YONGNING = join(PROJECT_ROOT, "examples", "yongning.yaml");

describe.each(STORE_KINDS)("inventories and reports on %s", (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let areaId: string;
  let invId: string;
  beforeAll(async () => {
    t = await testApp(kind);
    areaId = await createArea(t.app, "Yongning");
  }, 120_000);
  afterAll(async () => t.close(), 120_000);

  it("stores and computes the Yongning inventory: seed 002 Eq. 5 gives 15,810.076 t CO2e/a underground", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: `/api/areas/${areaId}/inventories`,
      payload: readInputFile(YONGNING) as object,
    });
    expect(r.statusCode).toBe(201);
    const [inv] = r.json();
    invId = inv.id;
    expect(inv).toMatchObject({ mine: "Yongning Coal Mine", year: 2024 });
    expect(inv.totals.undergroundTCO2ePerYr).toBeCloseTo(15_810.076, 6);
    // The same numbers as the CLI computes from the file.
    const cli = runInventory(YONGNING, {}).years[0]!.totals;
    for (const k of Object.keys(cli) as (keyof typeof cli)[]) expect(inv.totals[k]).toEqual(cli[k]);
    const overview = (await t.app.inject({ url: `/api/areas/${areaId}/overview` })).json();
    const fig = (id: string) => overview.figures.find((f: { id: string }) => f.id === id);
    expect(fig("inventory-total").value).toBeCloseTo(cli.grossEmissionTCO2ePerYr, 9);
    expect(fig("neutrality-gap").value).toBeCloseTo(cli.gapTCO2ePerYr, 9);
    expect(fig("coal-intensity").value).toBeCloseTo(cli.grossEmissionTCO2ePerYr / 900_000, 12);
    expect(fig("coal-intensity").source).toMatch(/Yongning Coal Mine 2024/);
  });

  it("answers a bad activity value with 400 and its path, and changes nothing", async () => {
    const doc = readInputFile(YONGNING) as { years: Record<string, unknown>[] };
    doc.years[0]!.coalOutputT = -5;
    (doc.years[0]!.energy as Record<string, unknown>[])[1]!.amount = "lots";
    const r = await t.app.inject({ method: "PUT", url: `/api/inventories/${invId}`, payload: doc });
    expect(r.statusCode).toBe(400);
    const paths = r.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["years[0].coalOutputT", "years[0].energy[1].amount"]));
    const still = (await t.app.inject({ url: `/api/inventories/${invId}` })).json();
    expect(still.input.years[0].coalOutputT).toBe(900000);
  });

  it("replaces a year's data and recomputes; refuses a document for another year", async () => {
    const doc = readInputFile(YONGNING) as { years: Record<string, unknown>[] };
    doc.years[0]!.coalOutputT = 1_800_000;
    const r = await t.app.inject({ method: "PUT", url: `/api/inventories/${invId}`, payload: doc });
    expect(r.statusCode).toBe(200);
    expect(r.json().result.years[0].intensity.grossTCO2ePerTCoal).toBeCloseTo(
      r.json().totals.grossEmissionTCO2ePerYr / 1_800_000,
      12,
    );
    doc.years[0]!.year = 2025;
    const other = await t.app.inject({ method: "PUT", url: `/api/inventories/${invId}`, payload: doc });
    expect(other.statusCode).toBe(422);
    expect(
      (await t.app.inject({ method: "POST", url: `/api/inventories/${invId}/compute`, headers: CLIENT }))
        .statusCode,
    ).toBe(200);
  });

  it("makes HTML and PDF reports with Chinese text, every factor and its source", async () => {
    const html = await t.app.inject({
      method: "POST",
      url: `/api/inventories/${invId}/reports`,
      payload: { format: "html", lang: "zh" },
    });
    expect(html.statusCode).toBe(201);
    const page = await t.app.inject({ url: html.json().url });
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("煤矿碳排放清单与碳中和平衡");
    expect(page.body).toContain("<svg");
    const used = runInventory(YONGNING, {}).factors.used;
    for (const f of used) expect(page.body).toContain(f.id);
    expect(page.body).not.toMatch(/src="http|href="http/);
    const pdf = await t.app.inject({
      method: "POST",
      url: `/api/inventories/${invId}/reports`,
      payload: { format: "pdf", lang: "zh" },
    });
    const file = await t.app.inject({ url: pdf.json().url });
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // The CJK font is embedded (as a subset), so Chinese renders on any reader.
    expect(file.rawPayload.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/inventories/${invId}/reports`,
      payload: { format: "docx" },
    });
    expect(bad.json().error.details[0].path).toBe("format");
  });
});
