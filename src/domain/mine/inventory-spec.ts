import { z } from "zod";
import { GAS_VOLUME_BASES } from "../../units/gas-volume.ts";
import type { FactorTable } from "../factor/factor-table.ts";
import { unitConversion } from "../factor/factor-units.ts";
import {
  boundRule,
  COUNT_BOUNDS,
  DRAW_BOUNDS,
  QUANTITY_BOUNDS,
  TEXT_BOUNDS,
} from "../common/input-bounds.ts";
import { uncertaintySpec } from "../factor/uncertainty/uncertainty-spec.ts";
import {
  amountUpTo,
  boundedList,
  calendarYear,
  positiveUpTo,
  seedNumber,
} from "../validation/bounded-number.ts";
import { describeValue, InputError, type InputIssue } from "../validation/input-issue.ts";
import { userText } from "../validation/user-text.ts";
import { zodIssuesToInputIssues } from "../validation/zod-issues.ts";
import {
  COMBUSTION_USES,
  defaultCombustionUse,
  nonCO2Factors,
  type CombustionSector,
} from "./combustion-non-co2.ts";
import { COMBUSTION_METHODS, ENERGY_CARRIERS } from "./energy-carriers.ts";
import { energyAmountBound } from "./energy-tce-bound.ts";
import { DEFAULT_GAS_DENSITY, GAS_VOLUME_BASIS_SET } from "./gas-mass.ts";
import { ECOSYSTEMS, SINK_READINGS } from "./ecosystems.ts";
import { GWP_SET_IDS } from "./gwp-sets.ts";
import { TREE_SPECIES } from "./tree-species.ts";

const { areaHa, massT, volumeM3, energyAmount, energyTce, standVolumeM3PerHa, spanYears } = QUANTITY_BOUNDS;
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

/**
 * The rule on an inventory's Monte Carlo draws (the file's uncertainty.draws and --draws): each draw
 * recomputes every year's terms, and draws × years is bounded like a budget's draws (DRAW_BOUNDS).
 */
export const INVENTORY_DRAWS_RULE = `must be ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} draws, and draws × years ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")} (see docs/input-bounds.md)`;

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
  combustion: z
    .enum(COMBUSTION_USES)
    .optional()
    .describe(
      "how a fuel is burned: stationary, off-road (machinery) or road; picks its CH4 and N2O factors",
    ),
  ch4Factor: factorId.optional(),
  n2oFactor: factorId.optional(),
  uncertainty: uncertaintySpec.optional(),
  note: note().optional(),
});

const transportUse = energyUse.extend({ lowCarbonShare: z.number().min(0).max(1) });

const gasAmount = z.union(
  [
    z.strictObject({
      massT: mass,
      // A mass the source weighed from a measured volume at these conditions with this density.
      weighedAt: z
        .strictObject({ basis: z.enum(GAS_VOLUME_BASES), densityFactor: factorId.optional() })
        .optional(),
      label: note().optional(),
      uncertainty: uncertaintySpec.optional(),
    }),
    z.strictObject({
      volumeM3: amountUpTo(volumeM3),
      basis: z.enum(GAS_VOLUME_BASES),
      densityFactor: factorId.optional(),
      label: note().optional(),
      uncertainty: uncertaintySpec.optional(),
    }),
  ],
  { error: `must be either { massT } or { volumeM3, basis: ${GAS_VOLUME_BASES.join(" | ")} }` },
);

const coalFactorRef = z.strictObject({
  factor: factorId,
  bound: z.enum(["low", "central", "high"]).default("central"),
  coalOutputT: mass.optional(),
  coalOutputUncertainty: uncertaintySpec.optional(),
  // A factor in m³/t is weighed with a density at its own basis (the default density of that basis).
  densityFactor: factorId.optional(),
});

const yearSchema = z.strictObject({
  year: calendarYear(),
  boundaryAreaHa: positiveUpTo(areaHa),
  // Industrial and mining land within the boundary: what reclamation can take from.
  miningLandHa: amountUpTo(areaHa).optional(),
  coalOutputT: mass,
  coalOutputUncertainty: uncertaintySpec.optional(),
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
          uncertainty: uncertaintySpec.optional(),
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
      // Ventilation-air methane oxidised where it leaves the mine: destroyed like flared methane, but
      // its CO2 leaves in the ventilation air, far too dilute for carbon capture.
      vamOxidised: z
        .strictObject({ amounts: list(gasAmount).min(1), efficiencyFactor: factorId.optional() })
        .optional()
        .describe(
          "ventilation-air methane oxidised (thermal or catalytic oxidisers): destroyed as far as the oxidiser's efficiency goes; its CO2 cannot be captured",
        ),
    })
    .default({ underground: [], utilised: [] }),
  co2Fugitive: list(gasAmount).default([]),
  explosives: list(
    z.strictObject({
      type: name(),
      amountT: mass,
      factor: factorId,
      uncertainty: uncertaintySpec.optional(),
    }),
  ).default([]),
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
          uncertainty: uncertaintySpec.optional().describe("the uncertainty of the stand's area"),
          volumeUncertainty: uncertaintySpec.optional().describe("the uncertainty of volumeM3PerHa"),
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
          uncertainty: uncertaintySpec.optional().describe("the uncertainty of the area"),
        }),
      ).default([]),
    })
    .default({ forest: [], ecosystems: [] }),
  ccsStoredTCO2: mass.default(0),
  ccsUncertainty: uncertaintySpec.optional(),
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
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(DRAW_BOUNDS.budget, { error: INVENTORY_DRAWS_RULE }).optional(),
      seed: seedNumber().optional(),
    })
    .optional()
    .describe("Monte Carlo (IPCC Approach 2) settings: draws per year and seed"),
});

