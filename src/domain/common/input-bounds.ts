/**
 * The documented upper bounds on every input quantity, count, size and length (docs/input-bounds.md).
 *
 * Why bounds at all: a number that is a valid double can still be absurd (an energy use of 1e308 t
 * overflows to ∞ in the first product and is then stored as null and shown as 0), and a count that
 * is a valid integer can still take the machine (a billion Monte Carlo draws need 12 GiB). Each
 * bound is well above anything real — stated with the physical or practical reason — and well
 * below what overflows or stalls, so a value beyond it is a typing or unit mistake, refused at its
 * field with the bound in the message. The CLI's option parsers, the zod specs of the files and the
 * API all read these same constants.
 */

/** A bound on an input quantity: the largest value, its unit, and why nothing real exceeds it. */
export interface InputBound {
  readonly max: number;
  readonly unit: string;
  readonly why: string;
}

/** Bounds on physical quantities, each in the unit of the fields it applies to. */
export const QUANTITY_BOUNDS = {
  /** Every area: a mine's boundary, a land class, a reclamation, a structure class. */
  areaHa: {
    max: 9.6e8,
    unit: "ha",
    why: "the land area of China, 9.6 million km²",
  },
  /** Masses per year: coal output, gas, explosives, inputs, CCS and offsets (t or t CO2e). */
  massT: {
    max: 1e11,
    unit: "t",
    why: "more than the world's yearly coal output (8.7e9 t in 2023) and CO2 emissions (3.7e10 t in 2023)",
  },
  /** Gas volumes per year. */
  volumeM3: {
    max: 1e13,
    unit: "m³",
    why: "more than the world's yearly natural-gas production (4.1e12 m³ in 2023)",
  },
  /** An energy use in its carrier's unit (t, kg, 10^4 t, m³, kWh, MWh, 10^4 kWh, GJ, MJ): a first check. */
  energyAmount: {
    max: 1e15,
    unit: "in the carrier's unit",
    why: "more than the world's yearly primary energy in MJ (6.2e14 MJ in 2023), electricity in kWh (3e13 kWh) or coal in kg (8.7e12 kg)",
  },
  /** An energy use converted to standard coal with its own coefficient: the bound whatever its unit. */
  energyTce: {
    max: 1e11,
    unit: "tce",
    why: "about five times the world's yearly primary energy, 6.2e14 MJ or 2.1e10 tce in 2023",
  },
  /** Carbon stock per hectare (pool densities, the stock a reclaimed stand saturates at). */
  densityTCPerHa: {
    max: 1e4,
    unit: "t C/ha",
    why: "five times the densest forest carbon measured (mountain ash, about 1,900 t C/ha) and above deep peat soils",
  },
  /** Stand volume per hectare. */
  standVolumeM3PerHa: {
    max: 2e4,
    unit: "m³/ha",
    why: "twice the largest stand volumes recorded, in old coast-redwood forest",
  },
  /** A yearly flux per hectare, either sign (coefficients of the structure optimization). */
  fluxTCPerHaYr: {
    max: 1e6,
    unit: "t C/ha/yr",
    why: "ten times the largest point source per hectare (a 30 Mt CO2/yr power station on about 100 ha)",
  },
  /** Ages and spans of accumulation (stand age, accumulation years, regain curves). */
  spanYears: {
    max: 1e4,
    unit: "yr",
    why: "the length of the Holocene; no stand or soil accumulates carbon for longer",
  },
  /** Money: capital and yearly operating costs. */
  moneyCNY: {
    max: 1e15,
    unit: "CNY",
    why: "about eight times China's GDP (1.26e14 CNY in 2023)",
  },
  /** Prices of carbon and offsets. */
  priceCNYPerTCO2e: {
    max: 1e6,
    unit: "CNY/t CO2e",
    why: "about a thousand times the highest carbon price charged anywhere (about 1,200 CNY/t CO2e in 2024)",
  },
  /** Economic value of land (structure optimization), either sign. */
  valueCNYPerHaYr: {
    max: 1e10,
    unit: "CNY/ha/yr",
    why: "about fifty times the output per hectare of the densest business districts (about 2e8 CNY/ha/yr)",
  },
  /** Coefficients of a structure constraint's terms, either sign (ratios between class areas). */
  termCoefficient: {
    max: 1e6,
    unit: "",
    why: "a ratio between class areas beyond a million to one is a unit mistake",
  },
  /** Right-hand sides and tolerances of structure constraints, either sign. */
  constraintHa: {
    max: 1e15,
    unit: "ha",
    why: "the largest left-hand side the area and coefficient bounds allow (9.6e8 ha × 1e6)",
  },
  /** Factor values, lows and highs of the library and of --factors files, either sign. */
  factorValue: {
    max: 1e9,
    unit: "in the factor's unit",
    why: "factors are per unit of activity; the library's largest is 652,000 m³ CH4/mine/yr",
  },
  /** Yearly growth rate of a price, either sign (as a fraction). */
  growthPerYear: {
    max: 1,
    unit: "/yr",
    why: "±100 % a year; a price cannot fall below nothing, and doubling every year for centuries is no plan",
  },
  /** Chapman–Richards rate k. */
  growthRatePerYear: {
    max: 10,
    unit: "1/yr",
    why: "a stand at 1 − e^−10 of its maximum after one year already grows as fast as any",
  },
  /** Chapman–Richards shape c. */
  growthShape: {
    max: 100,
    unit: "",
    why: "published shape parameters lie between 1 and about 10",
  },
  /** Weights of a weighted objective. */
  objectiveWeight: {
    max: 1e6,
    unit: "",
    why: "only the ratio of the two weights matters",
  },
} as const satisfies Record<string, InputBound>;

