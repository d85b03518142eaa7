/**
 * The units a factor may be written in, each with its dimension and its scale to that dimension's
 * reference unit. Two units convert into each other only when their dimensions agree; anything else
 * is an error, never a guess. Data, not a `switch` — add a unit here and every reader knows it.
 */
export interface FactorUnit {
  readonly dimension: string;
  /** Multiply a value in this unit by `scale` to get it in the dimension's reference unit. */
  readonly scale: number;
}

export const FACTOR_UNITS: Readonly<Record<string, FactorUnit>> = {
  // dimensionless
  fraction: { dimension: "1", scale: 1 },
  ratio: { dimension: "1", scale: 1 },
  "%": { dimension: "1", scale: 0.01 },
  "t CO2e/t CH4": { dimension: "1", scale: 1 },
  "t CO2e/t N2O": { dimension: "1", scale: 1 },
  "t CO2/t CH4": { dimension: "1", scale: 1 },
  "t CO2/t C": { dimension: "1", scale: 1 },
  "t C/t d.m.": { dimension: "1", scale: 1 },
  // land-use coefficients: yearly flux per area
  "t C/(ha·a)": { dimension: "tC/ha/yr", scale: 1 },
  "t CO2/(ha·a)": { dimension: "tCO2/ha/yr", scale: 1 },
  // seed 000 Table 1 prints t/hm²·a without saying whether C or CO2: its own dimension, read explicitly
  "t/(ha·a) unstated C or CO2": { dimension: "t?/ha/yr", scale: 1 },
  // stocks per area
  "t C/ha": { dimension: "tC/ha", scale: 1 },
  "t/ha": { dimension: "t/ha", scale: 1 },
  "t/m3": { dimension: "t/m3", scale: 1 },
  "m3/ha": { dimension: "m3/ha", scale: 1 },
  // energy conversion to standard coal
  "tce/t": { dimension: "tce/t", scale: 1 },
  "kgce/kg": { dimension: "tce/t", scale: 1 },
  "tce/10^4 kWh": { dimension: "tce/kWh", scale: 1e-4 },
  "kgce/kWh": { dimension: "tce/kWh", scale: 1e-3 },
  "kgce/m3": { dimension: "tce/m3", scale: 1e-3 },
  "tce/10^4 m3": { dimension: "tce/m3", scale: 1e-4 },
  "kgce/MJ": { dimension: "tce/GJ", scale: 1 },
  "tce/GJ": { dimension: "tce/GJ", scale: 1 },
  "t C/tce": { dimension: "tC/tce", scale: 1 },
  "GJ/tce": { dimension: "GJ/tce", scale: 1 },
  // calorific values and carbon contents
  "GJ/t": { dimension: "GJ/t", scale: 1 },
  "TJ/Gg": { dimension: "GJ/t", scale: 1 },
  "GJ/10^4 Nm3": { dimension: "GJ/m3", scale: 1e-4 },
  "t C/GJ": { dimension: "tC/GJ", scale: 1 },
  "kg CO2/TJ": { dimension: "tCO2/GJ", scale: 1e-6 },
  "kg CH4/TJ": { dimension: "tCH4/GJ", scale: 1e-6 },
  "kg N2O/TJ": { dimension: "tN2O/GJ", scale: 1e-6 },
  "t CO2/GJ": { dimension: "tCO2/GJ", scale: 1 },
  // electricity
  "t CO2/MWh": { dimension: "tCO2/kWh", scale: 1e-3 },
  "kg CO2/kWh": { dimension: "tCO2/kWh", scale: 1e-3 },
  // gas densities
  "kg/m3": { dimension: "t/m3 gas", scale: 1e-3 },
  "t/m3 gas": { dimension: "t/m3 gas", scale: 1 },
  "t/10^4 Nm3": { dimension: "t/m3 gas", scale: 1e-4 },
  // coal-mining methane
  "m3 CH4/t": { dimension: "m3CH4/t", scale: 1 },
  "kg CH4/t": { dimension: "tCH4/t", scale: 1e-3 },
  "m3 CH4/mine/yr": { dimension: "m3CH4/mine/yr", scale: 1 },
  m: { dimension: "m", scale: 1 },
  "1/yr": { dimension: "1/yr", scale: 1 },
  yr: { dimension: "yr", scale: 1 },
  "m3 CH4/day": { dimension: "m3CH4/day", scale: 1 },
  // explosives
  "t CO2/t": { dimension: "tCO2/t", scale: 1 },
  // land needed per coal output
  "ha/10^4 t": { dimension: "ha/t", scale: 1e-4 },
  // prices
  "CNY/t CO2e": { dimension: "CNY/tCO2e", scale: 1 },
};

/** True when `unit` is in the registry. */
export function isFactorUnit(unit: string): boolean {
  return Object.hasOwn(FACTOR_UNITS, unit);
}

/** The factor to multiply a value in `from` by to express it in `to`, or undefined when the dimensions differ. */
export function unitConversion(from: string, to: string): number | undefined {
  const a = FACTOR_UNITS[from];
  const b = FACTOR_UNITS[to];
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  return a.scale / b.scale;
}