/** A bound shown to three significant figures, rounded down so that the value shown is allowed. */
function roundedDown(n: number): string {
  if (!(n > 0) || !Number.isFinite(n)) return String(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 2);
  const v = Math.floor(n / step) * step;
  return v >= 1e6
    ? v.toPrecision(3).replace("e+", "e")
    : v.toLocaleString("en-US", { maximumSignificantDigits: 3 });
}

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
  ["ch4Factor", ["kg CH4/TJ"]],
  ["n2oFactor", ["kg N2O/TJ"]],
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
    const checkEnergy = (path: string, uses: readonly EnergyUseInput[], sector: CombustionSector) =>
      uses.forEach((u, i) => {
        const p = `${path}[${i}]`;
        // Own keys only: "constructor" or "toString" is not a carrier (nor a unit, species or type).
        const carrier = Object.hasOwn(ENERGY_CARRIERS, u.carrier) ? ENERGY_CARRIERS[u.carrier] : undefined;
        if (!carrier) {
          issues.push({
            path: `${p}.carrier`,
            message: `must be one of ${Object.keys(ENERGY_CARRIERS).join(", ")}; got ${describeValue(u.carrier)}`,
          });
          return;
        }
        if (!Object.hasOwn(carrier.units, u.unit)) {
          issues.push({
            path: `${p}.unit`,
            message: `must be a unit of ${u.carrier} (${Object.keys(carrier.units).join(", ")}); got ${describeValue(u.unit)}`,
          });
        }
        // The amount in standard coal, whatever its unit (1e15 in the unit alone let 1e15 t of coal by).
        const bound = energyAmountBound(u, table);
        if (bound && u.amount > bound.max)
          issues.push({
            path: `${p}.amount`,
            message: `must be ≤ ${roundedDown(bound.max)} ${u.unit} (${energyTce.max.toExponential().replace("e+", "e")} ${energyTce.unit}: ${energyTce.why}); got ${describeValue(u.amount)} ${u.unit}, ${roundedDown(u.amount * bound.tcePerUnit)} tce: check the amount and its unit`,
          });
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
        if (carrier.kind !== "fuel") {
          for (const key of ["combustion", "ch4Factor", "n2oFactor"] as const)
            if (u[key] !== undefined)
              issues.push({
                path: `${p}.${key}`,
                message: `is only for fuels burned on site; ${u.carrier} is emitted where it is generated; got ${describeValue(u[key])}`,
              });
        } else if (!(u.ch4Factor && u.n2oFactor)) {
          const use = u.combustion ?? defaultCombustionUse(u.carrier, sector);
          if (!nonCO2Factors(u.carrier, use, sector))
            issues.push({
              path: `${p}.${u.combustion ? "combustion" : "ch4Factor"}`,
              message: `no CH4 and N2O factors are shipped for ${u.carrier} burned ${use === "stationary" ? "in stationary sources" : use === "off-road" ? "by off-road machinery" : "in road vehicles"} here; give ch4Factor and n2oFactor (kg CH4/TJ, kg N2O/TJ) or another combustion (${COMBUSTION_USES.join(", ")})`,
            });
        }
        for (const [key, units] of FACTOR_FIELD_UNITS) checkFactor(`${p}.${key}`, u[key], units);
      });
    checkEnergy(`${at}.energy`, y.energy, "mining");
    checkEnergy(`${at}.residential`, y.residential, "residential");
    checkEnergy(`${at}.transport`, y.transport, "transport");
    checkEnergy(`${at}.agricultural.energy`, y.agricultural.energy, "agricultural");
    y.agricultural.inputs.forEach((inp, i) =>
      checkFactor(`${at}.agricultural.inputs[${i}].factor`, inp.factor, ["t CO2/t"]),
    );
    // A density must be at the conditions of the volume it weighs (never a silent mix).
    const checkDensity = (p: string, given: string | undefined, gas: "CH4" | "CO2", basis: string) => {
      const id = given ?? DEFAULT_GAS_DENSITY[gas][basis];
      if (!id) {
        issues.push({
          path: p,
          message: `must be given: no ${gas} density at ${basis} is shipped; got nothing`,
        });
        return;
      }
      checkFactor(p, id, ["kg/m3"]);
      const at = table.peek(id)?.basis;
      if (at !== undefined && at !== basis) {
        issues.push({
          path: p,
          message: `must be a density at ${basis}, the volume's conditions; got ${id}, which is at ${at}`,
        });
      }
    };
    const checkGas = (path: string, amounts: readonly GasAmountInput[], gas: "CH4" | "CO2") =>
      amounts.forEach((a, i) => {
        if ("volumeM3" in a) checkDensity(`${path}[${i}].densityFactor`, a.densityFactor, gas, a.basis);
        else if (a.weighedAt)
          checkDensity(
            `${path}[${i}].weighedAt.densityFactor`,
            a.weighedAt.densityFactor,
            gas,
            a.weighedAt.basis,
          );
      });
    checkGas(`${at}.methane.underground`, y.methane.underground, "CH4");
    checkGas(`${at}.methane.utilised`, y.methane.utilised, "CH4");
    if (y.methane.flared) {
      checkGas(`${at}.methane.flared.amounts`, y.methane.flared.amounts, "CH4");
      checkFactor(`${at}.methane.flared.efficiencyFactor`, y.methane.flared.efficiencyFactor, ["fraction"]);
    }
    if (y.methane.vamOxidised) {
      checkGas(`${at}.methane.vamOxidised.amounts`, y.methane.vamOxidised.amounts, "CH4");
      checkFactor(`${at}.methane.vamOxidised.efficiencyFactor`, y.methane.vamOxidised.efficiencyFactor, [
        "fraction",
      ]);
    }
    checkGas(`${at}.co2Fugitive`, y.co2Fugitive, "CO2");
    for (const key of ["postMining", "openPit", "openPitPostMining"] as const) {
      const ref = y.methane[key];
      if (!ref) continue;
      const p = `${at}.methane.${key}`;
      checkFactor(`${p}.factor`, ref.factor, ["m3 CH4/t", "kg CH4/t"]);
      const f = table.peek(ref.factor);
      if (f && unitConversion(f.unit, "m3 CH4/t") !== undefined) {
        // A factor in m³/t is a gas volume: weighed at its own conditions, never at an assumed 20 °C.
        if (!GAS_VOLUME_BASIS_SET.has(f.basis))
          issues.push({
            path: `${p}.factor`,
            message: `must state the conditions of its gas volume (basis ${GAS_VOLUME_BASES.join(" or ")}) to be weighed; got ${ref.factor}, whose basis is "${f.basis}"`,
          });
        else checkDensity(`${p}.densityFactor`, ref.densityFactor, "CH4", f.basis);
      } else if (ref.densityFactor !== undefined)
        issues.push({
          path: `${p}.densityFactor`,
          message: `is only for factors in m³ CH4/t; ${ref.factor} is a mass per tonne; got ${describeValue(ref.densityFactor)}`,
        });
    }
    y.explosives.forEach((e, i) => checkFactor(`${at}.explosives[${i}].factor`, e.factor, ["t CO2/t"]));
    y.sinks.forest.forEach((f, i) => {
      const p = `${at}.sinks.forest[${i}]`;
      const species = Object.hasOwn(TREE_SPECIES, f.species) ? TREE_SPECIES[f.species] : undefined;
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
      if (doc.sinkReading !== "seed002-density-as-annual" && f.standAgeYears === undefined) {
        issues.push({
          path: `${p}.standAgeYears`,
          message: `must be given when sinkReading is ${doc.sinkReading} (the stock is divided by the stand age); got nothing`,
        });
      }
    });
    y.sinks.ecosystems.forEach((e, i) => {
      const p = `${at}.sinks.ecosystems[${i}]`;
      const eco = Object.hasOwn(ECOSYSTEMS, e.type) ? ECOSYSTEMS[e.type] : undefined;
      if (!eco) {
        issues.push({
          path: `${p}.type`,
          message: `must be one of ${Object.keys(ECOSYSTEMS).join(", ")}; got ${describeValue(e.type)}`,
        });
      }
      checkFactor(`${p}.densityFactor`, e.densityFactor, ["t C/ha"]);
      const needsYears =
        doc.sinkReading === "annual-increment" || (doc.sinkReading === "ipcc-tier1" && eco?.woody === true);
      if (needsYears && e.accumulationYears === undefined) {
        issues.push({
          path: `${p}.accumulationYears`,
          message: `must be given when sinkReading is ${doc.sinkReading}${doc.sinkReading === "ipcc-tier1" ? ` for a woody ecosystem (${e.type})` : ""} (the density is divided by it); got nothing`,
        });
      }
    });
  });
  const draws = doc.uncertainty?.draws;
  if (draws !== undefined && draws * doc.years.length > DRAW_BOUNDS.budget)
    issues.push({
      path: "uncertainty.draws",
      message: `must be ≤ ${Math.floor(DRAW_BOUNDS.budget / doc.years.length).toLocaleString("en-US")} for ${doc.years.length} years (draws × years ≤ ${DRAW_BOUNDS.budget.toLocaleString("en-US")}); got ${draws}`,
    });
  if (issues.length) throw new InputError(source, issues);
  return doc;
}
