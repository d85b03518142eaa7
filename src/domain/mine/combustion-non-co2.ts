/**
 * The CH4 and N2O of fuel combustion (IPCC 2006 Vol. 2): per unit of energy (kg/TJ, net calorific
 * value), by how the fuel is burned and where. Data, not a `switch`: each fuel carrier has an IPCC fuel
 * class, and each (use, sector, class) has its factor pair in the library.
 *
 * - `stationary`: boilers, furnaces, generators. On industrial and mining land the mine's own fuel use
 *   is "other energy industries" (IPCC 1.A.1.c.ii covers fuel used for coal mining): Table 2.2;
 *   residential and agricultural stationary sources: Table 2.5.
 * - `off-road`: mining and agricultural machinery (Vol. 2 Ch. 3 Table 3.3.1). Diesel burned by mining
 *   machinery emits about 48 times the N2O of diesel burned in a boiler (28.6 against 0.6 kg/TJ).
 * - `road`: road vehicles (Vol. 2 Ch. 3 Table 3.2.2).
 */
export const COMBUSTION_USES = ["stationary", "off-road", "road"] as const;
export type CombustionUse = (typeof COMBUSTION_USES)[number];

/** The part of the inventory an energy use is listed under, which picks the stationary table. */
export type CombustionSector = "mining" | "residential" | "transport" | "agricultural";

/** The IPCC fuel class of a fuel carrier: the stationary tables give one factor pair per class. */
export type FuelClass = "coal" | "oil" | "gas" | "lpg";

/** IPCC fuel class and engine fuel (for the mobile tables) of each fuel carrier. */
export const FUEL_CLASSES: Readonly<
  Record<string, { readonly fuelClass: FuelClass; readonly motorFuel?: "diesel" | "gasoline" }>
> = {
  "raw-coal": { fuelClass: "coal" },
  "washed-coal": { fuelClass: "coal" },
  coke: { fuelClass: "coal" },
  "crude-oil": { fuelClass: "oil" },
  "fuel-oil": { fuelClass: "oil" },
  gasoline: { fuelClass: "oil", motorFuel: "gasoline" },
  kerosene: { fuelClass: "oil" },
  diesel: { fuelClass: "oil", motorFuel: "diesel" },
  lpg: { fuelClass: "lpg" },
  "natural-gas": { fuelClass: "gas" },
};

/** A pair of factor ids (kg CH4/TJ, kg N2O/TJ) and the table they come from. */
export interface NonCO2Factors {
  readonly ch4: string;
  readonly n2o: string;
  readonly table: string;
}

const STATIONARY_MINING: Readonly<Record<FuelClass, NonCO2Factors>> = {
  coal: {
    ch4: "ipcc06.fuel.coal.ch4.energy",
    n2o: "ipcc06.fuel.coal.n2o",
    table: "IPCC 2006 Vol. 2 Table 2.2 (energy industries, 1.A.1.c.ii: fuel used for coal mining)",
  },
  oil: {
    ch4: "ipcc06.comb.energy.oil.ch4",
    n2o: "ipcc06.comb.energy.oil.n2o",
    table: "IPCC 2006 Vol. 2 Table 2.2 (energy industries, 1.A.1.c.ii: fuel used for coal mining)",
  },
  gas: {
    ch4: "ipcc06.fuel.natgas.ch4.energy",
    n2o: "ipcc06.fuel.natgas.n2o",
    table: "IPCC 2006 Vol. 2 Table 2.2 (energy industries, 1.A.1.c.ii: fuel used for coal mining)",
  },
  lpg: {
    ch4: "ipcc06.comb.energy.lpg.ch4",
    n2o: "ipcc06.comb.energy.lpg.n2o",
    table: "IPCC 2006 Vol. 2 Table 2.2 (energy industries, 1.A.1.c.ii: fuel used for coal mining)",
  },
};

const residential = (c: FuelClass): NonCO2Factors => ({
  ch4: `ipcc06.comb.residential.${c}.ch4`,
  n2o: `ipcc06.comb.residential.${c}.n2o`,
  table: "IPCC 2006 Vol. 2 Table 2.5 (residential; agriculture, forestry and fishing)",
});

/**
 * The default use of a fuel where the input names none: listed under transport, a road vehicle;
 * diesel and gasoline elsewhere, machinery (off-road); every other fuel, stationary.
 */
export function defaultCombustionUse(carrier: string, sector: CombustionSector): CombustionUse {
  if (sector === "transport") return "road";
  return FUEL_CLASSES[carrier]?.motorFuel ? "off-road" : "stationary";
}

/** The shipped CH4 and N2O factors for a fuel burned in this use and sector, or undefined when none are shipped. */
export function nonCO2Factors(
  carrier: string,
  use: CombustionUse,
  sector: CombustionSector,
): NonCO2Factors | undefined {
  const cls = FUEL_CLASSES[carrier];
  if (!cls) return undefined;
  if (use === "stationary") {
    if (sector === "mining") return STATIONARY_MINING[cls.fuelClass];
    if (sector === "residential" || sector === "agricultural") return residential(cls.fuelClass);
    return undefined;
  }
  if (use === "off-road") {
    if (cls.motorFuel === "diesel")
      return {
        ch4: "ipcc06.comb.offroad.diesel.ch4",
        n2o: "ipcc06.comb.offroad.diesel.n2o",
        table: "IPCC 2006 Vol. 2 Table 3.3.1 (off-road machinery)",
      };
    if (cls.motorFuel === "gasoline") {
      const ctx = sector === "agricultural" ? "agriculture" : "industry";
      return {
        ch4: `ipcc06.comb.offroad.gasoline4.${ctx}.ch4`,
        n2o: `ipcc06.comb.offroad.gasoline4.${ctx}.n2o`,
        table: `IPCC 2006 Vol. 2 Table 3.3.1 (off-road machinery, 4-stroke, ${ctx})`,
      };
    }
    return undefined;
  }
  const road: Partial<Record<string, string>> = {
    diesel: "diesel",
    gasoline: "gasoline",
    "natural-gas": "natgas",
    lpg: "lpg",
  };
  const key = road[carrier];
  return key
    ? {
        ch4: `ipcc06.comb.road.${key}.ch4`,
        n2o: `ipcc06.comb.road.${key}.n2o`,
        table: "IPCC 2006 Vol. 2 Table 3.2.2 (road transport)",
      }
    : undefined;
}

/** Energy of one tonne of standard coal (GJ NCV), to read per-energy factors against tce. */
export const GJ_PER_TCE_FACTOR = "const.gj_per_tce";
