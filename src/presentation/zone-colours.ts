/** Fixed colours of seed 001's zones (and "unclassified"), RGB; shared by rasters, reports and the web app. */
const ZONE_COLOURS: Readonly<Record<string, [number, number, number]>> = {
  invariant: [46, 125, 50],
  enhancement: [38, 166, 154],
  "low-carbon-optimization": [251, 192, 45],
  "emission-control": [211, 47, 47],
  unclassified: [176, 176, 176],
};
const EXTRA_COLOURS: [number, number, number][] = [
  [121, 85, 72],
  [94, 53, 177],
  [0, 151, 167],
  [255, 112, 67],
  [124, 179, 66],
];

/** RGB colour of each zone, seed 001's four in fixed colours, others from a small palette. */
export function zoneColours(zoneNames: readonly string[]): [number, number, number][] {
  return zoneNames.map((z, i) => ZONE_COLOURS[z] ?? EXTRA_COLOURS[i % EXTRA_COLOURS.length]!);
}

/** An RGB colour as #rrggbb. */
export const rgbHex = (c: readonly number[]) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
