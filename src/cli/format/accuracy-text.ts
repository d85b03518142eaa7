import type { assessMapAccuracy } from "../../landuse-analysis/assess-map-accuracy.ts";

type Result = Awaited<ReturnType<typeof assessMapAccuracy>>;
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The accuracy assessment as text: confusion matrix, per-class accuracies, overall figures, warnings. */
export function formatAccuracy(r: Result): string {
  const name = (c: number) => r.classNames[c] ?? String(c);
  const w = Math.max(12, ...r.codes.map((c) => name(c).length));
  const lines = [
    `Accuracy of ${r.map} against ${r.samplesFile} (${r.samples} samples, legend ${r.legend})`,
    "",
    `Confusion matrix (rows: map, columns: reference)`,
    `${"".padEnd(w)} ${r.codes.map((c) => String(c).padStart(6)).join("")}`,
    ...r.codes.map(
      (c, i) => `${name(c).padEnd(w)} ${r.matrix[i]!.map((v) => String(v).padStart(6)).join("")}`,
    ),
    "",
    `${"class".padEnd(w)}  producer's   user's`,
    ...r.codes.map(
      (c, i) =>
        `${name(c).padEnd(w)}  ${pct(r.producers[i]!.accuracy).padStart(10)} ${pct(r.users[i]!.accuracy).padStart(8)}`,
    ),
    "",
    `Overall accuracy ${pct(r.overallAccuracy)}, kappa ${r.kappa.toFixed(3)} (seed 001 requires ≥ 85% and ≥ 0.75)`,
    ...r.excluded.map((e) => `left out: ${e.where}: ${e.why}`),
    ...r.warnings.map((x) => `warning: ${x}`),
  ];
  return lines.join("\n");
}
