import { RasterInputError } from "./raster-input-error.ts";

/**
 * The coordinate reference system of a raster, read from its GeoTIFF keys. Codes without an EPSG
 * entry (user-defined, 32767) are rebuilt from the projection and ellipsoid keys, as GDAL writes them.
 */
export interface Ellipsoid {
  readonly name: string;
  /** Semi-major axis, metres. */
  readonly a: number;
  /** Inverse flattening (1/f). */
  readonly invF: number;
}

export interface RasterCrs {
  readonly kind: "projected" | "geographic";
  /** Human-readable: "EPSG:26910" or "UTM zone 21S on GRS80 (user-defined)". */
  readonly label: string;
  readonly epsg?: number;
  /** A proj4 definition, when MineCarbon knows one; needed only to reproject vectors onto the grid. */
  readonly proj4?: string;
  readonly ellipsoid: Ellipsoid;
  /** Projected: metres per CRS unit. Geographic: always degrees (1). */
  readonly unitToMetre: number;
}

export const ELLIPSOIDS: Readonly<Record<number, Ellipsoid>> = {
  7030: { name: "WGS 84", a: 6378137, invF: 298.257223563 },
  7019: { name: "GRS 1980", a: 6378137, invF: 298.257222101 },
  1024: { name: "CGCS2000", a: 6378137, invF: 298.257222101 },
  7024: { name: "Krassowsky 1940", a: 6378245, invF: 298.3 },
  7049: { name: "IAG 1975 (Xian 1980)", a: 6378140, invF: 298.257 },
  7008: { name: "Clarke 1866", a: 6378206.4, invF: 294.978698214 },
  7022: { name: "International 1924", a: 6378388, invF: 297 },
};

/** Geographic CRSs by EPSG code, with the ellipsoid code and the proj4 datum part. */
const GEOGRAPHIC: Readonly<Record<number, { name: string; ellipsoid: number; proj4: string }>> = {
  4326: { name: "WGS 84", ellipsoid: 7030, proj4: "+datum=WGS84" },
  4490: { name: "CGCS2000", ellipsoid: 1024, proj4: "+ellps=GRS80 +towgs84=0,0,0" },
  4269: { name: "NAD83", ellipsoid: 7019, proj4: "+datum=NAD83" },
  4258: { name: "ETRS89", ellipsoid: 7019, proj4: "+ellps=GRS80 +towgs84=0,0,0" },
  4674: { name: "SIRGAS 2000", ellipsoid: 7019, proj4: "+ellps=GRS80 +towgs84=0,0,0" },
  4214: { name: "Beijing 1954", ellipsoid: 7024, proj4: "+ellps=krass" },
  4610: { name: "Xian 1980", ellipsoid: 7049, proj4: "+a=6378140 +rf=298.257" },
};

/** Linear units (EPSG unit codes) in metres. */
const LINEAR_UNITS: Readonly<Record<number, number>> = { 9001: 1, 9002: 0.3048, 9003: 1200 / 3937 };

/** A GeoTIFF key directory as geotiff.js returns it. */
export type GeoKeys = Readonly<Record<string, number | string | readonly number[] | undefined>>;

const num = (keys: GeoKeys, name: string): number | undefined => {
  const v = keys[name];
  return typeof v === "number" ? v : undefined;
};

function ellipsoidOf(keys: GeoKeys, geographicCode: number | undefined): Ellipsoid {
  const known = geographicCode !== undefined ? GEOGRAPHIC[geographicCode] : undefined;
  if (known) return ELLIPSOIDS[known.ellipsoid]!;
  const code = num(keys, "GeogEllipsoidGeoKey");
  if (code !== undefined && ELLIPSOIDS[code]) return ELLIPSOIDS[code];
  const a = num(keys, "GeogSemiMajorAxisGeoKey");
  const invF = num(keys, "GeogInvFlatteningGeoKey");
  const b = num(keys, "GeogSemiMinorAxisGeoKey");
  if (a !== undefined && invF !== undefined) return { name: `a=${a}, 1/f=${invF}`, a, invF };
  if (a !== undefined && b !== undefined)
    return { name: `a=${a}, b=${b}`, a, invF: a === b ? Infinity : a / (a - b) };
  // GeoTIFF's default when no datum is written is WGS 84; say so in the label.
  return { ...ELLIPSOIDS[7030]!, name: "WGS 84 (assumed: the file names no ellipsoid)" };
}

