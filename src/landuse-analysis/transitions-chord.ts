import { writeFileSync } from "node:fs";
import { ChordChart } from "echarts/charts";
import { TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { LegendClass } from "../domain/landuse/legend.ts";
import { chordOption, type TransitionRow } from "../presentation/chart-options.ts";

// Only what the chord needs, not all of ECharts (as src/report/chart-svg.ts loads for reports):
// `landuse analyze` loads this while its workers count, and on a small map that time is the run's.
echarts.use([ChordChart, TitleComponent, SVGRenderer]);

/**
 * Writes the chord diagram of the one-step transitions (OpenLand's chordDiagramLand) as an SVG
 * rendered on this machine by ECharts' server-side renderer, as the reports draw their charts: one
 * arc per class at the first and at the last date, one ribbon per transition with its area (ha).
 */
export function writeTransitionsChord(
  path: string,
  classes: readonly LegendClass[],
  onestep: readonly TransitionRow[],
): void {
  const first = onestep[0];
  // A file has no pointer to hover: no tooltip.
  const { tooltip: _, ...option } = chordOption("en", classes, onestep);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 760, height: 760 });
  try {
    chart.setOption({
      ...option,
      title: {
        text: first ? `Land-use transitions ${first.from_year} → ${first.to_year} (ha)` : "No transitions",
        left: "center",
        textStyle: { fontSize: 14 },
      },
    });
    writeFileSync(path, chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
