import { describe, expect, it } from "vitest";
import { areaIdNamed, shot, useBrowserSession, viewUrl } from "./browser-session.ts";

const session = useBrowserSession();

describe("texts in the page's language, not the data's English or ids", () => {
  it("the new-area form names its legend preset in Chinese", async () => {
    const page = await session.openPage();
    await page.goto(`${session.server.url}/data?lang=zh`);
    const chosen = page.locator(".ant-form-item", { hasText: "图例" }).locator(".ant-select-content");
    await expect
      .poll(() => chosen.textContent())
      .toBe("seed001 — 平朔矿区的 11 个土地利用类别（文献 001 表 2）");
  });

  it("the factors table names each factor in the language, its id beneath", async () => {
    const pingshuo = await areaIdNamed(session, /Pingshuo/);
    const page = await session.openPage();
    await page.goto(viewUrl(session, pingshuo, "charts", "zh"));
    const row = page.locator("#factors-table tbody tr", { hasText: "seed001.yang2019.soil_loss.arable" });
    await row.waitFor();
    const first = row.locator("td").first();
    expect(await first.textContent()).toBe("采矿占用耕地时损失的土壤碳seed001.yang2019.soil_loss.arable");
    expect(await first.locator(".factor-id").textContent()).toBe("seed001.yang2019.soil_loss.arable");
  });

  it("administration tables show a region by its name in the language, the code beside it", async () => {
    const page = await session.openPage({ as: "demo-admin" });
    await page.goto(`${session.server.url}/admin?lang=zh`);
    const province = page.locator("#admin-organisations tbody tr", { hasText: "山西省自然资源厅" });
    await expect.poll(() => province.locator(".region").first().textContent()).toBe("山西省 140000");
    const owner = await session.openPage({ as: "demo-enterprise-b" });
    await owner.goto(`${session.server.url}/admin?lang=zh`);
    await owner.getByRole("tab", { name: "矿区：公开与核查" }).click();
    await expect
      .poll(() => owner.locator("#admin-areas .region").first().textContent())
      .toBe("离石区 141102");
    await shot(owner, "zh-texts-admin-areas");
  });

  it("the inventory form's labels start with a capital in English", async () => {
    const yongning = await areaIdNamed(session, /Yongning/);
    const page = await session.openPage();
    await page.goto(viewUrl(session, yongning, "inventory", "en"));
    await page.locator("#inventory-form").waitFor();
    const labels = await page.locator("#inventory-form .field-label").allTextContents();
    expect(labels.length).toBeGreaterThan(5);
    for (const l of labels) expect(l, l).toMatch(/^[A-Z0-9]/);
    expect(labels).toContain("Raw coal output (t)");
  });
});
