/**
 * What changed between two versions of a submitted report, field by field, so that a reviewer
 * sees what the enterprise changed after a return. Content is JSON: objects are compared key by
 * key, arrays position by position; a field only in the later version is added (before
 * undefined), one only in the earlier removed (after undefined).
 */
export interface FieldChange {
  /** Where: "inventory.energy.rawCoalT", "measures[2].investmentCny". */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

export function versionChanges(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => versionChanges(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => versionChanges(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (Object.is(before, after)) return [];
  return [{ path, before, after }];
}
