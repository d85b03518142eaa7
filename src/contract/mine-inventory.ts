import { z } from "zod";
import { FACTOR_STATUSES, type FactorStatus } from "../domain/factor/factor.ts";
import { ACTIVITY_KINDS } from "../domain/factor/uncertainty/uncertainty-default.ts";
import { SINK_READINGS } from "../domain/mine/ecosystems.ts";
import { GWP_SET_IDS, type GwpSetId } from "../domain/mine/gwp-sets.ts";
import type { MineInventory } from "../domain/mine/mine-inventory.ts";
import type { SourceComponent } from "../domain/mine/year-inventory.ts";
import { GAS_VOLUME_BASES } from "../units/gas-volume.ts";

/**
 * The computed inventory of a mine (the domain's MineInventory, seed 002 Eq. 1–12) as stored and
 * answered. Version 1. `mineInventoryMatchesDomain` below proves at compile time that this schema and
 * the domain type describe the same value, both ways: a field added to one and not the other fails
 * `tsc`.
 */
export const MINE_INVENTORY_VERSION = 1;

const tuple = <T extends string>(xs: readonly T[]) => xs as unknown as [T, ...T[]];
const factorStatus = z.enum(tuple<FactorStatus>(FACTOR_STATUSES));
const basis = z.enum(tuple(GAS_VOLUME_BASES));

const SOURCE_COMPONENTS = [
  "P_M industrial and mining land",
  "P_R residential land",
  "P_S road transport",
  "P_A agricultural land",
  "C_under underground",
  "open-pit mining",
  "methane recovery",
  "explosives",
] as const satisfies readonly SourceComponent[];

export const sourceLineSchema = z.object({
  component: z.enum(SOURCE_COMPONENTS),
  label: z.string(),
  tCO2ePerYr: z.number().meta({ "x-unit": "t CO2e/yr" }),
  tce: z.number().optional().meta({ "x-unit": "tce" }),
  gas: z.enum(["CO2", "CH4", "CH4+N2O"]),
  massT: z.number().optional(),
  ch4T: z.number().optional(),
  n2oT: z.number().optional(),
  capturableTCO2: z.number().optional().meta({ "x-unit": "t CO2/yr" }),
  detail: z.string(),
  factorIds: z.array(z.string()),
  share: z.number(),
});

export const sinkLineSchema = z.object({
  kind: z.enum(["forest", "ecosystem", "ccs"]),
  label: z.string(),
  areaHa: z.number().optional(),
  stockTC: z.number().optional(),
  stockTCO2e: z.number().optional(),
  sinkTCO2ePerYr: z.number(),
  woody: z.boolean().optional(),
  ageYears: z.number().optional(),
  growingStockTC: z.number().optional(),
  detail: z.string(),
  assumption: z.string().optional(),
  factorIds: z.array(z.string()),
});

const gasVolumeSchema = z.object({
  source: z.string(),
  gas: z.enum(["CH4", "CO2"]),
  volumeM3: z.number(),
  basis,
  densityKgPerM3: z.number(),
  densityFactorId: z.string(),
  massT: z.number(),
  given: z.enum(["volume", "mass weighed from a volume", "production factor in m³/t"]),
  other: z
    .object({
      basis,
      densityKgPerM3: z.number(),
      densityFactorId: z.string(),
      densityStatus: factorStatus,
      massT: z.number(),
    })
    .optional(),
});

export const yearInventorySchema = z.object({
  year: z.number().int(),
  boundaryAreaHa: z.number(),
  coalOutputT: z.number(),
  miningLandHa: z.number().optional(),
  sources: z.array(sourceLineSchema),
  sinks: z.array(sinkLineSchema),
  ccs: z.object({
    capturableTCO2: z.number(),
    parts: z.array(z.object({ label: z.string(), tCO2: z.number() })),
    note: z.string(),
  }),
  gasVolumes: z.array(gasVolumeSchema),
  warnings: z.array(z.string()),
  methane: z.object({
    gwpCH4: z.number(),
    undergroundLiberatedTCH4: z.number(),
    postMiningTCH4: z.number(),
    openPitTCH4: z.number(),
    utilisedTCH4: z.number(),
    flaredTCH4: z.number(),
    flareDestroyedTCH4: z.number(),
    vamOxidisedTCH4: z.number(),
    vamDestroyedTCH4: z.number(),
    emittedTCH4: z.number(),
  }),
  totals: z.object({
    energyTce: z.number(),
    aboveGroundTCO2ePerYr: z.number(),
    undergroundTCO2ePerYr: z.number(),
    otherTCO2ePerYr: z.number(),
    grossEmissionTCO2ePerYr: z.number(),
    sinkTCO2ePerYr: z.number(),
    ccsTCO2ePerYr: z.number(),
    offsetsSoldTCO2e: z.number(),
    offsetsBoughtTCO2e: z.number(),
    balanceTCO2ePerYr: z.number(),
    neutral: z.boolean(),
    gapTCO2ePerYr: z.number(),
  }),
  intensity: z.object({
    grossTCO2ePerTCoal: z.number().nullable(),
    balanceTCO2ePerTCoal: z.number().nullable(),
    grossTCO2ePerHa: z.number(),
    balanceTCO2ePerHa: z.number(),
    energyTcePerTCoal: z.number().nullable(),
  }),
});

