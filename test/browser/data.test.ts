import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { writeCodeRaster } from "../helpers/write-code-raster.ts";
import {
  APP,
  areaIdNamed,
  CLIENT,
  DESKTOP,
  expectNoHorizontalOverflow,
  PHONE,
  shot,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();
/**
 * The Pingshuo-like area's owner: its data view has the forms (upload, analysis, legend); others
 * (the session's regulator, which creates the tests' own areas) only read it.
 */
const OWNER = "demo-enterprise-a";

/** Sends a JSON write to the API as a script would; fails the test on anything but 2xx. */
async function apiWrite<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await session.fetch(`${session.server.url}${path}`, {
    method,
    headers: { ...CLIENT, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Two maps of 30×20 px: all arable in 2005; in 2015 the first 6 columns forest (120 px, 10.8 ha). */
function writeMapPair(prefix: string): { 2005: string; 2015: string } {
  const a = new Uint8Array(30 * 20).fill(1);
  const first = join(session.dir, `${prefix}-2005.tif`);
  writeCodeRaster(first, a, 30, 20);
  for (let y = 0; y < 20; y++) a.fill(2, y * 30, y * 30 + 6);
  const second = join(session.dir, `${prefix}-2015.tif`);
  writeCodeRaster(second, a, 30, 20);
  return { 2005: first, 2015: second };
}

async function upload(page: Page, year: string, file: string): Promise<void> {
  await page.locator("#upload-year").fill(year);
  await page.locator("#upload-map input[type=file]").setInputFiles(file);
  await page.locator("#upload-map button[type=submit]").click();
}

describe("the data view", () => {
  it("creates an area, uploads a GeoTIFF pair with the legend-coverage warnings, and runs the analysis with its progress", async () => {
    const page = await session.openPage();
    const maps = writeMapPair("journey");
    await page.goto(`${session.server.url}${APP}/data?lang=en`);
    await page.locator("#create-area input#name").fill("Browser test field");
    await page.locator("#create-area button[type=submit]").click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/areas\/[^/]+\/data$/);
    await page.locator("#upload-map").waitFor();
    await upload(page, "2005", maps[2005]);
    const ok = page.locator("#upload-map .upload-ok");
    await expect.poll(() => ok.textContent()).toContain("2005: 30×20 px");
    // A map of one class read with an 11-class legend is kept, with what to check.
    expect(await page.locator("#upload-map .upload-warnings").textContent()).toMatch(
      /uses only 1 of the legend's 11 classes/,
    );
    await expect.poll(() => page.locator("#upload-map .map-years").textContent()).toContain("2005");
    // A refused submit clears the previous answer: no stale success under the new error.
    await page.locator("#upload-year").fill("");
    await page.locator("#upload-map button[type=submit]").click();
    await expect.poll(() => ok.count()).toBe(0);
    await expect
      .poll(() => page.locator("#upload-map .ant-form-item-explain-error").textContent())
      .toMatch(/1900/);
    await upload(page, "2015", maps[2015]);
    await expect.poll(() => ok.textContent()).toContain("2015: 30×20 px");
    await expect.poll(() => page.locator("#upload-map .map-years").textContent()).toContain("2015");
    await page.locator("#run-analysis .ant-select").click();
    await page.locator(".ant-select-item-option", { hasText: /^none$/ }).click();
    await page.locator("#run-analysis button[type=submit]").click();
    await expect
      .poll(() => page.locator("#analysis-status").textContent(), { timeout: 120_000 })
      .toMatch(/100%/);
    expect(await page.locator("#analysis-status .ant-steps-item-finish").count()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.locator("#analyses-table tbody tr.ant-table-row").first().textContent())
      .toMatch(/done/);
    await shot(page, "data-upload-and-analysis");
    await page.locator("#analysis-status a").click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/map$/);
  });

  it("says an upload's coverage warnings in Chinese when the app is in Chinese", async () => {
    const page = await session.openPage();
    const maps = writeMapPair("zh-warnings");
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Chinese warnings",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "zh"));
    await upload(page, "2005", maps[2005]);
    // The answer's warnings come as codes of the `api` catalogue: said in Chinese, not in English.
    const warnings = page.locator("#upload-map .upload-warnings");
    await expect.poll(() => warnings.textContent()).toContain("只用到图例 11 个类别中的 1 个");
    expect(await warnings.textContent()).not.toMatch(/uses only|legend classes with no pixel/);
  });

  it("asks before sending a map of a year that already has one, and sends it with replace=true only when confirmed", async () => {
    const page = await session.openPage();
    const maps = writeMapPair("replace");
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Replacement test",
      legend: { preset: "seed001" },
    });
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/maps\b/.test(r.url())) sent.push(new URL(r.url()).search);
    });
    await page.goto(viewUrl(session, area.id, "data", "en"), { waitUntil: "domcontentloaded" });
    await upload(page, "2005", maps[2005]);
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toContain("2005: 30×20 px");
    await expect.poll(() => page.locator("#upload-map .map-years").textContent()).toContain("2005");
    expect(sent).toEqual(["?year=2005"]);
    await upload(page, "2005", maps[2015]);
    const dialog = page.locator(".ant-modal-confirm");
    await expect.poll(() => dialog.textContent()).toMatch(/Replace the map of 2005\?.*stale/);
    // The view knows the area's years: nothing is sent before the answer.
    expect(sent).toEqual(["?year=2005"]);
    await dialog.locator("button", { hasText: "Cancel" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(sent).toEqual(["?year=2005"]);
    const stored = async () =>
      (
        (await (await session.fetch(`${session.server.url}/api/areas/${area.id}/maps`)).json()) as {
          sha256: string;
        }[]
      )[0]!.sha256;
    const before = await stored();
    await page.locator("#upload-map button[type=submit]").click();
    await page.locator("#confirm-replace").click();
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toMatch(/2005 replaced/);
    expect(sent).toEqual(["?year=2005", "?year=2005&replace=true"]);
    expect(await stored()).not.toBe(before);
  });

  it("asks when the server refuses a map because another client stored one of that year since (409 map-exists)", async () => {
    // Chromium logs the refused request; the 409 is what this test provokes.
    const page = await session.openPage({ allowConsole: /status of 409/ });
    const maps = writeMapPair("replace-409");
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Replacement fallback test",
      legend: { preset: "seed001" },
    });
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/maps\b/.test(r.url())) sent.push(new URL(r.url()).search);
    });
    await page.goto(viewUrl(session, area.id, "data", "en"), { waitUntil: "domcontentloaded" });
    await expect.poll(() => page.locator("#upload-map .map-years").textContent()).toMatch(/Nothing yet/);
    // Another client stores a map of 2005 after the page read the area's years.
    const body = new FormData();
    body.set("file", new Blob([readFileSync(maps[2005])]), "other-2005.tif");
    const r = await session.fetch(`${session.server.url}/api/areas/${area.id}/maps?year=2005`, {
      method: "POST",
      headers: CLIENT,
      body,
    });
    expect(r.status).toBe(201);
    await upload(page, "2005", maps[2015]);
    const dialog = page.locator(".ant-modal-confirm");
    await expect.poll(() => dialog.textContent()).toMatch(/Replace the map of 2005\?/);
    expect(sent).toEqual(["?year=2005"]);
    await page.locator("#confirm-replace").click();
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toMatch(/2005 replaced/);
    expect(sent).toEqual(["?year=2005", "?year=2005&replace=true"]);
  });

  it("marks the results of a replaced map stale, in the analyses and on the overview", async () => {
    const page = await session.openPage();
    const maps = writeMapPair("stale");
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Staleness test",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "en"));
    await upload(page, "2005", maps[2005]);
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toContain("2005:");
    await upload(page, "2015", maps[2015]);
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toContain("2015:");
    await page.locator("#run-analysis button[type=submit]").click();
    await expect
      .poll(() => page.locator("#analysis-status").textContent(), { timeout: 120_000 })
      .toMatch(/100%/);
    const firstRow = page.locator("#analyses-table tbody tr.ant-table-row").first();
    expect(await firstRow.locator(".stale").count()).toBe(0);
    await upload(page, "2005", maps[2015]);
    await page.locator("#confirm-replace").click();
    await expect
      .poll(() => page.locator("#upload-map .upload-warnings").textContent())
      .toMatch(/1 analyses .* stale/);
    await expect.poll(() => firstRow.locator(".stale").count()).toBe(1);
    await page.click("#tab-overview");
    await expect
      .poll(() => page.locator(".stale-alert").textContent())
      .toMatch(/stale until the analysis is run again/);
    expect(await page.locator('[data-figure="area"] .stale').count()).toBe(1);
    await shot(page, "overview-stale-en");
    // In Chinese, the reason is said in Chinese (the answer's code through the `api` catalogue).
    await page.goto(viewUrl(session, area.id, "overview", "zh"));
    await expect
      .poll(() => page.locator(".stale-alert").textContent())
      .toMatch(/2005年的地图已于 \d{4}-\d\d-\d\d 替换（\w{8} → \w{8}）；请重新运行分析/);
    expect(await page.locator(".stale-alert").textContent()).not.toMatch(/map was replaced/);
  });

  it("edits the legend: every class shows its role and densities; a CSV import brings each row's own role, never the replaced row's", async () => {
    const page = await session.openPage();
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Legend test",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "en"));
    const roles = page.locator("#legend-form .role");
    await expect.poll(() => roles.first().textContent()).toMatch(/arable land · carbon sink/);
    expect(await page.locator("#legend-form .densities").first().textContent()).toMatch(/soil: arable/);
    // A bad code is shown at its cell, found before anything is sent.
    await page.locator("#legend-form input.code").first().fill("x");
    await page.locator("#legend-save").click();
    await expect
      .poll(() =>
        page.locator('#legend-form [data-path="legend.classes[0].code"] .field-error').textContent(),
      )
      .toMatch(/whole number/);
    // Rows overwritten by a CSV: seed 001's code 1 (arable) and 2 (forest) become water and pasture.
    await page.locator("#legend-form input[type=file]").setInputFiles({
      name: "legend.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "code,name,name_zh,role,colour\n1,Water body,水体,water,#1f78b4\n2,Pasture,牧草地,grassland,#b2df8a\n3,Quarry,采石场,,#6a3d9a\n",
      ),
    });
    await expect.poll(() => page.locator("#legend-form .legend-imported").textContent()).toMatch(/3 classes/);
    expect(await page.locator("#legend-form .legend-imported").textContent()).toMatch(
      /1 of them have no role/,
    );
    await expect.poll(() => roles.count()).toBe(3);
    expect(await roles.nth(0).textContent()).toMatch(/water/);
    expect(await roles.nth(1).textContent()).toMatch(/grassland/);
    // The third has none: not the forest of the row it replaced. Saving asks for one.
    expect(await roles.nth(2).textContent()).toMatch(/choose/);
    await page.locator("#legend-save").click();
    await expect
      .poll(() => page.locator('#legend-form [data-path="legend.classes[2].key"] .field-error').textContent())
      .toMatch(/Choose what this class is/);
    await roles.nth(2).click();
    await page.keyboard.type("open pit");
    await page.locator(".ant-select-item-option", { hasText: /^open pit · mining$/ }).click();
    await page.locator("#legend-save").click();
    await expect
      .poll(() => page.locator("#legend-form .legend-saved").textContent())
      .toMatch(/3 classes saved/);
    const legend = (await (
      await session.fetch(`${session.server.url}/api/areas/${area.id}/legend`)
    ).json()) as {
      classes: { code: number; key: string; name: string }[];
    };
    expect(legend.classes.map((c) => [c.code, c.name, c.key])).toEqual([
      [1, "Water body", "water"],
      [2, "Pasture", "grassland"],
      [3, "Quarry", "open-pit"],
    ]);
    await shot(page, "data-legend-editor");
  });

  it("fills a row without a role with the role its name suggests, marked to confirm; saving waits for each confirmation", async () => {
    const page = await session.openPage();
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Suggested roles",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "en"));
    const roles = page.locator("#legend-form .role");
    await expect.poll(() => roles.first().textContent()).toMatch(/arable land/);
    await page.locator("#legend-form input[type=file]").setInputFiles({
      name: "legend.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "code,name,name_zh,role,colour\n1,Orchard,果园,,#ff0000\n2,Quarry,采石场,,#00ff00\n",
      ),
    });
    await expect.poll(() => roles.count()).toBe(2);
    expect(await page.locator("#legend-form .legend-imported").textContent()).toMatch(
      /1 of them have no role.*1 of them are given the role their name suggests/,
    );
    // The orchard is suggested a garden, visibly; the quarry's name suggests nothing.
    expect(await roles.nth(0).textContent()).toMatch(/garden/);
    const row = (i: number) => page.locator("#legend-form .legend-table tbody tr.ant-table-row").nth(i);
    expect(await row(0).locator(".role-suggested").textContent()).toBe("suggested — confirm");
    expect(await row(1).locator(".role-suggested").count()).toBe(0);
    expect(await roles.nth(1).textContent()).toMatch(/choose/);
    // A new row's role is suggested from the name typed.
    await page.getByRole("button", { name: "Add a class" }).click();
    await row(2).locator("input.code").fill("9");
    await row(2).locator("input.name").fill("Water body");
    await expect.poll(() => roles.nth(2).textContent()).toMatch(/water/);
    expect(await row(2).locator(".role-suggested").count()).toBe(1);
    // Saving asks to confirm each suggestion and to choose the missing role; nothing is sent.
    await page.locator("#legend-save").click();
    const problem = (i: number) =>
      page.locator(`#legend-form [data-path="legend.classes[${i}].key"] .field-error`).textContent();
    await expect.poll(() => problem(0)).toMatch(/Confirm the suggested role/);
    expect(await problem(1)).toMatch(/Choose what this class is/);
    expect(await problem(2)).toMatch(/Confirm the suggested role/);
    await shot(page, "data-legend-suggested");
    await row(0).locator(".role-confirm").click();
    expect(await row(0).locator(".role-suggested").count()).toBe(0);
    await roles.nth(1).click();
    await page.keyboard.type("open pit");
    await page.locator(".ant-select-item-option", { hasText: /^open pit · mining$/ }).click();
    await page.locator("#legend-confirm-all").click();
    await page.locator("#legend-save").click();
    await expect
      .poll(() => page.locator("#legend-form .legend-saved").textContent())
      .toMatch(/3 classes saved/);
    const legend = (await (
      await session.fetch(`${session.server.url}/api/areas/${area.id}/legend`)
    ).json()) as {
      classes: { code: number; key: string }[];
    };
    expect(legend.classes.map((c) => [c.code, c.key])).toEqual([
      [1, "garden"],
      [2, "open-pit"],
      [9, "water"],
    ]);
  });

  it("marks a suggested role in Chinese in the zh editor", async () => {
    const page = await session.openPage();
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Suggested roles zh",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "zh"));
    const roles = page.locator("#legend-form .role");
    await roles.first().waitFor();
    await page.locator("#legend-form input[type=file]").setInputFiles({
      name: "legend.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("code,name,name_zh,role\n1,Orchard,果园,\n2,Slag heap,排土场,\n"),
    });
    await expect.poll(() => roles.count()).toBe(2);
    expect(await roles.nth(0).textContent()).toMatch(/园地/);
    expect(await roles.nth(1).textContent()).toMatch(/排土场/);
    expect(await page.locator("#legend-form .role-suggested").allTextContents()).toEqual([
      "建议——请确认",
      "建议——请确认",
    ]);
    expect(await page.locator("#legend-form .legend-imported").textContent()).toMatch(
      /其中 2 个已按名称填入建议角色/,
    );
    await shot(page, "data-legend-suggested-zh");
  });

  it("says a legend CSV's problems in Chinese in the zh editor", async () => {
    const page = await session.openPage({ as: OWNER });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "data", "zh"));
    await page.locator("#legend-form .role").first().waitFor();
    await page.locator("#legend-form input[type=file]").setInputFiles({
      name: "legend.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("code,name,role,colour\n1,Arable,arable,#ffff00\n\n2,Forest,forest,green\n"),
    });
    const error = page.locator("#legend-form .form-error");
    await expect
      .poll(() => error.textContent())
      .toBe("legend.csv:第 4 行，colour 列：须为形如 #228b22 的颜色；实际为“green”");
    await shot(page, "data-legend-csv-error-zh");
  });

  it("says the server's refusal of a legend in Chinese in the zh editor (a code the area's maps still have)", async () => {
    const page = await session.openPage({ allowConsole: /status of 422/ });
    const maps = writeMapPair("refused");
    const area = await apiWrite<{ id: string }>("POST", "/api/areas", {
      name: "Legend refused",
      legend: { preset: "seed001" },
    });
    await page.goto(viewUrl(session, area.id, "data", "zh"));
    await upload(page, "2005", maps[2005]);
    await expect.poll(() => page.locator("#upload-map .upload-ok").textContent()).toContain("2005");
    // The 2005 map is all arable land (code 1): a legend without it is refused, nothing stored.
    await page
      .locator("#legend-form .legend-table tbody tr.ant-table-row")
      .first()
      .getByRole("button")
      .last()
      .click();
    await page.locator("#legend-save").click();
    const error = page.locator("#legend-form .form-error");
    await expect.poll(() => error.textContent()).toMatch(/^新图例缺少本矿区地图中的编码/);
    expect(await error.textContent()).toMatch(
      /须保留编码 1：2005 年地图中有 600 个该编码的像元；请加回该地类，或先对该地图重新编码/,
    );
    expect(await error.textContent()).not.toMatch(/must keep|lacks codes/);
    await shot(page, "data-legend-refused-zh");
  });

  for (const lang of ["en", "zh"] as const)
    it(`names the legend's density sets in ${lang}, with what each holds on hover`, async () => {
      const page = await session.openPage({ as: OWNER });
      const pingshuo = await areaIdNamed(session, /Pingshuo/);
      await page.goto(viewUrl(session, pingshuo, "data", lang), { waitUntil: "domcontentloaded" });
      // The table may draw its header twice (a fixed copy over the scrolling body): the one seen.
      const label = page
        .locator('#legend-form .density-set-label[data-set="seed001-yang2019"]')
        .locator("visible=true")
        .first();
      await expect
        .poll(() => label.textContent())
        .toBe(
          lang === "en"
            ? "Carbon densities: Yang et al. 2019 (Seed 001 §3.2)"
            : "碳密度：杨等 2019（文献 001 §3.2）",
        );
      // Each pool's density named by the class it was measured on, in the language.
      expect(await page.locator("#legend-form .densities").first().locator("div").allTextContents()).toEqual(
        lang === "en" ? ["soil: arable land", "vegetation: arable land"] : ["土壤：耕地", "植被：耕地"],
      );
      await label.hover();
      const tip = page.locator(".ant-tooltip:visible");
      await expect
        .poll(() => tip.textContent())
        .toBe(
          lang === "en"
            ? "Soil and vegetation carbon lost when arable land, forest and grassland are taken by mining"
            : "耕地、林地和草地被采矿占用时损失的土壤与植被碳",
        );
    });

  it("keeps what was typed when the language is switched", async () => {
    const page = await session.openPage({ as: OWNER });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "data", "en"));
    await page.locator("#create-area input#name").fill("Half-typed area");
    const firstName = page.locator("#legend-form input.name").first();
    await firstName.fill("arable land (edited)");
    await page.locator("#upload-year").fill("2031");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#tab-data").textContent()).toBe("数据");
    expect(await page.locator("#create-area input#name").inputValue()).toBe("Half-typed area");
    expect(await firstName.inputValue()).toBe("arable land (edited)");
    expect(await page.locator("#upload-year").inputValue()).toBe("2031");
    expect(await page.locator("#legend-form .role").first().textContent()).toMatch(/耕地/);
  });

  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`fits the screen in ${lang} at ${size.width}px`, async () => {
        const page = await session.openPage({ ...size, as: OWNER });
        const pingshuo = await areaIdNamed(session, /Pingshuo/);
        await page.goto(viewUrl(session, pingshuo, "data", lang));
        await page.locator("#legend-form .role").first().waitFor();
        await page.locator("#analyses-table tbody tr.ant-table-row").first().waitFor();
        await expectNoHorizontalOverflow(page);
        await shot(page, `data-${lang}-${size.width}`);
      });
});
