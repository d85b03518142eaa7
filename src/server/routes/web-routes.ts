import { createReadStream, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cjkFontPath } from "../../report/chart-svg.ts";
import { ApiError } from "../api-error.ts";
import { apiDocsHtml } from "../api-docs.ts";
import { webBundle } from "../web-bundle.ts";

const TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  map: "application/json",
  ttf: "font/ttf",
};

/** The web app's pages (its router's paths): each is answered with the app, which draws the view. */
export const APP_PAGES = [
  "/",
  "/data",
  "/areas/*",
  "/login",
  "/public",
  "/public/*",
  "/admin",
  "/audit",
  "/manage",
  "/manage/*",
  "/reports",
  "/reports/*",
  "/inbox",
  "/account/password",
];

/**
 * The web app (bundled on first use; its pages — the paths of src/web/app/router.tsx — all answer
 * its index.html, so that a reload or a bookmark of any of them works), its CJK font, and the API
 * docs page.
 */
export function webRoutes(app: FastifyInstance, version: string): void {
  const asset = async (name: string, reply: FastifyReply) => {
    // A name is one file of the bundle's folder: no "." or ".." (nor any dot file), no folder.
    if (!/^[\w-][\w.-]*$/.test(name)) throw new ApiError("not-found", `no asset ${name}`);
    const dir = await webBundle();
    const path = join(dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) throw new ApiError("not-found", `no asset ${name}`);
    const ext = name.split(".").pop()!;
    reply.type((Object.hasOwn(TYPES, ext) && TYPES[ext]) || "application/octet-stream");
    return reply.send(createReadStream(path));
  };
  // Pages and files, not API routes: left out of the generated OpenAPI document.
  const hidden = { schema: { hide: true } };
  // The app's pages: its router draws the view of the path (a URL per view and selection).
  for (const page of APP_PAGES) app.get(page, hidden, async (_req, reply) => asset("index.html", reply));
  app.get<{ Params: { name: string } }>("/assets/:name", hidden, async (req, reply) =>
    asset(req.params.name, reply),
  );
  // Noto Sans SC for browsers without a Chinese font (loaded only for CJK text: see unicode-range).
  // 10.5 MB that never changes between installs: not gzipped on each request (a TrueType font gains
  // little), and validated by ETag/Last-Modified so that a browser asking again gets a 304.
  app.get("/assets/fonts/noto-sans-sc.ttf", { ...hidden, compress: false }, async (req, reply) =>
    unchangedFile(cjkFontPath(), "font/ttf", req, reply),
  );
  // No icon (pages say so with <link rel="icon" href="data:,">); a browser asking anyway gets an empty answer, not a 404.
  app.get("/favicon.ico", hidden, async (_req, reply) => reply.status(204).send());
  app.get("/docs", hidden, async (_req, reply) => reply.type(TYPES.html!).send(apiDocsHtml(version)));
}

/**
 * A file that changes only with the install, answered with a validator (a weak ETag of its size and
 * time, and Last-Modified) and cached for a day; a request whose If-None-Match (or, without it,
 * If-Modified-Since) matches gets 304 and no body.
 */
function unchangedFile(path: string, type: string, req: FastifyRequest, reply: FastifyReply) {
  const stat = statSync(path);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const modified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
  reply
    .header("etag", etag)
    .header("last-modified", modified.toUTCString())
    .header("cache-control", "public, max-age=86400");
  const match = req.headers["if-none-match"];
  const since = req.headers["if-modified-since"];
  const fresh =
    match !== undefined
      ? match.split(",").some((t) => t.trim() === etag || t.trim() === "*")
      : since !== undefined && Date.parse(since) >= modified.getTime();
  if (fresh) return reply.status(304).send();
  return reply.type(type).send(createReadStream(path));
}
