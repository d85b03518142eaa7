import { z } from "zod";
import { GAS_VOLUME_BASES } from "../../units/gas-volume.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { unitConversion } from "../factor/factor-units.ts";
import { boundRule, COUNT_BOUNDS, QUANTITY_BOUNDS, TEXT_BOUNDS } from "../common/input-bounds.ts";
import { amountUpTo, boundedList, calendarYear, positiveUpTo } from "../validation/bounded-number.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { userText } from "../validation/user-text.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import { COMBUSTION_METHODS, ENERGY_CARRIERS } from "./energy-carriers.ts";
import { DEFAULT_GAS_DENSITY } from "./gas-mass.ts";
import { ECOSYSTEMS, SINK_READINGS } from "./ecosystems.ts";
import { GWP_SET_IDS } from "./gwp-sets.ts";
import { TREE_SPECIES } from "./tree-species.ts";

const { areaHa, massT, volumeM3, energyAmount, standVolumeM3PerHa, spanYears } = QUANTITY_BOUNDS;
const mass = amountUpTo(massT);
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const factorId = name();
const list = <T extends z.ZodType>(item: T) => boundedList(item);
// A stock read as a yearly sink is divided by these years: less than one year is not a yearly sink.
const yearsOfGrowth = () =>
  z
    .number()
    .min(1, { error: "must be ≥ 1 year (the stock is divided by it to give a yearly sink)" })
    .max(spanYears.max, { error: boundRule(spanYears) });

const energyUse = z.strictObject({
  carrier: name(),
  amount: amountUpTo(energyAmount),
  unit: name(),
  tceFactor: factorId.optional(),
  emissionFactor: factorId.optional(),
  carbonPerTceFactor: factorId.optional(),
  ncvFactor: factorId.optional(),
  ccFactor: factorId.optional(),
  oxidationFactor: factorId.optional(),
  note: note().optional(),
});

const transportUse = energyUse.extend({ lowCarbonShare: z.number().min(0).max(1) });

const gasAmount = z.union(
  [
    z.strictObject({ massT: mass, label: note().optional() }),
    z.strictObject({
      volumeM3: amountUpTo(volumeM3),
      basis: z.enum(GAS_VOLUME_BASES),
      densityFactor: factorId.optional(),
      label: note().optional(),
    }),
  ],
  { error: `must be either { massT } or { volumeM3, basis: ${GAS_VOLUME_BASES.join(" | ")} }` },
);

const coalFactorRef = z.strictObject({
  factor: factorId,
  bound: z.enum(["low", "central", "high"]).default("central"),
  coalOutputT: mass.optional(),
});

const yearSchema = z.strictObject({
  year: calendarYear(),
  boundaryAreaHa: positiveUpTo(areaHa),
  coalOutputT: mass,
  energy: list(energyUse).default([]),
  residential: list(energyUse).default([]),
  transport: list(transportUse).default([]),
  agricultural: z
    .strictObject({
      energy: list(energyUse).default([]),
      inputs: list(
        z.strictObject({
          item: name(),
          amountT: mass,
          factor: factorId,
          note: note().optional(),
        }),
      ).default([]),
    })
    .default({ energy: [], inputs: [] }),
  methane: z
    .strictObject({
      underground: list(gasAmount).default([]),
      postMining: coalFactorRef.optional(),
      openPit: coalFactorRef.optional(),
      openPitPostMining: coalFactorRef.optional(),
      utilised: list(gasAmount).default([]),
      flared: z
        .strictObject({ amounts: list(gasAmount).min(1), efficiencyFactor: factorId.optional() })
        .optional(),
    })
    .default({ underground: [], utilised: [] }),
  co2Fugitive: list(gasAmount).default([]),
  explosives: list(z.strictObject({ type: name(), amountT: mass, factor: factorId })).default([]),
  sinks: z
    .strictObject({
      forest: list(
        z.strictObject({
          label: name(),
          species: name(),
          areaHa: amountUpTo(areaHa),
          volumeM3PerHa: amountUpTo(standVolumeM3PerHa).optional(),
          standAgeYears: yearsOfGrowth().optional(),
          withSoil: z.boolean().default(true),
          assumption: note().optional(),
        }),
      ).default([]),
      ecosystems: list(
        z.strictObject({
          label: name().optional(),
          type: name(),
          areaHa: amountUpTo(areaHa),
          densityFactor: factorId.optional(),
          accumulationYears: yearsOfGrowth().optional(),
          assumption: note().optional(),
        }),
      ).default([]),
    })
    .default({ forest: [], ecosystems: [] }),
  ccsStoredTCO2: mass.default(0),
  offsets: z
    .strictObject({ soldTCO2e: mass.default(0), boughtTCO2e: mass.default(0) })
    .default({ soldTCO2e: 0, boughtTCO2e: 0 }),
});

