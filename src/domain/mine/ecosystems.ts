import {
  carbonFluxToCO2e,
  carbonStockOverYears,
  tCPerYr,
  type TonnesC,
  type TonnesCO2ePerYear,
} from "../../units/carbon.ts";
import { years } from "../../units/time.ts";

/**
 * The non-forest ecosystems of seed 002 Eq. 10–12: their per-area carbon (a stock, t C/ha) and how
 * IPCC Tier 1 reads their yearly change. `woody` ecosystems (shrub) accumulate carbon in perennial
 * woody biomass like a forest stand; the others are annual crops and grass, whose yearly change
 * under unchanged use is taken from `tier1` (the factors, t C/ha/yr, that add up to it).
 */
export const ECOSYSTEMS: Readonly<
  Record<
    string,
    {
      name: string;
      density: string;
      equation: string;
      woody: boolean;
      /**
       * A woody ecosystem's biomass carbon per hectare (t C/ha), without its soil: what grows, and
       * under `ipcc-tier1` the only part read as a yearly sink (stock ÷ age).
       */
      biomass?: string;
      /** Tier 1 yearly change per hectare (biomass, soil): factor ids in t C/(ha·a). */
      tier1?: readonly string[];
      tier1Reading?: string;
    }
  >
> = {
  farmland: {
    name: "farmland (corn, millet, legumes)",
    density: "seed002.farmland.total",
    equation: "Eq. 10",
    woody: false,
    tier1: ["ipcc06.afolu.cropland_annual.biomass_change", "ipcc06.afolu.soc_change.unchanged_management"],
    tier1Reading:
      "no net sink: annual crops lose in harvest what they grow in the year (IPCC 2006 Vol. 4 Ch. 5 §5.2.1) and soil carbon under unchanged use and management does not change (Vol. 4 Ch. 2 Eq. 2.25)",
  },
  // 37.47 t C/ha = 36.26 in the plants + 1.21 in the soil (seed 002 Eq. 11).
  shrub: {
    name: "shrub forest",
    density: "seed002.shrub.total",
    biomass: "seed002.shrub.plant",
    equation: "Eq. 11",
    woody: true,
  },
  grassland: {
    name: "grassland",
    density: "seed002.grassland.total",
    equation: "Eq. 12",
    woody: false,
    tier1: [
      "ipcc06.afolu.grassland_remaining.biomass_change",
      "ipcc06.afolu.soc_change.unchanged_management",
    ],
    tier1Reading:
      "no net sink: IPCC Tier 1 assumes no change in the biomass of grassland remaining grassland (Vol. 4 Ch. 6 §6.2.1.1) and none in its soil carbon under unchanged use and management (Vol. 4 Ch. 2 Eq. 2.25)",
  },
};

/**
 * Soil carbon's yearly change under unchanged use and management (IPCC 2006 Vol. 4 Ch. 2 Eq. 2.25: 0):
 * under `ipcc-tier1` the soil under woody stands, like that of farmland and grassland, is no yearly sink.
 */
export const SOIL_UNCHANGED = "ipcc06.afolu.soc_change.unchanged_management";

/**
 * How a carbon density becomes a yearly sink:
 * - `ipcc-tier1`: IPCC 2006 Tier 1 for farmland and grassland under unchanged use: no net sink (their
 *   carbon is a stock, not a flux); woody stands (forest, shrub): their biomass carbon ÷ stand age, the
 *   mean annual increment since establishment — not Tier 1's gain–loss method with default growth
 *   rates — and their soil carbon no yearly sink (unchanged use, Eq. 2.25);
 * - `annual-increment`: every stock ÷ the years it took to accumulate, as the input states them
 *   (farmland, grassland included);
 * - `seed002-density-as-annual`: the paper's reading, each density counted as a yearly sink.
 */
export const SINK_READINGS = ["ipcc-tier1", "annual-increment", "seed002-density-as-annual"] as const;
export type SinkReading = (typeof SINK_READINGS)[number];

export const SINK_READING_TEXT: Readonly<Record<SinkReading, string>> = {
  "ipcc-tier1":
    "IPCC 2006 Tier 1 for farmland and grassland whose use does not change: no net sink (annual crops and grass lose each year what they grow; soil carbon is unchanged); woody stands (forest, shrub): their biomass carbon ÷ stand age, a mean annual increment since establishment (not IPCC Tier 1's gain–loss method with default growth rates, Vol. 4 Tables 4.9–4.12), their soil carbon held as a stock with no yearly change",
  "annual-increment":
    "annual increment: each carbon stock divided by the years it took to accumulate (stand age or accumulation years), farmland and grassland included",
  "seed002-density-as-annual":
    "seed 002's reading: each carbon density (t C/ha) counted as a yearly sink (t C/ha/yr), i.e. every stock turned into a yearly flux over one year; overstates a yearly sink by the stand age",
};

/**
 * Said with every result that reads woody stands under `ipcc-tier1`: what their yearly sink is, and is not.
 */
export const WOODY_MEAN_INCREMENT_NOTE =
  "woody stands (forest stands, shrub) are read as a mean annual increment — their biomass carbon ÷ stand age since establishment, which takes their growth as even over their age — not IPCC Tier 1's gain–loss method with default growth rates (IPCC 2006 Vol. 4 Ch. 4 Tables 4.9–4.12); their soil carbon is held as a stock and counts no yearly sink (unchanged use, Vol. 4 Ch. 2 Eq. 2.25)";

/**
 * The yearly sink (t CO2e/yr) of a carbon stock accumulated over `accumulationYears`: the stock
 * divided by them (the explicit stock → flux conversion of `src/units`), or under
 * `seed002-density-as-annual` the stock itself taken as a yearly flux — the one place that happens,
 * by name.
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
