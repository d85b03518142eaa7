import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEGEND_PRESETS } from "../../src/domain/landuse/legend.ts";
import {
  readLanduseReportInput,
  type LanduseResultForReport,
} from "../../src/report/landuse-report-input.ts";
import { reportHtml } from "../../src/report/report-html.ts";
import { relabelledResult, reportModel } from "../../src/report/report-model.ts";
import { threeDateAnalysis } from "./three-date-analysis.ts";

/*
 * A report names and colours an analysis's classes as the area's legend says now: renaming or
 * recolouring a class does not stale a result (it only re-labels it), so the report must not keep
 * the names the result was computed with.
 */

const dir = mkdtempSync(join(tmpdir(), "mc-report-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let result: LanduseResultForReport;
let analysisDir: string;
beforeAll(async () => {
  analysisDir = await threeDateAnalysis(dir);
  result = readLanduseReportInput(join(analysisDir, "summary.json"));
}, 120_000);

/** Seed 001's classes with arable land (code 1) renamed and recoloured, and code 3 gone. */
const renamed = () => ({
  classes: LEGEND_PRESETS.seed001!.classes.filter((c) => c.code !== 3).map((c) =>
    c.code === 1 ? { ...c, name: "Farmland (renamed)", nameZh: "农田（改名）", colour: "#123456" } : c,
  ),
});

describe("a report of an analysis after the area's legend was renamed", () => {
  it("takes names, Chinese names and colours from the current legend where the codes match", () => {
    const r = relabelledResult(result, renamed());
    const one = r.legend.classes.find((c) => c.code === 1)!;
    expect(one).toMatchObject({ name: "Farmland (renamed)", nameZh: "农田（改名）", colour: "#123456" });
    // The role it was computed with stays; a code the legend no longer has keeps the result's labels.
    expect(one.key).toBe(result.legend.classes.find((c) => c.code === 1)!.key);
    expect(r.legend.classes.find((c) => c.code === 3)).toEqual(
      result.legend.classes.find((c) => c.code === 3),
    );
    expect(r.legend.classes.map((c) => c.code)).toEqual(result.legend.classes.map((c) => c.code));
  });

  for (const [lang, name, old] of [
    ["en", "Farmland (renamed)", "arable land"],
    ["zh", "农田（改名）", "耕地"],
  ] as const)
    it(`shows the new name in the ${lang} report (tables, charts and the maps' legends)`, async () => {
      const model = await reportModel({
        lang,
        title: "t",
        subject: "s",
        landuse: { result, dir: analysisDir, legend: renamed() },
      });
      const html = reportHtml(model);
      // The class tables name it anew; the old name stays only where a factor names the role it was
      // measured on ("… when arable land is taken by mining").
      const cell = (text: string) => new RegExp(`<td(?: [^>]*)?>${text.replace(/[()]/g, "\\$&")}</td>`);
      expect(html).toMatch(cell(name));
      expect(html).not.toMatch(cell(old));
      // The land-use maps' legends (the zoning's and the changes' have values of their own).
      const landUseMaps = model.landuse!.maps.filter((m) => /Land use|土地利用/.test(m.title));
      const mapLegendNames = landUseMaps.flatMap((m) =>
        m.legend.kind === "classes"
          ? m.legend.items.filter((i) => i.value === 1).map((i) => [i.name, i.colour])
          : [],
      );
      expect(mapLegendNames.length).toBeGreaterThan(0);
      for (const m of mapLegendNames) expect(m).toEqual([name, "#123456"]);
    });

  it("keeps the result's names without the area's legend (the CLI's report of a summary.json)", async () => {
    const model = await reportModel({
      lang: "en",
      title: "t",
      subject: "s",
      landuse: { result, dir: analysisDir },
    });
    expect(reportHtml(model)).toContain("arable land");
  });
});
