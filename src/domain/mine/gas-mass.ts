import { GAS_VOLUME_BASES, methaneMass, type GasVolumeBasis } from "../../units/gas-volume.ts";
import type { FactorStatus } from "../factor/factor.ts";
import { FactorLookupError, type FactorTable } from "../factor/factor-table.ts";
import { unitConversion } from "../factor/factor-units.ts";
import type { GasAmountInput } from "./inventory-spec.ts";

/** The default density factor per gas and volume basis. */
export const DEFAULT_GAS_DENSITY: Readonly<Record<"CH4" | "CO2", Partial<Record<string, string>>>> = {
  CH4: { "ipcc-20C": "ipcc06.coal.ch4_density", "cn-stp-0C": "cn.ndrc2015.coal.ch4_density_stp" },
  CO2: { "cn-stp-0C": "cn.ndrc2015.coal.co2_density_stp" },
};

/** The gas-volume bases, for checking a factor's `basis` column. */
export const GAS_VOLUME_BASIS_SET: ReadonlySet<string> = new Set(GAS_VOLUME_BASES);

/** Words for a basis in output. */
export const GAS_VOLUME_BASIS_TEXT: Readonly<Record<GasVolumeBasis, string>> = {
  "ipcc-20C": "20 °C and 1 atm (IPCC 2006)",
  "cn-stp-0C": "0 °C and 101.325 kPa (Chinese standard conditions)",
};

/**
 * A gas volume as the inventory read it — at which conditions, with which density — and what the
 * same volume weighs at the other conditions: a volume's basis is never a silent choice.
 */
export interface GasVolumeReading {
  readonly source: string;
  readonly gas: "CH4" | "CO2";
  readonly volumeM3: number;
  readonly basis: GasVolumeBasis;
  readonly densityKgPerM3: number;
  readonly densityFactorId: string;
  readonly massT: number;
  /** How the volume came in: measured and given, weighed by the source, or output × a factor in m³/t. */
  readonly given: "volume" | "mass weighed from a volume" | "production factor in m³/t";
  /**
   * The same volume at the other basis with its shipped density, when one is shipped. It is shown,
   * not used: the density is looked up without being recorded among the factors the result used.
   */
  readonly other?: {
    readonly basis: GasVolumeBasis;
    readonly densityKgPerM3: number;
    readonly densityFactorId: string;
    readonly densityStatus: FactorStatus;
    readonly massT: number;
  };
}

/** The density (kg/m³) at `basis`: the given factor or the default; a factor at other conditions is refused. */
export function gasDensity(
  gas: "CH4" | "CO2",
  basis: GasVolumeBasis,
  given: string | undefined,
  table: FactorTable,
): { id: string; kgPerM3: number } {
  const id = given ?? DEFAULT_GAS_DENSITY[gas][basis];
  if (!id) {
    throw new FactorLookupError(
      `no shipped ${gas} density for volumes at ${basis}; give densityFactor with a density at ${basis}`,
    );
  }
  const f = table.value(id, "kg/m3");
  if (f.factor.basis !== basis) {
    throw new FactorLookupError(
      `density factor ${id} is at ${f.factor.basis}, but the volume is at ${basis}; use a density at ${basis}`,
    );
  }
  return { id, kgPerM3: f.value };
}

/**
 * The reading of `volumeM3` at `basis` and, when a density at the other basis is shipped, what the
 * same volume would weigh there (e.g. seed 002's 647.96 t CH4 at 0.67 kg/m³ is 693.4 t at 0.717).
 */
export function gasVolumeReading(
  source: string,
  gas: "CH4" | "CO2",
  volumeM3: number,
  basis: GasVolumeBasis,
  density: { id: string; kgPerM3: number },
  given: GasVolumeReading["given"],
  table: FactorTable,
): GasVolumeReading {
  const otherBasis = GAS_VOLUME_BASES.find((b) => b !== basis)!;
  const otherId = DEFAULT_GAS_DENSITY[gas][otherBasis];
  const f = otherId ? table.peek(otherId) : undefined;
  const k = f ? unitConversion(f.unit, "kg/m3") : undefined;
  const other =
    f && k !== undefined && f.basis === otherBasis
      ? {
          basis: otherBasis,
          densityKgPerM3: f.value * k,
          densityFactorId: f.id,
          densityStatus: f.status,
          massT: (volumeM3 * f.value * k) / 1000,
        }
      : undefined;
  return {
    source,
    gas,
    volumeM3,
    basis,
    densityKgPerM3: density.kgPerM3,
    densityFactorId: density.id,
    massT: (volumeM3 * density.kgPerM3) / 1000,
    given,
    ...(other ? { other } : {}),
  };
}

/**
 * Mass (t) of a gas amount given as a mass, or as a volume at stated conditions weighed with a density
 * at the same conditions (IPCC 0.67 kg/m³ at 20 °C; Chinese standard conditions at 0 °C). A density
 * factor whose basis differs from the volume's is an error, never a silent mix. A volume — given, or
 * behind a mass the source weighed (`weighedAt`) — comes back with its reading at both bases.
 */
export function gasMassT(
  amount: GasAmountInput,
  gas: "CH4" | "CO2",
  table: FactorTable,
  source: string = gas,
): { massT: number; factorIds: string[]; how: string; reading?: GasVolumeReading } {
  if ("massT" in amount) {
    if (!amount.weighedAt) return { massT: amount.massT, factorIds: [], how: "mass as given" };
    const d = gasDensity(gas, amount.weighedAt.basis, amount.weighedAt.densityFactor, table);
    const volumeM3 = (amount.massT * 1000) / d.kgPerM3;
    return {
      massT: amount.massT,
      factorIds: [d.id],
      how: `mass as given, weighed from ${round(volumeM3)} m³ at ${amount.weighedAt.basis} × ${d.kgPerM3} kg/m³`,
      reading: gasVolumeReading(
        source,
        gas,
        volumeM3,
        amount.weighedAt.basis,
        d,
        "mass weighed from a volume",
        table,
      ),
    };
  }
  const d = gasDensity(gas, amount.basis, amount.densityFactor, table);
  const massT =
    gas === "CH4"
      ? methaneMass(
          { m3: amount.volumeM3, basis: amount.basis },
          { kgPerM3: d.kgPerM3, basis: amount.basis, factorId: d.id },
        )
      : (amount.volumeM3 * d.kgPerM3) / 1000;
  return {
    massT,
    factorIds: [d.id],
    how: `${amount.volumeM3} m³ at ${amount.basis} × ${d.kgPerM3} kg/m³`,
    reading: gasVolumeReading(source, gas, amount.volumeM3, amount.basis, d, "volume", table),
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
