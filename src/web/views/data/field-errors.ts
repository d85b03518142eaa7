import type { ApiErrorDetail } from "../../api/client.ts";

/**
 * The API's problems split into those of a form's fields (for `form.setFields`) and the rest (to
 * list above the button), so that none is lost.
 */
export function fieldErrors<N extends string>(
  details: readonly ApiErrorDetail[],
  fields: readonly N[],
): { fields: { name: N; errors: string[] }[]; rest: string[] } {
  const at = new Map<N, string[]>();
  const rest: string[] = [];
  for (const d of details) {
    const f = fields.find(
      (name) => d.path === name || d.path.startsWith(`${name}.`) || d.path.startsWith(`${name}[`),
    );
    if (f) at.set(f, [...(at.get(f) ?? []), d.message]);
    else rest.push(d.path ? `${d.path}: ${d.message}` : d.message);
  }
  return { fields: [...at].map(([name, errors]) => ({ name, errors })), rest };
}
