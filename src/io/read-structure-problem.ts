import { coefficientTCPerHaYr } from "../domain/budget/coefficient-reading.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import { energyUseOf } from "../domain/budget/energy-use-coefficients.ts";
import { soilStock, type SoilFactorRef } from "../domain/optimize/soil-stock.ts";
import {
  structureProblemSchema,
  type CoalLand,
  type CoalLandFloor,
  type SoilChange,
  type StructureConstraint,
  type StructureProblem,
  type StructureProblemFile,
} from "../domain/optimize/structure-problem.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { readInputFile } from "./read-input-file.ts";

// The file's schema is the domain's spec, with its field metadata (units, labels, ranges).
export { structureProblemSchema, type StructureProblemFile };

/**
 * Reads and checks a `landuse-structure` problem (YAML/JSON) into the domain's problem: class
 * coefficients from factor ids (read as t C/ha/yr; seed 000's unstated ones by `readAs`) or numbers
 * with a source, constraints over class keys, and the land the coal output needs (seed 003: 0.12 ha
 * excavated + 0.10 ha external dump per 10⁴ t). Every problem is reported with its path.
 */
export function readStructureProblem(
  raw: unknown,
  source: string,
  table: FactorTable,
): { problem: StructureProblem; assumptions: string[] } {
  const parsed = structureProblemSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(source, zodIssuesToInputIssues(parsed.error, raw));
  const f = parsed.data;
  const issues: InputIssue[] = [];
  const keys = new Set<string>();
  f.classes.forEach((c, i) => {
    if (keys.has(c.key)) issues.push({ path: `classes[${i}].key`, message: `"${c.key}" appears twice` });
    keys.add(c.key);
  });
  const coeff = (path: string, v: string | number | undefined): number => {
    if (v === undefined) return 0;
    if (typeof v === "number") return v;
    if (!table.has(v)) {
      issues.push({
        path,
        message: `must be a factor id (see \`minecarbon factors list\`) or a number in t C/ha/yr; got "${v}"`,
      });
      return 0;
    }
    if (table.peek(v)!.unit === "t/(ha·a) unstated C or CO2" && !f.readAs) {
      issues.push({
        path,
        message: `${v} does not say whether its tonnes are C or CO2; set readAs: tC or tCO2 at the top`,
      });
      return 0;
    }
    try {
      return coefficientTCPerHaYr(table, v, f.readAs ?? "tC").central;
    } catch (e) {
      issues.push({ path, message: (e as Error).message });
      return 0;
    }
  };
  const factorOf = (path: string, id: string, units: readonly string[], what: string): boolean => {
    const unit = table.peek(id)?.unit;
    if (unit === undefined)
      issues.push({ path, message: `must be a factor id (see \`minecarbon factors list\`); got "${id}"` });
    else if (!units.includes(unit))
      issues.push({ path, message: `must be ${what}; got ${id}, which is in "${unit}"` });
    return unit !== undefined && units.includes(unit);
  };
  const soilReference = (id: string) =>
    factorOf(
      "soil.reference",
      id,
      ["t C/ha"],
      "a reference soil carbon stock SOC_REF in t C/ha (IPCC 2006 Vol. 4 Table 2.3)",
    )
      ? id
      : undefined;
  const soilOf = (at: string, refs: readonly SoilFactorRef[] | undefined, ref: string | undefined) => {
    if (!f.soil) {
      if (refs !== undefined)
        issues.push({
          path: `${at}.soilFactors`,
          message: "needs soil: { reference: <SOC_REF factor id> } at the top to multiply",
        });
      return undefined;
    }
    if (refs === undefined) {
      issues.push({
        path: `${at}.soilFactors`,
        message:
          "must be given when soil: is set (the stock change factors of this use; [] keeps its soil at SOC_REF)",
      });
      return undefined;
    }
    const ok = refs.every((r, j) =>
      typeof r === "string"
        ? factorOf(
            `${at}.soilFactors[${j}]`,
            r,
            ["ratio", "fraction", "%"],
            "a stock change factor (a ratio)",
          )
        : factorOf(
            `${at}.soilFactors[${j}].remainingAfterLoss`,
            r.remainingAfterLoss,
            ["fraction", "%"],
            "a share of soil carbon lost (a fraction)",
          ),
    );
    if (!ok || !ref) return undefined;
    try {
      return soilStock(table, ref, refs);
    } catch (e) {
      issues.push({ path: `${at}.soilFactors`, message: (e as Error).message });
      return undefined;
    }
  };
  // The land the coal output needs: its energy use is the output's, held at its current total.
  const coalKeys = new Set(
    f.coalLand ? [...f.coalLand.excavation, ...f.coalLand.dump, ...(f.coalLand.operations ?? [])] : [],
  );
  const soilRef = f.soil ? soilReference(f.soil.reference) : undefined;
  const perHaEnergy: string[] = [];
  const classes = f.classes.map((c, i) => {
    const at = `classes[${i}]`;
    const byFactors = c.absorption !== undefined || c.emission !== undefined;
    if (byFactors && c.netSinkTCPerHaYr !== undefined)
      issues.push({
        path: `${at}.netSinkTCPerHaYr`,
        message: "give either absorption/emission or netSinkTCPerHaYr, not both",
      });
    if (!byFactors && c.netSinkTCPerHaYr === undefined)
      issues.push({
        path: at,
        message:
          "needs absorption and/or emission (factor ids or t C/ha/yr) or netSinkTCPerHaYr with a source",
      });
    if (c.netSinkTCPerHaYr !== undefined && !c.source)
      issues.push({ path: `${at}.source`, message: "a number needs its source" });
    if (c.maxHa !== undefined && c.maxHa < c.minHa)
      issues.push({ path: `${at}.maxHa`, message: `must be at least minHa (${c.minHa}); got ${c.maxHa}` });
    const emission = coeff(`${at}.emission`, c.emission);
    const energyUse = typeof c.emission === "string" ? energyUseOf(c.emission) : undefined;
    const held = energyUse && coalKeys.has(c.key) ? emission : 0;
    if (energyUse && !held) perHaEnergy.push(c.name);
    const net = byFactors
      ? coeff(`${at}.absorption`, c.absorption) - (emission - held)
      : (c.netSinkTCPerHaYr ?? 0);
    const src = byFactors
      ? [
          c.absorption !== undefined ? `absorption ${c.absorption}` : "",
          c.emission !== undefined ? `emission ${c.emission}${held ? " (energy use, held)" : ""}` : "",
        ]
          .filter(Boolean)
          .join(" − ") + (f.readAs ? ` (read as ${f.readAs})` : "")
      : c.source!;
    const soil = soilOf(at, c.soilFactors, soilRef);
    return {
      key: c.key,
      name: c.name,
      currentHa: c.currentHa,
      minHa: c.minHa,
      maxHa: c.maxHa ?? Infinity,
      netSinkTCPerHaYr: net,
      netSinkSource: src,
      ...(held ? { heldEnergyTCPerHaYr: held } : {}),
      ...(soil ? { socTCPerHa: soil.socTCPerHa, socSource: soil.source } : {}),
      ...(c.valueYuanPerHaYr !== undefined ? { valueYuanPerHaYr: c.valueYuanPerHaYr } : {}),
    };
  });
  const known = (path: string, k: string) => {
    if (!keys.has(k))
      issues.push({ path, message: `"${k}" is not a class key; known: ${[...keys].join(", ")}` });
  };
  const constraints: StructureConstraint[] = f.constraints.map((c, i) => {
    const at = `constraints[${i}]`;
    if (!c.classes === !c.terms)
      issues.push({ path: at, message: "give either classes (a sum) or terms (class: coefficient)" });
    const terms = c.classes
      ? c.classes.map((k, j) => (known(`${at}.classes[${j}]`, k), { key: k, coefficient: 1 }))
      : Object.entries(c.terms ?? {}).map(
          ([k, v]) => (known(`${at}.terms.${k}`, k), { key: k, coefficient: v }),
        );
    return {
      name: c.name,
      terms,
      sense: c.sense,
      rhsHa: c.rhsHa,
      ...(c.toleranceHa ? { toleranceHa: c.toleranceHa } : {}),
      ...(c.source ? { source: c.source } : {}),
    };
  });
  function readCoalLand(cl: NonNullable<StructureProblemFile["coalLand"]>): CoalLand | undefined {
    cl.excavation.forEach((k, j) => known(`coalLand.excavation[${j}]`, k));
    cl.dump.forEach((k, j) => known(`coalLand.dump[${j}]`, k));
    cl.operations?.forEach((k, j) => known(`coalLand.operations[${j}]`, k));
    const all = [...cl.excavation, ...cl.dump];
    all.forEach((k, j) => {
      if (all.indexOf(k) !== j)
        issues.push({
          path: "coalLand",
          message: `"${k}" is both excavation and dump land (or twice in one)`,
        });
    });
    if (cl.totalFactor && (cl.excavationFactor || cl.dumpFactor))
      issues.push({
        path: "coalLand.totalFactor",
        message:
          "give either totalFactor (one floor over excavation and dump) or excavationFactor/dumpFactor",
      });
    const perCoal = (path: string, id: string) =>
      factorOf(path, id, ["ha/10^4 t"], "a land per coal output in ha/10^4 t")
        ? table.value(id, "ha/10^4 t").value
        : undefined;
    const tenThousands = (cl.coalOutputT / 1e4) * cl.years;
    const of = `${cl.coalOutputT.toLocaleString("en-US")} t/yr × ${cl.years} yr of coal`;
    const floor = (name: string, keys: string[], path: string, id: string): CoalLandFloor[] => {
      const per = perCoal(path, id);
      return per === undefined
        ? []
        : [{ name, keys, haPer10kt: per, factorId: id, rhsHa: tenThousands * per }];
    };
    const floors = cl.totalFactor
      ? floor(`land damaged for ${of}`, all, "coalLand.totalFactor", cl.totalFactor)
      : [
          ...floor(
            `land excavated for ${of}`,
            cl.excavation,
            "coalLand.excavationFactor",
            cl.excavationFactor ?? "seed003.land_per_coal.excavation",
          ),
          ...floor(
            `external dump for ${of}`,
            cl.dump,
            "coalLand.dumpFactor",
            cl.dumpFactor ?? "seed003.land_per_coal.external_dump",
          ),
        ];
    return { coalOutputTPerYr: cl.coalOutputT, years: cl.years, floors, keys: [...coalKeys] };
  }
  const energyNotes = () =>
    perHaEnergy.length
      ? [
          `${perHaEnergy.join(", ")}: the emission coefficient is energy used on construction land (seed 000 Table 1, Zhao et al. 2013), counted per hectare, so the optimum takes that energy to grow and shrink with the land${
            f.coalLand
              ? ""
              : "; give coalLand (the coal output) so that the mining land has its floor and its energy is held"
          }`,
        ]
      : [];
  const assumptions = [...f.assumptions];
  const coalLand = f.coalLand ? readCoalLand(f.coalLand) : undefined;
  const names = new Set<string>();
  constraints.forEach((c, i) => {
    if (names.has(c.name))
      issues.push({ path: `constraints[${i}].name`, message: `"${c.name}" names two constraints` });
    names.add(c.name);
  });
  coalLand?.floors.forEach((fl) => {
    if (names.has(fl.name))
      issues.push({ path: "coalLand", message: `its floor "${fl.name}" has the name of a constraint` });
  });
  let transitionYears: number | undefined;
  if (f.soil && factorOf("soil.transitionYears", f.soil.transitionYears, ["yr"], "a duration in yr")) {
    transitionYears = table.value(f.soil.transitionYears, "yr").value;
    if (!(transitionYears > 0))
      issues.push({
        path: "soil.transitionYears",
        message: `must be a factor of more than 0 yr; got ${f.soil.transitionYears} = ${transitionYears}`,
      });
  }
  const valued = f.classes.filter((c) => c.valueYuanPerHaYr !== undefined).length;
  const needsValue = f.objective !== "carbon";
  if (needsValue && valued !== f.classes.length)
    issues.push({
      path: "objective",
      message: `${JSON.stringify(f.objective)} needs valueYuanPerHaYr on every class; ${f.classes.length - valued} lack it`,
    });
  if (issues.length) throw new InputError(source, issues);
  const objective =
    typeof f.objective === "string"
      ? { kind: f.objective }
      : { kind: "weighted" as const, ...f.objective.weighted };
  return {
    problem: {
      name: f.name,
      totalAreaHa: f.totalAreaHa ?? f.classes.reduce((s, c) => s + c.currentHa, 0),
      classes,
      constraints,
      objective,
      ...(coalLand ? { coalLand } : {}),
      ...(f.soil && transitionYears !== undefined
        ? {
            soil: {
              transitionYears,
              source: f.soil.transitionYears,
            } satisfies SoilChange,
          }
        : {}),
      notes: [...energyNotes(), ...table.unverifiedWarnings()],
    },
    assumptions,
  };
}

/** Reads a problem file. */
export function readStructureProblemFile(path: string, table: FactorTable) {
  return readStructureProblem(readInputFile(path), path, table);
}
