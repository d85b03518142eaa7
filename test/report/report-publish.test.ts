import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { loadImage } from "@napi-rs/canvas";
import * as fontkit from "fontkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threeDateAnalysis } from "./three-date-analysis.ts";
import { runInventory } from "../../src/cli/commands/inventory-command.ts";
import { readScenarioFile } from "../../src/io/read-scenario.ts";
import { runScenario } from "../../src/domain/pathway/run-scenario.ts";
import { factorTable } from "../../src/factors/load-factor-library.ts";
import { classAreasOption } from "../../src/presentation/chart-options.ts";
import { CATALOGUE } from "../../src/presentation/i18n/index.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { chartSvg, cjkFontPath, fitLegend } from "../../src/report/chart-svg.ts";
import { readLanduseReportInput } from "../../src/report/landuse-report-input.ts";
import { decorateMap, mapScale, scaleBar } from "../../src/report/map-decorations.ts";
import { reportBlocks } from "../../src/report/report-blocks.ts";
import { reportHtml } from "../../src/report/report-html.ts";
import { reportModel, type ReportModel } from "../../src/report/report-model.ts";
import { reportPdf } from "../../src/report/report-pdf.ts";
import type { LanduseResult } from "../../src/contract/landuse-result.ts";
import { SINK_READING_TEXT, WOODY_MEAN_INCREMENT_NOTE } from "../../src/domain/mine/ecosystems.ts";
import { CCS_SCOPE_NOTE } from "../../src/domain/mine/year-inventory.ts";

