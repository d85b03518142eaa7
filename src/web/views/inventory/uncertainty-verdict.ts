import type { MineInventoryRecord } from "../../../contract/mine-inventory.ts";

/**
 * What an inventory's uncertainty analysis can say: `not-asked` when none is stored, `no-range` when
 * no input (activity datum or factor) has a range — every input taken as exact, so any interval
 * would be a false zero — and `ranges` otherwise.
 */
export function uncertaintyVerdict(
  u: MineInventoryRecord["uncertainty"],
): "not-asked" | "no-range" | "ranges" {
  if (!u) return "not-asked";
  const ranged = u.inputs.some((i) => i.basis !== "none" && (i.lowPct > 0 || i.highPct > 0));
  return ranged && u.rows.length > 0 ? "ranges" : "no-range";
}
