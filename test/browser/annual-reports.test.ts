import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoAccount } from "../../src/app/demo-directory.ts";
import type { AnnualReportListItem, AnnualReportRecord } from "../../src/contract/annual-report.ts";
import { DESKTOP, expectNoHorizontalOverflow, PHONE, useBrowserSession } from "./browser-session.ts";

const session = useBrowserSession();
const SHOTS = join(tmpdir(), "mc-annual-reports-shots");
const FILES = join(tmpdir(), "mc-annual-reports-files");

async function shotTmp(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A file for the browser to pick, under the temporary folder. */
function file(name: string, content: string | Buffer): string {
  mkdirSync(FILES, { recursive: true });
  const path = join(FILES, name);
  writeFileSync(path, content);
  return path;
}

const A: DemoAccount = "demo-enterprise-a";
const REGULATOR: DemoAccount = "demo-regulator";
const VERIFIER: DemoAccount = "demo-verifier";
const COAL = "inventory.years[0].coalOutputT";

async function api<T>(path: string, as: DemoAccount, init?: RequestInit): Promise<T> {
  const r = await session.fetch(`${session.server.url}${path}`, init, as);
  if (!r.ok) throw new Error(`${init?.method ?? "GET"} ${path} as ${as}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}
const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-minecarbon-client": "browser-test" },
  body: JSON.stringify(body),
});

/** Picks an option of an antd Select: opens it by typing into its search box when it has one, else by a click. */
async function pick(page: Page, selector: string, option: string | RegExp, type?: string): Promise<void> {
  if (type !== undefined) await page.locator(selector).fill(type);
  else await page.locator(selector).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

const reportUrl = (id: string, lang: "en" | "zh") => `${session.server.url}/reports/${id}?lang=${lang}`;

describe("the annual reports in the web app: the whole cycle", () => {
  beforeAll(async () => {
    await session.server.demoHistory;
  });

  it("lists the reports the signed-in user may read, with what each may do next, in zh and en", async () => {
    for (const [as, lang, size] of [
      [REGULATOR, "zh", DESKTOP],
      [A, "en", PHONE],
    ] as const) {
      const page = await session.openPage({ ...size, as });
      await page.goto(`${session.server.url}/reports?lang=${lang}`);
      const rows = page.locator("#report-list tbody tr.ant-table-row");
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(as === A ? 6 : 12);
      const text = (await page.locator("#report-list").textContent()) ?? "";
      await expectNoHorizontalOverflow(page);
      await shotTmp(page, `list-${as}-${lang}-${size.width}`);
      if (lang === "zh") {
        expect(text).toContain("已退回");
        expect(text).toContain("已公开");
        // Filtered by state: only Yongning's returned 2025 report; a filter matching nothing says so.
        await pick(page, "#filter-state", "已退回");
        await expect.poll(() => rows.count()).toBe(1);
        expect(await rows.first().textContent()).toContain("永宁煤矿");
        await pick(page, "#filter-year", /^2019$/);
        await expect
          .poll(() => page.locator("#report-list .reports-empty").textContent())
          .toContain("没有符合筛选条件的报告");
      } else {
        expect(text).toContain("published");
        // The enterprise may edit and submit its draft (Jingxi's 2025 report); nothing on published ones.
        const draft = rows.filter({ hasText: "Jingxi" }).filter({ hasText: "2025" });
        expect(
          await draft
            .locator(".next-steps [data-next]")
            .evaluateAll((ts) => ts.map((t) => t.getAttribute("data-next"))),
        ).toEqual(["edit", "submit"]);
        expect(await page.locator("#start-report").count()).toBe(1);
      }
    }
  });

  it("enterprise fills, imports, checks and submits; verifier finds; regulator returns; enterprise resubmits; regulator approves and publishes", async () => {
    const mines = await api<{ id: string; name: string }[]>("/api/mines", A);
    const pit = mines.find((m) => /Pingshuo/.test(m.name))!;

    // 1. The enterprise (zh, 1280 px) starts the mine's 2026 report.
    let page = await session.openPage({ ...DESKTOP, as: A, locale: "zh-CN", allowConsole: /status of 400/ });
    await page.goto(`${session.server.url}/reports?lang=zh`);
    await pick(page, "#start-mine", "平朔式露天矿");
    await page.fill("#start-year", "2026");
    await page.click("#start-create");
    await page.waitForURL(/\/reports\/[^/?]+/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("draft");

    // Activity data: start from the 2025 report's inventory, then import a CSV laid out as the template.
    await page.click("#use-previous");
    await expect.poll(() => page.locator("#inventory_year").inputValue()).toBe("2026");
    // What the form does not edit (the sinks among them) is kept, and said so.
    await expect.poll(() => page.locator("#inventory-other-parts").textContent()).toContain("碳汇");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#report-template")]);
    const template = readFileSync(await download.path(), "utf8");
    expect(template.split("\n")[0]).toBe("field,value");
    expect(template).toMatch(/^coalOutputT,\d+/m);
    await page
      .locator("#report-inventory input[type=file]")
      .setInputFiles(file("activity-2026.csv", "field,value\ncoalOutputT,1700000\ndiesel,1500\n"));
    await expect.poll(() => page.locator("#inventory_coalOutputT").inputValue()).toBe("1700000");
    await expect.poll(() => page.locator("#report-import-note").textContent()).toContain("读入 2 个数值");
    await shotTmp(page, "wizard-data-zh-1280");
    await page.click("#step-next");

    // Land use: the area holding the mine and its finished analysis.
    await page.locator("#report-landuse").waitFor();
    const areas = await api<{ id: string; nameZh: string | null; name: string }[]>(
      `/api/mines/${pit.id}/areas`,
      A,
    );
    expect(areas.length).toBeGreaterThan(0);
    const analyses = await api<{ status: string; kind: string }[]>(`/api/areas/${areas[0]!.id}/analyses`, A);
    await pick(page, "#landuse-area", areas[0]!.nameZh ?? areas[0]!.name);
    await pick(page, "#landuse-maps", "年土地利用图");
    await page.keyboard.press("Escape");
    if (analyses.some((a) => a.status === "done" && a.kind === "landuse")) {
      await pick(page, "#landuse-analysis", "的分析");
      await expect.poll(() => page.locator("#report-landuse").textContent()).toContain("的分析");
    }
    await page.click("#step-next");

    // Reclamation on a plot of the mine.
    await page.click("#reclamation-add");
    const line = page.locator(".reclamation-line").first();
    await line.locator(".ant-select").first().click();
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
    await line.locator('[data-path="reclamation[0].areaReclaimedHa"] input').fill("4");
    await line.locator('[data-path="reclamation[0].investmentCny"] input').fill("1200000");
    const role = line.locator('[data-path="reclamation[0].targetRole"] input');
    if ((await role.inputValue()) === "") await role.fill("forest");
    await page.click("#step-next");

    // A measure with its investment (CNY) and expected abatement.
    await page.click("#measure-add");
    const m = page.locator(".measure-line").first();
    await m.locator('[data-path="measures[0].name"] input').fill("乏风瓦斯氧化装置（示范）");
    await m.locator('[data-path="measures[0].kind"] .ant-select').click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "乏风瓦斯氧化" })
      .click();
    await m.locator('[data-path="measures[0].investmentCny"] input').fill("15000000");
    await m.locator('[data-path="measures[0].expectedAbatementTCO2ePerYr"] input').fill("30000");
    await page.click("#step-next");

    // Evidence: a PDF is kept with its SHA-256; a program named .pdf is refused, said in Chinese.
    await page
      .locator("#report-evidence input[type=file]")
      .setInputFiles(file("meter-2026.pdf", "%PDF-1.4\n% meter readings 2026 (test)\n%%EOF\n"));
    await expect.poll(() => page.locator("#evidence-table").textContent()).toContain("meter-2026.pdf");
    expect(await page.locator("#evidence-table .sha256").first().getAttribute("title")).toMatch(
      /^[0-9a-f]{64}$/,
    );
    await page
      .locator("#report-evidence input[type=file]")
      .setInputFiles(file("invoice.pdf", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])));
    await expect.poll(() => page.locator("#evidence-note").textContent()).toContain("被拒收");
    // A file attached by mistake is removed (it is in no submitted version yet).
    await page
      .locator("#report-evidence input[type=file]")
      .setInputFiles(file("wrong-file.pdf", "%PDF-1.4\n% not this report's (test)\n%%EOF\n"));
    const wrong = page.locator("#evidence-table tr", { hasText: "wrong-file.pdf" });
    await wrong.waitFor();
    await wrong.getByRole("button").last().click();
    await expect.poll(() => wrong.count()).toBe(0);
    await shotTmp(page, "wizard-evidence-zh-1280");
    await page.click("#step-next");

    // Checks: the figures against 2025's approved report, each warning with its assumed range.
    await expect.poll(() => page.locator("#checks-figures").textContent()).toContain("2025");
    await expect.poll(() => page.locator("#checks-warnings").textContent()).toMatch(/假定范围|无提示/);
    await shotTmp(page, "wizard-checks-zh-1280");
    await page.click("#step-next");

    // Submitting without the declaration is refused, the problem named by its field, the step marked.
    await page.click("#report-submit");
    await expect.poll(() => page.locator("#submit-error").textContent()).toContain("声明与提交 · 声明");
    expect(await page.locator(".report-steps .ant-steps-item-error").count()).toBeGreaterThan(0);
    // Declaration and submission.
    await page.fill("#declaration-name", "王磊（测试）");
    await page.fill("#declaration-position", "环保部主任");
    await page.check("#declaration-accepted");
    await page.click("#report-submit");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("submitted");
    expect(await page.locator("#report-wizard").getAttribute("data-editable")).toBe("false");
    await expectNoHorizontalOverflow(page);
    await shotTmp(page, "submitted-zh-1280");

    // 2. The regulator (en, 1280 px) sends it to verification.
    page = await session.openPage({ ...DESKTOP, as: REGULATOR });
    await page.goto(reportUrl(id, "en"));
    await pick(page, "#verifier-body", "Verification");
    await page.click("#event-send-to-verification");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("verification");

    // 3. The verifier (en, 390 px) records a finding on the coal output and concludes.
    page = await session.openPage({ ...PHONE, as: VERIFIER });
    await page.goto(reportUrl(id, "en"));
    await page.locator("#verifier-findings .comment-add").click();
    await pick(page, "#verifier-findings .comment-field input", "Raw coal output", "coal output");
    await page
      .locator("#verifier-findings .comment-text")
      .fill("Does not agree with the sales ledger (test).");
    await page.locator("#verifier-conforms").getByText("does not conform").click();
    await page.fill("#verifier-statement", "The coal output is not supported by the ledger (test).");
    await expectNoHorizontalOverflow(page);
    await shotTmp(page, "verifier-en-390");
    await page.click("#event-conclude-verification");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("in-review");

    // 4. The regulator (zh, 390 px) returns it with a reason and a comment on the coal output.
    page = await session.openPage({ ...PHONE, as: REGULATOR });
    await page.goto(reportUrl(id, "zh"));
    await page.click("#event-return");
    await expect.poll(() => page.locator("#return-reason-required").textContent()).toContain("必须填写理由");
    await page.fill("#return-reason", "请按核查意见更正原煤产量（测试）。");
    await page.locator("#return-comments .comment-add").click();
    await pick(page, "#return-comments .comment-field input", "原煤产量", "原煤");
    await page.locator("#return-comments .comment-text").first().fill("请按销售台账填写，单位为吨（测试）。");
    await page.locator("#return-comments .comment-add").click();
    await pick(
      page,
      "#return-comments .comment-row >> nth=1 >> .comment-field input",
      "措施 1 · 投资",
      "投资",
    );
    await page.locator("#return-comments .comment-text").nth(1).fill("请附燃气装置发票（测试）。");
    await shotTmp(page, "regulator-return-zh-390");
    await page.click("#event-return");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("returned");

    // 5. The enterprise (en, 390 px) sees the reason at the top and the comment at the field; fixes and resubmits.
    page = await session.openPage({ ...PHONE, as: A });
    await page.goto(reportUrl(id, "en"));
    await expect.poll(() => page.locator("#return-note").textContent()).toContain("请按核查意见更正原煤产量");
    const remark = page.locator(`#report-inventory .field-remarks[data-path="${COAL}"]`);
    await expect.poll(() => remark.textContent()).toContain("请按销售台账填写");
    await expect.poll(() => remark.textContent()).toContain("Does not agree with the sales ledger");
    // The remark sits at the coal output's own field (right below its input).
    const fieldBox = (await page.locator("#inventory_coalOutputT").boundingBox())!;
    const remarkBox = (await remark.boundingBox())!;
    expect(remarkBox.y).toBeGreaterThan(fieldBox.y);
    expect(remarkBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(80);
    await expectNoHorizontalOverflow(page);
    await shotTmp(page, "returned-en-390");
    await page.fill("#inventory_coalOutputT", "1650000");
    await page.click("#step-save");
    await expect.poll(() => page.locator("#draft-saved").count()).toBe(1);
    // The comment on another step's field: listed above the steps, one click away, shown at its field.
    await page.locator('#remarked-fields .remarked-field[data-path="measures[0].investmentCny"]').click();
    await page.locator('.report-step[data-step="measures"]').waitFor();
    await expect
      .poll(() =>
        page.locator('.report-field[data-path="measures[0].investmentCny"] .field-remarks').textContent(),
      )
      .toContain("请附燃气装置发票");
    await shotTmp(page, "returned-measures-en-390");
    await page.locator(".report-steps .ant-steps-item").last().click();
    await page.click("#report-submit");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("submitted");

    // The second round of verification, through the API (the browser's part is above).
    const bodies = await api<{ id: string }[]>("/api/verification-bodies", REGULATOR);
    await api(
      `/api/annual-reports/${id}/events`,
      REGULATOR,
      json({ type: "send-to-verification", verifierOrganisationId: bodies[0]!.id }),
    );
    await api(
      `/api/annual-reports/${id}/events`,
      VERIFIER,
      json({
        type: "conclude-verification",
        conclusion: { conforms: true, statement: "Corrected (test).", findings: [] },
      }),
    );

    // 6. The regulator (en, 1280 px) approves and publishes; the evaluate-and-adjust table and the versions compared.
    page = await session.openPage({ ...DESKTOP, as: REGULATOR });
    await page.goto(reportUrl(id, "en"));
    await page.click("#event-approve");
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("approved");
    await expect.poll(() => page.locator("#report-adjustment").textContent()).toContain("Actual (version 2)");
    await page.click("#event-publish");
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("published");
    const changes = page.locator("#version-changes");
    await expect.poll(() => changes.textContent()).toContain("1700000");
    expect(await changes.textContent()).toContain("1650000");
    expect(await changes.locator(`[data-path="${COAL}"]`).textContent()).toMatch(/Raw coal output/);
    const history = (await page.locator("#report-history").textContent()) ?? "";
    for (const e of [
      "submit",
      "send to verification",
      "conclude verification",
      "return",
      "resubmit",
      "approve",
      "publish",
    ])
      expect(history).toContain(e);
    await expectNoHorizontalOverflow(page);
    await shotTmp(page, "published-en-1280");

    const listed = await api<AnnualReportListItem[]>("/api/annual-reports?year=2026", REGULATOR);
    expect(listed.find((r) => r.id === id)?.state).toBe("published");
    const r = await api<AnnualReportRecord>(`/api/annual-reports/${id}`, REGULATOR);
    expect(r.versions).toHaveLength(2);
  });

  it("a rejection needs a reason, and the enterprise then sees the report rejected, read-only, with the reason", async () => {
    const B: DemoAccount = "demo-enterprise-b";
    const mines = await api<{ id: string; name: string }[]>("/api/mines", B);
    const lishi = mines.find((m) => /Lishi/.test(m.name))!;
    // A 2026 report made through the API up to the review: 2025's content, submitted, verified.
    const [last] = await api<AnnualReportListItem[]>(`/api/annual-reports?mineId=${lishi.id}&year=2025`, B);
    const v = await api<{ content: { inventory: { years: { year: number }[] } } }>(
      `/api/annual-reports/${last!.id}/versions/${last!.latestVersion}`,
      B,
    );
    v.content.inventory.years[0]!.year = 2026;
    const r = await api<{ id: string }>(`/api/mines/${lishi.id}/annual-reports`, B, json({ year: 2026 }));
    await api(`/api/annual-reports/${r.id}/draft`, B, { ...json(v.content), method: "PUT" });
    await api(`/api/annual-reports/${r.id}/events`, B, json({ type: "submit" }));
    const bodies = await api<{ id: string }[]>("/api/verification-bodies", REGULATOR);
    await api(
      `/api/annual-reports/${r.id}/events`,
      REGULATOR,
      json({ type: "send-to-verification", verifierOrganisationId: bodies[0]!.id }),
    );
    await api(
      `/api/annual-reports/${r.id}/events`,
      VERIFIER,
      json({
        type: "conclude-verification",
        conclusion: { conforms: true, statement: "Conforms (test).", findings: [] },
      }),
    );

    const page = await session.openPage({ ...DESKTOP, as: REGULATOR, locale: "zh-CN" });
    await page.goto(reportUrl(r.id, "zh"));
    await page.click("#event-reject");
    await expect.poll(() => page.locator("#reject-form").textContent()).toContain("必须填写理由");
    expect(await page.locator(".report-state").getAttribute("data-state")).toBe("in-review");
    await page.fill("#reject-reason", "数据来源不明，不予受理（测试）。");
    await page.click("#event-reject");
    await expect.poll(() => page.locator(".report-state").getAttribute("data-state")).toBe("rejected");
    expect(await page.locator("#review-actions").count()).toBe(0);

    const owner = await session.openPage({ ...PHONE, as: B });
    await owner.goto(reportUrl(r.id, "en"));
    await expect.poll(() => owner.locator("#reject-note").textContent()).toContain("数据来源不明");
    expect(await owner.locator("#report-wizard").getAttribute("data-editable")).toBe("false");
    expect(await owner.locator("#report-submit").count()).toBe(0);
    await expectNoHorizontalOverflow(owner);
    await shotTmp(owner, "rejected-en-390");
  });
});
