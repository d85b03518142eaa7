import { quantity, type Quantity } from "./quantity.ts";

declare const hectareBrand: unique symbol;
/** Area in hectares (ha). The papers' hm² is the same unit: 1 hm² = 1 ha = 10,000 m². */
export type Hectares = Quantity<typeof hectareBrand>;

/** Area from a number of hectares (ha, = hm²). */
export function ha(value: number): Hectares {
  return quantity<typeof hectareBrand>(value, "area (ha)");
}

/** Area from hm², the papers' name for the hectare (1 hm² = 1 ha). */
export const hm2 = ha;

/** Area from square kilometres: 1 km² = 100 ha. */
export function km2(value: number): Hectares {
  return ha(value * 100);
}

/** Area from square metres: 1 m² = 0.0001 ha. */
export function m2(value: number): Hectares {
  return ha(value / 10_000);
}

/** The area in km². */
export function toKm2(area: Hectares): number {
  return area / 100;
}
