import { z } from "zod";

/**
 * Field metadata of the model specs (issue 11 item 3, InVEST's MODEL_SPEC): every input field says
 * its unit, its label in English and Chinese, optionally a description and a range, through zod 4's
 * `.meta()` (kept in `z.globalRegistry`, so `z.toJSONSchema` and the generated OpenAPI document carry
 * it: `title` and `description` in English, the rest as `x-` keywords). CLI help, `minecarbon specs`,
 * docs/model-specs.md and the web forms read it back with {@link specFields}.
 */

/** A text in both languages of the interface. */
export interface BilingualText {
  readonly en: string;
  readonly zh: string;
}

/**
 * The units a spec field may be in: the units the code reads each field in, spelled as in the factor
 * library (src/domain/factor/factor-units.ts) where it has them, with their Chinese names. "" is a
 * unitless field (a name, an id, a choice, a count).
 */
export const FIELD_UNITS = {
  "": { en: "", zh: "" },
  ha: { en: "ha", zh: "公顷" },
  "ha/yr": { en: "ha/yr", zh: "公顷/年" },
  t: { en: "t", zh: "吨" },
  "t/yr": { en: "t/yr", zh: "吨/年" },
  "t CO2": { en: "t CO2", zh: "吨CO2" },
  "t CO2e": { en: "t CO2e", zh: "吨CO2当量" },
  "t CO2e/yr": { en: "t CO2e/yr", zh: "吨CO2当量/年" },
  "t CO2e/t coal": { en: "t CO2e/t coal", zh: "吨CO2当量/吨煤" },
  "t C/ha": { en: "t C/ha", zh: "吨碳/公顷" },
  "t C/ha/yr": { en: "t C/ha/yr", zh: "吨碳/(公顷·年)" },
  m3: { en: "m³", zh: "立方米" },
  "10^4 kWh": { en: "10⁴ kWh", zh: "万千瓦时" },
  "m3/ha": { en: "m³/ha", zh: "立方米/公顷" },
  "carrier unit": { en: "the unit given in `unit`", zh: "按 unit 字段所给单位" },
  yr: { en: "yr", zh: "年" },
  year: { en: "calendar year", zh: "公历年" },
  "1/yr": { en: "1/yr", zh: "1/年" },
  "fraction/yr": { en: "fraction/yr", zh: "比例/年" },
  fraction: { en: "fraction (0–1)", zh: "比例（0–1）" },
  "%": { en: "%", zh: "%" },
  CNY: { en: "CNY", zh: "元" },
  "CNY/yr": { en: "CNY/yr", zh: "元/年" },
  "CNY/t CO2e": { en: "CNY/t CO2e", zh: "元/吨CO2当量" },
  "CNY/ha/yr": { en: "CNY/ha/yr", zh: "元/(公顷·年)" },
  draws: { en: "draws", zh: "次" },
} as const satisfies Record<string, BilingualText>;

/** A unit id of {@link FIELD_UNITS}. */
export type UnitId = keyof typeof FIELD_UNITS;

/** True when `unit` is a unit id of {@link FIELD_UNITS}. */
export const isUnitId = (unit: string): unit is UnitId => Object.hasOwn(FIELD_UNITS, unit);

/** A unit id's name in the language (`10^4 kWh` → 万千瓦时); a unit the table lacks as given. */
export function unitName(unit: string, lang: "en" | "zh"): string {
  return isUnitId(unit) ? FIELD_UNITS[unit][lang] : unit;
}

/** What a spec field declares: unit, label, and optionally a description and a range beyond its checks. */
export interface FieldMeta {
  readonly unit: UnitId;
  readonly label: BilingualText;
  readonly description?: BilingualText;
  /** Allowed range, when the zod checks do not say it (a bound checked elsewhere). */
  readonly min?: number;
  readonly max?: number;
  /** A name for a block of fields used in several places (`uncertainty`, `energy-use`). */
  readonly ref?: string;
}

