import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
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

/** The web app (bundled on first use; its pages at /, /data and /areas/…), its CJK font, and the API docs page. */
export function webRoutes(app: FastifyInstance, version: string): void {
  const asset = async (name: string, reply: import("fastify").FastifyReply) => {
    const dir = await webBundle();
    const path = join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(path))
      throw new ApiError(404, "not-found", `no asset ${name}`);
    const ext = name.split(".").pop()!;
    reply.type((Object.hasOwn(TYPES, ext) && TYPES[ext]) || "application/octet-stream");
    return reply.send(createReadStream(path));
  };
  // Pages and files, not API routes: left out of the generated OpenAPI document.
  const hidden = { schema: { hide: true } };
  // The app's pages: its router draws the view of the path (a URL per view and selection).
  app.get("/", hidden, async (_req, reply) => asset("index.html", reply));
  app.get("/data", hidden, async (_req, reply) => asset("index.html", reply));
  app.get("/areas/*", hidden, async (_req, reply) => asset("index.html", reply));
  app.get<{ Params: { name: string } }>("/assets/:name", hidden, async (req, reply) =>
    asset(req.params.name, reply),
  );
  // Noto Sans SC for browsers without a Chinese font (loaded only for CJK text: see unicode-range).
  app.get("/assets/fonts/noto-sans-sc.ttf", hidden, async (_req, reply) => {
    reply.type("font/ttf").header("cache-control", "max-age=86400");
    return reply.send(createReadStream(cjkFontPath()));
  });
  // No icon (pages say so with <link rel="icon" href="data:,">); a browser asking anyway gets an empty answer, not a 404.
  app.get("/favicon.ico", hidden, async (_req, reply) => reply.status(204).send());
  app.get("/docs", hidden, async (_req, reply) => reply.type(TYPES.html!).send(apiDocsHtml(version)));
}
