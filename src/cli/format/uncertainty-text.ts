import type { UncertaintyAnalysis } from "../../domain/factor/uncertainty/uncertainty-analysis.ts";
import type { UncertainInput } from "../../domain/factor/uncertainty/uncertain-input.ts";
import { fmt } from "./number-format.ts";
import { textTable } from "./text-table.ts";

const pm = (v: number | null, digits = 1) => (v === null ? "–" : `±${fmt(v, digits)}`);
const span = (i: Pick<UncertainInput, "lowPct" | "highPct">) =>
  Math.abs(i.lowPct - i.highPct) < 1e-6
    ? `±${fmt(i.lowPct, 1)} %`
    : `−${fmt(i.lowPct, 1)} %/+${fmt(i.highPct, 1)} %`;

/**
 * The uncertainty block of a text report: Approach 1 and Approach 2 side by side for every figure
 * (value, ± % of it, 95 % low and high), then the inputs with their intervals and where they come
 * from, the defaults used with their sources, and what is exact.
 */
/** "±5.0 %" or "−44.4 %/+38.9 %": an interval as % below and above a value. */
export const formatSpan = span;

export function formatUncertainty(u: UncertaintyAnalysis, digits = 2): string {
  const rows = u.rows.map((r) => [
    r.label,
    fmt(r.value, digits),
    pm(r.approach1.pct) + (r.approach1.valid ? "" : " *"),
    fmt(r.approach1.low, digits),
    fmt(r.approach1.high, digits),
    r.approach2 ? pm(r.approach2.pct) : "–",
    r.approach2 ? fmt(r.approach2.low, digits) : "–",
    r.approach2 ? fmt(r.approach2.high, digits) : "–",
    r.unit,
  ]);
  const parts = [
    `Uncertainty, 95 % intervals (IPCC 2006 Vol. 1 Ch. 3; Approach 2: ${u.keptDraws.toLocaleString("en-US")} draws, seed ${u.seed}):`,
    textTable(
      ["figure", "value", "Approach 1 %", "low", "high", "Approach 2 %", "P2.5", "P97.5", "unit"],
      rows,
    ),
  ];
  if (u.rows.some((r) => !r.approach1.valid))
    parts.push(
      "  * beyond Approach 1's validity (above about ±60 %): its low/high is a lognormal's for positive figures; Approach 2 is the better estimate",
    );
  parts.push(
    `Method: ${u.method}.`,
    `Sampling: ${u.sampling}.`,
    "",
    "Uncertain inputs (95 % interval as % below/above the value):",
    textTable(
      ["input", "value", "unit", "interval", "from"],
      u.inputs.map((i) => [
        i.kind === "factor" ? i.key.slice("factor:".length) : i.label,
        String(Number(i.value.toPrecision(8))),
        i.unit,
        span(i),
        i.basis === "default"
          ? `default ${i.defaultId}`
          : i.basis === "range"
            ? "its own range"
            : "the input",
      ]),
    ),
  );
  const defaults = new Map<string, UncertainInput>();
  for (const i of u.inputs) if (i.basis === "default" && i.defaultId) defaults.set(i.defaultId, i);
  if (defaults.size)
    parts.push(
      "Default uncertainties used (src/factors/data/uncertainty-defaults.csv):",
      ...[...defaults].map(([id, i]) => `  ${id} (${span(i)}, ${i.status}): ${i.source}`),
    );
  if (u.exactByDefinition.length)
    parts.push(`Exact by definition or convention: ${u.exactByDefinition.map((e) => e.label).join(", ")}.`);
  if (u.takenAsExact.length)
    parts.push(
      `Taken as exact for want of any range (see the warnings): ${u.takenAsExact.map((e) => e.label).join(", ")}.`,
    );
  return parts.join("\n");
}