/** Years an account can be about. */
export const YEAR_RANGE = { min: 1900, max: 2200 } as const;

/** Durations counted in whole years (ramps, lifetimes, reclamation programmes): the year range's span. */
export const MAX_WHOLE_YEARS = YEAR_RANGE.max - YEAR_RANGE.min;

/** Counts and lengths, each with why. */
export const COUNT_BOUNDS = {
  /**
   * Items in any list of an input (energy uses, gas amounts, sinks, areas, conversions, classes,
   * constraints, assumptions): a thousand rows is more than any one mine-year or budget file holds,
   * and keeps every computation over them (a pathway recomputes the inventory every year) quick.
   */
  listItems: 1000,
  /** Years in one inventory document: each year of the year range once. */
  inventoryYears: YEAR_RANGE.max - YEAR_RANGE.min + 1,
  /** Points of a coal-output path: one per year of the year range. */
  coalOutputPoints: YEAR_RANGE.max - YEAR_RANGE.min + 1,
  /** Measures of one scenario: each adds one inventory per projected year. */
  measures: 50,
  /** Scenarios compared at once (CLI and API). */
  scenarios: 8,
  /** Classes of a legend: national classifications have at most about 70 (GB/T 21010-2017: 73). */
  legendClasses: 1000,
  /** Percentiles asked of a Monte Carlo. */
  percentiles: 101,
  /** Files given to a repeatable file option (--factors, --scenario). */
  optionFiles: 50,
  /** Dated maps of one analysis (--map): decades of annual maps, e.g. CLCD 1985–2023 is 39. */
  maps: 100,
} as const;

/** Lengths of user text, in characters (UTF-16 code units). */
export const TEXT_BOUNDS = {
  /** Names, labels, keys, ids, units: one line. */
  name: 200,
  /** Descriptions, notes, assumptions, sources: a paragraph. */
  text: 2000,
  /**
   * A report title: one line on the report's first page (a 100,000-character title took minutes and
   * 4.3 GB to lay out as PDF). Shared by `report --title` and the report API.
   */
  reportTitle: 200,
} as const;

