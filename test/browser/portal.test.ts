import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PublicMine, PublicMineListItem } from "../../src/contract/public-mine.ts";
import {
  CLIENT,
  DESKTOP,
  expectNoHorizontalOverflow,
  mapRendered,
  PHONE,
  shot,
  useBrowserSession,
} from "./browser-session.ts";

const session = useBrowserSession();
/** The portal asks who is signed in: the public's 401 is an answer, not a fault. */
const ANONYMOUS_CONSOLE = /Failed to load resource: the server responded with a status of 401/;
/** An option of the Select whose list is open (a closed one keeps its list in the page, hidden). */
const OPEN_OPTION = ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option";
const MESSAGE = "The waste dump north of the pit is bare again after the rain.";
const REPLY = "Thank you: the enterprise re-seeds the dump in April; we will inspect it.";

const get = async <T>(path: string): Promise<T> => {
  const r = await fetch(`${session.server.url}${path}`);
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
};

/** The public mine whose summary the test reads: one with published years and a boundary. */
async function publicMine(): Promise<PublicMine> {
  // The demo's history is written while and after its analysis runs; its supervision run comes
  // after every report: wait for its flags, so that every report is published by then.
  await expect
    .poll(
      async () => {
        const r = await session.fetch(`${session.server.url}/api/management/overview`);
        return r.status === 200
          ? ((await r.json()) as { figures: { openFlags: number } }).figures.openFlags
          : 0;
      },
      { timeout: 120_000 },
    )
    .toBeGreaterThan(0);
  const mines = await get<PublicMineListItem[]>("/api/public/mines");
  for (const m of mines) {
    const s = await get<PublicMine>(`/api/public/mines/${m.id}`);
    if (s.trend.length > 0 && s.boundary && s.targets.length > 0) return s;
  }
  throw new Error("no public mine with published years, a boundary and targets in the demo");
}

async function openMine(page: Page, mineId: string, lang: "en" | "zh"): Promise<void> {
  await page.goto(`${session.server.url}/public/mines/${mineId}?lang=${lang}`);
  await page.locator("#public-mine-title").waitFor();
  await page.locator("#public-trend canvas").first().waitFor();
  await mapRendered(page);
}

