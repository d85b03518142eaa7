/**
 * Solves a square system A·x = b whose matrix has entries 0/±1 and determinant ±1, so that integer
 * right-hand sides give an integer solution (Cramer's rule). Gaussian elimination with partial
 * pivoting finds it; the rounded solution is then checked exactly against every equation, so a
 * matrix that is not unimodular, or a singular one, fails loudly instead of giving pixel counts
 * that are off by a fraction.
 *
 * @param a rows of coefficients (n × n)
 * @param b integer right-hand sides (n)
 * @param rowNames names of the equations, for the error message
 * @returns the integer solution x (n)
 */
export function solveUnimodular(
  a: readonly (readonly number[])[],
  b: readonly number[],
  rowNames: readonly string[],
): number[] {
  const n = b.length;
  if (a.length !== n || a.some((r) => r.length !== n))
    throw new RangeError(`the system must be square: ${a.length} equations, ${a[0]?.length ?? 0} unknowns`);
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-9) throw new RangeError(`the system is singular at unknown ${c + 1}`);
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r]!;
      const f = row[c]! / pivot[c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k]! -= f * pivot[k]!;
    }
  }
  const x = m.map((row, i) => Math.round(row[n]! / row[i]!));
  a.forEach((row, i) => {
    const lhs = row.reduce((s, v, j) => s + v * x[j]!, 0);
    if (lhs !== b[i])
      throw new RangeError(
        `equation ${rowNames[i] ?? i + 1}: the integer solution gives ${lhs}, not ${b[i]} (the matrix is not unimodular)`,
      );
  });
  return x;
}
