import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { DemoAccount } from "../../src/app/demo-directory.ts";
import {
  DEMO_PASSWORD,
  DESKTOP,
  expectNoHorizontalOverflow,
  PHONE,
  shot,
  useBrowserSession,
  type BrowserSession,
} from "./browser-session.ts";

const session = useBrowserSession();

/**
 * Console errors an anonymous page logs by design: Chromium reports the 401 of `/api/me` (how the
 * app learns nobody is signed in) as a failed resource load; and the 404 of `/api/public/info`
 * while the server does not yet say whether it runs the demo.
 */
const ANONYMOUS_CONSOLE = /Failed to load resource: the server responded with a status of (401|404)/;

/** What each demo role must see: the header's links, the area views, and the areas in the choice. */
const EXPECTED: Record<
  DemoAccount,
  { admin: boolean; audit: boolean; data: boolean; inventory: boolean; areas: RegExp[]; notAreas: RegExp[] }
> = {
  "demo-admin": {
    admin: true,
    audit: true,
    data: false,
    inventory: false,
    areas: [/Pingshuo/, /Yongning/],
    notAreas: [],
  },
  "demo-regulator": {
    admin: false,
    audit: true,
    data: true,
    inventory: true,
    areas: [/Pingshuo/, /Yongning/],
    notAreas: [],
  },
  "demo-regulator-city": {
    admin: false,
    audit: true,
    data: true,
    inventory: true,
    areas: [/Pingshuo/],
    notAreas: [/Yongning/],
  },
  "demo-enterprise-a": {
    admin: true,
    audit: false,
    data: true,
    inventory: true,
    areas: [/Pingshuo/],
    notAreas: [/Yongning/],
  },
  "demo-enterprise-b": {
    admin: true,
    audit: false,
    data: true,
    inventory: true,
    areas: [/Yongning/],
    notAreas: [/Pingshuo/],
  },
  "demo-verifier": {
    admin: false,
    audit: false,
    data: false,
    inventory: false,
    areas: [/Yongning/],
    notAreas: [/Pingshuo/],
  },
};

/** Opens a page of the app as nobody: the app sends it to the login page, which comes back to it after signing in. */
async function loginPage(s: BrowserSession, o: { lang?: "en" | "zh"; width?: number; height?: number } = {}) {
  const page = await s.openPage({
    as: null,
    allowConsole: ANONYMOUS_CONSOLE,
    width: o.width,
    height: o.height,
  });
  await page.goto(`${s.server.url}/data?lang=${o.lang ?? "en"}`);
  await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
  await page.locator("#login-username").waitFor();
  return page;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.fill("#login-username", username);
  await page.fill("#login-password", password);
  await page.click("#login-submit");
}

/** The names of the areas in the header's area choice. */
async function areaNames(page: Page): Promise<string[]> {
  await page.locator("#area-select").click({ force: true });
  const options = page.locator(".ant-select-item-option");
  await options.first().waitFor();
  const names = await options.allTextContents();
  await page.keyboard.press("Escape");
  return names;
}

describe("signing in and what each role sees", () => {
  it("refuses a wrong password in the language without saying which field was wrong, then signs in and returns to the page asked for", async () => {
    const page = await loginPage(session, { lang: "zh" });
    expect(new URL(page.url()).searchParams.get("next")).toBe("/data?lang=zh");
    await expect.poll(() => page.locator(".login-title").textContent()).toBe("登录");
    await signIn(page, "demo-enterprise-a", "not-the-password");
    await expect
      .poll(() => page.locator("#login-error").textContent())
      .toBe("用户名或密码错误，或该账户无法登录。");
    await shot(page, "access-login-refused-zh");
    await page.click("#lang-toggle");
    await expect
      .poll(() => page.locator("#login-error").textContent())
      .toMatch(/^The username or password is wrong/);
    await signIn(page, "demo-enterprise-a", DEMO_PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/data");
    await expect.poll(() => page.locator("#user-menu").textContent()).toMatch(/\S/);
  });

  for (const account of Object.keys(EXPECTED) as DemoAccount[]) {
    it(`${account}: the navigation and the areas of the role only`, async () => {
      const want = EXPECTED[account];
      const page = await loginPage(session);
      await signIn(page, account, DEMO_PASSWORD);
      await expect.poll(() => new URL(page.url()).pathname).not.toBe("/login");
      await page.locator("#user-menu").waitFor();
      expect(await page.locator("#nav-admin").count(), "Administration link").toBe(want.admin ? 1 : 0);
      expect(await page.locator("#nav-audit").count(), "Audit link").toBe(want.audit ? 1 : 0);
      const names = await areaNames(page);
      for (const a of want.areas)
        expect(
          names.some((n) => a.test(n)),
          `${a} in ${names.join(" | ")}`,
        ).toBe(true);
      for (const a of want.notAreas)
        expect(
          names.some((n) => a.test(n)),
          `${a} not in ${names.join(" | ")}`,
        ).toBe(false);
      // An area's views: the tabs of what the role may use.
      await page.locator("#area-select").click({ force: true });
      await page.locator(".ant-select-item-option", { hasText: want.areas[0]! }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/areas\/[^/]+\/overview$/);
      await page.locator("#tab-overview").waitFor();
      expect(await page.locator("#tab-data").count(), "Data tab").toBe(want.data ? 1 : 0);
      expect(await page.locator("#tab-inventory").count(), "Inventory tab").toBe(want.inventory ? 1 : 0);
      // The user menu: organisation and roles in the language; signing out goes back to the login page.
      await page.click("#user-menu");
      await page.locator("#user-card").waitFor();
      await shot(page, `access-${account}-en`);
      await page.click("#sign-out");
      await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
      // Signed out for real: the API refuses the old session.
      const me = await page.evaluate(async () => (await fetch("/api/me")).status);
      expect(me).toBe(401);
    });
  }

  it("shows the user menu's organisation and roles in both languages, at 1280 and 390 px, without overflow", async () => {
    for (const size of [DESKTOP, PHONE])
      for (const lang of ["en", "zh"] as const) {
        const page = await session.openPage({ ...size, as: "demo-regulator-city" });
        await page.goto(`${session.server.url}/?lang=${lang}`);
        await page.locator("#user-menu").waitFor();
        await page.click("#user-menu");
        const card = page.locator("#user-card");
        await card.waitFor();
        const text = (await card.textContent()) ?? "";
        if (lang === "zh") {
          expect(text).toContain("朔州市生态环境局（示范）");
          expect(text).toContain("监管人员");
        } else {
          expect(text).toContain("Shuozhou Ecology and Environment Bureau (DEMO)");
          expect(text).toContain("regulator");
        }
        await expectNoHorizontalOverflow(page);
        await shot(page, `access-user-menu-${lang}-${size.width}`);
      }
  });

  it("the login page fits 390 px in both languages", async () => {
    for (const lang of ["en", "zh"] as const) {
      const page = await loginPage(session, { lang, ...PHONE });
      await expectNoHorizontalOverflow(page);
      await shot(page, `access-login-${lang}-390`);
    }
  });
});
