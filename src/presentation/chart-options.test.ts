import { describe, expect, it } from "vitest";
import { chordOption, componentsOption, macOption, waterfallOption } from "./chart-options.ts";
import { escapeHtml } from "./escape-html.ts";

const HOSTILE = `<img src=x onerror=alert(1)>"><svg onload=alert(2)>'`;

/** The tooltip formatter of an option, called as ECharts calls it for the first bar. */
function tooltipHtml(option: ReturnType<typeof waterfallOption>): string {
  const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
  return formatter([{ dataIndex: 0 }]);
}

describe("escapeHtml(text)", () => {
  it("escapes the five characters that open markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(escapeHtml("平朔 t CO2e/yr")).toBe("平朔 t CO2e/yr");
  });
});

describe("chart tooltips (ECharts shows a formatter's answer as HTML)", () => {
  it("waterfallOption(…) escapes a user's sink label", () => {
    const html = tooltipHtml(
      waterfallOption("en", [
        { label: HOSTILE, tCO2ePerYr: -12.5, kind: "sink" },
        { label: "balance", tCO2ePerYr: -12.5, kind: "balance" },
      ]),
    );
    expect(html).not.toMatch(/<img|<svg/);
    expect(html).toBe(`${escapeHtml(HOSTILE)}: -12.5 t CO2e/yr`);
  });

  it("macOption(…) escapes a measure's name", () => {
    const html = tooltipHtml(
      macOption("en", [{ measure: HOSTILE, costCNYPerTCO2e: 10, abatementTCO2ePerYr: 100 }], 50),
    );
    expect(html).not.toMatch(/<img|<svg/);
    expect(html).toBe(`${escapeHtml(HOSTILE)}: 10 CNY/t CO2e, 100 t CO2e/yr`);
  });

  it("macOption(…) names a measure in the language, as its axis does", () => {
    const html = tooltipHtml(
      macOption(
        "zh",
        [{ measure: "1. methane-use from 2026", costCNYPerTCO2e: 10, abatementTCO2ePerYr: 100 }],
        50,
      ),
    );
    expect(html).toContain("瓦斯利用");
    expect(html).not.toContain("methane-use");
  });
});

describe("chordOption(lang, classes, one-step rows)", () => {
  const classes = [
    { code: 1, name: "arable", nameZh: "耕地", colour: "#ffff00" },
    { code: 2, name: "forest", nameZh: "林地", colour: "#00aa00" },
    { code: 7, name: "open pit", colour: "#550000" },
  ];
  const rows = [
    { from_year: 2000, to_year: 2010, from_code: 1, to_code: 1, area_ha: 20 },
    { from_year: 2000, to_year: 2010, from_code: 1, to_code: 7, area_ha: 1.35 },
    { from_year: 2000, to_year: 2010, from_code: 2, to_code: 1, area_ha: 0 },
    { from_year: 2000, to_year: 2010, from_code: 2, to_code: 2, area_ha: 5 },
  ];
  const series = (lang: "en" | "zh") =>
    (chordOption(lang, classes, rows).series as { data: { name: string }[]; links: unknown[] }[])[0]!;

  it("puts the first year's classes in legend order, then the last year's in reverse, one arc each", () => {
    expect(series("en").data.map((n) => n.name)).toEqual([
      "arable 2000",
      "forest 2000",
      "open pit 2010",
      "forest 2010",
      "arable 2010",
    ]);
    expect(series("zh").data.map((n) => n.name)[0]).toBe("耕地 2000");
  });

  it("draws a ribbon per transition with area, kept land pale and changes strong", () => {
    expect(series("en").links).toEqual([
      {
        source: "arable 2000",
        target: "arable 2010",
        value: 20,
        lineStyle: { color: "source", opacity: 0.15 },
      },
      {
        source: "arable 2000",
        target: "open pit 2010",
        value: 1.35,
        lineStyle: { color: "source", opacity: 0.6 },
      },
      {
        source: "forest 2000",
        target: "forest 2010",
        value: 5,
        lineStyle: { color: "source", opacity: 0.15 },
      },
    ]);
  });
});

describe("componentsOption(lang, rows)", () => {
  it("stacks quantity, exchange and shift (% of the area) per interval, the whole span marked", () => {
    const o = componentsOption("en", [
      {
        kind: "multistep",
        from_year: 2000,
        to_year: 2010,
        quantity_percent: 5,
        exchange_percent: 10,
        shift_percent: 5,
      },
      {
        kind: "onestep",
        from_year: 2000,
        to_year: 2020,
        quantity_percent: 7,
        exchange_percent: 2,
        shift_percent: 1,
      },
    ]);
    expect((o.xAxis as { data: string[] }).data).toEqual(["2000–2010", "2000–2020 (whole span)"]);
    expect(
      (o.series as { name: string; stack: string; data: number[] }[]).map((s) => [s.name, s.stack, s.data]),
    ).toEqual([
      ["quantity", "change", [5, 7]],
      ["exchange", "change", [10, 2]],
      ["shift", "change", [5, 1]],
    ]);
  });
});