const inventorySchema = z.strictObject({
  kind: z.literal("mine-inventory"),
  mine: name(),
  location: note().optional(),
  description: note().optional(),
  assumptions: list(note()).default([]),
  gwp: z.enum(GWP_SET_IDS as [string, ...string[]]),
  sinkReading: z.enum(SINK_READINGS),
  combustionMethod: z.enum(COMBUSTION_METHODS),
  years: boundedList(yearSchema, COUNT_BOUNDS.inventoryYears).min(1),
});

/** The units each factor field of an energy use accepts (any unit of the same dimension). */
const FACTOR_FIELD_UNITS: readonly (readonly [
  keyof EnergyUseInput & `${string}Factor`,
  readonly string[],
])[] = [
  ["tceFactor", ["tce/t", "kgce/m3", "kgce/kWh", "tce/GJ"]],
  ["emissionFactor", ["kg CO2/kWh", "t CO2/GJ"]],
  ["carbonPerTceFactor", ["t C/tce"]],
  ["ncvFactor", ["GJ/t", "GJ/10^4 Nm3"]],
  ["ccFactor", ["t C/GJ"]],
  ["oxidationFactor", ["fraction"]],
];

/** A checked inventory file: one mine, one or more years. */
export type InventoryInput = z.output<typeof inventorySchema>;
export type InventoryYearInput = z.output<typeof yearSchema>;
export type EnergyUseInput = z.output<typeof energyUse>;
export type TransportUseInput = z.output<typeof transportUse>;
export type GasAmountInput = z.output<typeof gasAmount>;
export type CoalFactorRefInput = z.output<typeof coalFactorRef>;

/**
 * Checks a parsed inventory file against its spec and against the registries and the factor table,
 * collecting every problem (paths like "years[0].energy[1].unit") before anything is computed.
 */