const approach1 = z.object({
  pct: z.number().nullable(),
  low: z.number(),
  high: z.number(),
  valid: z.boolean(),
  lognormal: z.boolean(),
});
const approach2 = z.object({
  mean: z.number(),
  median: z.number(),
  low: z.number(),
  high: z.number(),
  lowPct: z.number().nullable(),
  highPct: z.number().nullable(),
  pct: z.number().nullable(),
  percentiles: z.record(z.string(), z.number()).optional(),
});
const exactInput = z.object({ key: z.string(), label: z.string(), reason: z.string() });

export const uncertaintyAnalysisSchema = z.object({
  method: z.string(),
  sampling: z.string(),
  draws: z.number(),
  seed: z.number(),
  keptDraws: z.number(),
  rejectedDraws: z.number(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string(),
      value: z.number(),
      approach1,
      approach2: approach2.nullable(),
    }),
  ),
  inputs: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["activity", "factor"]),
      label: z.string(),
      value: z.number(),
      unit: z.string(),
      lowPct: z.number(),
      highPct: z.number(),
      basis: z.enum(["input", "range", "default", "definition", "convention", "none"]),
      defaultId: z.string().optional(),
      source: z.string(),
      status: factorStatus.optional(),
      activityKind: z.enum(ACTIVITY_KINDS).optional(),
    }),
  ),
  takenAsExact: z.array(exactInput),
  exactByDefinition: z.array(exactInput),
  warnings: z.array(z.string()),
});

export const factorUseSchema = z.object({
  id: z.string(),
  quantity: z.string(),
  value: z.number(),
  low: z.number().optional(),
  high: z.number().optional(),
  unit: z.string(),
  source: z.string(),
  table: z.string(),
  status: factorStatus,
  overridden: z.boolean(),
  origin: z.string(),
});

export const factorOverrideSchema = z.object({
  id: z.string(),
  libraryValue: z.number(),
  libraryUnit: z.string(),
  value: z.number(),
  unit: z.string(),
  origin: z.string(),
});

/** A mine's inventory over its years and the balance of seed 002 Eq. 1 over them. */
export const mineInventorySchema = z.object({
  mine: z.string(),
  location: z.string().optional(),
  gwp: z.object({
    set: z.enum(tuple<GwpSetId>(GWP_SET_IDS)),
    report: z.string(),
    ch4: z.number(),
    factorId: z.string(),
    n2o: z.number(),
    n2oFactorId: z.string(),
  }),
  sinkReading: z.object({ id: z.enum(SINK_READINGS), meaning: z.string() }),
  combustionMethod: z.string(),
  assumptions: z.array(z.string()),
  years: z.array(yearInventorySchema),
  balance: z.object({
    years: z.array(z.number()),
    grossEmissionTCO2e: z.number(),
    sinkAndCcsTCO2e: z.number(),
    offsetsSoldTCO2e: z.number(),
    offsetsBoughtTCO2e: z.number(),
    totalTCO2e: z.number(),
    neutral: z.boolean(),
    gapTCO2e: z.number(),
  }),
  uncertainty: uncertaintyAnalysisSchema.nullable(),
  factors: z.object({
    libraryVersion: z.string(),
    used: z.array(factorUseSchema),
    overrides: z.array(factorOverrideSchema),
  }),
  warnings: z.array(z.string()),
});

export type MineInventoryRecord = z.infer<typeof mineInventorySchema>;

// Compile-time proof that the schema and the domain type agree, both ways (readonly aside).
type DeepMutable<T> = T extends (infer U)[]
  ? DeepMutable<U>[]
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** True exactly when `mineInventorySchema` and the domain's `MineInventory` describe the same value. */
export const mineInventoryMatchesDomain: Same<DeepMutable<MineInventory>, MineInventoryRecord> = true;
