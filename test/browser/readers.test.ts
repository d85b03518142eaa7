import { describe, expect, it } from "vitest";
import type { DemoAccount } from "../../src/app/demo-directory.ts";
import { CLIENT, shot, useBrowserSession, viewUrl, type BrowserSession } from "./browser-session.ts";

const session = useBrowserSession();

/** The id of the first area named `name` among those `as` reads. */
async function areaOf(s: BrowserSession, name: RegExp, as: DemoAccount): Promise<string> {
  const areas = (await (await s.fetch(`${s.server.url}/api/areas`, {}, as)).json()) as {
    id: string;
    name: string;
  }[];
  const area = areas.find((a) => name.test(a.name));
  if (!area) throw new Error(`${as} reads no area named ${name}`);
  return area.id;
}

/** A new, empty area of enterprise A (no map, no analysis, no inventory), made once for the file. */
let emptyArea: Promise<string> | undefined;
const theEmptyArea = () =>
  (emptyArea ??= (async () => {
    const r = await session.fetch(
      `${session.server.url}/api/areas`,
      {
        method: "POST",
        headers: { ...CLIENT, "content-type": "application/json" },
        body: JSON.stringify({ name: "Browser empty area", legend: { preset: "seed001" } }),
      },
      "demo-enterprise-a",
    );
    if (r.status !== 201) throw new Error(`creating the area: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { id: string }).id;
  })());

describe("empty states say what the reader can do", () => {
  it("a regulator on an enterprise's area is told nothing was entered yet and by whom, in en and zh; the owner is pointed to the place", async () => {
    const areaId = await theEmptyArea();
    const reader = await session.openPage({ as: "demo-regulator" });
    await reader.goto(viewUrl(session, areaId, "charts", "en"));
    const noInventory = reader.locator("#charts-no-inventory");
    await noInventory.waitFor();
    expect(await noInventory.getAttribute("data-may-act")).toBe("false");
    expect(await noInventory.locator(".ant-empty-description").textContent()).toBe(
      "No inventory has been entered for this area yet; the organisation that holds the area enters it.",
    );
    expect(await reader.locator("#charts-no-analysis .ant-empty-description").textContent()).toMatch(
      /^No land-use analysis has been run for this area yet; the organisation that holds the area runs it\.$/,
    );
    expect(await reader.locator("#view").textContent()).not.toMatch(/under (Inventory|Data)/);
    // The plan (a regulator computes plans in its jurisdiction) neither sends it to Data.
    await reader.goto(viewUrl(session, areaId, "plan", "zh"));
    const planEmpty = reader.locator("#plan-no-inventory");
    await planEmpty.waitFor();
    expect(await planEmpty.locator(".ant-empty-description").textContent()).toBe(
      "该矿区尚未录入清单；清单由持有该矿区的单位录入。",
    );
    await expect
      .poll(() => reader.locator("#optimize-needs-analysis").textContent())
      .toMatch(/由持有该矿区的单位运行/);
    expect(await reader.locator("#view").textContent()).not.toMatch(/请在“数据”中|请先在/);
    await shot(reader, "readers-plan-empty-regulator-zh");

    // The owner, who may act, is pointed to the view where it is done.
    const owner = await session.openPage({ as: "demo-enterprise-a" });
    await owner.goto(viewUrl(session, areaId, "charts", "en"));
    const act = owner.locator("#charts-no-inventory");
    await act.waitFor();
    expect(await act.getAttribute("data-may-act")).toBe("true");
    expect(await act.locator(".ant-empty-description").textContent()).toMatch(
      /^No inventory yet: enter one under Inventory & reports\./,
    );
    await owner.locator("#charts-no-inventory a").click();
    await expect.poll(() => new URL(owner.url()).pathname).toBe(`/areas/${areaId}/inventory`);
    await owner.goto(viewUrl(session, areaId, "plan", "en"));
    await expect
      .poll(() => owner.locator("#plan-no-inventory .ant-empty-description").textContent())
      .toMatch(
        /^This area has no inventory yet: enter a year's activity data under Inventory & reports first/,
      );
  });
});

describe("the audit trail opened by who may not read it", () => {
  it("says so in Chinese, without the server's English message or an action id, and asks nothing of the API", async () => {
    const page = await session.openPage({ as: "demo-enterprise-a" });
    const asked: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/api/audit")) asked.push(r.url());
    });
    await page.goto(`${session.server.url}/audit?lang=zh`);
    const refused = page.locator("#audit-refused");
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^您无权查看审计日志。/);
    const text = (await page.locator("#view").textContent()) ?? "";
    expect(text).not.toMatch(/audit\.read|[A-Za-z]{4,}/);
    expect(asked).toEqual([]);
  });
});

describe("a verifier", () => {
  it("opening an area not assigned to its body is told why in the language, and the area choice shows no bare id", async () => {
    const pingshuo = await areaOf(session, /Pingshuo/, "demo-regulator");
    const page = await session.openPage({ as: "demo-verifier" });
    await page.goto(viewUrl(session, pingshuo, "overview", "zh"));
    const state = page.locator("#area-not-open");
    await state.waitFor();
    expect(await state.textContent()).toMatch(/^您无法查看此矿区。核查机构只能查看分配给它的矿区/);
    // The choice shows its placeholder, not the id typed in the URL.
    expect(await page.locator("#area-select").locator("..").locator("..").textContent()).not.toContain(
      pingshuo,
    );
    const shown = page.locator(".area-select .ant-select-content");
    expect(await shown.textContent()).toBe("矿区");
    expect(await shown.locator(".ant-select-placeholder").count()).toBe(1);
    await shot(page, "readers-verifier-not-assigned-zh");
  });

  it("reads the inventories of its assigned area, read-only", async () => {
    const yongning = await areaOf(session, /Yongning/, "demo-verifier");
    // What the API allows: the verifier's own request for the area's inventories.
    const api = await session.fetch(
      `${session.server.url}/api/areas/${yongning}/inventories`,
      {},
      "demo-verifier",
    );
    expect(api.status).toBe(200);
    const listed = (await api.json()) as unknown[];
    expect(listed.length).toBeGreaterThan(0);
    const page = await session.openPage({ as: "demo-verifier" });
    await page.goto(viewUrl(session, yongning, "overview", "en"));
    await page.locator("#tab-inventory").click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/areas/${yongning}/inventory`);
    await page.locator(".read-only-note").waitFor();
    await page.locator("#inventory-form").waitFor();
    await page.locator("#inventory-waterfall canvas").waitFor();
    expect(
      await page.locator("#inventory-compute, #inventory-import, .report-html, .report-pdf").count(),
    ).toBe(0);
    await shot(page, "readers-verifier-inventory-en");
  });
});
