import Fastify, { type FastifyInstance } from "fastify";
import type { z } from "zod";
import { zodIssuesToInputIssues } from "../domain/validation/zod-issues.ts";
import { MiningAreaRepository, type MiningArea } from "../storage/mining-area-repository.ts";
import type { Store } from "../storage/open-database.ts";
import { ApiError, notFound } from "./api-error.ts";
import { miningAreaInput, miningAreaPatch } from "./area-schemas.ts";
import { openApiDocument } from "./openapi.ts";

/** Checks a body against a schema; every problem becomes a detail with its field path (400). */
function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new ApiError(
      400,
      "bad-input",
      "the request body has problems; see details",
      zodIssuesToInputIssues(r.error, body),
    );
  return r.data;
}

const areaJson = (a: MiningArea) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/**
 * The HTTP API over a store. Thin: it checks requests with the zod schemas, calls the repositories
 * and answers JSON; every error is `{error: {code, message, details}}` with a 4xx status for the
 * client's mistakes and 500 (without internals) for ours.
 */
export function buildApp(store: Store, o: { logger?: boolean; version?: string } = {}): FastifyInstance {
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 1 << 20 });
  const areas = new MiningAreaRepository(store.db);

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send(error.body());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.status(status).send(new ApiError(status, "bad-request", (error as Error).message).body());
    app.log.error(error);
    return reply
      .status(500)
      .send(new ApiError(500, "internal", "an internal error; it has been logged").body());
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(new ApiError(404, "not-found", `no route ${req.method} ${req.url}`).body()),
  );

  app.get("/health", async () => ({ ok: true, store: store.kind }));
  app.get("/openapi.json", async () => openApiDocument(o.version ?? "0.1.0"));

  app.get("/api/areas", async () => (await areas.list()).map(areaJson));
  app.post("/api/areas", async (req, reply) => {
    const a = await areas.create(parse(miningAreaInput, req.body));
    return reply.status(201).send(areaJson(a));
  });
  app.get<{ Params: { id: string } }>("/api/areas/:id", async (req) => {
    const a = /^\d+$/.test(req.params.id) ? await areas.get(req.params.id) : undefined;
    if (!a) throw notFound("mining area", req.params.id);
    return areaJson(a);
  });
  app.patch<{ Params: { id: string } }>("/api/areas/:id", async (req) => {
    const patch = parse(miningAreaPatch, req.body);
    const a = /^\d+$/.test(req.params.id) ? await areas.update(req.params.id, patch) : undefined;
    if (!a) throw notFound("mining area", req.params.id);
    return areaJson(a);
  });
  app.delete<{ Params: { id: string } }>("/api/areas/:id", async (req, reply) => {
    if (!/^\d+$/.test(req.params.id) || !(await areas.delete(req.params.id)))
      throw notFound("mining area", req.params.id);
    return reply.status(204).send();
  });
  return app;
}
