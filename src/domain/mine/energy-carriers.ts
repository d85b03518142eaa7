/**
 * The energy carriers an inventory can list, as data: the physical units each may be given in
 * (with the scale to the carrier's base unit), the factor that converts it to standard coal, and the
 * factors of each emission method. Electricity and heat are emitted off-site: their emission is
 * amount × an emission factor the inventory must name (grid factors come in several series).
 */
export interface EnergyCarrier {
  readonly name: string;
  readonly kind: "fuel" | "electricity" | "heat";
  readonly baseUnit: "t" | "m3" | "kWh" | "GJ";
  /** Physical unit → multiplier to the base unit. */
  readonly units: Readonly<Record<string, number>>;
  /** Standard-coal coefficient and the unit to read it in (tce per base unit). */
  readonly tce: { readonly factor: string; readonly unit: string };
  /** Carbon per tce (method carbon-per-tce), or null when no such coefficient is shipped. */
  readonly carbonPerTce: string | null;
  /** NCV, carbon content and oxidation rate (method ndrc-2015), or null when not shipped. */
  readonly ndrc: {
    readonly ncv: string;
    readonly ncvUnit: string;
    readonly cc: string;
    readonly of: string;
  } | null;
}

const MASS_UNITS = { t: 1, kg: 0.001, "10^4 t": 10_000 };
const liquid = (name: string, key: string, cpt: string | null): EnergyCarrier => ({
  name,
  kind: "fuel",
  baseUnit: "t",
  units: MASS_UNITS,
  tce: { factor: `cn.tce.${key}`, unit: "tce/t" },
  carbonPerTce: cpt,
  ndrc: { ncv: `cn.fuel.${key}.ncv`, ncvUnit: "GJ/t", cc: `cn.fuel.${key}.cc`, of: "cn.fuel.of.liquid" },
});

export const ENERGY_CARRIERS: Readonly<Record<string, EnergyCarrier>> = {
  "raw-coal": {
    name: "raw coal (原煤)",
    kind: "fuel",
    baseUnit: "t",
    units: MASS_UNITS,
    tce: { factor: "cn.tce.rawcoal", unit: "tce/t" },
    carbonPerTce: "cn.cpertce.rawcoal",
    ndrc: null,
  },
  "washed-coal": {
    name: "washed coal (洗精煤)",
    kind: "fuel",
    baseUnit: "t",
    units: MASS_UNITS,
    tce: { factor: "cn.tce.washedcoal", unit: "tce/t" },
    carbonPerTce: null,
    ndrc: {
      ncv: "cn.fuel.washedcoal.ncv",
      ncvUnit: "GJ/t",
      cc: "cn.fuel.washedcoal.cc",
      of: "cn.fuel.of.solid",
    },
  },
  coke: {
    name: "coke (焦炭)",
    kind: "fuel",
    baseUnit: "t",
    units: MASS_UNITS,
    tce: { factor: "cn.tce.coke", unit: "tce/t" },
    carbonPerTce: "cn.cpertce.coke",
    ndrc: { ncv: "cn.fuel.coke.ncv", ncvUnit: "GJ/t", cc: "cn.fuel.coke.cc", of: "cn.fuel.of.solid" },
  },
  "crude-oil": liquid("crude oil (原油)", "crude", "cn.cpertce.crude"),
  "fuel-oil": liquid("fuel oil (燃料油)", "fueloil", "cn.cpertce.fueloil"),
  gasoline: liquid("gasoline (汽油)", "gasoline", "cn.cpertce.gasoline"),
  kerosene: liquid("kerosene (煤油)", "kerosene", "cn.cpertce.kerosene"),
  diesel: liquid("diesel (柴油)", "diesel", "cn.cpertce.diesel"),
  lpg: liquid("liquefied petroleum gas (液化石油气)", "lpg", null),
  "natural-gas": {
    name: "natural gas (天然气)",
    kind: "fuel",
    baseUnit: "m3",
    units: { m3: 1, "10^4 m3": 10_000 },
    tce: { factor: "cn.tce.natgas", unit: "kgce/m3" },
    carbonPerTce: "cn.cpertce.natgas",
    ndrc: {
      ncv: "cn.fuel.natgas.ncv",
      ncvUnit: "GJ/10^4 Nm3",
      cc: "cn.fuel.natgas.cc",
      of: "cn.fuel.of.gas",
    },
  },
  electricity: {
    name: "electricity (电力)",
    kind: "electricity",
    baseUnit: "kWh",
    units: { kWh: 1, MWh: 1000, "10^4 kWh": 10_000 },
    tce: { factor: "cn.tce.elec_equiv", unit: "kgce/kWh" },
    carbonPerTce: null,
    ndrc: null,
  },
  heat: {
    name: "heat (热力)",
    kind: "heat",
    baseUnit: "GJ",
    units: { GJ: 1, MJ: 0.001 },
    tce: { factor: "cn.tce.heat", unit: "tce/GJ" },
    carbonPerTce: null,
    ndrc: null,
  },
};

/** The methods for the CO2 of fuel combustion. */
export const COMBUSTION_METHODS = ["carbon-per-tce", "ndrc-2015"] as const;
export type CombustionMethod = (typeof COMBUSTION_METHODS)[number];
