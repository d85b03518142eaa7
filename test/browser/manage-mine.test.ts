import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { FlagJson } from "../../src/contract/supervision.ts";
import { supervisedOverview } from "./management-demo.ts";
import {
  DESKTOP,
  expectNoHorizontalOverflow,
  mapRendered,
  PHONE,
  shot,
  useBrowserSession,
  type BrowserSession,
} from "./browser-session.ts";

const session = useBrowserSession();
const SHOTS = join(tmpdir(), "mc-manage-mine-shots");

async function flagsOf(s: BrowserSession, mineId: string): Promise<FlagJson[]> {
  const r = await s.fetch(`${s.server.url}/api/flags?mineId=${mineId}`);
  expect(r.status).toBe(200);
  return (await r.json()) as FlagJson[];
}

const LABELS = {
  targets: { zh: "目标", en: "Targets" },
  plots: { zh: "地块与管制规则", en: "Plots and rules" },
  reports: { zh: "年度报告", en: "Annual reports" },
  flags: { zh: "监管提示", en: "Flags" },
  timeline: { zh: "操作记录", en: "Timeline" },
} as const;

/** Opens a section of the mine's page: its tab on a wide screen, the select on a phone. */
async function openSection(page: Page, narrow: boolean, key: keyof typeof LABELS, lang: "zh" | "en") {
  if (narrow) {
    await page.locator("#mine-section").click({ force: true });
    await page.locator(`.ant-select-item-option[title="${LABELS[key][lang]}"]`).click();
  } else await page.locator(`#mine-tabs [data-node-key="${key}"]`).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("tab")).toBe(key);
}

