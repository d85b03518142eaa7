/**
 * The web app's first load on loopback, as a user on a fresh browser profile sees it: bytes of
 * JavaScript, CSS and fonts transferred (as sent: gzip when the browser accepts it), and the time
 * from navigation until the overview's map and its stock/emissions chart are drawn — in English and
 * in Chinese (where the preloaded Chinese subset font comes in). Also which view loads the map and
 * chart code. Debian's Chromium through playwright-core; the server in this process on a temporary
 * data folder with the demo loaded.
 *   npx tsx bench/web-first-load.ts [--runs 3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { serve } from "../src/server/serve.ts";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const runs = arg("runs", 3);
const dir = mkdtempSync(join(tmpdir(), "mc-bench-web-"));
const server = await serve({ port: 0, dataDir: join(dir, "data") });
await server.ctx.jobs.whenIdle();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});

// The page's types, as far as the check below uses them (this file is type-checked without the DOM
// library); the function runs in the page.
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: "2d"): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
}
/** True once the canvas matching `sel` has at least `share` of its pixels painted. */
function isPainted([sel, share]: [string, number]): boolean {
  const doc = (globalThis as unknown as { document: { querySelector(s: string): PageCanvas | null } })
    .document;
  const c = doc.querySelector(sel);
  if (!c || !c.width || !c.height) return false;
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
  return n / (c.width * c.height) >= share;
}

async function firstLoad(path: string, waitFor: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const types = new Map<string, string>();
  const bytes: Record<string, number> = {};
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    const t = types.get(e.requestId) ?? "Other";
    bytes[t] = (bytes[t] ?? 0) + e.encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(`${server.url}${path}`);
  await waitFor(page);
  const ms = Date.now() - t0;
  await page.waitForLoadState("networkidle");
  await context.close();
  return { ms, bytes };
}

const areas = (await (await fetch(`${server.url}/api/areas`)).json()) as { id: string; name: string }[];
const pingshuo = areas.find((a) => /Pingshuo/.test(a.name))!.id;
const drawn = async (page: Page) => {
  await page.waitForFunction(isPainted, ["#overview-map canvas", 0.05] as [string, number], {
    timeout: 60_000,
  });
  await page.waitForFunction(isPainted, ["#overview-chart canvas", 0.005] as [string, number], {
    timeout: 60_000,
  });
};
const kB = (n = 0) => `${(n / 1024).toFixed(0)} kB`;
for (const lang of ["en", "zh"]) {
  const all: Awaited<ReturnType<typeof firstLoad>>[] = [];
  for (let i = 0; i < runs; i++) all.push(await firstLoad(`/areas/${pingshuo}/overview?lang=${lang}`, drawn));
  const ms = all.map((r) => r.ms).sort((a, b) => a - b);
  const b = all[0]!.bytes;
  console.log(
    `overview (${lang}): map and chart drawn after ${ms[Math.floor(ms.length / 2)]} ms (median of ${runs}; ${ms.join(", ")}); transferred: JavaScript ${kB(b.Script)}, CSS ${kB(b.Stylesheet)}, fonts ${kB(b.Font)}, images ${kB(b.Image)}, API ${kB((b.Fetch ?? 0) + (b.XHR ?? 0))}`,
  );
}
const data = await firstLoad(`/areas/${pingshuo}/data?lang=en`, async (page) => {
  await page.waitForSelector("#tab-data");
});
console.log(`data view: JavaScript ${kB(data.bytes.Script)} (no map or chart code)`);
await browser.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });
