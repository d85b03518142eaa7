/** Formats a number for a terminal table: grouped thousands, `digits` decimals; "–" for null. */
export function fmt(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Formats a share (0–1) as a percentage. */
export function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}
