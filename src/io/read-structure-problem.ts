import { z } from "zod";
import { coefficientTCPerHaYr, COEFFICIENT_READINGS } from "../domain/budget/coefficient-reading.ts";
import type { FactorTable } from "../domain/factor/factor-table.ts";
import type { StructureConstraint, StructureProblem } from "../domain/optimise/structure-problem.ts";
import {
  COUNT_BOUNDS,
  MAX_WHOLE_YEARS,
  QUANTITY_BOUNDS,
  TEXT_BOUNDS,
} from "../domain/common/input-bounds.ts";
import { amountUpTo, boundedList, positiveUpTo, signedUpTo } from "../domain/validation/bounded-number.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { userText } from "../domain/validation/user-text.ts";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { readInputFile } from "./read-input-file.ts";

const { areaHa, fluxTCPerHaYr, valueCNYPerHaYr, termCoefficient, constraintHa, massT, objectiveWeight } =
  QUANTITY_BOUNDS;
const name = () => userText().min(1);
const note = () => userText(TEXT_BOUNDS.text);
const coefficient = z.union([name(), signedUpTo(fluxTCPerHaYr)]);

const classSchema = z.strictObject({
  key: name(),
  name: name(),
  currentHa: amountUpTo(areaHa),
  minHa: amountUpTo(areaHa).default(0),
  maxHa: positiveUpTo(areaHa).optional(),
  absorption: coefficient.optional().describe("factor id or t C/ha/yr"),
  emission: coefficient.optional().describe("factor id or t C/ha/yr"),
  netSinkTCPerHaYr: signedUpTo(fluxTCPerHaYr).optional(),
  source: note().optional(),
  valueYuanPerHaYr: signedUpTo(valueCNYPerHaYr).optional(),
});

const constraintSchema = z.strictObject({
  name: name(),
  classes: boundedList(name()).min(1).optional(),
  terms: z
    .record(name(), signedUpTo(termCoefficient))
    .refine((r) => Object.keys(r).length <= COUNT_BOUNDS.listItems, {
      error: `must have at most ${COUNT_BOUNDS.listItems} terms`,
    })
    .optional(),
  sense: z.enum(["<=", ">=", "="]),
  rhsHa: signedUpTo(constraintHa),
  toleranceHa: positiveUpTo(constraintHa).optional(),
  source: note().optional(),
});

export const structureProblemSchema = z.strictObject({
  kind: z.literal("landuse-structure"),
  name: name(),
  description: note().optional(),
  readAs: z.enum(COEFFICIENT_READINGS).optional(),
  totalAreaHa: positiveUpTo(areaHa).optional(),
  classes: boundedList(classSchema).min(1),
  constraints: boundedList(constraintSchema).default([]),
  coalLand: z
    .strictObject({
      coalOutputT: amountUpTo(massT),
      years: z
        .number()
        .positive()
        .max(MAX_WHOLE_YEARS, { error: `must be ≤ ${MAX_WHOLE_YEARS} years` })
        .default(1),
      excavation: boundedList(name()).min(1),
      dump: boundedList(name()).min(1),
      excavationFactor: name().default("seed003.land_per_coal.excavation"),
      dumpFactor: name().default("seed003.land_per_coal.external_dump"),
    })
    .optional(),
  objective: z
    .union([
      z.enum(["carbon", "value", "fuzzy"]),
      z.strictObject({
        weighted: z.strictObject({
          carbon: amountUpTo(objectiveWeight),
          value: amountUpTo(objectiveWeight),
        }),
      }),
    ])
    .default("carbon"),
  assumptions: boundedList(note()).default([]),
});

export type StructureProblemFile = z.output<typeof structureProblemSchema>;

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
    const net = byFactors
      ? coeff(`${at}.absorption`, c.absorption) - coeff(`${at}.emission`, c.emission)
      : (c.netSinkTCPerHaYr ?? 0);
    const src = byFactors
      ? [
          c.absorption !== undefined ? `absorption ${c.absorption}` : "",
          c.emission !== undefined ? `emission ${c.emission}` : "",
        ]
          .filter(Boolean)
          .join(" − ") + (f.readAs ? ` (read as ${f.readAs})` : "")
      : c.source!;
    return {
      key: c.key,
      name: c.name,
      currentHa: c.currentHa,
      minHa: c.minHa,
      maxHa: c.maxHa ?? Infinity,
      netSinkTCPerHaYr: net,
      netSinkSource: src,
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
  const assumptions = [...f.assumptions];
  if (f.coalLand) {
    const cl = f.coalLand;
    cl.excavation.forEach((k, j) => known(`coalLand.excavation[${j}]`, k));
    cl.dump.forEach((k, j) => known(`coalLand.dump[${j}]`, k));
    const perCoal = (path: string, id: string) => {
      if (!table.has(id)) {
        issues.push({ path, message: `"${id}" is not a factor id` });
        return 0;
      }
      return table.value(id, "ha/10^4 t").value;
    };
    const ex = perCoal("coalLand.excavationFactor", cl.excavationFactor);
    const du = perCoal("coalLand.dumpFactor", cl.dumpFactor);
    const tenThousands = (cl.coalOutputT / 1e4) * cl.years;
    constraints.push(
      {
        name: `land excavated for ${cl.coalOutputT.toLocaleString("en-US")} t/yr × ${cl.years} yr of coal`,
        terms: cl.excavation.map((k) => ({ key: k, coefficient: 1 })),
        sense: ">=",
        rhsHa: tenThousands * ex,
        source: `${cl.excavationFactor} (${ex} ha/10^4 t)`,
      },
      {
        name: `external dump for ${cl.coalOutputT.toLocaleString("en-US")} t/yr × ${cl.years} yr of coal`,
        terms: cl.dump.map((k) => ({ key: k, coefficient: 1 })),
        sense: ">=",
        rhsHa: tenThousands * du,
        source: `${cl.dumpFactor} (${du} ha/10^4 t)`,
      },
    );
  }
  const names = new Set<string>();
  constraints.forEach((c, i) => {
    if (names.has(c.name))
      issues.push({ path: `constraints[${i}].name`, message: `"${c.name}" names two constraints` });
    names.add(c.name);
  });
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
    },
    assumptions,
  };
}

/** Reads a problem file. */
export function readStructureProblemFile(path: string, table: FactorTable) {
  return readStructureProblem(readInputFile(path), path, table);
}
