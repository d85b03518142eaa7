import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { DemoAccount } from "../../src/app/demo-directory.ts";
import {
  DEMO_PASSWORD,
  mapRendered,
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
 * app learns nobody is signed in) as a failed resource load.
 */
const ANONYMOUS_CONSOLE = /Failed to load resource: the server responded with a status of 401/;

/** What each demo role must see: the header's links, the area views, and the areas in the choice. */
const EXPECTED: Record<
  DemoAccount,
  { admin: boolean; audit: boolean; data: boolean; inventory: boolean; areas: RegExp[]; notAreas: RegExp[] }
> = {
  "demo-admin": {
    admin: true,
    audit: true,
    data: false,
    inventory: true,
    areas: [/Pingshuo/, /Yongning/],
    notAreas: [],
  },
  "demo-regulator": {
    admin: true,
    audit: true,
    data: true,
    inventory: true,
    areas: [/Pingshuo/, /Yongning/],
    notAreas: [],
  },
  "demo-regulator-city": {
    admin: true,
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
    inventory: true,
    areas: [/Yongning/],
    notAreas: [/Pingshuo/],
  },
};

/** Opens a page of the app as nobody: the app sends it to the login page, which comes back to it after signing in. */
async function loginPage(
  s: BrowserSession,
  o: { lang?: "en" | "zh"; width?: number; height?: number; allowConsole?: RegExp } = {},
) {
  const page = await s.openPage({
    as: null,
    allowConsole: o.allowConsole ?? ANONYMOUS_CONSOLE,
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

/** The names of the areas in the header's area choice (left open). */
async function areaNames(page: Page): Promise<string[]> {
  await page.locator("#area-select").click({ force: true });
  const options = page.locator(".ant-select-item-option");
  await options.first().waitFor();
  return options.allTextContents();
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
      await page.locator(".ant-select-item-option", { hasText: want.areas[0]! }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/areas\/[^/]+\/overview$/);
      await page.locator("#tab-overview").waitFor();
      expect(await page.locator("#tab-data").count(), "Data tab").toBe(want.data ? 1 : 0);
      expect(await page.locator("#tab-inventory").count(), "Inventory tab").toBe(want.inventory ? 1 : 0);
      if (!want.data) {
        // By its URL, a view the role does not use says so instead of drawing its refused forms.
        await page.goto(page.url().replace(/\/overview(\?|$)/, "/data$1"));
        await page.locator(".view-not-for-role").waitFor();
      }
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

  it("a session that ends while the app is open sends the next call to the login page, and back after signing in", async () => {
    const page = await loginPage(session);
    await signIn(page, "demo-enterprise-b", DEMO_PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/data");
    await page.goto(`${session.server.url}/`);
    await page.locator("#tab-overview").waitFor();
    const overview = new URL(page.url()).pathname;
    // The session ends elsewhere (here: signed out by a call of its own, as another tab would).
    const status = await page.evaluate(
      async () =>
        (await fetch("/api/auth/logout", { method: "POST", headers: { "x-minecarbon-client": "web" } }))
          .status,
    );
    expect(status).toBe(204);
    await page.click("#tab-map");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/login");
    const map = overview.replace(/overview$/, "map");
    expect(new URL(page.url()).searchParams.get("next")).toBe(map);
    await signIn(page, "demo-enterprise-b", DEMO_PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe(map);
  });

  it("shows the user menu's organisation and roles in both languages, at 1280 and 390 px, without overflow", async () => {
    for (const size of [DESKTOP, PHONE])
      for (const lang of ["en", "zh"] as const) {
        const page = await session.openPage({ ...size, as: "demo-regulator-city" });
        await page.goto(`${session.server.url}/?lang=${lang}`);
        await page.locator("#user-menu").waitFor();
        await page.click("#user-menu");
        const card = page.locator("#user-card");
        await card.waitFor();
        // The menu's opening animation over (it grows from the button).
        await page.waitForFunction(
          () => !document.querySelector(".ant-dropdown[class*='-appear'], .ant-dropdown[class*='-enter']"),
        );
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

/** The controls that change an area or make something of it, in the area's views. */
const WRITE_CONTROLS = [
  "#upload-card",
  "#run-card",
  "#legend-card",
  "#inventory-compute",
  "#inventory-import",
  ".report-html",
  ".report-pdf",
].join(", ");

/** The id of the demo area named `name`, as its owner lists it. */
async function demoArea(s: BrowserSession, name: RegExp, owner: DemoAccount): Promise<string> {
  const areas = (await (await s.fetch(`${s.server.url}/api/areas`, {}, owner)).json()) as {
    id: string;
    name: string;
  }[];
  return areas.find((a) => name.test(a.name))!.id;
}

describe("an area's views offer only what the role may do on that area", () => {
  it("enterprise A's editor sees the forms and report buttons of its own area", async () => {
    const pingshuo = await demoArea(session, /Pingshuo/, "demo-enterprise-a");
    const page = await session.openPage({ as: "demo-enterprise-a" });
    await page.goto(`${session.server.url}/areas/${pingshuo}/data?lang=en`);
    for (const card of ["#upload-card", "#run-card", "#legend-card", "#create-area-card"])
      await page.locator(card).waitFor();
    // Its analyses' reports (the demo's analysis is done once it is listed as such).
    await expect
      .poll(() => page.locator("#analyses-table .report-html").count(), { timeout: 120_000 })
      .toBeGreaterThan(0);
    expect(await page.locator(".read-only-note").count()).toBe(0);
    await page.click("#tab-inventory");
    await page.locator("#inventory-compute").waitFor();
    expect(await page.locator(".read-only-note").count()).toBe(0);
  });

  it("a city regulator reads enterprise A's area of its jurisdiction and is offered nothing that changes it", async () => {
    const pingshuo = await demoArea(session, /Pingshuo/, "demo-enterprise-a");
    for (const [lang, size] of [
      ["en", DESKTOP],
      ["zh", PHONE],
    ] as const) {
      const page = await session.openPage({ ...size, as: "demo-regulator-city" });
      await page.goto(`${session.server.url}/areas/${pingshuo}/data?lang=${lang}`);
      await page.locator(".read-only-note").waitFor();
      // The analyses are listed (read), without report buttons.
      await page.locator("#analyses-table tbody tr.ant-table-row").first().waitFor();
      expect(await page.locator(WRITE_CONTROLS).count(), "write controls in Data").toBe(0);
      // It may open areas of its own department: the form for a new one stays.
      expect(await page.locator("#create-area-card").count()).toBe(1);
      await expectNoHorizontalOverflow(page);
      await shot(page, `access-read-only-data-${lang}-${size.width}`);
      // By URL: at 390 px the views' menu folds some tabs away.
      await page.goto(`${session.server.url}/areas/${pingshuo}/inventory?lang=${lang}`);
      await page.locator(".inventory-view .read-only-note").waitFor();
      expect(await page.locator(WRITE_CONTROLS).count(), "write controls in Inventory").toBe(0);
      await page.goto(`${session.server.url}/areas/${pingshuo}/overview?lang=${lang}`);
      await page.locator('[data-figure="area"]').waitFor();
      expect(await page.locator(WRITE_CONTROLS).count(), "write controls in Overview").toBe(0);
      await expectNoHorizontalOverflow(page);
      await shot(page, `access-read-only-overview-${lang}-${size.width}`);
    }
  });

  it("the verifier reads the area it is assigned to (enterprise B's) without report or write buttons", async () => {
    const yongning = await demoArea(session, /Yongning/, "demo-enterprise-b");
    const page = await session.openPage({ as: "demo-verifier" });
    await page.goto(`${session.server.url}/areas/${yongning}/overview?lang=zh`);
    // Yongning's stored inventories are listed (their owner would see report buttons beside each).
    await page.locator(".inventory-row").first().waitFor();
    expect(await page.locator(WRITE_CONTROLS).count(), "write controls in Overview").toBe(0);
    // The missing map is said without asking the verifier to upload one.
    expect(await page.locator(".glance .ant-empty-description").first().textContent()).toBe(
      "尚无土地利用图。",
    );
    await shot(page, "access-verifier-overview-zh");
    // The administrator, who reads every area for support, is offered nothing either.
    const admin = await session.openPage({ as: "demo-admin" });
    await admin.goto(`${session.server.url}/areas/${yongning}/overview?lang=en`);
    await admin.locator(".inventory-row").first().waitFor();
    expect(await admin.locator(WRITE_CONTROLS).count(), "write controls for the administrator").toBe(0);
  });
});

describe("the public portal", () => {
  it("is the start page without sign-in: the published area only, with its figures, map and chart, and feedback", async () => {
    for (const size of [DESKTOP, PHONE])
      for (const lang of ["en", "zh"] as const) {
        const page = await session.openPage({ ...size, as: null, allowConsole: ANONYMOUS_CONSOLE });
        await page.goto(`${session.server.url}/?lang=${lang}`);
        await expect.poll(() => new URL(page.url()).pathname).toBe("/public");
        const cards = page.locator(".public-area");
        await cards.first().waitFor();
        const titles = await page.locator(".public-area .ant-card-head-title").allTextContents();
        expect(titles).toEqual([
          lang === "zh" ? "平朔式示范矿区（合成数据）" : "Pingshuo-like demo area (SYNTHETIC data)",
        ]);
        await page.locator("#public-chart").waitFor();
        await mapRendered(page);
        await expectNoHorizontalOverflow(page);
        await shot(page, `access-public-${lang}-${size.width}`);
      }
    // Feedback from anyone.
    const page = await session.openPage({ as: null, allowConsole: ANONYMOUS_CONSOLE });
    await page.goto(`${session.server.url}/?lang=en`);
    await page.locator("#feedback-message").waitFor();
    await page.fill("#feedback-message", "The reclamation figures of 2018 look low.");
    await page.click("#feedback-submit");
    await expect.poll(() => page.locator("#feedback-sent").count()).toBe(1);
  });

  it("an enterprise's user never sees the other enterprise's area even by its URL", async () => {
    const yongning = (
      (await (await session.fetch(`${session.server.url}/api/areas`, {}, "demo-enterprise-b")).json()) as {
        id: string;
        name: string;
      }[]
    ).find((a) => /Yongning/.test(a.name))!.id;
    const page = await session.openPage({ as: "demo-enterprise-a", allowConsole: /status of 404/ });
    await page.goto(`${session.server.url}/areas/${yongning}/overview`);
    await expect
      .poll(() => page.locator(".ant-result-title").textContent())
      .toBe("This mining area is not open to you.");
    expect(await page.content()).not.toContain("Yongning");
  });
});

describe("administration and audit", () => {
  it("the administrator adds a user with a password typed twice; the lists show organisations, users, sessions and regions", async () => {
    const page = await session.openPage({ as: "demo-admin" });
    await page.goto(`${session.server.url}/?lang=en`);
    await page.click("#nav-admin");
    await page.locator("#admin-organisations").waitFor();
    await expect
      .poll(() => page.locator("#admin-organisations").textContent())
      .toContain("Shanxi Department of Natural Resources (DEMO)");
    await page.getByRole("tab", { name: "Users" }).click();
    await expect.poll(() => page.locator("#admin-users").textContent()).toContain("demo-verifier");
    await page.click("#user-add");
    await page.fill("#user-username", "browser-new-user");
    // Typed into the choice's search box (Playwright waits until the opening modal takes input; a
    // forced click during its animation could miss and leave the list closed).
    await page.locator("#user-organisation").fill("Verification");
    await page.locator(".ant-select-item-option", { hasText: /Verification/ }).click();
    await page.getByLabel("verifier").check();
    await page.fill("#user-password", "Another-Long-Secret-7");
    await page.fill("#user-again", "Another-Long-Secret-8");
    await page.click("#user-add-ok");
    await expect
      .poll(() => page.locator(".ant-form-item-explain-error").allTextContents())
      .toContain("The two entries differ.");
    await page.fill("#user-again", "Another-Long-Secret-7");
    await page.click("#user-add-ok");
    await expect.poll(() => page.locator("#admin-users").textContent()).toContain("browser-new-user");
    await page.getByRole("tab", { name: "Sessions" }).click();
    await expect.poll(() => page.locator("#admin-sessions").textContent()).toContain("demo-admin");
    await page.getByRole("tab", { name: "Regions" }).click();
    await expect.poll(() => page.locator("#admin-regions").textContent()).toContain("140603");
    await expectNoHorizontalOverflow(page);
    await shot(page, "access-admin-en");
  });

  it("a password the rules refuse is said in Chinese when the administrator adds a user", async () => {
    const page = await session.openPage({ as: "demo-admin", allowConsole: /status of (400|422)/ });
    await page.goto(`${session.server.url}/admin?lang=zh`);
    await page.getByRole("tab", { name: "用户" }).click();
    await page.click("#user-add");
    await page.fill("#user-username", "browser-weak");
    await page.locator("#user-organisation").fill("核查");
    await page.locator(".ant-select-item-option", { hasText: "示范碳排放核查中心" }).click();
    await page.getByLabel("核查人员").check();
    await page.fill("#user-password", "Browser-Weak-Pass-1");
    await page.fill("#user-again", "Browser-Weak-Pass-1");
    await page.click("#user-add-ok");
    // The write's refusal (WriteError), not a field's own message.
    const error = page.locator(".ant-modal .ant-alert-error.form-note");
    await expect.poll(() => error.textContent()).toContain("密码不得包含用户名。");
    expect(await error.textContent()).not.toMatch(/a password/);
    await shot(page, "access-user-password-rule-zh");
  });

  it("an enterprise editor sees only its API tokens: creating one shows its secret once", async () => {
    const page = await session.openPage({ as: "demo-enterprise-a" });
    await page.goto(`${session.server.url}/?lang=zh`);
    await page.click("#nav-admin");
    await page.locator("#admin-tokens").waitFor();
    expect(await page.getByRole("tab").allTextContents()).toEqual(["API 令牌", "矿区：公开与核查"]);
    await page.click("#token-add");
    await page.fill("#token-name", "月度能源数据上传");
    // The search box of the actions' choice, filtered to one (the list is virtual: not every option is drawn).
    await page.locator("#token-actions").fill("录入清单");
    await page.locator(".ant-select-item-option[title='录入清单']").click();
    await page.keyboard.press("Escape");
    await page.click("#token-add-ok");
    await expect.poll(() => page.locator("#token-secret .secret").textContent()).toMatch(/^mct_/);
    await page.locator(".ant-modal").waitFor({ state: "hidden" });
    await expect.poll(() => page.locator("#admin-tokens").textContent()).toContain("月度能源数据上传");
    await expectNoHorizontalOverflow(page);
    await shot(page, "access-admin-tokens-zh");
  });

  it("a regulator reads the audit trail, filters it and opens a record's timeline", async () => {
    // An event about an area of the regulator's jurisdiction: feedback on the published area.
    const [published] = (await (await fetch(`${session.server.url}/api/public/areas`)).json()) as {
      id: string;
    }[];
    const sent = await session.fetch(
      `${session.server.url}/api/public/feedback`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ areaId: published!.id, message: "A question about the 2009 map." }),
      },
      "demo-regulator",
    );
    expect(sent.status, await sent.clone().text()).toBeLessThan(300);
    const page = await session.openPage({ as: "demo-regulator" });
    await page.goto(`${session.server.url}/?lang=en`);
    await page.click("#nav-audit");
    const rows = page.locator("#audit-table .audit-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    // The feedback is audited under its own kind; twelve kinds do not all fit the open list, so
    // the choice is typed into its search box.
    await page.locator("#audit-resource-kind").fill("feedback");
    await page.locator(".ant-select-item-option", { hasText: /^feedback$/ }).click();
    await page.click("#audit-apply");
    await expect
      .poll(async () => {
        const kinds = await page.locator("#audit-table .audit-row td:nth-child(6)").allTextContents();
        return kinds.length > 0 && kinds.every((c) => c.startsWith("feedback"));
      })
      .toBe(true);
    await page.locator("#audit-table .audit-row.clickable").first().click();
    await page.locator("#audit-timeline .ant-timeline-item").first().waitFor();
    await shot(page, "access-audit-en");
  });

  it("a user whose password an administrator set must change it before anything else, typed twice", async () => {
    const orgs = (await (
      await session.fetch(`${session.server.url}/api/organisations`, {}, "demo-admin")
    ).json()) as {
      id: string;
      kind: string;
    }[];
    const created = await session.fetch(
      `${session.server.url}/api/users`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          username: "browser-forced",
          organisationId: orgs.find((o) => o.kind === "enterprise")!.id,
          roles: ["enterprise-submitter"],
          password: "Set-By-The-Admin-42",
        }),
      },
      "demo-admin",
    );
    expect(created.status, await created.clone().text()).toBe(201);
    // The refused password change (400) is logged by Chromium as a failed load.
    const page = await loginPage(session, {
      lang: "zh",
      allowConsole: /Failed to load resource: the server responded with a status of (400|401|404)/,
    });
    await signIn(page, "browser-forced", "Set-By-The-Admin-42");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/account/password");
    await page.locator("#must-change").waitFor();
    // Nothing else is shown until it is changed: another page comes back here.
    await page.goto(`${session.server.url}/data?lang=zh`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/account/password");
    // A wrong current password is said at its field, in the language.
    await page.fill("#current-password", "Not-What-The-Admin-Set-1");
    await page.fill("#new-password", "My-Own-Choice-Of-2026");
    await page.fill("#new-password-again", "My-Own-Choice-Of-2026");
    await page.click("#password-submit");
    await expect
      .poll(() => page.locator(".ant-form-item-explain-error").allTextContents())
      .toContain("这不是您当前的密码。");
    // The password rules' refusals, in the language (the server words them in English).
    await page.fill("#current-password", "Set-By-The-Admin-42");
    await page.fill("#new-password", "shortpw");
    await page.fill("#new-password-again", "shortpw");
    await page.click("#password-submit");
    const problems = page.locator("#password-error .ant-alert-description");
    await expect
      .poll(() => problems.locator("div").allTextContents())
      .toEqual([
        "密码至少需要 12 个字符（此密码有 7 个）。",
        "密码需包含以下至少三类字符：小写字母、大写字母、数字、其他字符。",
      ]);
    await shot(page, "access-password-rules-zh");
    await page.fill("#current-password", "Set-By-The-Admin-42");
    await page.fill("#new-password", "My-Own-Choice-Of-2026");
    await page.fill("#new-password-again", "My-Own-Choice-Of-2025");
    await page.click("#password-submit");
    await expect
      .poll(() => page.locator(".ant-form-item-explain-error").allTextContents())
      .toContain("两次输入不一致。");
    await page.fill("#new-password-again", "My-Own-Choice-Of-2026");
    await page.click("#password-submit");
    await expect.poll(() => new URL(page.url()).pathname).not.toBe("/account/password");
    // Into the app: the enterprise's area (a submitter reads it).
    await page.locator("#tab-overview").waitFor();
    await shot(page, "access-password-changed-zh");
  });

  it("an enterprise editor publishes its area on the portal and assigns a verification body to it", async () => {
    const page = await session.openPage({ as: "demo-enterprise-b" });
    await page.goto(`${session.server.url}/?lang=en`);
    await page.click("#nav-admin");
    await page.getByRole("tab", { name: "Areas: publishing and verification" }).click();
    const table = page.locator("#admin-areas");
    await expect
      .poll(() => table.locator("tbody tr.ant-table-row").allTextContents())
      .toEqual([expect.stringMatching(/^Yongning Coal Mine/)]);
    const published = async () =>
      ((await (await fetch(`${session.server.url}/api/public/areas`)).json()) as { name: string }[]).map(
        (a) => a.name,
      );
    expect(await published()).not.toContain("Yongning Coal Mine");
    await table.locator(".publish-switch").click();
    await expect.poll(published).toContain("Yongning Coal Mine");
    // The verification body the demo assigned is listed by name.
    await expect
      .poll(() => table.locator(".verifier .verifier-name").allTextContents())
      .toEqual(["Demo Carbon Verification Centre"]);
    await expectNoHorizontalOverflow(page);
    await shot(page, "access-admin-areas-en");
    // Taken off the portal again.
    await table.locator(".publish-switch").click();
    await expect.poll(published).not.toContain("Yongning Coal Mine");
  });

  it("an enterprise editor takes a verification body off its area (confirmed) and assigns it again, chosen by name, in Chinese", async () => {
    const verifierSees = async () =>
      (
        (await (await session.fetch(`${session.server.url}/api/areas`, {}, "demo-verifier")).json()) as {
          name: string;
        }[]
      ).map((a) => a.name);
    for (const size of [DESKTOP, PHONE]) {
      const page = await session.openPage({ ...size, as: "demo-enterprise-b" });
      await page.goto(`${session.server.url}/admin?lang=zh`);
      await page.getByRole("tab", { name: "矿区：公开与核查" }).click();
      const table = page.locator("#admin-areas");
      const names = () => table.locator(".verifier .verifier-name").allTextContents();
      await expect.poll(names).toEqual(["示范碳排放核查中心"]);
      // The demo's one body is assigned: nothing is left to choose, and that is said.
      expect(await table.locator(".verifier-none-left").textContent()).toBe(
        "所有核查机构均已指派到该矿区，没有可再指派的机构。",
      );
      expect(await table.locator(".verifier-select").count()).toBe(0);
      expect(await verifierSees()).toContain("Yongning Coal Mine");
      // Removed only once confirmed.
      await table.locator(".verifier-remove").click();
      await page.locator(".ant-popconfirm").waitFor();
      expect(await page.locator(".ant-popconfirm").textContent()).toContain(
        "从此矿区移除示范碳排放核查中心？",
      );
      await page.locator(".verifier-remove-ok").click();
      await expect.poll(() => table.locator(".no-verifier").textContent()).toBe("尚未指派");
      expect(await verifierSees()).not.toContain("Yongning Coal Mine");
      await expectNoHorizontalOverflow(page);
      await shot(page, `access-admin-verifier-removed-zh-${size.width}`);
      // Chosen again by typing part of its name into the choice's search box.
      await table.locator(".verifier-select input").fill("核查");
      await page.locator(".ant-select-item-option", { hasText: "示范碳排放核查中心" }).click();
      await table.locator(".verifier-assign").click();
      await expect.poll(names).toEqual(["示范碳排放核查中心"]);
      await table.locator(".verifier-none-left").waitFor();
      await expect.poll(verifierSees).toContain("Yongning Coal Mine");
      await expectNoHorizontalOverflow(page);
      await shot(page, `access-admin-verifier-zh-${size.width}`);
    }
  });

  it("the administration and audit views fit 390 px in Chinese", async () => {
    for (const [as, path, ready] of [
      ["demo-admin", "/admin", "#admin-organisations"],
      ["demo-admin", "/audit", "#audit-table"],
    ] as const) {
      const page = await session.openPage({ ...PHONE, as });
      await page.goto(`${session.server.url}/?lang=zh`);
      await page.locator("#user-menu").waitFor();
      // On a phone the header's links are behind its menu button.
      await page.click("#nav-menu");
      await page.click(path === "/admin" ? "#nav-admin" : "#nav-audit");
      await page.locator(ready).waitFor();
      await page.locator(".ant-spin-spinning").waitFor({ state: "detached" });
      await expectNoHorizontalOverflow(page);
      await shot(page, `access${path.replace("/", "-")}-zh-390`);
    }
  });
});