/**
 * The work of one pathway, in inventory rows computed (pathway-work.ts): base-year rows × projected
 * years × (1 + measures on activity data, and with draws 3 + draws ÷ DRAWS_PER_INVENTORY). Measured at
 * 4–6 µs a row on an idle core (the Yongning example, before draws were compiled: 1,000 draws over 37
 * years in 7.4 s; 1,000 energy rows × 51 inventories × 177
 * years in 48 s) and 11.6 µs on a 2-core machine busy with other work (6,000,000 rows in 69.5 s), so
 * 4,000,000 rows take about 20 s, under a minute when busy. `rowsPerInventory` is the fixed cost of one
 * inventory (checking the document, totals) counted as rows.
 */
export const WORK_BOUNDS = {
  pathwayRows: 4_000_000,
  rowsPerInventory: 10,
} as const;

/**
 * Monte Carlo draws (IPCC Approach 2). Budget: each draw is one pass over the areas and coefficients;
 * each reported figure's draws are kept and sorted (1e6 draws: about 2.5 s and 200 MB for Pingshuo's
 * figures; 1e9 passed 12 GiB). Pathway: each draw evaluates the scenario compiled once (compilePathway), about
 * 15 ns per base-year row and projected year, and keeps every year's net (50,000 draws × 100 years: 40 MB); its
 * draws are bounded with its other work too (WORK_BOUNDS, pathway-work.ts).
 */
export const DRAW_BOUNDS = {
  budget: 1_000_000,
  pathway: 50_000,
} as const;

/** Seeds: the generator (xoroshiro128+) takes 32 bits of the seed; larger seeds would repeat smaller ones. */
export const SEED_RANGE = { min: 0, max: 2 ** 32 - 1 } as const;

/**
 * Size of a text input file (YAML, JSON, CSV, GeoJSON), bytes: 64 MiB is far beyond any inventory,
 * scenario, budget, factor, legend or boundary file (the bounds on lists keep them to a few MB),
 * and reading it whole stays cheap.
 */
export const MAX_TEXT_FILE_BYTES = 64 * 2 ** 20;

/** Bounds on the run options of `landuse analyze` and `serve`. */
export const RUN_BOUNDS = {
  /**
   * Rows per block, a multiple of 16: 4,096 rows of a 65,536-pixel-wide map of 16-bit codes are
   * 512 MiB per date, the most one block should hold.
   */
  blockRows: { min: 16, max: 4096 },
  /** DEFLATE levels zlib knows. */
  deflateLevel: { min: 1, max: 9 },
  /** TCP ports; 0 asks the system for a free one. */
  port: { min: 0, max: 65535 },
  /** Largest map upload a server may accept, MiB (64 GiB: larger maps are tiled into several files). */
  maxUploadMb: { min: 1, max: 65536 },
  /**
   * Largest map a server may accept, pixels (from its header): 1e12 is 60 times the national 30 m
   * land-cover mosaic (about 1.6e10 px); the default (4e9) is in src/server/context.ts.
   */
  maxMapPixels: { min: 1, max: 1e12 },
  /** Host names a server may be told to answer to, besides the loopback names. */
  allowedHosts: { min: 0, max: 64 },
} as const;

/** A number as a bound is written in messages: grouped digits up to 1e12, else in exponent form. */
export function formatBound(n: number): string {
  return Math.abs(n) < 1e12 ? n.toLocaleString("en-US") : n.toExponential().replace("e+", "e");
}

/** The rule text of a bound: "must be ≤ 960,000,000 ha (the land area of China, 9.6 million km²)". */
export function boundRule(b: InputBound, signed = false): string {
  const unit = b.unit ? ` ${b.unit}` : "";
  return signed
    ? `must be between −${formatBound(b.max)} and ${formatBound(b.max)}${unit} (${b.why})`
    : `must be ≤ ${formatBound(b.max)}${unit} (${b.why})`;
}