/** The keys under which field metadata is registered (JSON Schema's `title`/`description` + `x-`). */
type RegisteredMeta = z.core.GlobalMeta & {
  title?: string;
  description?: string;
  "x-unit"?: UnitId;
  "x-label"?: BilingualText;
  "x-description"?: BilingualText;
  "x-min"?: number;
  "x-max"?: number;
  "x-ref"?: string;
};

type Texts = BilingualText | readonly [en: string, zh: string];
const texts = (t: Texts): BilingualText => ("en" in t ? t : { en: t[0], zh: t[1] });

/**
 * The `.meta()` argument of a spec field: `title`/`description` in English for JSON Schema readers,
 * the unit, both labels and descriptions, and a range as `x-` keywords.
 * @example
 * const boundaryAreaHa = positiveUpTo(QUANTITY_BOUNDS.areaHa).meta(
 *   fieldMeta({ unit: "ha", label: ["boundary area", "核算边界面积"] }),
 * );
 */
export function fieldMeta(m: {
  unit: UnitId;
  label: Texts;
  description?: Texts;
  min?: number;
  max?: number;
  ref?: string;
}): RegisteredMeta {
  const label = texts(m.label);
  const description = m.description ? texts(m.description) : undefined;
  return {
    title: label.en,
    ...(description ? { description: description.en, "x-description": description } : {}),
    "x-unit": m.unit,
    "x-label": label,
    ...(m.min !== undefined ? { "x-min": m.min } : {}),
    ...(m.max !== undefined ? { "x-max": m.max } : {}),
    ...(m.ref !== undefined ? { "x-ref": m.ref } : {}),
  };
}

/**
 * Shorthand for a field: `field(schema, unit, [en, zh], [en, zh]?)` is
 * `schema.meta(fieldMeta({ unit, label, description }))`.
 */
export function field<T extends z.ZodType>(schema: T, unit: UnitId, label: Texts, description?: Texts): T {
  return schema.meta(fieldMeta({ unit, label, ...(description ? { description } : {}) })) as T;
}

/** One field of a spec as {@link specFields} reads it. */
export interface SpecField {
  /** Path in the document: `years[].energy[].amount`, `landUse.*` for a record's values. */
  readonly path: string;
  /** For a variant of a discriminated union: `kind = reclamation`; absent elsewhere. */
  readonly when?: string;
  /** number, integer, string, boolean, enum, literal, object, array, record, or `a | b` for a union. */
  readonly type: string;
  readonly unit?: UnitId;
  readonly label?: BilingualText;
  readonly description?: BilingualText;
  readonly min?: number;
  readonly max?: number;
  /** True when min is excluded (> rather than ≥). */
  readonly minExclusive?: boolean;
  readonly values?: readonly (string | number | boolean | null)[];
  readonly default?: unknown;
  readonly optional: boolean;
  /** True for an object, array of objects, record or union of objects: its fields follow. */
  readonly container: boolean;
  /** The name of a block of fields used in several places (the fields follow each time). */
  readonly ref?: string;
}

type AnySchema = z.core.$ZodType;
const defOf = (s: AnySchema) => s._zod.def as unknown as Record<string, unknown> & { type: string };

/** Metadata of a node and of every wrapper around it (the outermost wins). */
function metaOf(layers: readonly AnySchema[]): RegisteredMeta {
  const m: RegisteredMeta = {};
  for (const s of [...layers].reverse()) {
    const own = z.globalRegistry.get(s) as RegisteredMeta | undefined;
    if (own) Object.assign(m, own);
  }
  return m;
}

/** Range and integer-ness from a number's checks (min, max, int). */
function rangeOf(s: AnySchema) {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive: boolean | undefined;
  let integer = false;
  for (const c of (defOf(s).checks as AnySchema[] | undefined) ?? []) {
    const d = c._zod.def as unknown as Record<string, unknown>;
    if (d.check === "number_format" && String(d.format).includes("int")) integer = true;
    if (d.check === "greater_than") {
      min = d.value as number;
      minExclusive = d.inclusive === false ? true : undefined;
    }
    if (d.check === "less_than") max = d.value as number;
  }
  return { min, max, minExclusive, integer };
}

