import { describe, expect, it } from "vitest";
import { fitNarrow, labelLargeArcsOnly } from "./fit-narrow.ts";

describe("fitNarrow(option)", () => {
  it("turns the Sankey's and the chord's labels and the legend off, and leaves other series alone", () => {
    const narrow = fitNarrow({
      legend: { show: true },
      series: [
        { type: "sankey", label: { fontSize: 10 }, data: [] },
        { type: "chord", label: { show: true, position: "outside" }, data: [] },
        { type: "bar", label: { show: true }, data: [] },
      ],
    } as never) as { legend: { show: boolean }; series: Record<string, unknown>[] };
    expect(narrow.legend.show).toBe(false);
    expect(narrow.series[0]).toMatchObject({
      type: "sankey",
      label: { fontSize: 10, show: false },
      left: 4,
      right: 4,
    });
    expect(narrow.series[1]).toMatchObject({ type: "chord", label: { show: false }, center: ["50%", "50%"] });
    expect(narrow.series[2]).toEqual({ type: "bar", label: { show: true }, data: [] });
  });
});

describe("labelLargeArcsOnly(option, minShare)", () => {
  it("leaves arcs under the share of all flows unlabelled, and the others as they were", () => {
    // Flows: a→b 90, a→c 9, c→b 1; per arc (in + out): a 99, b 91, c 10 of 200 → c is 5 %.
    const o = labelLargeArcsOnly(
      {
        series: [
          {
            type: "chord",
            data: [{ name: "a" }, { name: "b" }, { name: "c" }],
            links: [
              { source: "a", target: "b", value: 90 },
              { source: "a", target: "c", value: 9 },
              { source: "c", target: "b", value: 1 },
            ],
          },
        ],
      } as never,
      0.06,
    ) as { series: { data: Record<string, unknown>[] }[] };
    expect(o.series[0]!.data).toEqual([{ name: "a" }, { name: "b" }, { name: "c", label: { show: false } }]);
  });
});