describe("the public portal", () => {
  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`lets anyone read the published reports and a mine's summary in ${lang} at ${size.width}px`, async () => {
        const mine = await publicMine();
        const reports = await get<unknown[]>("/api/public/annual-reports");
        const page = await session.openPage({ ...size, as: null, allowConsole: ANONYMOUS_CONSOLE });
        await page.goto(`${session.server.url}/public?lang=${lang}`);
        const rows = page.locator("#public-reports tbody tr.ant-table-row");
        await expect.poll(() => rows.count()).toBe(Math.min(reports.length, 10));
        await page.locator(`#public-mines [data-mine="${mine.id}"]`).waitFor();
        await mapRendered(page);
        await expectNoHorizontalOverflow(page);
        await shot(page, `portal-${lang}-${size.width}`);
        // From the list to the mine's summary.
        await page.locator(`#public-mines [data-mine="${mine.id}"] .public-mine-link`).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/public/mines/${mine.id}`);
        await page.locator("#public-mine-title").waitFor();
        expect(await page.locator("#public-mine-title").textContent()).toBe(
          lang === "zh" ? (mine.nameZh ?? mine.name) : mine.name,
        );
        await page.locator("#public-trend canvas").first().waitFor();
        await mapRendered(page);
        expect(await page.locator("#public-mine-reports tbody tr.ant-table-row").count()).toBe(
          mine.trend.length,
        );
        expect(await page.locator("#public-targets .public-target").count()).toBe(mine.targets.length);
        // Each judged year says met or not met; the page says it in the language.
        const judged = mine.targets.flatMap((x) => x.years).filter((y) => y.met !== null).length;
        expect(await page.locator('#public-targets .target-met:not([data-met="unknown"])').count()).toBe(
          judged,
        );
        const body = (await page.locator("main").textContent()) ?? "";
        if (lang === "zh") expect(body).toContain("目标及完成情况");
        else expect(body).toContain("Targets and whether they were met");
        await expectNoHorizontalOverflow(page);
        await shot(page, `portal-mine-${lang}-${size.width}`);
      });

  it("takes a visitor's feedback with a point; the regulator replies and sets it handled; the visitor sees the reply (en and zh)", async () => {
    const mine = await publicMine();
    const visitor = await session.openPage({ as: null, allowConsole: ANONYMOUS_CONSOLE });
    await openMine(visitor, mine.id, "en");
    // A message left blank is refused in the page, before anything is sent.
    await visitor.locator("#feedback-submit").click();
    await visitor.getByText("Write your feedback.").waitFor();
    // Category, message and a point picked on the map (then cleared and picked again).
    await visitor.locator("#feedback-category").click();
    await visitor.locator(OPEN_OPTION, { hasText: /^reclamation$/ }).click();
    await visitor.fill("#feedback-message", MESSAGE);
    const map = visitor.locator("#feedback-map");
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => visitor.locator("#feedback-point").textContent()).toMatch(/longitude [\d.]+°/);
    await visitor.locator("#feedback-point-clear").click();
    await expect.poll(() => visitor.locator("#feedback-point").textContent()).toBe("No place marked.");
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => visitor.locator("#feedback-point").textContent()).toMatch(/latitude [\d.]+°/);
    await visitor.fill("#feedback-contact", "visitor@example.org");
    await shot(visitor, "portal-feedback-form-en-1280");
    await visitor.locator("#feedback-submit").click();
    await visitor.locator("#feedback-sent").waitFor();

    // The regulator finds it among the received messages, with the contact and the point.
    const regulator = await session.openPage();
    await regulator.goto(`${session.server.url}/manage/feedback?lang=en`);
    await regulator.locator("#moderation-filter").click();
    await regulator
      .locator(OPEN_OPTION, { hasText: /^received$/ })
      .last()
      .click();
    const item = regulator.locator(".moderation-item", { hasText: MESSAGE });
    await item.waitFor();
    expect(await item.textContent()).toContain("visitor@example.org");
    const id = await item.getAttribute("data-feedback");
    const sent = (
      (await (await session.fetch(`${session.server.url}/api/feedback?mineId=${mine.id}`)).json()) as {
        items: { id: string; point: { lon: number; lat: number } | null; category: string }[];
      }
    ).items.find((f) => f.id === id)!;
    expect(sent.category).toBe("reclamation");
    expect(sent.point).not.toBeNull();
    await item.locator(".moderation-open").click();
    await item.locator(".moderation-reply-text").fill(REPLY);
    // The newest dropdown is the last in the page (the filter's may still be closing, with the same options).
    await item.locator(".moderation-status").click();
    await regulator
      .locator(OPEN_OPTION, { hasText: /^handled$/ })
      .last()
      .click();
    await shot(regulator, "portal-moderation-en-1280");
    await item.locator(".moderation-save").click();
    // Filtered on "received", the handled message leaves the list; all statuses show it handled.
    await regulator.locator("#moderation-filter").click();
    await regulator
      .locator(OPEN_OPTION, { hasText: /^All statuses$/ })
      .last()
      .click();
    const handled = regulator.locator(`.moderation-item[data-feedback="${id}"]`);
    await expect.poll(() => handled.getAttribute("data-status")).toBe("handled");
    expect(await handled.getAttribute("data-public")).toBe("true");

    // The visitor sees the reply and the status, in both languages, on the mine's page and the portal.
    for (const lang of ["en", "zh"] as const) {
      await openMine(visitor, mine.id, lang);
      const answered = visitor.locator(`#public-mine-feedback [data-feedback="${id}"]`);
      await answered.waitFor();
      expect(await answered.getAttribute("data-status")).toBe("handled");
      expect(await answered.locator(".feedback-reply-text").textContent()).toBe(REPLY);
      expect(await answered.locator(".feedback-status").textContent()).toBe(
        lang === "zh" ? "已办结" : "handled",
      );
      await shot(visitor, `portal-mine-reply-${lang}-1280`);
      await visitor.goto(`${session.server.url}/public?lang=${lang}`);
      await visitor.locator(`#public-feedback [data-feedback="${id}"] .feedback-reply-text`).waitFor();
    }
  });

  it("says in the page's language when too many messages came from one address", async () => {
    const mine = await publicMine();
    // Use up the address's allowance (the browser and this test share 127.0.0.1).
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${session.server.url}/api/public/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json", ...CLIENT },
        body: JSON.stringify({ mineId: mine.id, message: `Filler ${i}` }),
      });
      if (r.status === 429) break;
      expect(r.status).toBe(201);
    }
    const page = await session.openPage({ as: null, allowConsole: /status of (401|429)/ });
    await openMine(page, mine.id, "zh");
    await page.fill("#feedback-message", "再来一条意见。");
    await page.locator("#feedback-submit").click();
    const error = page.locator("#feedback-error");
    await error.waitFor();
    expect(await error.getAttribute("data-code")).toBe("rate-limited");
    expect(await error.textContent()).toContain("您的网络短时间内提交的意见过多");
    await shot(page, "portal-rate-limited-zh-1280");
  });
});
