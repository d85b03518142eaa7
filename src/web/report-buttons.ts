import { t, type Lang } from "../presentation/i18n.ts";
import { api, ApiFailure } from "./api.ts";
import { h } from "./dom.ts";

/** Buttons that make a report (HTML or PDF, in the chosen language) and download it. */
export function reportButtons(
  lang: Lang,
  endpoint: string,
  extra: Record<string, unknown> = {},
): HTMLElement {
  const status = h("span", { class: "report-status", role: "status" });
  const make = (format: "html" | "pdf") => async (e: Event) => {
    const b = e.target as HTMLButtonElement;
    b.disabled = true;
    status.textContent = "…";
    try {
      const r = await api<{ url: string }>(endpoint, { method: "POST", json: { format, lang, ...extra } });
      status.replaceChildren(
        h("a", { href: r.url, download: "", class: "report-link" }, `${format.toUpperCase()} ⬇`),
      );
      const a = document.createElement("a");
      a.href = r.url;
      a.download = "";
      document.body.append(a);
      a.click();
      a.remove();
    } catch (err) {
      status.textContent = err instanceof ApiFailure ? err.message : String(err);
    } finally {
      b.disabled = false;
    }
  };
  return h(
    "span",
    { class: "reports" },
    h("button", { type: "button", class: "report-html", onclick: make("html") }, t(lang, "downloadHtml")),
    " ",
    h("button", { type: "button", class: "report-pdf", onclick: make("pdf") }, t(lang, "downloadPdf")),
    " ",
    status,
  );
}
