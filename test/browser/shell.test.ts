import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  cjkGlyphCheck,
  DESKTOP,
  expectNoHorizontalOverflow,
  PHONE,
  shot,
  useBrowserSession,
} from "./browser-session.ts";

const session = useBrowserSession();
import { APP } from "./browser-session.ts";

describe("the app's shell", () => {
  it("opens the first area's overview, with a URL per view and a working area choice", async () => {
    const page = await session.openPage();
    await page.goto(`${session.server.url}${APP}/`);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/areas\/[^/]+\/overview$/);
    await expect.poll(() => page.locator("#tab-map").textContent()).toBe("Map");
    await page.click("#tab-data");
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/data$/);
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.locator("#area-select").click({ force: true });
    await page.locator(".ant-select-item-option", { hasText: /Pingshuo/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${APP}/areas/${pingshuo}/data`);
    await page.goto(`${session.server.url}${APP}/areas/no-such-area/overview`);
    await expect
      .poll(() => page.locator(".ant-result-title").textContent())
      .toBe("This mining area is not open to you.");
  });

  it("switches language in place, keeps it in the URL and remembers it, and draws 中文 without a system CJK font", async () => {
    for (const size of [DESKTOP, PHONE]) {
      const page = await session.openPage(size);
      const pingshuo = await areaIdNamed(session, /Pingshuo/);
      await page.goto(`${session.server.url}${APP}/areas/${pingshuo}/overview`);
      const toggle = page.locator("#lang-toggle");
      await expect.poll(() => toggle.textContent()).toBe("中文");
      // The switch's Chinese is drawn in the bundled font, not as boxes.
      const glyphs = await cjkGlyphCheck(page, "#lang-toggle");
      expect(glyphs, JSON.stringify(glyphs)).toMatchObject({ rendered: true });
      await expectNoHorizontalOverflow(page);
      await shot(page, `shell-en-${size.width}`);
      await toggle.click();
      await expect.poll(() => page.locator("#tab-overview").textContent()).toBe("概览");
      expect(new URL(page.url()).searchParams.get("lang")).toBe("zh");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      expect(await cjkGlyphCheck(page, "#tab-overview")).toMatchObject({ rendered: true });
      await expectNoHorizontalOverflow(page);
      await shot(page, `shell-zh-${size.width}`);
      // Remembered: a link without ?lang opens in Chinese.
      await page.goto(`${session.server.url}${APP}/areas/${pingshuo}/map`);
      await expect.poll(() => page.locator("#tab-map").textContent()).toBe("地图");
    }
  });

  it("draws the app's own Chinese from the preloaded subset, loading the whole font only for other characters", async () => {
    const page = await session.openPage();
    const fonts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "font") fonts.push(new URL(r.url()).pathname);
    });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(`${session.server.url}${APP}/areas/${pingshuo}/data?lang=zh`);
    await expect.poll(() => page.locator("#tab-data").textContent()).toBe("数据");
    expect(await cjkGlyphCheck(page, "#tab-data")).toMatchObject({ rendered: true });
    await page.waitForLoadState("networkidle");
    expect(fonts).toContain("/assets/ui-sc.ttf");
    expect(fonts).not.toContain("/assets/fonts/noto-sans-sc.ttf");
    // A character none of the app's texts use (a user's own text) brings the whole font.
    await page.evaluate(() => {
      const span = document.createElement("span");
      span.id = "rare-cjk";
      span.textContent = "鑫";
      document.body.append(span);
    });
    await expect.poll(() => fonts.includes("/assets/fonts/noto-sans-sc.ttf")).toBe(true);
    const loaded = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans SC"', "鑫");
      return document.fonts.check('16px "Noto Sans SC"', "鑫");
    });
    expect(loaded).toBe(true);
  });

  it("loads map and chart code only with the views that use them", async () => {
    const page = await session.openPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(`${session.server.url}${APP}/areas/${pingshuo}/data`);
    await expect.poll(() => page.locator("#tab-data").textContent()).toBe("Data");
    await page.waitForLoadState("networkidle");
    const firstLoad = [...scripts];
    const code = await Promise.all(
      firstLoad.map(async (p) => (await session.fetch(`${session.server.url}${p}`)).text()),
    );
    // OpenLayers' and ECharts' own identifiers are not in what the data view loads.
    expect(code.some((c) => /ol-viewport|echarts|zrender/i.test(c))).toBe(false);
  });

  it("serves the API docs page under the same policy, without violations", async () => {
    const page = await session.openPage();
    const r = await page.goto(`${session.server.url}/docs`);
    expect(r!.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/MineCarbon API/);
  });
});