const dir = mkdtempSync(join(tmpdir(), "mc-report-publish-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let landuse: LanduseResult;
const models: Partial<Record<"en" | "zh", ReportModel>> = {};

beforeAll(async () => {
  const analysis = await threeDateAnalysis(dir);
  landuse = readLanduseReportInput(join(analysis, "summary.json"));
  const inventory = runInventory(join(PROJECT_ROOT, "examples", "yongning.yaml"), {});
  const table = factorTable();
  const { scenario, baseline, baselinePath } = readScenarioFile(
    join(PROJECT_ROOT, "examples", "yongning-pathway.yaml"),
    table,
  );
  const pathway = runScenario(scenario, baseline, table, baselinePath);
  for (const lang of ["en", "zh"] as const)
    models[lang] = await reportModel({
      lang,
      title: "t",
      subject: "s",
      landuse: { result: landuse, dir: analysis },
      inventories: [inventory],
      pathways: [pathway],
    });
}, 180_000);

/** The texts of a page a reader sees: cells, list items, headings, captions, chart text. */
function visibleTexts(html: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return [...html.matchAll(/<(td|th|li|h[1-3]|p|figcaption|caption|text)\b[^>]*>([^<]*)</g)].map((m) =>
    decode(m[2]!).trim(),
  );
}

describe("the Chinese report (issue 11 item 8: a full Chinese version)", () => {
  it("shows no English zone, pool, measure, source, status or pace the catalogue translates", () => {
    const texts = new Set(visibleTexts(reportHtml(models.zh!)));
    // Every English name of the terms and the domain ids they are keyed by, where Chinese differs.
    const english = new Set<string>();
    for (const [key, en] of Object.entries(CATALOGUE.en.terms)) {
      const zh = (CATALOGUE.zh.terms as Record<string, string>)[key];
      // "CCS" is a code Chinese keeps; landuse.* names a reclamation's target, which the inventory's
      // own sink labels (a user's text, e.g. Yongning's "grassland") may also be.
      if (zh === en || en === "CCS" || key.startsWith("landuse.")) continue;
      english.add(en);
      english.add(key.slice(key.indexOf(".") + 1));
    }
    for (const [key, en] of Object.entries(CATALOGUE.en.terms))
      if (key.startsWith("landuse.")) english.delete(en);
    const left = [...texts].filter((t) => english.has(t));
    expect(left).toEqual([]);
    // And the ones this report holds, in Chinese.
    for (const zh of ["不变区", "地上生物量", "合计", "慢速", "P_M 工矿用地", "原煤 1695.2 t", "一手来源"])
      expect(texts.has(zh), zh).toBe(true);
    expect([...texts].some((t) => /^\d+\. 瓦斯利用（\d{4}年起）$/.test(t))).toBe(true);
  });
  it("writes the known warnings and the reasons inputs are taken as exact in Chinese", () => {
    const texts = visibleTexts(reportHtml(models.zh!));
    expect(texts.some((t) => t.endsWith("：因子来源无区间，且该类因子无缺省不确定性"))).toBe(true);
    expect(texts.some((t) => t.includes("no range in the factor's source"))).toBe(false);
    expect(texts.some((t) => t.startsWith("以下因子按精确值处理"))).toBe(true);
  });
  it("writes the domain's fixed notes in Chinese, and their English still equals the domain's", () => {
    const report = CATALOGUE.en.report;
    expect(report["note.woodyMeanIncrement"]).toBe(WOODY_MEAN_INCREMENT_NOTE);
    for (const [id, text] of Object.entries(SINK_READING_TEXT))
      expect((CATALOGUE.en.terms as Record<string, string>)[`sinkReading.${id}`], id).toBe(text);
    expect(report["note.ccsMeasures"]).toBe(
      `CCS measures capture their rate of the point-source CO2 not yet captured. ${CCS_SCOPE_NOTE}.`,
    );
    const texts = new Set(visibleTexts(reportHtml(models.zh!)));
    for (const key of ["note.woodyMeanIncrement", "note.activityFollowsCoal", "note.effectsOrder"] as const) {
      expect(texts.has(CATALOGUE.zh.report[key]), key).toBe(true);
      expect(texts.has(report[key]), key).toBe(false);
    }
  });
});

describe('zone shares (the dead `kind !== "zone"` filter)', () => {
  it("reads the kinds that occur — multistep intervals and the one-step whole span, marked as such", () => {
    expect(new Set(landuse.zonesByPeriod.map((z) => z.kind))).toEqual(new Set(["multistep", "onestep"]));
    const table = reportBlocks(models.en!).find(
      (b) => b.type === "table" && b.caption === "Carbon-sink zone shares per period (%)",
    );
    expect(table?.type).toBe("table");
    const periods = new Set((table as { rows: string[][] }).rows.map((r) => r[0]));
    expect(periods).toEqual(new Set(["2000–2010", "2010–2020", "2000–2020 (whole span)"]));
  });
});

describe("chart legends (issue 11 item 8: not paginated or clipped)", () => {
  const classes = Array.from({ length: 14 }, (_, i) => ({
    code: i + 1,
    name: `class number ${i + 1} with a long name`,
    colour: "#336699",
  }));
  const rows = classes.flatMap((c) => [2000, 2010].map((year) => ({ year, code: c.code, area_ha: 10 })));
  it("shows every series name in the SVG, on as many rows as it needs, with no pager", () => {
    const option = classAreasOption("en", classes, rows);
    const svg = chartSvg(option, 700, 320);
    for (const c of classes) expect(svg).toContain(`>${c.name}<`);
    expect(svg).not.toMatch(/>1\/\d+</);
    const fitted = fitLegend(option, 700, 320);
    expect(fitted.height).toBeGreaterThan(320);
    expect(svg).toContain(`height="${fitted.height}"`);
  });
});

describe("map scale bar (issue 11 item 8)", () => {
  const grid = {
    width: 900,
    height: 780,
    originX: 603030,
    originY: 4388040,
    pixelWidth: 30,
    pixelHeight: 30,
    crs: "EPSG:4546",
    crsKind: "projected" as const,
    proj4: "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
  };
  it("hand-worked: 30 m pixels shown 900 px wide → a 5 km bar 166.7 px long", () => {
    // A quarter of the width is 225 px × 30 m = 6,750 m; the round length below it is 5 km.
    const s = mapScale(grid, 900);
    expect(s).toEqual({ kind: "metres", metresPerPixel: 30 });
    expect(scaleBar(30, 900)).toEqual({ metres: 5000, px: 5000 / 30, label: "5 km" });
  });
  it("hand-worked: the same grid previewed at 450 px → 60 m a pixel, a 5 km bar of 83.3 px", () => {
    expect(mapScale(grid, 450)).toEqual({ kind: "metres", metresPerPixel: 60 });
    // 112.5 px × 60 m = 6,750 m → 5 km.
    expect(scaleBar(60, 450).px).toBeCloseTo(83.333, 3);
  });
  it("hand-worked: a geographic grid at the equator, 0.00025° pixels → 27.83 m", () => {
    // π × 6,378,137 m / 180 = 111,319.49 m a degree of longitude at 0°; × 0.00025 = 27.830 m.
    const s = mapScale(
      {
        ...grid,
        crsKind: "geographic",
        originY: 0.0975,
        pixelWidth: 0.00025,
        pixelHeight: 0.00025,
        proj4: undefined,
      },
      900,
    );
    expect(s.kind).toBe("metres");
    expect(s.kind === "metres" && s.metresPerPixel).toBeCloseTo(27.83, 2);
  });
  it("says there is no scale when the projected grid's unit is unknown, and takes feet and +to_meter", () => {
    expect(mapScale({ ...grid, proj4: undefined }, 900)).toEqual({ kind: "unknown" });
    expect(mapScale({ ...grid, proj4: "+proj=tmerc +units=us-ft" }, 900)).toMatchObject({
      metresPerPixel: expect.closeTo(30 * (1200 / 3937), 9),
    });
    expect(mapScale({ ...grid, proj4: "+proj=tmerc +to_meter=0.5" }, 900)).toEqual({
      kind: "metres",
      metresPerPixel: 15,
    });
    expect(scaleBar(1, 1000)).toMatchObject({ metres: 200, label: "200 m" });
  });
  it("draws the bar and the arrow into the map PNG (a small map enlarged to be legible)", async () => {
    const png = models.en!.landuse!.maps[0]!.png;
    const img = await loadImage(png);
    // The 10×10 map enlarged to at least 640 px by a whole factor.
    expect(img.width).toBe(640);
    const plain = await decorateMap(png, { kind: "unknown" }, "no scale");
    expect(plain.equals(png)).toBe(false);
  });
});

describe("fonts (issue 11 item 9): Chinese in an embedded font", () => {
  const CJK = /[\u3400-\u9fff]/gu;
  it("the zh HTML embeds a valid Noto Sans SC subset holding a glyph for every Chinese character it shows", () => {
    const html = reportHtml(models.zh!);
    const face = html.match(
      /@font-face\{font-family:"Noto Sans SC";src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\) format\("truetype"\)/,
    );
    expect(face).not.toBeNull();
    const bytes = Buffer.from(face![1]!, "base64");
    // Well under the 10.5 MB of the whole face.
    expect(bytes.length).toBeLessThan(1_000_000);
    const font = fontkit.create(bytes) as fontkit.Font & { familyName: string; numGlyphs: number };
    expect(font.familyName).toBe("Noto Sans SC");
    const page = html.replace(/<style>[^]*?<\/style>/, "");
    const chars = new Set(page.match(CJK));
    expect(chars.size).toBeGreaterThan(100);
    const missing = [...chars].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
    // The same glyphs as the whole face (advance widths of CJK are 1 em; of Latin, their own).
    const whole = fontkit.create(readFileSync(cjkFontPath())) as fontkit.Font;
    for (const c of ["碳", "汇", "A", "7"]) {
      const w = (f: fontkit.Font) =>
        (f.glyphForCodePoint(c.codePointAt(0)!) as unknown as { advanceWidth: number }).advanceWidth;
      expect(w(font)).toBe(w(whole));
    }
  });
  it("the zh PDF sets all its text, Chinese included, in the embedded Noto Sans SC", async () => {
    const pdf = (await reportPdf(models.zh!)).toString("latin1");
    const fonts = [...pdf.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(["NotoSansSC-Regular"]));
    expect(pdf).toMatch(/\/FontFile2 \d+ 0 R/);
    // The font's ToUnicode map holds the Chinese of the text: 碳 (U+78B3) and 汇 (U+6C47).
    const streams = [...pdf.matchAll(/stream\r?\n([^]*?)\r?\nendstream/g)].map((m) => {
      try {
        return inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
      } catch {
        return "";
      }
    });
    const cmap = streams.filter((s) => s.includes("begincmap")).join("\n");
    expect(cmap).toMatch(/<78b3>/i);
    expect(cmap).toMatch(/<6c47>/i);
  }, 120_000);
});
