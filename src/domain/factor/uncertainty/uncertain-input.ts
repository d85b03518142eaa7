import type { FactorStatus } from "../factor.ts";
import type { FactorTable } from "../factor-table.ts";
import {
  activityDefault,
  factorDefault,
  type ActivityKind,
  type UncertaintyDefault,
} from "./uncertainty-default.ts";
import { specRange, type UncertaintySpec } from "./uncertainty-spec.ts";

/**
 * Where an input's uncertainty comes from: the input file (`input`), the factor's own low–high in
 * the library or a --factors file (`range`), the default for its kind in the registry (`default`), or
 * none: `exact`, by definition or convention (`definition`, `convention`) or for want of any range
 * (`none`, named in a warning).
 */
export type UncertaintyBasis = "input" | "range" | "default" | "definition" | "convention" | "none";

/**
 * One uncertain input of a computation — an activity datum or a factor — with its 95 % interval as %
 * below and above its value (0 and 0 when exact) and where that interval comes from.
 */
export interface UncertainInput {
  /** `factor:<id>` or `activity:<path in the input file>`. */
  readonly key: string;
  readonly kind: "activity" | "factor";
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly lowPct: number;
  readonly highPct: number;
  readonly basis: UncertaintyBasis;
  /** The registry row used, for basis `default`, `definition` or `convention`. */
  readonly defaultId?: string;
  readonly source: string;
  /** How sure we are of the uncertainty's source (the registry row's or the factor's status). */
  readonly status?: FactorStatus;
  readonly activityKind?: ActivityKind;
}

/** True when the input moves in the draws (a non-zero value with a non-zero interval). */
export function isUncertain(i: UncertainInput): boolean {
  return i.value !== 0 && (i.lowPct > 0 || i.highPct > 0);
}

const NO_RANGE = "no range in the factor's source and no default for its kind";

/**
 * The uncertainty of factor `id` from the table: its own low–high (as a 95 % interval), else the
 * registry's default for factors like it, else exact — by definition or convention where the
 * registry says so, otherwise for want of a range. Reads without recording the factor as used.
 */
export function factorUncertainty(table: FactorTable, id: string): UncertainInput {
  const f = table.peek(id);
  if (!f) throw new Error(`internal: factor ${id} is not in the table`);
  const base: InputBase = {
    key: `factor:${id}`,
    kind: "factor",
    label: f.quantity,
    value: f.value,
    unit: f.unit,
  };
  const low = f.low ?? f.value;
  const high = f.high ?? f.value;
  if ((low !== f.value || high !== f.value) && f.value !== 0) {
    return {
      ...base,
      lowPct: (Math.abs(f.value - low) / Math.abs(f.value)) * 100,
      highPct: (Math.abs(high - f.value) / Math.abs(f.value)) * 100,
      basis: "range",
      source: `the factor's own range ${low}–${high} ${f.unit} (${f.source})`,
      status: f.status,
    };
  }
  const d = factorDefault(f, table.uncertaintyDefaults);
  if (d) return fromDefault(base, d);
  return { ...base, lowPct: 0, highPct: 0, basis: "none", source: NO_RANGE };
}

/**
 * The uncertainty of an activity datum: the input's own `uncertainty`, else the registry's default
 * for its kind, else exact (named in a warning).
 */
export function activityUncertainty(
  path: string,
  label: string,
  kind: ActivityKind,
  value: number,
  unit: string,
  own: UncertaintySpec | undefined,
  defaults: readonly UncertaintyDefault[],
): UncertainInput {
  const base: InputBase = {
    key: `activity:${path}`,
    kind: "activity",
    label,
    value,
    unit,
    activityKind: kind,
  };
  if (own)
    return {
      ...base,
      ...specRange(own),
      basis: "input",
      source: own.source ?? "the input's own uncertainty (no source given)",
    };
  const d = activityDefault(kind, defaults);
  if (d) return fromDefault(base, d);
  return { ...base, lowPct: 0, highPct: 0, basis: "none", source: `no default for ${kind} data` };
}

type InputBase = Pick<UncertainInput, "key" | "kind" | "label" | "value" | "unit" | "activityKind">;

function fromDefault(base: InputBase, d: UncertaintyDefault): UncertainInput {
  return {
    ...base,
    lowPct: d.exact ? 0 : d.lowPct,
    highPct: d.exact ? 0 : d.highPct,
    basis: d.exact ?? "default",
    defaultId: d.id,
    source: `${d.source}${d.table && d.table !== "-" ? `, ${d.table}` : ""}`,
    status: d.status,
  };
}
