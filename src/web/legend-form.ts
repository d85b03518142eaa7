import { t } from "../presentation/i18n.ts";
import type { StoredLegendClass } from "../presentation/legend-class.ts";
import { api, ApiFailure } from "./api.ts";
import { h } from "./dom.ts";
import { clearFieldErrors, showFieldErrors } from "./field-errors.ts";
import type { ViewContext } from "./state.ts";

type LegendClass = StoredLegendClass;

/**
 * The legend editor: one row per class (code, name, Chinese name, colour), rows can be added and
 * removed; saved as the area's own classes. Each problem is shown at its cell (paths like
 * `legend.classes[2].code`).
 */
export async function legendForm(ctx: ViewContext, areaId: string): Promise<HTMLElement> {
  const lang = ctx.lang;
  const legend = await api<{ classes: LegendClass[] }>(`/api/areas/${areaId}/legend`);
  const body = h("tbody");
  const note = h("p", { role: "status" });
  const row = (c: Partial<LegendClass>) => {
    const i = body.children.length;
    const cell = (path: string, input: HTMLInputElement) =>
      h("td", {}, h("div", { class: "field", "data-path": path }, input));
    const tr = h(
      "tr",
      { "data-key": c.key ?? "", "data-group": c.group ?? "" },
      cell(
        `legend.classes[${i}].code`,
        h("input", {
          type: "text",
          inputmode: "numeric",
          value: c.code ?? "",
          "aria-label": "code",
          size: 4,
          class: "code",
        }),
      ),
      cell(
        `legend.classes[${i}].name`,
        h("input", { type: "text", value: c.name ?? "", "aria-label": t(lang, "name"), class: "name" }),
      ),
      cell(
        `legend.classes[${i}].nameZh`,
        h("input", { type: "text", value: c.nameZh ?? "", "aria-label": t(lang, "nameZh"), class: "nameZh" }),
      ),
      cell(
        `legend.classes[${i}].colour`,
        h("input", { type: "color", value: c.colour ?? "#999999", "aria-label": "colour", class: "colour" }),
      ),
      h("td", {}, h("button", { type: "button", "aria-label": "remove", onclick: () => tr.remove() }, "✕")),
    );
    body.append(tr);
  };
  legend.classes.forEach(row);
  const form = h(
    "form",
    { id: "legend-form", novalidate: true },
    h(
      "div",
      { style: "overflow-x:auto" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "code"),
            h("th", {}, t(lang, "name")),
            h("th", {}, t(lang, "nameZh")),
            h("th", {}, "colour"),
            h("th", {}),
          ),
        ),
        body,
      ),
    ),
    h("button", { type: "button", onclick: () => row({}) }, "+"),
    h("button", { type: "submit", class: "primary" }, t(lang, "save")),
    note,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    note.textContent = "";
    const classes = [...body.querySelectorAll("tr")].map((tr) => {
      const v = (cls: string) => tr.querySelector<HTMLInputElement>(`input.${cls}`)!.value.trim();
      const code = v("code");
      return {
        code: code !== "" && Number.isFinite(Number(code)) ? Number(code) : code,
        name: v("name"),
        ...(v("nameZh") ? { nameZh: v("nameZh") } : {}),
        ...(tr.dataset.key ? { key: tr.dataset.key } : {}),
        ...(tr.dataset.group ? { group: tr.dataset.group } : {}),
        colour: v("colour"),
      };
    });
    try {
      await api(`/api/areas/${areaId}`, { method: "PATCH", json: { legend: { classes } } });
      note.className = "ok";
      note.textContent = `✓ ${classes.length}`;
    } catch (err) {
      if (err instanceof ApiFailure) showFieldErrors(form, err.details, err.message);
      else throw err;
    }
  });
  return form;
}
