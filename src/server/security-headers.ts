import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of every answer. Scripts only from this server's own files: no inline
 * script, no inline event handler, no eval, so that text which slipped through unescaped still
 * cannot run. Styles allow 'unsafe-inline' because ECharts writes its tooltips as markup with
 * style attributes, the app colours legend swatches with style attributes, and the /docs page and
 * the self-contained HTML reports carry their CSS in a <style> element; CSS cannot run script in
 * the browsers we support. Images may be data: or blob: URLs (report maps, chart exports).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers sent with every answer (pages, API, files and errors alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  // Files are what their type says (a GeoTIFF or CSV is never sniffed into HTML).
  "x-content-type-options": "nosniff",
  // Area ids and analysis ids in URLs stay on this server.
  "referrer-policy": "no-referrer",
  // frame-ancestors for browsers that predate it (clickjacking).
  "x-frame-options": "DENY",
  // Other sites cannot embed this server's images or JSON with no-cors requests.
  "cross-origin-resource-policy": "same-origin",
};

/** Sends the security headers with every answer. */
export function securityHeaders(app: FastifyInstance): void {
  app.addHook("onRequest", async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}
