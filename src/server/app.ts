import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance } from "fastify";
import { ApiError } from "./api-error.ts";
import type { AppContext } from "./context.ts";
import { openApiDocument } from "./openapi.ts";
import { analysisRoutes } from "./routes/analysis-routes.ts";
import { areaRoutes } from "./routes/area-routes.ts";
import { inventoryRoutes } from "./routes/inventory-routes.ts";
import { mapRoutes } from "./routes/map-routes.ts";
import { planningRoutes } from "./routes/planning-routes.ts";
import { reportRoutes } from "./routes/report-routes.ts";
import { webRoutes } from "./routes/web-routes.ts";
import { LOOPBACK_HOSTS, requestGuard } from "./request-guard.ts";
import { securityHeaders } from "./security-headers.ts";

/** How buildApp is set up. */
export interface AppOptions {
  readonly logger?: boolean;
  readonly version?: string;
  /** Host names the server answers to (the Host header); the loopback names when omitted. */
  readonly allowedHosts?: readonly string[];
}

/**
 * The HTTP API and web app over a context. Thin: routes check requests with the zod schemas, call
 * the repositories and services and answer JSON; every error is `{error: {code, message, details}}`
 * with a 4xx status for the client's mistakes and 500 (without internals) for ours. Every answer
 * carries the security headers; requests from other sites or for other host names are refused
 * before any route runs (request-guard.ts).
 */
export async function buildApp(ctx: AppContext, o: AppOptions = {}): Promise<FastifyInstance> {
  const version = o.version ?? "0.1.0";
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 4 << 20 });
  securityHeaders(app);
  requestGuard(app, { allowedHosts: o.allowedHosts ?? LOOPBACK_HOSTS });
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1, fields: 4 } });

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send(error.body());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.status(status).send(new ApiError(status, "bad-request", (error as Error).message).body());
    app.log.error(error);
    console.error(error);
    return reply
      .status(500)
      .send(new ApiError(500, "internal", "an internal error; it has been logged").body());
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(new ApiError(404, "not-found", `no route ${req.method} ${req.url}`).body()),
  );

  app.get("/health", async () => ({ ok: true, store: ctx.store.kind }));
  app.get("/openapi.json", async () => openApiDocument(version));
  areaRoutes(app, ctx);
  mapRoutes(app, ctx);
  analysisRoutes(app, ctx);
  inventoryRoutes(app, ctx);
  reportRoutes(app, ctx);
  planningRoutes(app, ctx);
  webRoutes(app, version);
  return app;
}
