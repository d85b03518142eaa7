import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import { codesNotInLegend, LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import { SEED001_ZONING } from "../domain/landuse/zoning-rules.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import type { StoredMap } from "../storage/landuse-map-repository.ts";
import type { ApiWarning, StoredLegend } from "../contract/area.ts";

export type { StoredLegend } from "../contract/area.ts";

/**
 * The Legend a stored legend stands for (an unknown preset is an error naming the known ones). A
 * class stored without a role (key) takes one from its name ("Water body" → "water-body"), never
 * from another row.
 */
export function areaLegend(s: StoredLegend): Legend {
  if ("preset" in s) {
    const p = LEGEND_PRESETS[s.preset];
    if (!p)
      throw new Error(
        `legend preset "${s.preset}" is unknown; known: ${Object.keys(LEGEND_PRESETS).join(", ")}`,
      );
    return p;
  }
  return {
    id: "area",
    description: "the mining area's own legend",
    classes: s.classes.map((c) => ({ ...c, key: c.key ?? c.name.toLowerCase().replace(/\s+/g, "-") })),
  };
}

/**
 * The classes of a stored legend with the role each carries and, per density set, the densities
 * that role takes — what the legend editor shows, so that nothing about a class is hidden.
 */
export function resolvedLegendClasses(s: StoredLegend) {
  return areaLegend(s).classes.map((c) => {
    const sets = Object.values(DENSITY_SETS).filter((d) => Object.hasOwn(d.classes, c.key));
    return {
      ...c,
      ...(sets.length
        ? { densities: Object.fromEntries(sets.map((d) => [d.id, { ...d.classes[c.key]! }])) }
        : {}),
    };
  });
}

/** Warnings about a legend's roles: a role no zoning rule or density set knows, a role given twice. */
export function legendRoleWarnings(s: StoredLegend): ApiWarning[] {
  const known = new Set([
    ...SEED001_ZONING.rules.flatMap((r) => [...r.from, ...r.to]),
    ...Object.values(DENSITY_SETS).flatMap((d) => Object.keys(d.classes)),
  ]);
  const classes = areaLegend(s).classes;
  const out: ApiWarning[] = [];
  const seen = new Map<string, number>();
  for (const c of classes) {
    if (!known.has(c.key)) {
      const params = { code: c.code, name: c.name, role: c.key, known: [...known].sort().join(", ") };
      out.push({
        code: "legendRoleUnknown",
        params,
        message: `class ${params.code} "${params.name}" has the role "${params.role}", which no zoning rule or density set knows: it is left out of seed 001's zoning and takes no density; roles they know: ${params.known}`,
      });
    }
    const other = seen.get(c.key);
    if (other !== undefined)
      out.push({
        code: "legendRoleTwice",
        params: { first: other, second: c.code, role: c.key },
        message: `classes ${other} and ${c.code} both have the role "${c.key}"; zoning and densities read them alike`,
      });
    else seen.set(c.key, c.code);
  }
  return out;
}

/**
 * Problems of a new legend against the area's stored maps: a code with pixels in a map that the new
 * legend lacks (its pixels would have no class). Each names the code, its pixels and the map's year.
 */
export function legendMapProblems(s: StoredLegend, maps: readonly StoredMap[]): InputIssue[] {
  const legend = areaLegend(s);
  return maps.flatMap((m) =>
    codesNotInLegend(legend, new Map((m.grid.histogram ?? []).map((h) => [h.code, h.pixels]))).map((u) => ({
      path: "classes",
      message: `must keep code ${u.code}: the ${m.year} map has ${u.pixels.toLocaleString("en-US")} px of it; add it back or recode that map first`,
    })),
  );
}
