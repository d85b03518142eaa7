import { t } from "../presentation/i18n.ts";
import { api, ApiFailure, CLIENT_HEADERS } from "./api.ts";
import { h, mount } from "./dom.ts";
import { clearFieldErrors, field, showFieldErrors } from "./field-errors.ts";
import { inventoryForm } from "./inventory-form.ts";
import { legendForm } from "./legend-form.ts";
import type { Overview, ViewContext } from "./state.ts";

const PRESETS = ["seed001", "gbt21010", "clcd", "esa-worldcover"];

/** Polls a job until it ends, moving the progress bar; resolves with its final state. */
async function followJob(id: string, bar: HTMLProgressElement, note: HTMLElement, lang: ViewContext["lang"]) {
  for (;;) {
    const j = await api<{
      state: "queued" | "running" | "done" | "failed";
      percent: number;
      error: { message: string } | null;
    }>(`/api/jobs/${id}`);
    bar.value = j.percent;
    note.textContent = `${t(lang, j.state)} ${Math.round(j.percent)}%`;
    if (j.state === "done" || j.state === "failed") return j;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** The forms: create an area, upload maps, run an analysis, enter or import a year's activity data. */
export async function dataView(main: HTMLElement, ctx: ViewContext): Promise<() => void> {
  const lang = ctx.lang;
  const overview = ctx.areaId ? await api<Overview>(`/api/areas/${ctx.areaId}/overview`) : undefined;

  // Create a mining area.
  const createForm = h(
    "form",
    { id: "create-area", novalidate: true },
    field(t(lang, "name"), "name", h("input", { type: "text", required: true })),
    field(t(lang, "nameZh"), "nameZh", h("input", { type: "text" })),
    field(
      t(lang, "legend"),
      "legend",
      h(
        "select",
        {},
        PRESETS.map((p) => h("option", { value: p }, p)),
      ),
    ),
    h("button", { type: "submit", class: "primary" }, t(lang, "create")),
  );
  createForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = new FormData(createForm);
    clearFieldErrors(createForm);
    try {
      const a = await api<{ id: string }>("/api/areas", {
        method: "POST",
        json: { name: f.get("name"), nameZh: f.get("nameZh") || null, legend: { preset: f.get("legend") } },
      });
      ctx.select(a.id, "data");
    } catch (err) {
      if (err instanceof ApiFailure) showFieldErrors(createForm, err.details, err.message);
      else throw err;
    }
  });

  const panels: HTMLElement[] = [
    h("section", { class: "panel" }, h("h2", {}, t(lang, "newArea")), createForm),
  ];

  if (overview) {
    // Upload a land-use map.
    const uploadNote = h("p", { role: "status" });
    const uploadForm = h(
      "form",
      { id: "upload-map", novalidate: true },
      field(t(lang, "year"), "year", h("input", { type: "number", min: "1900", max: "2200", step: "1" })),
      field(t(lang, "file"), "file", h("input", { type: "file", accept: ".tif,.tiff,image/tiff" })),
      h("button", { type: "submit", class: "primary" }, t(lang, "upload")),
      uploadNote,
    );
    uploadForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      clearFieldErrors(uploadForm);
      const f = new FormData(uploadForm);
      const button = uploadForm.querySelector("button")!;
      button.disabled = true;
      uploadNote.textContent = "…";
      try {
        const fd = new FormData();
        fd.set("year", String(f.get("year") ?? ""));
        const file = f.get("file");
        if (file instanceof File && file.size > 0) fd.set("file", file);
        const res = await fetch(`/api/areas/${overview.area.id}/maps`, {
          method: "POST",
          body: fd,
          headers: CLIENT_HEADERS,
        });
        const body = await res.json();
        if (!res.ok)
          throw new ApiFailure(res.status, body.error.code, body.error.message, body.error.details);
        uploadNote.className = "ok";
        uploadNote.textContent = `✓ ${body.year}: ${body.grid.width}×${body.grid.height} px, ${body.grid.crs}`;
        setTimeout(() => ctx.rerender(), 600);
      } catch (err) {
        uploadNote.textContent = "";
        if (err instanceof ApiFailure) showFieldErrors(uploadForm, err.details, err.message);
        else throw err;
      } finally {
        button.disabled = false;
      }
    });

    // Run an analysis.
    const bar = h("progress", {
      max: "100",
      value: "0",
      id: "analysis-progress",
      hidden: true,
      "aria-label": t(lang, "progress"),
    });
    const runNote = h("p", { role: "status", id: "analysis-status" });
    const runForm = h(
      "form",
      { id: "run-analysis", novalidate: true },
      h("p", {}, `${t(lang, "maps")}: ${overview.maps.map((m) => m.year).join(", ") || t(lang, "noData")}`),
      field(
        t(lang, "densitySet"),
        "densitySet",
        h(
          "select",
          {},
          h("option", { value: "seed001-yang2019" }, "seed001-yang2019"),
          h("option", { value: "" }, t(lang, "none")),
        ),
      ),
      h("button", { type: "submit", class: "primary" }, t(lang, "runAnalysis")),
      bar,
      runNote,
    );
    runForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      clearFieldErrors(runForm);
      const densitySet = (runForm.querySelector("select") as HTMLSelectElement).value || null;
      try {
        const job = await api<{ id: string }>(`/api/areas/${overview.area.id}/analyses`, {
          method: "POST",
          json: { densitySet },
        });
        bar.hidden = false;
        const end = await followJob(job.id, bar, runNote, lang);
        if (end.state === "done")
          runNote.append(
            " ",
            h(
              "a",
              {
                href: `#area=${overview.area.id}&tab=map`,
                onclick: () => setTimeout(() => ctx.rerender(), 0),
              },
              t(lang, "map"),
            ),
          );
        else runNote.textContent = `${t(lang, "failed")}: ${end.error?.message ?? ""}`;
      } catch (err) {
        if (err instanceof ApiFailure) showFieldErrors(runForm, err.details, err.message);
        else throw err;
      }
    });

    panels.push(
      h("section", { class: "panel" }, h("h2", {}, t(lang, "uploadMap")), uploadForm),
      h("section", { class: "panel" }, h("h2", {}, t(lang, "runAnalysis")), runForm),
      h(
        "section",
        { class: "panel" },
        h("h2", {}, t(lang, "legend")),
        await legendForm(ctx, overview.area.id),
      ),
      h("section", { class: "panel" }, h("h2", {}, t(lang, "inventory")), await inventoryForm(ctx, overview)),
    );
  }
  mount(main, h("div", { class: "forms" }, panels));
  return () => undefined;
}
