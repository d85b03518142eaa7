/** Carbon density of one class in the four InVEST pools, t C/ha (stocks, not yearly fluxes). */
export interface ClassPools {
  readonly code: number;
  readonly aboveTCPerHa: number;
  readonly belowTCPerHa: number;
  readonly soilTCPerHa: number;
  readonly deadTCPerHa: number;
}

export const POOL_NAMES = ["above", "below", "soil", "dead"] as const;
export type PoolName = (typeof POOL_NAMES)[number];

/** A pool table with where it came from. */
export interface PoolTable {
  readonly source: string;
  readonly classes: readonly ClassPools[];
}

export const poolValue = (p: ClassPools, pool: PoolName): number =>
  pool === "above"
    ? p.aboveTCPerHa
    : pool === "below"
      ? p.belowTCPerHa
      : pool === "soil"
        ? p.soilTCPerHa
        : p.deadTCPerHa;

/** Total density of a class, t C/ha. */
export const totalDensity = (p: ClassPools): number =>
  p.aboveTCPerHa + p.belowTCPerHa + p.soilTCPerHa + p.deadTCPerHa;

/** Carbon stock per pool and in total (t C) of class areas (ha) keyed by code. */
export function carbonStock(
  table: PoolTable,
  areaHaByCode: ReadonlyMap<number, number>,
): Record<PoolName | "total", number> {
  const out = { above: 0, below: 0, soil: 0, dead: 0, total: 0 };
  for (const p of table.classes) {
    const a = areaHaByCode.get(p.code) ?? 0;
    for (const pool of POOL_NAMES) out[pool] += a * poolValue(p, pool);
    out.total += a * totalDensity(p);
  }
  return out;
}