export function parseInventoryInput(raw: unknown, source: string, table: FactorTable): InventoryInput {
  const parsed = inventorySchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const doc = parsed.data;
  const issues: InputIssue[] = [];
  // A factor must exist and be of the kind the field needs (a unit convertible to one of `units`).
  const checkFactor = (path: string, id: string | undefined, units: readonly string[]) => {
    if (id === undefined) return;
    if (!table.has(id)) {
      issues.push({
        path,
        message: `must be a factor id of the library or of a --factors file; got ${describeValue(id)} (see \`minecarbon factors list\`)`,
      });
      return;
    }
    const unit = table.peek(id)!.unit;
    if (!units.some((u) => unitConversion(unit, u) !== undefined)) {
      issues.push({
        path,
        message: `must be a factor in ${units.join(" or ")}; got ${id}, which is in "${unit}"`,
      });
    }
  };
  const seenYears = new Set<number>();
  doc.years.forEach((y, yi) => {
    const at = `years[${yi}]`;
    if (seenYears.has(y.year))
      issues.push({ path: `${at}.year`, message: `must not repeat a year; got ${y.year}` });
    seenYears.add(y.year);
    const checkEnergy = (path: string, uses: readonly EnergyUseInput[]) =>
      uses.forEach((u, i) => {
        const p = `${path}[${i}]`;
        const carrier = ENERGY_CARRIERS[u.carrier];
        if (!carrier) {
          issues.push({
            path: `${p}.carrier`,
            message: `must be one of ${Object.keys(ENERGY_CARRIERS).join(", ")}; got ${describeValue(u.carrier)}`,
          });
          return;
        }
        if (!(u.unit in carrier.units)) {
          issues.push({
            path: `${p}.unit`,
            message: `must be a unit of ${u.carrier} (${Object.keys(carrier.units).join(", ")}); got ${describeValue(u.unit)}`,
          });
        }
        if (carrier.kind !== "fuel" && !u.emissionFactor) {
          issues.push({
            path: `${p}.emissionFactor`,
            message: `must be given for ${u.carrier}: name the grid or heat factor that applies (e.g. cn.grid.nbs.2022.prov.shanxi or cn.grid.market.2022); got nothing`,
          });
        }
        if (carrier.kind === "fuel" && u.emissionFactor) {
          issues.push({
            path: `${p}.emissionFactor`,
            message: `is only for electricity and heat; for a fuel use carbonPerTceFactor or ncvFactor/ccFactor/oxidationFactor; got ${describeValue(u.emissionFactor)}`,
          });
        }
        if (
          carrier.kind === "fuel" &&
          doc.combustionMethod === "carbon-per-tce" &&
          !carrier.carbonPerTce &&
          !u.carbonPerTceFactor
        ) {
          issues.push({
            path: `${p}.carbonPerTceFactor`,
            message: `must be given: no carbon-per-tce coefficient is shipped for ${u.carrier}; add one with --factors or use combustionMethod ndrc-2015`,
          });
        }
        if (
          carrier.kind === "fuel" &&
          doc.combustionMethod === "ndrc-2015" &&
          !carrier.ndrc &&
          !(u.ncvFactor && u.ccFactor && u.oxidationFactor)
        ) {
          issues.push({
            path: `${p}.ncvFactor`,
            message: `ncvFactor, ccFactor and oxidationFactor must be given: the NDRC 2015 parameters of ${u.carrier} are not shipped (measured values belong in a --factors file)`,
          });
        }
        for (const [key, units] of FACTOR_FIELD_UNITS) checkFactor(`${p}.${key}`, u[key], units);
      });
    checkEnergy(`${at}.energy`, y.energy);
    checkEnergy(`${at}.residential`, y.residential);
    checkEnergy(`${at}.transport`, y.transport);
    checkEnergy(`${at}.agricultural.energy`, y.agricultural.energy);
    y.agricultural.inputs.forEach((inp, i) =>
      checkFactor(`${at}.agricultural.inputs[${i}].factor`, inp.factor, ["t CO2/t"]),
    );
    const checkGas = (path: string, amounts: readonly GasAmountInput[], gas: "CH4" | "CO2") =>
      amounts.forEach((a, i) => {
        if (!("volumeM3" in a)) return;
        const p = `${path}[${i}].densityFactor`;
        const id = a.densityFactor ?? DEFAULT_GAS_DENSITY[gas][a.basis];
        if (!id) {
          issues.push({
            path: p,
            message: `must be given: no ${gas} density at ${a.basis} is shipped; got nothing`,
          });
          return;
        }
        checkFactor(p, id, ["kg/m3"]);
        const basis = table.peek(id)?.basis;
        if (basis !== undefined && basis !== a.basis) {
          issues.push({
            path: p,
            message: `must be a density at ${a.basis}, the volume's conditions; got ${id}, which is at ${basis}`,
          });
        }
      });
    checkGas(`${at}.methane.underground`, y.methane.underground, "CH4");
    checkGas(`${at}.methane.utilised`, y.methane.utilised, "CH4");
    if (y.methane.flared) {
      checkGas(`${at}.methane.flared.amounts`, y.methane.flared.amounts, "CH4");
      checkFactor(`${at}.methane.flared.efficiencyFactor`, y.methane.flared.efficiencyFactor, ["fraction"]);
    }
    checkGas(`${at}.co2Fugitive`, y.co2Fugitive, "CO2");
    for (const key of ["postMining", "openPit", "openPitPostMining"] as const) {
      checkFactor(`${at}.methane.${key}.factor`, y.methane[key]?.factor, ["m3 CH4/t", "kg CH4/t"]);
    }
    y.explosives.forEach((e, i) => checkFactor(`${at}.explosives[${i}].factor`, e.factor, ["t CO2/t"]));
    y.sinks.forest.forEach((f, i) => {
      const p = `${at}.sinks.forest[${i}]`;
      const species = TREE_SPECIES[f.species];
      if (!species) {
        issues.push({
          path: `${p}.species`,
          message: `must be one of ${Object.keys(TREE_SPECIES).join(", ")}; got ${describeValue(f.species)}`,
        });
      } else if (f.volumeM3PerHa === undefined && !species.volume) {
        issues.push({
          path: `${p}.volumeM3PerHa`,
          message: `must be given: ${species.source} gives no stand volume for ${f.species}; got nothing`,
        });
      }
      if (doc.sinkReading === "annual-increment" && f.standAgeYears === undefined) {
        issues.push({
          path: `${p}.standAgeYears`,
          message:
            "must be given when sinkReading is annual-increment (the stock is divided by the stand age); got nothing",
        });
      }
    });
    y.sinks.ecosystems.forEach((e, i) => {
      const p = `${at}.sinks.ecosystems[${i}]`;
      if (!ECOSYSTEMS[e.type]) {
        issues.push({
          path: `${p}.type`,
          message: `must be one of ${Object.keys(ECOSYSTEMS).join(", ")}; got ${describeValue(e.type)}`,
        });
      }
      checkFactor(`${p}.densityFactor`, e.densityFactor, ["t C/ha"]);
      if (doc.sinkReading === "annual-increment" && e.accumulationYears === undefined) {
        issues.push({
          path: `${p}.accumulationYears`,
          message:
            "must be given when sinkReading is annual-increment (the density is divided by it); got nothing",
        });
      }
    });
  });
  if (issues.length) throw new InputError(source, issues);
  return doc;
}
