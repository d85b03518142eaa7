import { tCH4, type TonnesCH4 } from "./gas.ts";

/**
 * The reference conditions a gas volume was measured or reported at. They change the density:
 * - `ipcc-20C`: 20 °C and 1 atm, IPCC 2006 Vol. 2 Ch. 4 (CH4 0.67 kg/m³);
 * - `cn-stp-0C`: 0 °C and 101.325 kPa, the standard conditions of Chinese reporting (CH4 ≈ 0.717 kg/m³).
 */
export type GasVolumeBasis = "ipcc-20C" | "cn-stp-0C";

/** The gas-volume bases MineCarbon knows. */
export const GAS_VOLUME_BASES: readonly GasVolumeBasis[] = ["ipcc-20C", "cn-stp-0C"];

/** A methane volume in m³, with the conditions it is expressed at. */
export interface MethaneVolume {
  readonly m3: number;
  readonly basis: GasVolumeBasis;
}

/** A gas density in kg/m³ at stated conditions, with the factor it came from. */
export interface GasDensity {
  readonly kgPerM3: number;
  readonly basis: GasVolumeBasis;
  readonly factorId: string;
}

/** Thrown when a volume and a density refer to different reference conditions. */
export class GasBasisMismatchError extends Error {
  readonly code = "gas-basis-mismatch";
}

/** Methane mass (t CH4) of a volume at its stated conditions, using a density at the same conditions. */
export function methaneMass(volume: MethaneVolume, density: GasDensity): TonnesCH4 {
  if (volume.basis !== density.basis) {
    throw new GasBasisMismatchError(
      `a methane volume at ${volume.basis} cannot be weighed with a density at ${density.basis} (${density.factorId}); use the density for ${volume.basis}`,
    );
  }
  return tCH4((volume.m3 * density.kgPerM3) / 1000);
}
