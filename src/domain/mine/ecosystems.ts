import {
  carbonFluxToCO2e,
  carbonStockOverYears,
  tCPerYr,
  type TonnesC,
  type TonnesCO2ePerYear,
} from "../../units/carbon.ts";
import { years } from "../../units/time.ts";

/** Per-area carbon of the non-forest ecosystems of seed 002 Eq. 10–12, as factor ids (t C/ha). */
export const ECOSYSTEMS: Readonly<Record<string, { name: string; density: string; equation: string }>> = {
  farmland: {
    name: "farmland (corn, millet, legumes)",
    density: "seed002.farmland.total",
    equation: "Eq. 10",
  },
  shrub: { name: "shrub forest", density: "seed002.shrub.total", equation: "Eq. 11" },
  grassland: { name: "grassland", density: "seed002.grassland.total", equation: "Eq. 12" },
};

/**
 * How a carbon density becomes a yearly sink:
 * - `annual-increment`: stock ÷ the years it took to accumulate (stand age, accumulation years) —
 *   a stock is never counted as a yearly flux without that stated conversion;
 * - `seed002-density-as-annual`: the paper's reading, each density counted as a yearly sink.
 */
export const SINK_READINGS = ["annual-increment", "seed002-density-as-annual"] as const;
export type SinkReading = (typeof SINK_READINGS)[number];

export const SINK_READING_TEXT: Readonly<Record<SinkReading, string>> = {
  "annual-increment":
    "annual increment: each carbon stock divided by the years it took to accumulate (stand age or accumulation years)",
  "seed002-density-as-annual":
    "seed 002's reading: each carbon density (t C/ha) counted as a yearly sink (t C/ha/yr); overstates a yearly sink by the stand age",
};

/**
 * The yearly sink (t CO2e/yr) of a carbon stock under a reading: `annual-increment` divides the stock
 * by the years it took to accumulate (the explicit stock → flux conversion of `src/units`);
 * `seed002-density-as-annual` is the one place a stock is taken as a yearly flux, by name.
 */
export function yearlySink(
  stock: TonnesC,
  reading: SinkReading,
  accumulationYears: number | undefined,
): TonnesCO2ePerYear {
  if (reading === "seed002-density-as-annual") return carbonFluxToCO2e(tCPerYr(stock));
  if (accumulationYears === undefined)
    throw new Error("internal: accumulation years are checked by parseInventoryInput");
  return carbonFluxToCO2e(carbonStockOverYears(stock, years(accumulationYears)));
}
