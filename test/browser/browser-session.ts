import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { serve } from "../../src/server/serve.ts";
import type { DemoAccount } from "../../src/app/demo-directory.ts";

/** Where CI keeps the screenshots (uploaded as artefacts / printed as paths). */
export const SHOTS = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The header the web app sends with writes; scripts using the API send it too. */
export const CLIENT = { "x-minecarbon-client": "browser-test" };

/** The two screen sizes every view is checked at. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface PageOptions {
  width?: number;
  height?: number;
  /** The browser's language (the app's default when nothing is remembered). */
  locale?: string;
  /** Who the page is signed in as (a demo account; `null`: nobody); the province's regulator by default. */
  as?: DemoAccount | null;
  /**
   * Console errors this page is expected to log (a 400 answer the test provokes is logged by
   * Chromium as "Failed to load resource"); any other console error fails the test.
   */
  allowConsole?: RegExp;
}

/** A running server on a temporary data folder, a Chromium, and the pages of the current test. */
export interface BrowserSession {
  readonly server: Awaited<ReturnType<typeof serve>>;
  readonly dir: string;
  /** A page in a context of its own (own storage, own language), watched for problems. */
  openPage(o?: PageOptions): Promise<Page>;
  /** Records a problem that fails the current test. */
  problem(text: string): void;
  /**
   * `fetch` of the server as a demo account (the province's regulator by default): the session
   * cookie, and for writes the page's own Origin, as the browser would send them.
   */
  fetch(url: string, init?: RequestInit, as?: DemoAccount): Promise<Response>;
}

/** The demo accounts' password in the browser tests. */
export const DEMO_PASSWORD = "Browser-Tests-Demo-42";
/** Who a page or a `session.fetch` acts as unless told: reads every demo area, works on its department's. */
export const DEFAULT_ACCOUNT: DemoAccount = "demo-regulator";

/**
 * Sets up the browser tests of a file: before all, a server on a temporary data folder (the demo
 * areas, their analysis finished) and Debian's Chromium through playwright-core; after each test,
 * its pages closed and the test failed if any page had a problem — an uncaught error, a console
 * error (unless allowed, or `consoleErrors: false` for the former app's tests), a dialog (alert from planted script), a Content-Security-Policy violation
 * (markup that got through and was blocked), or a request for the planted image `x`.
 */
