import { z } from "zod";
import { field, fieldMeta } from "../../common/field-meta.ts";
import { TEXT_BOUNDS, type InputBound } from "../../common/input-bounds.ts";
import { userText } from "../../validation/user-text.ts";

/**
 * Bounds on an input's own uncertainty (the 95 % interval as % below and above its value). Below:
 * a quantity that cannot be negative is at most 100 % below its value. Above: 1,000 % is a factor of
 * eleven, beyond IPCC's widest default ranges (about a factor of three) — more is a unit mistake.
 */
export const UNCERTAINTY_PCT_BOUNDS = {
  lowPct: { max: 100, unit: "%", why: "a quantity that cannot be negative is at most 100 % below its value" },
  highPct: {
    max: 1000,
    unit: "%",
    why: "a factor of eleven above the value, beyond IPCC's widest default ranges (about a factor of three)",
  },
} as const satisfies Record<string, InputBound>;

const pctUpTo = (b: InputBound) =>
  z
    .number()
    .min(0)
    .max(b.max, { error: `must be ≤ ${b.max} ${b.unit} (${b.why})` });

/**
 * An input's own uncertainty, overriding the default for its kind: `pct` (± % of the value, the half
 * of its 95 % interval, IPCC 2006 Vol. 1 Ch. 3) or `lowPct` and `highPct` for an asymmetric
 * interval, with where it comes from.
 */
export const uncertaintySpec = z
  .strictObject({
    pct: field(
      pctUpTo(UNCERTAINTY_PCT_BOUNDS.lowPct),
      "%",
      ["± % of the value", "相对不确定性（±%）"],
      ["half of its 95 % interval", "95% 置信区间的半宽"],
    ).optional(),
    lowPct: field(
      pctUpTo(UNCERTAINTY_PCT_BOUNDS.lowPct),
      "%",
      ["% below the value", "下限偏差（%）"],
      ["the 95 % interval's lower end, % below the value", "95% 置信区间下限低于该值的百分比"],
    ).optional(),
    highPct: field(
      pctUpTo(UNCERTAINTY_PCT_BOUNDS.highPct),
      "%",
      ["% above the value", "上限偏差（%）"],
      ["the 95 % interval's upper end, % above the value", "95% 置信区间上限高于该值的百分比"],
    ).optional(),
    source: field(
      userText(TEXT_BOUNDS.text).min(1),
      "",
      ["source", "来源"],
      ["where the uncertainty comes from", "不确定性的数据来源"],
    ).optional(),
  })
  .superRefine((u, ctx) => {
    const pair = u.lowPct !== undefined || u.highPct !== undefined;
    if (u.pct !== undefined && pair)
      ctx.addIssue({
        code: "custom",
        path: ["pct"],
        message: "must not be given with lowPct/highPct: give either pct or both lowPct and highPct",
      });
    else if (u.pct === undefined && !(u.lowPct !== undefined && u.highPct !== undefined))
      ctx.addIssue({
        code: "custom",
        path: [u.lowPct === undefined ? "lowPct" : "highPct"],
        message: "must be given: give either pct or both lowPct and highPct",
      });
  })
  .meta(
    fieldMeta({
      unit: "",
      label: ["uncertainty", "不确定性"],
      ref: "uncertainty",
      description: [
        "this input's own uncertainty (95 % interval), instead of the default for its kind",
        "该输入自身的不确定性（95% 置信区间），代替其类别的默认值",
      ],
    }),
  );

export type UncertaintySpec = z.output<typeof uncertaintySpec>;

/** The % below and above the value of a checked spec. */
export function specRange(u: UncertaintySpec): { lowPct: number; highPct: number } {
  return u.pct !== undefined ? { lowPct: u.pct, highPct: u.pct } : { lowPct: u.lowPct!, highPct: u.highPct! };
}