describe("a mine's page and the inbox", () => {
  for (const lang of ["zh", "en"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`shows the regulator a mine's targets, plots, reports, flags with their evidence and timeline in ${lang} at ${size.width}px`, async () => {
        const o = await supervisedOverview(session);
        // The mine with plots (the demo's plots lie in the Pingshuo-like pit's area) and flags.
        const mine = o.mines.find((m) => m.flagKinds.includes("control-rule-broken")) ?? o.mines[0]!;
        const page = await session.openPage(size);
        await page.goto(`${session.server.url}/manage?lang=${lang}`);
        // From the dashboard's list of mines to the mine's page.
        await page.locator(`#manage-mines .mine-link[data-mine="${mine.id}"]`).click();
        await page.locator(`#mine-page[data-mine="${mine.id}"]`).waitFor();
        expect(await page.locator("#mine-page h2").textContent()).toBe(
          lang === "zh" ? (mine.nameZh ?? mine.name) : mine.name,
        );
        const targets = await (
          await session.fetch(`${session.server.url}/api/mines/${mine.id}/targets`)
        ).json();
        await expect
          .poll(() => page.locator("#mine-targets tbody tr.ant-table-row").count())
          .toBe((targets as { withdrawn: boolean }[]).filter((x) => !x.withdrawn).length);

        await openSection(page, size.width < 768, "plots", lang);
        const plots = (await (
          await session.fetch(`${session.server.url}/api/mines/${mine.id}/plots`)
        ).json()) as unknown[];
        expect(plots.length).toBeGreaterThan(0);
        await expect
          .poll(() => page.locator("#mine-plots tbody tr.ant-table-row").count())
          .toBe(plots.length);
        await mapRendered(page);

        await openSection(page, size.width < 768, "reports", lang);
        await expect
          .poll(() => page.locator("#mine-reports tbody tr.ant-table-row").count())
          .toBeGreaterThanOrEqual(3);

        await openSection(page, size.width < 768, "flags", lang);
        const flags = await flagsOf(session, mine.id);
        await expect
          .poll(() => page.locator("#mine-flags tbody tr.ant-table-row").count())
          .toBe(flags.length);
        const evidence = await page.locator("#mine-flags .flag-evidence").allInnerTexts();
        // Only units and the rules' own names (quoted; the demo names its rules in English) stay Latin.
        if (lang === "zh")
          for (const e of evidence)
            expect(
              (e.replace(/“[^”]*”|"[^"]*"/g, "").match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter(
                (w) => !["CO2e", "tce", "ha"].includes(w),
              ),
              e,
            ).toEqual([]);

        await openSection(page, size.width < 768, "timeline", lang);
        await expect.poll(() => page.locator("#mine-timeline .audit-step").count()).toBeGreaterThan(3);
        await expectNoHorizontalOverflow(page);
        console.log(await shot(page, `mine-${lang}-${size.width}`));
      });

  it("carries a rectification from a flag to the enterprise's answer and the regulator's close, through the inbox", async () => {
    const o = await supervisedOverview(session);
    const mine = o.mines.find((m) => m.flagKinds.includes("reclamation-overdue")) ?? o.mines[0]!;
    const flags = await flagsOf(session, mine.id);
    const at = flags.findIndex((f) => f.status === "open");
    expect(at).toBeGreaterThanOrEqual(0);
    const open = flags[at]!;

    // The regulator issues a notice from the flag, with a deadline.
    const reg = await session.openPage({ allowConsole: /Failed to load resource/ });
    await reg.goto(`${session.server.url}/manage/mines/${mine.id}?tab=flags&lang=en`);
    const row = reg
      .locator("#mine-flags tr.flag-row", { has: reg.locator(`[data-flag="${open.kind}"]`) })
      .first();
    await row.locator(".flag-issue").click();
    await reg.locator("#notice-text").waitFor();
    expect(await reg.locator("#notice-text").inputValue()).toMatch(/^Rectify: /);
    // The deadline is required: refused in the form, nothing sent.
    await reg.locator("#notice-dialog-ok").click();
    await expect
      .poll(() => reg.locator("#notice-dialog .ant-form-item-explain-error").count())
      .toBeGreaterThan(0);
    await reg.locator("#notice-deadline").fill("2027-01-15");
    await reg.locator("#notice-deadline").press("Enter");
    await reg.locator("#notice-dialog-ok").click();
    await expect
      .poll(async () => (await flagsOf(session, mine.id)).find((f) => f.id === open.id)?.status)
      .toBe("notice-issued");
    const notices = (await (
      await session.fetch(`${session.server.url}/api/notices?mineId=${mine.id}`)
    ).json()) as {
      id: string;
      flagId: string | null;
      deadline: string;
    }[];
    const notice = notices.find((n) => n.flagId === open.id)!;
    expect(notice.deadline).toBe("2027-01-15");

    // The enterprise finds it in its inbox, follows it to the mine's page and answers with a file.
    const ent = await session.openPage({ as: "demo-enterprise-a" });
    await ent.goto(`${session.server.url}/inbox?lang=zh`);
    await expect.poll(() => ent.locator("#inbox-view").getAttribute("data-unread")).not.toBe("0");
    const message = ent.locator(".inbox-item.unread[data-kind='notice'] a").first();
    await message.waitFor();
    expect(await message.textContent()).toMatch(/整改/);
    await message.click();
    await ent.locator(`#mine-page[data-mine="${mine.id}"]`).waitFor();
    const mineRow = ent.locator(`#mine-notices tr.notice-row`).filter({ hasText: "2027-01-15" }).first();
    await mineRow.locator(".notice-respond").click();
    await ent.locator("#notice-text").fill("排土场已完成覆土并种植油松，见验收照片。");
    const photo = join(SHOTS, "reclaimed.png");
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(photo, Buffer.from("89504e470d0a1a0a", "hex"));
    await ent.locator("#notice-dialog input[type=file]").setInputFiles(photo);
    await ent.locator("#notice-dialog-ok").click();
    await expect
      .poll(async () => {
        const r = await session.fetch(`${session.server.url}/api/notices/${notice.id}`);
        return ((await r.json()) as { state: string }).state;
      })
      .toBe("responded");
    const answered = (await (
      await session.fetch(`${session.server.url}/api/notices/${notice.id}`)
    ).json()) as {
      events: { type: string; evidence: { name: string; bytes: number; sha256: string }[] }[];
    };
    const response = answered.events.find((e) => e.type === "respond")!;
    expect(response.evidence).toEqual([
      {
        name: "reclaimed.png",
        bytes: 8,
        sha256: "4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6",
      },
    ]);
    // The enterprise may not close it.
    expect(await mineRow.locator(".notice-close").count()).toBe(0);

    // The regulator reads the answer and closes the notice.
    await reg.goto(`${session.server.url}/manage/notices/${notice.id}?lang=en`);
    await reg.locator(`#mine-page[data-mine="${mine.id}"]`).waitFor();
    const regRow = reg.locator(`#mine-notices tr.notice-row`).filter({ hasText: "2027-01-15" }).first();
    await regRow.locator(".ant-table-row-expand-icon").click();
    await expect.poll(() => reg.locator(".notice-evidence").first().textContent()).toContain("reclaimed.png");
    await regRow.locator(".notice-close").click();
    await reg.locator("#notice-text").fill("Checked on site: the dump is covered and planted.");
    await reg.locator("#notice-dialog-ok").click();
    await expect
      .poll(async () => {
        const r = await session.fetch(`${session.server.url}/api/notices/${notice.id}`);
        return ((await r.json()) as { state: string }).state;
      })
      .toBe("closed");
    await expect.poll(() => regRow.locator("[data-state]").getAttribute("data-state")).toBe("closed");
    console.log(await shot(reg, "notice-closed-en-1280"));
  });
});