export function useBrowserSession(o: { consoleErrors?: boolean } = {}): BrowserSession {
  const failOnConsoleErrors = o.consoleErrors ?? true;
  const dir = mkdtempSync(join(tmpdir(), "mc-browser-"));
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  let problems: string[] = [];
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serve({
      port: 0,
      dataDir: join(dir, "data"),
      demoPassword: DEMO_PASSWORD,
      warn: () => {},
    });
    // The demo's analysis runs as a job: wait for it.
    await server.ctx.jobs.whenIdle();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterEach(async () => {
    const seen = problems;
    problems = [];
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    expect(seen).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One session per account for the whole file (signing in is rate-limited and costs an argon2 hash). */
  const cookies = new Map<DemoAccount, Promise<string>>();
  const cookieOf = (as: DemoAccount) => {
    let c = cookies.get(as);
    if (!c) {
      c = (async () => {
        const r = await fetch(`${server!.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: as, password: DEMO_PASSWORD }),
        });
        const set = r.headers.getSetCookie().find((h) => h.startsWith("mc_session="));
        if (r.status !== 200 || !set) throw new Error(`signing in as ${as}: ${r.status} ${await r.text()}`);
        return set.slice("mc_session=".length).split(";")[0]!;
      })();
      cookies.set(as, c);
    }
    return c;
  };

  const session: BrowserSession = {
    get server() {
      if (!server) throw new Error("the session's server is not started yet (use it inside a test)");
      return server;
    },
    dir,
    problem: (text) => void problems.push(text),
    async fetch(url, init = {}, as = DEFAULT_ACCOUNT) {
      const headers = new Headers(init.headers);
      headers.set("cookie", `mc_session=${await cookieOf(as)}`);
      if (init.method && init.method !== "GET") headers.set("origin", new URL(server!.url).origin);
      return fetch(url, { ...init, headers });
    },
    async openPage(o = {}) {
      const context = await browser!.newContext({
        viewport: { width: o.width ?? DESKTOP.width, height: o.height ?? DESKTOP.height },
        acceptDownloads: true,
        locale: o.locale ?? "en-US",
      });
      contexts.push(context);
      const as = o.as === undefined ? DEFAULT_ACCOUNT : o.as;
      if (as !== null)
        await context.addCookies([{ name: "mc_session", value: await cookieOf(as), url: server!.url }]);
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sample})`);
        });
      });
      const page = await context.newPage();
      page.on("pageerror", (e) => problems.push(`page error: ${e.stack ?? e.message}`));
      page.on("console", (m) => {
        const text = m.text();
        if (/CSP violation|Content Security Policy|Refused to/i.test(text)) problems.push(text);
        else if (failOnConsoleErrors && m.type() === "error" && !o.allowConsole?.test(text))
          problems.push(`console error: ${text} (${m.location().url})`);
      });
      page.on("dialog", (d) => {
        problems.push(`dialog ${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (u.pathname === "/x" || u.protocol === "javascript:") problems.push(`planted request: ${r.url()}`);
      });
      return page;
    },
  };
  return session;
}

/** The id of the first area whose name matches. */
export async function areaIdNamed(session: BrowserSession, name: RegExp): Promise<string> {
  const areas = (await (await session.fetch(`${session.server.url}/api/areas`)).json()) as {
    id: string;
    name: string;
  }[];
  const area = areas.find((a) => name.test(a.name));
  if (!area) throw new Error(`no area named ${name}`);
  return area.id;
}

/** A full-page screenshot in test-results/screenshots, taken once the fonts have loaded. */
export async function shot(page: Page, name: string): Promise<string> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Waits until every map on the page has drawn what it shows, images loaded: the map element's
 * `data-rendered="true"`, which MapView sets on OpenLayers' `rendercomplete` for the current map
 * and layer (and resets on any change). A map that does not finish within 30 s fails the wait
 * instead of hanging the test.
 */
export async function mapRendered(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const maps = [...document.querySelectorAll<HTMLElement>(".map")];
        return maps.length > 0 && maps.every((m) => m.dataset.rendered === "true");
      },
      undefined,
      { timeout: 30_000 },
    )
    .catch(async (e: unknown) => {
      const seen = await page
        .locator(".map")
        .evaluateAll((ms) =>
          ms.map((m) => `${m.id || "map"} data-rendered=${m.getAttribute("data-rendered")}`),
        );
      throw new Error(`the map did not finish drawing in 30 s (${seen.join(", ") || "no map on the page"})`, {
        cause: e,
      });
    });
}

/**
 * Clicks the middle of the map once it has finished drawing, through the element itself so the
 * click lands on the map wherever the page has scrolled, and waits until the pixel-history card
 * answers. The card's whole text is polled (not just the timeline) so that a failure says what it
 * showed instead: the click prompt (the click was lost), a skeleton or an error.
 */
export async function clickMapCentre(page: Page): Promise<void> {
  await mapRendered(page);
  const map = page.locator("#map");
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect
    .poll(async () =>
      (await page.locator(".history").count()) > 0
        ? "history"
        : await page.locator(".history-card").textContent(),
    )
    .toBe("history");
}

/**
 * How far the page scrolls sideways (0 when nothing overflows the viewport), and the elements that
 * stick out of it — not counting those inside a box that scrolls or clips them within the viewport
 * (a wide table in its own scrolling box is fine; one that widens the page is not).
 */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    const clipped = (e: Element): boolean => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (
          (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") &&
          p.getBoundingClientRect().right <= vw + 1
        )
          return true;
      }
      return false;
    };
    const widest = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > vw + 1 && getComputedStyle(e).position !== "fixed" && !clipped(e),
      )
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].join(".")} → ${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { overflow: doc.scrollWidth - vw, widest };
  });
}

/** Fails unless the page has no horizontal overflow. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const o = await horizontalOverflow(page);
  expect(o, `page scrolls sideways by ${o.overflow}px`).toEqual({ overflow: 0, widest: [] });
}

/**
 * Whether CJK text renders in a real font, measured in a canvas with the element's own computed
 * font (after the page's fonts have loaded): drawn as missing-glyph boxes every character has the
 * same ink, so "一" (one stroke) and "国" (a full square) measure alike; in a font that has them,
 * "一" is a thin line a fraction of the height of "国". The ink heights of both are returned.
 */
export async function cjkGlyphCheck(
  page: Page,
  selector: string,
): Promise<{ font: string; thin: number; full: number; rendered: boolean }> {
  return page.evaluate(async (sel) => {
    await document.fonts.ready;
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element ${sel}`);
    const font = getComputedStyle(el).font;
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = font;
    const ink = (s: string) => {
      const m = ctx.measureText(s);
      return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    };
    const thin = ink("一");
    const full = ink("国");
    return { font, thin, full, rendered: full > 0 && thin < full * 0.5 };
  }, selector);
}

/** The app's root under the server's URL. */
export const APP = "";

/** The URL of a view of an area in a language. */
export function viewUrl(
  session: BrowserSession,
  areaId: string,
  view: string,
  lang: "en" | "zh",
  query = "",
): string {
  return `${session.server.url}${APP}/areas/${encodeURIComponent(areaId)}/${view}?lang=${lang}${query ? `&${query}` : ""}`;
}

/** The share of a canvas's pixels that are painted (not transparent), 0–1. */
export async function paintedShare(page: Page, canvasSelector: string): Promise<number> {
  return page.evaluate((sel) => {
    const c = document.querySelector<HTMLCanvasElement>(sel);
    if (!c || c.width === 0 || c.height === 0) return 0;
    const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n / (c.width * c.height);
  }, canvasSelector);
}

/** The error shown at the Ant Design form field whose input has this id. */
export const fieldError = (page: Page, inputId: string) =>
  page.locator(`.ant-form-item:has(#${inputId}) .ant-form-item-explain-error`);
