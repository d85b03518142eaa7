/**
 * Region codes of GB/T 2260 (中华人民共和国行政区划代码): six digits, two for the province, two for
 * the city (prefecture) and two for the county. A province's code ends in 0000, a city's in 00. The
 * nation has no code in the standard; `NATION` ("100000", the code the national base maps use for
 * the whole country) stands for it so that a national department's jurisdiction is a region too.
 */
export type RegionCode = string & { readonly __regionCode: unique symbol };

export const NATION = "100000" as RegionCode;

export const REGION_LEVELS = ["national", "province", "city", "county"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const SIX_DIGITS = /^[1-9]\d{5}$/;

/** True when `s` has the form of a GB/T 2260 code (six digits, not starting with 0). */
export const isRegionCode = (s: string): s is RegionCode => SIX_DIGITS.test(s);

/** The code of `s`, or an error naming `where` and the form expected. */
export function regionCode(s: string, where: string): RegionCode {
  if (!isRegionCode(s))
    throw new RangeError(`${where} must be a six-digit region code of GB/T 2260 (e.g. 140600); got "${s}"`);
  return s;
}

/** The level a code names, read from its trailing zeros. */
export function regionLevel(code: RegionCode): RegionLevel {
  if (code === NATION) return "national";
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

/**
 * The codes above `code`, nearest first, ending with the nation: 140602 → 140600, 140000, 100000.
 * A county directly under its province (e.g. 419001) has the province as its first ancestor but
 * also the prefix-city code (419000), which then simply names no organisation.
 */
export function regionAncestors(code: RegionCode): RegionCode[] {
  const level = regionLevel(code);
  if (level === "national") return [];
  const up: RegionCode[] = [];
  if (level === "county") up.push(`${code.slice(0, 4)}00` as RegionCode);
  if (level !== "province") up.push(`${code.slice(0, 2)}0000` as RegionCode);
  up.push(NATION);
  return up;
}

/** True when `code` is `jurisdiction` or lies below it (a department sees its region and all under it). */
export function isWithinRegion(code: RegionCode, jurisdiction: RegionCode): boolean {
  return code === jurisdiction || regionAncestors(code).includes(jurisdiction);
}

/**
 * The prefix every code within `jurisdiction` starts with ("" for the nation), for queries that
 * scope by region with `LIKE prefix || '%'`.
 */
export function regionPrefix(jurisdiction: RegionCode): string {
  switch (regionLevel(jurisdiction)) {
    case "national":
      return "";
    case "province":
      return jurisdiction.slice(0, 2);
    case "city":
      return jurisdiction.slice(0, 4);
    case "county":
      return jurisdiction;
  }
}