const ellipsoidProj4 = (e: Ellipsoid) =>
  Number.isFinite(e.invF) ? `+a=${e.a} +rf=${e.invF}` : `+a=${e.a} +b=${e.a}`;

/** Projected CRSs MineCarbon knows by EPSG code: UTM on common datums and China's CGCS2000 Gauss–Krüger. */
export function knownProjected(
  epsg: number,
): { label: string; proj4: string; ellipsoid: number } | undefined {
  const utm = (zone: number, south: boolean, datum: string, ellipsoid: number, name: string) => ({
    label: `${name} / UTM zone ${zone}${south ? "S" : "N"}`,
    proj4: `+proj=utm +zone=${zone}${south ? " +south" : ""} ${datum} +units=m +no_defs`,
    ellipsoid,
  });
  if (epsg >= 32601 && epsg <= 32660) return utm(epsg - 32600, false, "+datum=WGS84", 7030, "WGS 84");
  if (epsg >= 32701 && epsg <= 32760) return utm(epsg - 32700, true, "+datum=WGS84", 7030, "WGS 84");
  if (epsg >= 26901 && epsg <= 26923) return utm(epsg - 26900, false, "+datum=NAD83", 7019, "NAD83");
  if (epsg >= 25828 && epsg <= 25838)
    return utm(epsg - 25800, false, "+ellps=GRS80 +towgs84=0,0,0", 7019, "ETRS89");
  if (epsg >= 31978 && epsg <= 31985)
    return utm(epsg - 31960, true, "+ellps=GRS80 +towgs84=0,0,0", 7019, "SIRGAS 2000");
  const gk = (lon0: number, x0: number, label: string) => ({
    label: `CGCS2000 / ${label}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
    ellipsoid: 1024,
  });
  // CGCS2000 Gauss–Krüger: 6° zones 13–23 (4491–4501) and their CM forms (4502–4512);
  // 3° zones 25–45 (4513–4533) and their CM forms (4534–4554).
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4478;
    return gk(zone * 6 - 3, zone * 1e6 + 500000, `6-degree Gauss-Kruger zone ${zone}`);
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const cm = 75 + (epsg - 4502) * 6;
    return gk(cm, 500000, `6-degree Gauss-Kruger CM ${cm}E`);
  }
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4488;
    return gk(zone * 3, zone * 1e6 + 500000, `3-degree Gauss-Kruger zone ${zone}`);
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const cm = 75 + (epsg - 4534) * 3;
    return gk(cm, 500000, `3-degree Gauss-Kruger CM ${cm}E`);
  }
  if (epsg === 3857)
    return {
      label: "WGS 84 / Pseudo-Mercator",
      proj4:
        "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs",
      ellipsoid: 7030,
    };
  return undefined;
}

/** A user-defined projection (ProjectedCSTypeGeoKey 32767) from its keys, as proj4 parameters. */
function userDefinedProjection(keys: GeoKeys): { label: string; params: string } | undefined {
  const projection = num(keys, "ProjectionGeoKey");
  if (projection !== undefined && projection >= 16001 && projection <= 16060)
    return { label: `UTM zone ${projection - 16000}N`, params: `+proj=utm +zone=${projection - 16000}` };
  if (projection !== undefined && projection >= 16101 && projection <= 16160)
    return {
      label: `UTM zone ${projection - 16100}S`,
      params: `+proj=utm +zone=${projection - 16100} +south`,
    };
  const transform = num(keys, "ProjCoordTransGeoKey");
  const k = (name: string, fallback = 0) => num(keys, name) ?? fallback;
  const common = `+x_0=${k("ProjFalseEastingGeoKey", k("ProjFalseOriginEastingGeoKey"))} +y_0=${k("ProjFalseNorthingGeoKey", k("ProjFalseOriginNorthingGeoKey"))}`;
  switch (transform) {
    case 1:
      return {
        label: "Transverse Mercator",
        params: `+proj=tmerc +lat_0=${k("ProjNatOriginLatGeoKey")} +lon_0=${k("ProjNatOriginLongGeoKey", k("ProjCenterLongGeoKey"))} +k=${k("ProjScaleAtNatOriginGeoKey", 1)} ${common}`,
      };
    case 11:
      return {
        label: "Albers equal-area",
        params: `+proj=aea +lat_1=${k("ProjStdParallel1GeoKey")} +lat_2=${k("ProjStdParallel2GeoKey")} +lat_0=${k("ProjFalseOriginLatGeoKey", k("ProjNatOriginLatGeoKey"))} +lon_0=${k("ProjFalseOriginLongGeoKey", k("ProjNatOriginLongGeoKey", k("ProjCenterLongGeoKey")))} ${common}`,
      };
    case 8:
      return {
        label: "Lambert conformal conic (2SP)",
        params: `+proj=lcc +lat_1=${k("ProjStdParallel1GeoKey")} +lat_2=${k("ProjStdParallel2GeoKey")} +lat_0=${k("ProjFalseOriginLatGeoKey")} +lon_0=${k("ProjFalseOriginLongGeoKey")} ${common}`,
      };
    default:
      return undefined;
  }
}

/** Reads the CRS of a raster from its GeoTIFF keys; `where` names the file for errors. */
export function crsFromGeoKeys(keys: GeoKeys | null | undefined, where: string): RasterCrs {
  if (!keys || Object.keys(keys).length === 0)
    throw new RasterInputError(
      `${where}: the file has no GeoTIFF keys, so its coordinate system is unknown; georeference it (e.g. gdal_edit.py -a_srs EPSG:xxxx) and try again`,
    );
  const model = num(keys, "GTModelTypeGeoKey");
  const geographicCode = num(keys, "GeographicTypeGeoKey");
  const ellipsoid = ellipsoidOf(keys, geographicCode);
  if (model === 2) {
    const angular = num(keys, "GeogAngularUnitsGeoKey") ?? 9102;
    if (angular !== 9102)
      throw new RasterInputError(
        `${where}: geographic coordinates must be in degrees (unit 9102); got unit ${angular}`,
      );
    const known = geographicCode !== undefined ? GEOGRAPHIC[geographicCode] : undefined;
    return {
      kind: "geographic",
      label: known ? `EPSG:${geographicCode} (${known.name})` : `geographic on ${ellipsoid.name}`,
      ...(known ? { epsg: geographicCode } : {}),
      proj4: `+proj=longlat ${known ? known.proj4 : ellipsoidProj4(ellipsoid)} +no_defs`,
      ellipsoid,
      unitToMetre: 1,
    };
  }
  if (model !== 1)
    throw new RasterInputError(
      `${where}: GTModelTypeGeoKey is ${model ?? "missing"}; MineCarbon reads projected (1) or geographic (2) rasters`,
    );
  const unitCode = num(keys, "ProjLinearUnitsGeoKey");
  const code = num(keys, "ProjectedCSTypeGeoKey");
  const known = code !== undefined && code !== 32767 ? knownProjected(code) : undefined;
  const unitToMetre = unitCode === undefined ? 1 : LINEAR_UNITS[unitCode];
  if (unitToMetre === undefined)
    throw new RasterInputError(
      `${where}: linear unit ${unitCode} is not one MineCarbon converts (metre 9001, foot 9002, US survey foot 9003)`,
    );
  if (known)
    return {
      kind: "projected",
      label: `EPSG:${code} (${known.label})`,
      epsg: code,
      proj4: known.proj4,
      ellipsoid: ELLIPSOIDS[known.ellipsoid]!,
      unitToMetre,
    };
  if (code !== undefined && code !== 32767)
    return { kind: "projected", label: `EPSG:${code}`, epsg: code, ellipsoid, unitToMetre };
  const user = userDefinedProjection(keys);
  const datum =
    geographicCode !== undefined && GEOGRAPHIC[geographicCode]
      ? GEOGRAPHIC[geographicCode].proj4
      : ellipsoidProj4(ellipsoid);
  return {
    kind: "projected",
    label: `${user?.label ?? "projection"} on ${ellipsoid.name} (user-defined, no EPSG code)`,
    ...(user ? { proj4: `${user.params} ${datum} +units=m +no_defs` } : {}),
    ellipsoid,
    unitToMetre,
  };
}

/** True when two CRSs are the same for the purpose of matching grids. */
export function sameCrs(a: RasterCrs, b: RasterCrs): boolean {
  if (a.kind !== b.kind) return false;
  if (a.epsg !== undefined && b.epsg !== undefined) return a.epsg === b.epsg;
  if (a.proj4 !== undefined && b.proj4 !== undefined) return a.proj4 === b.proj4;
  return a.label === b.label;
}

/**
 * A proj4 definition for an EPSG code MineCarbon knows (the geographic CRSs above and
 * `knownProjected`), for reprojecting vectors and points; undefined otherwise.
 */
export function proj4ForEpsg(code: number): string | undefined {
  const geographic = GEOGRAPHIC[code];
  if (geographic) return `+proj=longlat ${geographic.proj4} +no_defs`;
  return knownProjected(code)?.proj4;
}
