import type { EChartsOption } from "echarts";

type Series = Record<string, unknown> & { type?: string };

/**
 * The chord with labels on its larger arcs only: an arc whose flows (in and out) are under
 * `minShare` of all flows is drawn unlabelled. The small classes meet where the two halves join and
 * their labels were drawn over each other; the tooltip still names every arc.
 */
export function labelLargeArcsOnly(option: EChartsOption, minShare = 0.02): EChartsOption {
  const series = (
    Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  ) as Series[];
  return {
    ...option,
    series: series.map((s) => {
      if (s.type !== "chord") return s;
      const links = (s.links ?? []) as { source: string; target: string; value: number }[];
      const flow = new Map<string, number>();
      for (const l of links) {
        flow.set(l.source, (flow.get(l.source) ?? 0) + l.value);
        flow.set(l.target, (flow.get(l.target) ?? 0) + l.value);
      }
      const total = [...flow.values()].reduce((a, b) => a + b, 0);
      const data = ((s.data ?? []) as { name: string }[]).map((d) =>
        total > 0 && (flow.get(d.name) ?? 0) / total < minShare ? { ...d, label: { show: false } } : d,
      );
      return { ...s, data };
    }),
  } as EChartsOption;
}

/**
 * A chart's option for a phone's width: the node labels of Sankey and chord series and the legend
 * off (at 390 px they overlap or are clipped; the tooltip still names each item, and the view draws
 * the classes' colours beside the chart), the Sankey across the whole width, the chord centred and
 * larger. Other series are left as they are.
 */
export function fitNarrow(option: EChartsOption): EChartsOption {
  const series = (
    Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  ) as Series[];
  return {
    ...option,
    legend: { show: false },
    series: series.map((s) => {
      const label = { ...(s.label as object | undefined), show: false };
      if (s.type === "sankey") return { ...s, label, left: 4, right: 4, top: 8, bottom: 8, nodeGap: 8 };
      if (s.type === "chord") return { ...s, label, center: ["50%", "50%"], radius: ["78%", "86%"] };
      return s;
    }),
  } as EChartsOption;
}
