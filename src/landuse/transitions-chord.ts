import { writeFileSync } from "node:fs";
import type { LegendClass } from "../domain/landuse/legend.ts";
import { chordOption, type TransitionRow } from "../presentation/chart-options.ts";
import { chartSvg } from "../report/chart-svg.ts";

/**
 * Writes the chord diagram of the one-step transitions (OpenLand's chordDiagramLand) as an SVG
 * rendered on this machine by ECharts, as the reports draw their charts: one arc per class at the
 * first and at the last date, one ribbon per transition with its area (ha).
 */
export function writeTransitionsChord(
  path: string,
  classes: readonly LegendClass[],
  onestep: readonly TransitionRow[],
): void {
  const first = onestep[0];
  const option = chordOption("en", classes, onestep);
  const svg = chartSvg(
    {
      ...option,
      title: {
        text: first ? `Land-use transitions ${first.from_year} → ${first.to_year} (ha)` : "No transitions",
        left: "center",
        textStyle: { fontSize: 14 },
      },
    },
    760,
    760,
  );
  writeFileSync(path, svg);
}
