import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  cjkGlyphCheck,
  CLIENT,
  DESKTOP,
  expectNoHorizontalOverflow,
  fieldError,
  paintedShare,
  PHONE,
  shot,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

/** Yongning is enterprise B's mine: its editor works on its inventory. */
const B = "demo-enterprise-b" as const;

describe("the inventory view", () => {
  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`shows the mine's activity data, waterfall, uncertainty and reports in ${lang} at ${size.width}px`, async () => {
        const page = await session.openPage({ ...size, as: B });
        const yongning = await areaIdNamed(session, /Yongning/);
        await page.goto(viewUrl(session, yongning, "inventory", lang), { waitUntil: "domcontentloaded" });
        const coal = page.locator("#inventory_coalOutputT");
        await coal.waitFor();
        expect(await coal.inputValue()).toBe("900000");
        const labels = (await page.locator("#inventory-form").textContent()) ?? "";
        expect(labels).toMatch(lang === "en" ? /Raw coal output \(t\)/ : /原煤产量/);
        expect(labels).toMatch(lang === "en" ? /Electricity: amount consumed/ : /电力：/);
        await expect.poll(() => paintedShare(page, "#inventory-waterfall canvas")).toBeGreaterThan(0.01);
        if (size.width === PHONE.width) {
          // On a phone the waterfall keeps the width its labels need and scrolls in its own box.
          expect(
            await page.locator("#inventory-waterfall").evaluate((e) => e.clientWidth),
          ).toBeGreaterThanOrEqual(720);
          expect(
            await page
              .locator("#inventory-waterfall-panel .chart-scroll")
              .evaluate((e) => e.getBoundingClientRect().right),
          ).toBeLessThanOrEqual(PHONE.width);
        }
        // The uncertainty box always says something: figures, or why there are none.
        await expect
          .poll(() => page.locator("#uncertainty-panel .ant-card-body").textContent())
          .toMatch(/\S{10}/);
        expect(await page.locator("#inventory-reports button.report-pdf").count()).toBe(1);
        if (lang === "zh")
          expect(await cjkGlyphCheck(page, "#inventory-panel .ant-card-head-title")).toMatchObject({
            rendered: true,
          });
        await expectNoHorizontalOverflow(page);
        await shot(page, `inventory-${lang}-${size.width}`);
      });

  it("says so when no input of the inventory has a range, instead of showing nothing", async () => {
    const page = await session.openPage({ as: B });
    const yongning = await areaIdNamed(session, /Yongning/);
    // The stored inventory as answered, with every input's range taken away (as for a mine whose
    // factors and activity data all lack one).
    await page.route(/\/api\/inventories\/[^/]+$/, async (route) => {
      const res = await route.fetch();
      const inv = (await res.json()) as {
        result: { uncertainty: { inputs: { basis: string; lowPct: number; highPct: number }[] } | null };
      };
      for (const i of inv.result.uncertainty?.inputs ?? [])
        Object.assign(i, { basis: "none", lowPct: 0, highPct: 0 });
      await route.fulfill({ response: res, json: inv });
    });
    await page.goto(viewUrl(session, yongning, "inventory", "en"), { waitUntil: "domcontentloaded" });
    await expect
      .poll(() => page.locator("#uncertainty-none").textContent())
      .toMatch(/No uncertainty can be given: no factor and no activity datum of this inventory has a range/);
    expect(await page.locator("#uncertainty-table").count()).toBe(0);
    await page.unroute(/\/api\/inventories\/[^/]+$/);
    await page.reload();
    await page.locator("#uncertainty-table").waitFor();
    expect(await page.locator("#uncertainty-none").count()).toBe(0);
  });

  it("imports activity data from CSV, names unknown columns, and shows a bad value at its field", async () => {
    const page = await session.openPage({ as: B, allowConsole: /status of 400 \(Bad Request\)/ });
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "inventory", "en"), { waitUntil: "domcontentloaded" });
    const coal = page.locator("#inventory_coalOutputT");
    await coal.waitFor();
    await page.locator("#inventory-panel input[type=file]").setInputFiles({
      name: "activity.csv",
      mimeType: "text/csv",
      buffer: Buffer.from('field,value\ncoalOutputT,800000\n"diesel",60\nbogus,1\n'),
    });
    await expect.poll(() => coal.inputValue()).toBe("800000");
    expect(await page.locator("#inventory_diesel").inputValue()).toBe("60");
    await expect
      .poll(() => page.locator("#inventory-result").textContent())
      .toMatch(/unknown field\(s\) bogus/);
    // Out of range: refused at the field before sending.
    await coal.fill("-5");
    await page.locator("#inventory-compute").click();
    await expect.poll(() => fieldError(page, "inventory_coalOutputT").textContent()).toMatch(/0 – /);
    expect(await coal.getAttribute("aria-invalid")).toBe("true");
    // Not a number: the server names the mistake, shown at the same field.
    await coal.fill("lots");
    await page.locator("#inventory-compute").click();
    await expect.poll(() => fieldError(page, "inventory_coalOutputT").textContent()).toMatch(/number/);
    await shot(page, "inventory-field-error");
    await coal.fill("800000");
    await page.locator("#inventory-compute").click();
    await expect
      .poll(() => page.locator("#inventory-result").textContent())
      .toMatch(/Saved and computed: gross emissions [\d,.]+ t CO2e\/yr/);
  });

  it("keeps unsaved input in the inventory and plan forms when the language is switched", async () => {
    const page = await session.openPage({ as: B });
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "inventory", "en"), { waitUntil: "domcontentloaded" });
    const coal = page.locator("#inventory_coalOutputT");
    await coal.waitFor();
    await coal.fill("777000");
    await page.click("#lang-toggle");
    await expect
      .poll(() => page.locator("#inventory-panel .ant-card-head-title").textContent())
      .toBe("年度活动数据");
    expect(await coal.inputValue()).toBe("777000");
    await page.goto(viewUrl(session, yongning, "plan", "en"), { waitUntil: "domcontentloaded" });
    const start = page.locator("#scenario_measures_2_start");
    await start.waitFor();
    await start.fill("2031");
    await page.click("#lang-toggle");
    await expect
      .poll(() => page.locator(".measure .measure-name").first().textContent())
      .toBe("清洁电力替代");
    expect(await start.inputValue()).toBe("2031");
  });

  it("downloads the inventory's PDF report, and the analysis's HTML report in Chinese", async () => {
    const page = await session.openPage({ as: B });
    const yongning = await areaIdNamed(session, /Yongning/);
    await page.goto(viewUrl(session, yongning, "inventory", "en"), { waitUntil: "domcontentloaded" });
    const download = page.waitForEvent("download");
    await page.locator("#inventory-reports button.report-pdf").click();
    const pdf = join(session.dir, "inventory-report.pdf");
    await (await download).saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    // The Pingshuo-like area's report is made by its owner, enterprise A.
    const pageA = await session.openPage({ as: "demo-enterprise-a" });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await pageA.goto(viewUrl(session, pingshuo, "inventory", "zh"), { waitUntil: "domcontentloaded" });
    const html = pageA.waitForEvent("download");
    await pageA.locator("#analysis-reports button.report-html").click();
    const file = join(session.dir, "analysis-report-zh.html");
    await (await html).saveAs(file);
    expect(readFileSync(file, "utf8")).toMatch(/<html[^>]*lang="zh/);
  });

  it("renders hostile text in the mine's name and labels as text in the inventory, charts and plan views", async () => {
    const XSS = `<img src=x onerror=alert("xss-img")>`;
    const yongning = await areaIdNamed(session, /Yongning/);
    const list = (await (
      await session.fetch(`${session.server.url}/api/areas/${yongning}/inventories`, {}, B)
    ).json()) as {
      id: string;
    }[];
    const stored = (await (
      await session.fetch(`${session.server.url}/api/inventories/${list[0]!.id}`, {}, B)
    ).json()) as {
      input: { mine: string; assumptions?: string[] };
    };
    const doc = { ...stored.input, mine: `Mine ${XSS}`, assumptions: [`Assumption ${XSS}`] };
    const r = await session.fetch(
      `${session.server.url}/api/areas/${yongning}/inventories`,
      {
        method: "POST",
        headers: { ...CLIENT, "content-type": "application/json" },
        body: JSON.stringify(doc),
      },
      B,
    );
    expect(r.status, await r.clone().text()).toBeLessThan(300);
    const page = await session.openPage({ as: B });
    await page.goto(viewUrl(session, yongning, "inventory", "en"), { waitUntil: "domcontentloaded" });
    await page.locator("#inventory-select").waitFor();
    await page.locator("#inventory-select").click({ force: true });
    await page.locator(".ant-select-item-option", { hasText: "<img" }).click();
    await expect.poll(() => page.locator("#inventory_mine").inputValue()).toBe(`Mine ${XSS}`);
    await expect.poll(() => page.locator(".inventory-view").textContent()).toContain(`Mine ${XSS}`);
    await page.goto(viewUrl(session, yongning, "charts", "en"), { waitUntil: "domcontentloaded" });
    await expect.poll(() => page.locator(".charts-view").textContent()).toContain(`Mine ${XSS}`);
    await page.goto(viewUrl(session, yongning, "plan", "en"), { waitUntil: "domcontentloaded" });
    await page.locator("#plan-start").waitFor();
    await shot(page, "inventory-xss-plan");
    // The session fails the test on an alert, a CSP violation or a request for the planted image.
    expect(await page.locator("img[src=x]").count()).toBe(0);
  });
});
