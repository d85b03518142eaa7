/**
 * Plausibility checks of an annual report before it is submitted: legal but suspicious numbers get a
 * warning the enterprise sees (and may explain), never a silent fix. The ranges are data with their
 * source; a regulator may set its own.
 */

/** One year's figures the checks read (those of the report and of the mine's earlier reports). */
export interface ReportFigures {
  readonly year: number;
  readonly emissionsTCO2ePerYr: number;
  readonly coalOutputT: number;
  /** Energy used, t of standard coal equivalent (tce). */
  readonly energyTce: number;
}

export interface PlausibilityRanges {
  /** A change from the year before above this share is a jump to explain (0.5 = ±50 %). */
  readonly yearOnYearShare: number;
  /** t CO2e per t of coal: the range of similar mines (from their approved reports, or the default). */
  readonly intensityTCO2ePerT: readonly [number, number];
  /** tce per t of coal. */
  readonly energyTcePerT: readonly [number, number];
  readonly source: string;
}

/**
 * Wide screening bounds, not limits and not from a published source (status: assumed): set wide
 * enough that a real mine's figures pass and a figure off by a unit or several digits stands out.
 * A regulator replaces them with the range of its own mines' approved reports.
 */
export const DEFAULT_PLAUSIBILITY_RANGES: PlausibilityRanges = {
  yearOnYearShare: 0.5,
  intensityTCO2ePerT: [0.01, 5],
  energyTcePerT: [0.001, 0.1],
  source:
    "MineCarbon screening defaults (status: assumed; a regulator sets its own from its mines' approved reports)",
};

export interface PlausibilityWarning {
  readonly path: keyof Omit<ReportFigures, "year"> | "intensity" | "energyPerTonne";
  readonly kind: "jump" | "out-of-range" | "unit";
  readonly message: string;
}

const FIELDS = ["emissionsTCO2ePerYr", "coalOutputT", "energyTce"] as const;
const UNIT_WORDS: Record<(typeof FIELDS)[number], string> = {
  emissionsTCO2ePerYr: "t CO2e",
  coalOutputT: "t",
  energyTce: "tce",
};
const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en") : x.toPrecision(3));

/** Warnings about `report`, compared with the mine's report of the year before (if any) and the ranges. */
export function plausibilityWarnings(
  report: ReportFigures,
  previous: ReportFigures | undefined,
  ranges: PlausibilityRanges = DEFAULT_PLAUSIBILITY_RANGES,
): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  if (previous && previous.year === report.year - 1)
    for (const f of FIELDS) {
      const before = previous[f];
      const now = report[f];
      if (!(before > 0 && now > 0)) continue;
      const r = now / before;
      // A ratio within a factor of 3 of 10⁴ or 10⁻⁴: the unit (t vs 10⁴ t) rather than the mine changed.
      if (Math.abs(Math.log10(r)) > 4 - Math.log10(3) && Math.abs(Math.log10(r)) < 4 + Math.log10(3))
        warnings.push({
          path: f,
          kind: "unit",
          message: `${fmt(now)} ${UNIT_WORDS[f]} is about 10${r > 1 ? "⁴" : "⁻⁴"} times ${report.year - 1}'s ${fmt(before)}: is it in ${UNIT_WORDS[f]}, not 10⁴ ${UNIT_WORDS[f]}?`,
        });
      else if (Math.abs(r - 1) > ranges.yearOnYearShare)
        warnings.push({
          path: f,
          kind: "jump",
          message: `${fmt(now)} ${UNIT_WORDS[f]} is ${r > 1 ? "up" : "down"} ${Math.round(Math.abs(r - 1) * 100)} % from ${report.year - 1}'s ${fmt(before)}: explain the change or correct it`,
        });
    }
  if (report.coalOutputT > 0) {
    const check = (
      path: "intensity" | "energyPerTonne",
      value: number,
      [lo, hi]: readonly [number, number],
      unit: string,
    ) => {
      if (value < lo || value > hi)
        warnings.push({
          path,
          kind: "out-of-range",
          message: `${value.toPrecision(3)} ${unit} is outside the range of similar mines (${lo}–${hi} ${unit}; ${ranges.source})`,
        });
    };
    check(
      "intensity",
      report.emissionsTCO2ePerYr / report.coalOutputT,
      ranges.intensityTCO2ePerT,
      "t CO2e per t of coal",
    );
    check("energyPerTonne", report.energyTce / report.coalOutputT, ranges.energyTcePerT, "tce per t of coal");
  }
  return warnings;
}
