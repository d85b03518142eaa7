import type { ApiErrorDetail } from "../../api/client.ts";

/**
 * The API's problems of an inventory document at the form fields they are about: a problem belongs
 * to the field whose API path it names, lies under (`fuels.diesel.amount` under `fuels.diesel`… and
 * `x[0]` under `x`) or is the parent of (a missing object at `fuels`). The rest are `unclaimed`, to
 * be listed with their paths.
 */
export function problemsAtFields(
  details: readonly ApiErrorDetail[],
  fields: readonly { name: string; apiPath: string }[],
): { at: Map<string, string[]>; unclaimed: ApiErrorDetail[] } {
  const unclaimed: ApiErrorDetail[] = [];
  const at = new Map<string, string[]>();
  for (const d of details) {
    const s = fields.find(
      (f) =>
        d.path === f.apiPath ||
        d.path.startsWith(`${f.apiPath}.`) ||
        d.path.startsWith(`${f.apiPath}[`) ||
        (d.path.includes(".") && f.apiPath.startsWith(`${d.path}.`)),
    );
    if (s) at.set(s.name, [...(at.get(s.name) ?? []), d.message]);
    else unclaimed.push(d);
  }
  return { at, unclaimed };
}
