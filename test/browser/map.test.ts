import { describe, expect, it } from "vitest";
import {
  areaIdNamed,
  DESKTOP,
  clickMapCentre,
  expectNoHorizontalOverflow,
  mapRendered,
  PHONE,
  shot,
  useBrowserSession,
  viewUrl,
} from "./browser-session.ts";

const session = useBrowserSession();

describe("the map", () => {
  it("shows the zoning layer, its legend, a pixel's class history, and keeps the choice in the URL", async () => {
    const page = await session.openPage();
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "overview", "en"));
    await page.click("#tab-map");
    const zones = page.getByLabel("Carbon-sink zones 1986–2018");
    await zones.waitFor();
    // A click navigates (the layer is in the URL): the radio follows the URL a moment later.
    await page.getByLabel("Land use 2018").click();
    await expect.poll(() => page.getByLabel("Land use 2018").isChecked()).toBe(true);
    await zones.click();
    await expect.poll(() => zones.isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get("layer")).toBe("zones-1986-2018");
    const legend = page.locator(".legend-box");
    await expect.poll(() => legend.textContent()).toMatch(/emission control/);
    await clickMapCentre(page);
    const items = page.locator(".history .history-item");
    await expect.poll(() => items.count()).toBe(4);
    expect(await page.locator(".history").textContent()).toMatch(/1986/);
    await shot(page, "map-zoning-en");
    // A shared link opens the same layer; the back button returns to the one before.
    await page.reload();
    await expect.poll(() => zones.isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.getByLabel("Land use 2018").isChecked()).toBe(true);
  });

  it("opens the land use of the year in the URL", async () => {
    const page = await session.openPage();
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    await page.goto(viewUrl(session, pingshuo, "map", "en", "year=2000"));
    await expect.poll(() => page.getByLabel("Land use 2000").isChecked()).toBe(true);
  });

  for (const lang of ["en", "zh"] as const)
    for (const size of [DESKTOP, PHONE])
      it(`shows the accumulated changes with their legend in ${lang} at ${size.width}px`, async () => {
        const page = await session.openPage(size);
        const pingshuo = await areaIdNamed(session, /Pingshuo/);
        await page.goto(viewUrl(session, pingshuo, "map", lang));
        const changes = page.locator(".layer-group", {
          hasText: lang === "en" ? "Accumulated changes" : "累计变化",
        });
        await changes.locator("input[type=radio]").first().click();
        await expect
          .poll(() => page.locator(".legend-box").textContent())
          .toMatch(lang === "en" ? /no change/ : /未变化/);
        await mapRendered(page);
        await expectNoHorizontalOverflow(page);
        await shot(page, `map-changes-${lang}-${size.width}`);
      });
});
