import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { reportHtml } from "../../src/report/report-html.ts";
import { reportModel } from "../../src/report/report-model.ts";

/*
 * Issue 11 item 9: the Chinese report renders in its embedded font on a machine with no CJK font
 * (the test machine has none). Checked by what Chromium actually drew the text with — the platform
 * fonts of a node (DevTools protocol) — and by the glyphs' widths (a Chinese glyph of Noto Sans SC is
 * 1 em wide), not by the text content.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "mc-report-browser-"));
let browser: Browser;
let file: string;

beforeAll(async () => {
  const model = await reportModel({
    lang: "zh",
    title: "煤矿区碳收支报告",
    subject: "永宁煤矿",
    inventories: [runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {})],
  });
  file = join(dir, "report-zh.html");
  writeFileSync(file, reportHtml(model));
  browser = await chromium.launch({ executablePath: CHROMIUM });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the zh HTML report in Chromium", () => {
  it("draws its Chinese headings, cells and chart text in the embedded Noto Sans SC, 1 em a glyph", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`file://${file}`);
    // Page scripts as text: they run in Chromium, and this project's types hold no DOM.
    await page.evaluate("document.fonts.ready.then(() => true)");
    expect(await page.evaluate(`document.fonts.check('16px "Noto Sans SC"', "碳汇")`)).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    for (const selector of ["h1", "h2", "th", "figcaption", "svg text"]) {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      expect(fonts.length, selector).toBeGreaterThan(0);
      for (const f of fonts)
        expect({ selector, family: f.familyName, custom: f.isCustomFont }).toEqual({
          selector,
          family: "Noto Sans SC",
          custom: true,
        });
    }
    // Widths: ten Chinese characters at 20 px are 200 px in Noto Sans SC.
    const width = await page.evaluate(`(() => {
      const s = document.createElement("span");
      s.style.cssText = 'font: 20px "Noto Sans SC"; white-space: nowrap';
      s.textContent = "碳收支报告碳收支报告";
      document.body.append(s);
      return s.getBoundingClientRect().width;
    })()`);
    expect(width).toBeCloseTo(200, 0);
    await page.screenshot({ path: join(dir, "report-zh.png") });
    await page.close();
  }, 60_000);
});
