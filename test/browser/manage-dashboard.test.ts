import { describe, expect, it } from "vitest";
import {
  DESKTOP,
  expectNoHorizontalOverflow,
  mapRendered,
  PHONE,
  shot,
  useBrowserSession,
} from "./browser-session.ts";
import { supervisedOverview } from "./management-demo.ts";

const session = useBrowserSession();

describe("the management dashboard", () => {
  for (const lang of ["zh", "en"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`shows the regulator the province's 4 mines, figures, queue and map in ${lang} at ${size.width}px`, async () => {
        const o = await supervisedOverview(session, "demo-regulator");
        expect(o.mines).toHaveLength(4);
        const page = await session.openPage(size);
        await page.goto(`${session.server.url}/manage?lang=${lang}`);
        // Reachable from the navigation (on a phone behind the menu button).
        if (size.width >= 768)
          expect(await page.locator("#nav-manage").getAttribute("href")).toMatch(/^\/manage/);
        const mines = page.locator('[data-figure="mines"] .ant-statistic-content');
        await expect.poll(() => mines.textContent()).toBe("4");
        await expect
          .poll(() => page.locator('[data-figure="openFlags"] .ant-statistic-content').textContent())
          .toBe(String(o.figures.openFlags));
        expect(await page.locator("#manage-mines tbody tr.ant-table-row").count()).toBe(4);
        expect(await page.locator("#manage-queue tbody tr.ant-table-row").count()).toBe(o.queue.length);
        expect(await page.locator("#manage-legend .mine-status").count()).toBe(6);
        await mapRendered(page);
        expect(await page.locator("#manage-map .mine-marker").count()).toBe(
          o.mines.filter((m) => m.bbox).length,
        );
        // A mine picked on the map: its name, enterprise, status in the language.
        const flagged = o.mines.find((m) => m.flagKinds.length > 0) ?? o.mines[0]!;
        await page.locator(`#manage-map .mine-marker[data-mine="${flagged.id}"]`).dispatchEvent("click");
        const picked = page.locator(`#picked-mine[data-mine="${flagged.id}"]`);
        await picked.waitFor();
        const pickedText = (await picked.textContent()) ?? "";
        expect(pickedText).toContain(lang === "zh" ? (flagged.nameZh ?? flagged.name) : flagged.name);
        expect(await picked.locator("[data-flag]").count()).toBe(flagged.flagKinds.length);
        await page.locator("#manage-ranking").waitFor();
        await expectNoHorizontalOverflow(page);
        if (lang === "zh") {
          // No English words but the data's names (and units; none here are Latin).
          const names = o.mines.flatMap((m) => [m.name, m.organisation.name ?? ""]).join(" ");
          const text = await page.locator("#manage-view").innerText();
          // Units and the download formats' names.
          const units = ["km", "m", "XLSX", "PDF"];
          const words = (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter(
            (w) => !names.includes(w) && !units.includes(w),
          );
          expect(words).toEqual([]);
          // On a phone the link is in the menu behind one button.
          if (size.width < 768) await page.locator("#nav-menu").click();
          await expect.poll(() => page.locator("#nav-manage").first().textContent()).toBe("管理");
        }
        console.log(await shot(page, `manage-${lang}-${size.width}`));
      });

  it("shows an enterprise only its own 2 mines, and leaves out what it may not read", async () => {
    const o = await supervisedOverview(session, "demo-enterprise-a");
    expect(o.mines).toHaveLength(2);
    const page = await session.openPage({
      as: "demo-enterprise-a",
      allowConsole: /403|Failed to load resource/,
    });
    await page.goto(`${session.server.url}/manage?lang=en`);
    await expect
      .poll(() => page.locator('[data-figure="mines"] .ant-statistic-content').textContent())
      .toBe("2");
    expect(await page.locator("#manage-mines tbody tr.ant-table-row").count()).toBe(2);
    for (const m of o.mines)
      await expect.poll(() => page.locator("#manage-mines").textContent()).toContain(m.name);
    await mapRendered(page);
    // The queue: the events it may fire, translated, or the empty state.
    if (o.queue.length === 0)
      expect(await page.locator("#manage-queue").textContent()).toMatch(/Nothing is waiting/);
    else expect(await page.locator("#manage-queue [data-event]").count()).toBeGreaterThan(0);
    console.log(await shot(page, "manage-enterprise-en-1280"));
  });

  it("changes the year", async () => {
    const o = await supervisedOverview(session, "demo-regulator");
    const page = await session.openPage();
    await page.goto(`${session.server.url}/manage?lang=en`);
    await expect.poll(() => page.locator("#manage-view").getAttribute("data-year")).toBe(String(o.year));
    await page.locator("#manage-year").click({ force: true });
    await page.locator(`.ant-select-item-option[title="${o.year - 1}"]`).click();
    await expect.poll(() => page.locator("#manage-view").getAttribute("data-year")).toBe(String(o.year - 1));
  });
});
