import { escapeHtml } from "../presentation/escape-html.ts";

const esc = escapeHtml;

type OpenApiDocument = { paths?: Record<string, unknown> };

/**
 * The document the docs page renders: the generated OpenAPI document of the last app built
 * (buildApp sets it once its routes are ready; every app of a process has the same routes).
 */
let apiDocument: () => OpenApiDocument = () => ({ paths: {} });

/** Sets where the docs page reads the generated OpenAPI document. */
export function setApiDocument(read: () => unknown): void {
  apiDocument = read as () => OpenApiDocument;
}

/**
 * The API docs page: every path and method of the generated OpenAPI document with its summary,
 * parameters, request body schema and responses. Plain HTML, no scripts or outside files.
 */
export function apiDocsHtml(version: string): string {
  const doc = apiDocument();
  const sections = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, unknown>)
      .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map(([method, op]) => {
        const o = op as {
          summary?: string;
          description?: string;
          requestBody?: { content: Record<string, { schema: unknown }> };
          responses?: Record<string, { description: string; content?: Record<string, unknown> }>;
          parameters?: { name: string; in: string; description?: string }[];
        };
        const params = o.parameters ?? [];
        const body = o.requestBody ? Object.entries(o.requestBody.content) : [];
        return `<section id="${esc(method + path)}"><h3><code class="m ${method}">${method.toUpperCase()}</code> <code>${esc(path)}</code></h3>
<p>${esc(o.summary ?? "")}${o.description ? ` — ${esc(o.description)}` : ""}</p>
${params.length ? `<p>Parameters: ${params.map((p) => `<code>${esc(p.name)}</code> (${p.in})${p.description ? ` ${esc(p.description)}` : ""}`).join(", ")}</p>` : ""}
${body.map(([type, c]) => `<details><summary>Request body (${esc(type)})</summary><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></details>`).join("")}
<ul>${Object.entries(o.responses ?? {})
          .map(
            ([code, r]) =>
              `<li><b>${code}</b> ${esc(r.description ?? "")}${r.content ? ` <small>${Object.keys(r.content).map(esc).join(", ")}</small>` : ""}</li>`,
          )
          .join("")}</ul></section>`;
      }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MineCarbon API ${esc(version)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}code.m{padding:.1em .4em;border-radius:3px;color:#fff}.get{background:#2e7d32}.post{background:#1565c0}.put,.patch{background:#ef6c00}.delete{background:#c62828}pre{background:#f5f5f5;padding:.5em;overflow:auto;font-size:.8em}section{border-bottom:1px solid #ddd;padding:.3em 0}</style></head>
<body><h1>MineCarbon API ${esc(version)}</h1><p>JSON over HTTP. Errors are <code>{error: {code, message, details[]}}</code>; each detail names a field path. Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, generated from the routes' schemas). Web app: <a href="/">/</a>.</p>
${sections.join("\n")}</body></html>`;
}