/** The schema under optional/default/nullable/readonly/pipe wrappers, its layers, and what they say. */
function unwrap(schema: AnySchema) {
  const layers: AnySchema[] = [];
  let s = schema;
  let optional = false;
  let dflt: unknown;
  let hasDefault = false;
  for (;;) {
    layers.push(s);
    const d = defOf(s);
    if (d.type === "optional" || d.type === "nullable" || d.type === "readonly") {
      if (d.type === "optional") optional = true;
      s = d.innerType as AnySchema;
    } else if (d.type === "default" || d.type === "prefault") {
      hasDefault = true;
      dflt = d.defaultValue;
      s = d.innerType as AnySchema;
    } else if (d.type === "pipe") s = d.in as AnySchema;
    else break;
  }
  return { inner: s, layers, optional, dflt, hasDefault };
}

const isObjectLike = (s: AnySchema): boolean => {
  const t = defOf(unwrap(s).inner).type;
  return (
    t === "object" ||
    t === "record" ||
    (t === "array" && isObjectLike(defOf(unwrap(s).inner).element as AnySchema)) ||
    (t === "union" && (defOf(unwrap(s).inner).options as AnySchema[]).some(isObjectLike))
  );
};

/** A short type name: `number`, `string[]`, `number | string`. */
function typeName(s: AnySchema): string {
  const { inner } = unwrap(s);
  const d = defOf(inner);
  if (d.type === "number") return rangeOf(inner).integer ? "integer" : "number";
  if (d.type === "array") return `${typeName(d.element as AnySchema)}[]`;
  if (d.type === "union") return [...new Set((d.options as AnySchema[]).map(typeName))].join(" | ");
  return d.type;
}

/**
 * Walks a spec and returns one entry per field path with its metadata (unit, labels, description),
 * type, range (from the zod checks: min/max, or the field's declared `min`/`max`), enum values and
 * default. Objects, arrays (`a[].b`), records (`a.*`), unions and discriminated unions (one entry per
 * variant, with `when`), and optional/default wrappers are followed; refinements are kept.
 *
 * @example
 * import { specFields } from "src/domain/common/field-meta.ts";
 * import { scenarioSchema } from "src/domain/pathway/scenario-spec.ts";
 * const endYear = specFields(scenarioSchema).find((f) => f.path === "endYear");
 * // { path: "endYear", type: "integer", unit: "year", label: { en: "end year", zh: "终止年份" },
 * //   min: 1900, max: 2200, default: 2060, optional: true, container: false }
 */
export function specFields(schema: AnySchema): SpecField[] {
  let fields = walked.get(schema);
  if (!fields) walked.set(schema, (fields = walk(schema)));
  return fields.slice();
}

/** The fields of a spec by path (the first variant of a discriminated union's field). */
export function fieldsByPath(schema: AnySchema): ReadonlyMap<string, SpecField> {
  const map = new Map<string, SpecField>();
  for (const f of specFields(schema)) if (!map.has(f.path)) map.set(f.path, f);
  return map;
}

/** Specs are declared once and never change: each is walked once. */
const walked = new WeakMap<AnySchema, SpecField[]>();

