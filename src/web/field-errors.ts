import type { Detail } from "./api.ts";
import { h } from "./dom.ts";

/**
 * Shows each problem the API named at its form field (the field whose `data-path` matches the
 * detail's path, or a prefix of it); problems no field claims are listed at the form's top, so
 * none is lost. Returns the number shown at fields.
 */
export function showFieldErrors(form: HTMLFormElement, details: readonly Detail[], fallback: string): number {
  clearFieldErrors(form);
  const fields = [...form.querySelectorAll<HTMLElement>(".field[data-path]")];
  const unclaimed: Detail[] = [];
  let shown = 0;
  for (const d of details) {
    const f = fields.find((x) => {
      const p = x.dataset.path!;
      // The field's own path, a part of it, or (for a problem with a whole entry) the entry holding it.
      return (
        d.path === p ||
        d.path.startsWith(`${p}.`) ||
        d.path.startsWith(`${p}[`) ||
        (d.path.includes(".") && p.startsWith(`${d.path}.`))
      );
    });
    if (!f) {
      unclaimed.push(d);
      continue;
    }
    f.classList.add("invalid");
    const input = f.querySelector("input,select");
    const id = `${input?.id ?? "f"}-error`;
    input?.setAttribute("aria-invalid", "true");
    input?.setAttribute("aria-describedby", id);
    f.append(h("div", { class: "field-error", id, role: "alert" }, d.message));
    shown++;
  }
  if (unclaimed.length || shown === 0)
    form.prepend(
      h(
        "div",
        { class: "form-error", role: "alert" },
        fallback,
        unclaimed.length
          ? h(
              "ul",
              {},
              unclaimed.map((d) => h("li", {}, d.path ? `${d.path}: ${d.message}` : d.message)),
            )
          : null,
      ),
    );
  return shown;
}

export function clearFieldErrors(form: HTMLFormElement): void {
  form.querySelectorAll(".field-error,.form-error").forEach((e) => e.remove());
  form.querySelectorAll(".invalid").forEach((e) => e.classList.remove("invalid"));
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
}

/** A labelled field bound to an API path. */
export function field(label: string, path: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  input.id ||= `f-${path.replace(/[^\w]+/g, "-")}`;
  input.name ||= path;
  return h("div", { class: "field", "data-path": path }, h("label", { for: input.id }, label), input);
}
