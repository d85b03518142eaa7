import { describe, expect, it } from "vitest";
import { macOption, waterfallOption } from "./chart-options.ts";
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
});
