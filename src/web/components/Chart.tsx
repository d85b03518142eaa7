import { BarChart, ChordChart, LineChart, PieChart, SankeyChart, ScatterChart } from "echarts/charts";
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from "react";
import { FONT_FAMILY } from "../app/theme.ts";

echarts.use([
  BarChart,
  ChordChart,
  LineChart,
  PieChart,
  SankeyChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type { EChartsOption };

/**
 * The option with the app's font stack as the chart's default text font: a canvas draws with the
 * fonts it is told, and ECharts' default ("sans-serif") has no Chinese glyphs on a machine without
 * a CJK system font; the stack ends in the bundled Noto Sans SC.
 */
export function withAppFont(option: EChartsOption): EChartsOption {
  const own = option.textStyle && !Array.isArray(option.textStyle) ? option.textStyle : {};
  return { ...option, textStyle: { fontFamily: FONT_FAMILY, ...own } };
}

export interface ChartProps {
  /** The chart; a new object redraws it (memoise it with useMemo). */
  readonly option: EChartsOption;
  /** Height in px (the width follows the container). */
  readonly height?: number;
  readonly id?: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  /** What the chart shows, for screen readers. */
  readonly ariaLabel: string;
  /** Called with a clicked data item's name and value. */
  readonly onItemClick?: (p: {
    name: string;
    value: unknown;
    seriesIndex?: number;
    dataIndex?: number;
  }) => void;
}

/**
 * An ECharts chart that sets itself up and disposes cleanly. The instance is created only once
 * the element has a size (ECharts measures its element; created at 0×0 — a hidden tab, a panel
 * not laid out yet — it draws into a zero-sized canvas and later fails inside its own code), is
 * resized through a ResizeObserver, redrawn when `option` changes, and disposed on unmount; no call
 * reaches a disposed instance (resize callbacks and option changes after unmount are dropped).
 */
export function Chart({
  option,
  height = 320,
  id,
  className,
  style,
  ariaLabel,
  onItemClick,
}: ChartProps): ReactNode {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const latest = useRef(option);
  const onClick = useRef(onItemClick);
  latest.current = option;
  onClick.current = onItemClick;

  useLayoutEffect(() => {
    const node = el.current!;
    let frame = 0;
    const sized = () => node.clientWidth > 0 && node.clientHeight > 0;
    const ensure = () => {
      if (chart.current || !sized()) return;
      const c = echarts.init(node, undefined, { renderer: "canvas" });
      c.on("click", (p) => {
        const e = p as { name: string; value: unknown; seriesIndex?: number; dataIndex?: number };
        onClick.current?.({
          name: e.name,
          value: e.value,
          seriesIndex: e.seriesIndex,
          dataIndex: e.dataIndex,
        });
      });
      c.setOption(withAppFont(latest.current), { notMerge: true });
      chart.current = c;
    };
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const c = chart.current;
        if (!c) return ensure();
        if (!c.isDisposed() && sized()) c.resize();
      });
    });
    observer.observe(node);
    ensure();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      const c = chart.current;
      chart.current = undefined;
      if (c && !c.isDisposed()) c.dispose();
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (c && !c.isDisposed()) c.setOption(withAppFont(option), { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      id={id}
      className={className ? `chart ${className}` : "chart"}
      role="img"
      aria-label={ariaLabel}
      style={{ width: "100%", height, ...style }}
    />
  );
}