function walk(schema: AnySchema): SpecField[] {
  const out: SpecField[] = [];
  const seen = new Set<string>();
  const visit = (s: AnySchema, path: string, when: string | undefined, optionalAbove: boolean) => {
    const { inner, layers, optional, dflt, hasDefault } = unwrap(s);
    const d = defOf(inner);
    const m = metaOf(layers);
    if (path) {
      const key = `${path}|${when ?? ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      const r = d.type === "number" ? rangeOf(inner) : undefined;
      let values: SpecField["values"];
      if (d.type === "enum") values = Object.values(d.entries as Record<string, string | number>);
      else if (d.type === "literal") values = d.values as SpecField["values"];
      const numberOption =
        d.type === "union"
          ? (d.options as AnySchema[]).map((o) => unwrap(o).inner).find((o) => defOf(o).type === "number")
          : undefined;
      const ur = numberOption ? rangeOf(numberOption) : undefined;
      const min = m["x-min"] ?? r?.min ?? ur?.min;
      const max = m["x-max"] ?? r?.max ?? ur?.max;
      const minExclusive = m["x-min"] === undefined ? (r?.minExclusive ?? ur?.minExclusive) : undefined;
      // A list's block is named on its items.
      const ref =
        m["x-ref"] ??
        (d.type === "array" ? metaOf(unwrap(d.element as AnySchema).layers)["x-ref"] : undefined);
      out.push({
        path,
        ...(when ? { when } : {}),
        type: typeName(s),
        ...(m["x-unit"] !== undefined ? { unit: m["x-unit"] } : {}),
        ...(m["x-label"] ? { label: m["x-label"] } : {}),
        ...(m["x-description"] ? { description: m["x-description"] } : {}),
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(minExclusive ? { minExclusive } : {}),
        ...(values ? { values } : {}),
        ...(hasDefault ? { default: dflt } : {}),
        optional: optional || hasDefault || optionalAbove,
        container: isObjectLike(s),
        ...(ref ? { ref } : {}),
      });
    }
    const below = (p: string) => (path ? `${path}.${p}` : p);
    if (d.type === "object") {
      for (const [k, v] of Object.entries(d.shape as Record<string, AnySchema>))
        visit(v, below(k), when, false);
    } else if (d.type === "array") {
      const el = d.element as AnySchema;
      if (isObjectLike(el)) walkInto(el, `${path}[]`, when);
    } else if (d.type === "record") {
      const v = d.valueType as AnySchema;
      visit(v, below("*"), when, false);
    } else if (d.type === "union") walkUnion(inner, path, when);
  };
  /** The fields of an array's or a record's element, without an entry for the element itself. */
  const walkInto = (s: AnySchema, path: string, when: string | undefined) => {
    const { inner } = unwrap(s);
    const d = defOf(inner);
    if (d.type === "object")
      for (const [k, v] of Object.entries(d.shape as Record<string, AnySchema>))
        visit(v, `${path}.${k}`, when, false);
    else if (d.type === "union") walkUnion(inner, path, when);
    else if (d.type === "record") visit(d.valueType as AnySchema, `${path}.*`, when, false);
  };
  const walkUnion = (inner: AnySchema, path: string, when: string | undefined) => {
    const d = defOf(inner);
    const disc = d.discriminator as string | undefined;
    const shapes = (d.options as AnySchema[])
      .map((o) => defOf(unwrap(o).inner))
      .filter((od) => od.type === "object")
      .map((od) => od.shape as Record<string, AnySchema>);
    for (const shape of shapes) {
      const tag = disc ? (defOf(unwrap(shape[disc]!).inner).values as unknown[])[0] : undefined;
      const w = disc ? `${disc} = ${String(tag)}` : when;
      // In a plain union a field that only some variants have is optional.
      for (const [k, v] of Object.entries(shape))
        visit(v, path ? `${path}.${k}` : k, w, !disc && !shapes.every((sh) => k in sh));
    }
  };
  visit(schema, "", undefined, false);
  return out;
}

/** The label and description a spec declares for itself (its title). */
export function specTitle(schema: AnySchema): { label?: BilingualText; description?: BilingualText } {
  const m = metaOf(unwrap(schema).layers);
  return {
    ...(m["x-label"] ? { label: m["x-label"] } : {}),
    ...(m["x-description"] ? { description: m["x-description"] } : {}),
  };
}

/**
 * The fields of a spec that lack metadata: every field needs a label in en and zh, and every leaf
 * (not an object, list of objects, record or union of objects) a unit ("" for unitless).
 */
export function fieldsWithoutMeta(schema: AnySchema): string[] {
  return specFields(schema).flatMap((f) => {
    const missing = [
      ...(!f.label?.en || !f.label.zh ? ["label en+zh"] : []),
      ...(!f.container && f.unit === undefined ? ["unit"] : []),
    ];
    return missing.length ? [`${f.path}${f.when ? ` (${f.when})` : ""}: ${missing.join(", ")}`] : [];
  });
}
