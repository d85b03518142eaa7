import { DENSITY_SETS } from "../domain/budget/density-sets.ts";
import { codesNotInLegend, LEGEND_PRESETS, type Legend } from "../domain/landuse/legend.ts";
import { SEED001_ZONING } from "../domain/landuse/zoning-rules.ts";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import type { StoredMap } from "../storage/landuse-map-repository.ts";
import { LEGEND_ROLES, type ApiWarning, type StoredLegend } from "../contract/area.ts";
import { suggestRole } from "../domain/landuse/legend-roles.ts";

export type { StoredLegend } from "../contract/area.ts";

/**
 * The Legend a stored legend stands for (an unknown preset is an error naming the known ones). A
 * class stored without a role (key) — written before roles were required — has the empty role: it
 * is never given one guessed from its name nor taken from another row; the editor shows it unset,
 * `legendRoleProblems` names it and an analysis refuses it until the user chooses.
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
    classes: s.classes.map((c) => ({ ...c, key: c.key ?? "" })),
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

/**
 * The classes of a stored legend that have no role, each named at `<at>[i].key`, with the roles to
 * choose from and the role its name suggests (to confirm, never stored without asking). Two classes
 * may share a role (two forest classes are both forest: zoning and densities read them alike); two
 * classes may not share a code (the contract refuses that).
 */
export function legendRoleProblems(s: StoredLegend, at = "legend.classes"): InputIssue[] {
  if ("preset" in s) return [];
  const roles = Object.keys(LEGEND_ROLES);
  return s.classes.flatMap((c, i) => {
    if (c.key !== undefined && c.key.trim() !== "") return [];
    const hint = suggestRole(c, roles);
    return [
      {
        path: `${at}[${i}].key`,
        message: `class ${c.code} "${c.name}" needs its role, one of ${roles.join(", ")}${hint ? ` (its name suggests "${hint}": confirm it by sending it)` : ""}`,
      },
    ];
  });
}

/**
 * What an analysis reads of a legend: each class's code, role and group (the group decides
 * data-driven zoning; the role, seed 001's zoning and the densities a density set gives the class).
 * Names, Chinese names and colours only label the results, so they are left out.
 */
const analysedPart = (s: StoredLegend) =>
  JSON.stringify(
    [...areaLegend(s).classes].sort((a, b) => a.code - b.code).map((c) => [c.code, c.key, c.group ?? ""]),
  );

/**
 * True when a new legend changes what the area's analyses were computed from (a code, a role or a
 * group): their results are then stale. A change of names or colours only re-labels them.
 */
export function legendChangesResults(before: StoredLegend, after: StoredLegend): boolean {
  return analysedPart(before) !== analysedPart(after);
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
    if (c.key === "") continue; // no role: refused where it is written (legendRoleProblems)
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
