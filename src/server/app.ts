import compress from "@fastify/compress";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { setApiDocument } from "./api-docs.ts";
import { routeAccess } from "./access/route-access.ts";
import { authRoutes } from "./auth/auth-routes.ts";
import { authenticate } from "./auth/authenticate.ts";
import { AUTH_LOG_REDACT } from "./auth/log-redaction.ts";
import type { AppContext } from "./context.ts";
import { errorAnswer, noRouteAnswer } from "./error-answer.ts";
import { adminRoutes } from "./routes/admin-routes.ts";
import { analysisRoutes } from "./routes/analysis-routes.ts";
import { auditRoutes } from "./routes/audit-routes.ts";
import { areaRoutes } from "./routes/area-routes.ts";
import { inventoryRoutes } from "./routes/inventory-routes.ts";
import { mapRoutes } from "./routes/map-routes.ts";
import { mineRoutes } from "./routes/mine-routes.ts";
import { planningRoutes } from "./routes/planning-routes.ts";
import { publicRoutes } from "./routes/public-routes.ts";
import { manageRoutes } from "./routes/manage/index.ts";
import { reportRoutes } from "./routes/report-routes.ts";
import { webRoutes } from "./routes/web-routes.ts";
import { LOOPBACK_HOSTS, requestGuard } from "./request-guard.ts";
import { errorBodySchema } from "../contract/error-body.ts";
import { errors } from "./route-schema.ts";
import { validatorCompiler } from "./route-schema.ts";
import { securityHeaders } from "./security-headers.ts";

/** How buildApp is set up. */
export interface AppOptions {
  readonly logger?: boolean;
  readonly version?: string;
  /** Host names the server answers to (the Host header); the loopback names when omitted. */
  readonly allowedHosts?: readonly string[];
  /**
   * The addresses of a TLS proxy in front of the server (Fastify's `trustProxy`): its
   * X-Forwarded-Proto and -For are then believed, so that session cookies are Secure, a write's
   * Origin (https) matches, and login limits count each client, not the proxy. None by default.
   */
  readonly trustProxy?: string;
}

const API_DESCRIPTION =
  "Carbon budgets and land-use change of coal-mining areas. Errors: {error: {code, message, details[]}}, " +
  "the status by the code (src/contract/error-codes.ts). " +
  "Writes (POST, PUT, PATCH, DELETE) are sent as application/json, or carry the header " +
  "`X-MineCarbon-Client: <your client>` (uploads, requests without a body); writes from pages of other " +
  "sites are refused (403), as are Host names the server was not configured for (--allowed-host).";

const GUARD_REFUSAL =
  "forbidden: a write from another site (Origin, Sec-Fetch-Site), or without application/json or the X-MineCarbon-Client header, or for a Host this server does not answer to";

/** The most bytes of a request body (JSON), and of a legend sent as CSV. */
const BODY_BYTES = 4 << 20;
const CSV_BODY_BYTES = 1 << 20;

/**
 * The HTTP API and web app over a context. Thin: each route declares its params, query, body and
 * answers as zod schemas (src/contract/), which check requests and generate the OpenAPI document
 * (`GET /openapi.json`); routes call the repositories and services. Every error goes through one
 * handler, which answers `{error: {code, message, details}}` with the status of its code in the
 * error table, and 500 (without internals) for ours. Every answer carries the security headers;
 * requests from other sites or for other host names are refused before any route runs.
 */
export async function buildApp(ctx: AppContext, o: AppOptions = {}): Promise<FastifyInstance> {
  const version = o.version ?? "0.1.0";
  const app = Fastify({
    logger: o.logger ? { redact: AUTH_LOG_REDACT } : false,
    bodyLimit: BODY_BYTES,
    ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  securityHeaders(app);
  requestGuard(app, { allowedHosts: o.allowedHosts ?? LOOPBACK_HOSTS });
  // A legend imported from CSV arrives as text (POST /api/areas/{id}/legend/csv).
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: CSV_BODY_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  // The web app's code (3 MB of JavaScript) and large JSON results travel gzipped to clients that
  // accept it: about 0.9 MB on a first load. gzip only: brotli's better ratio costs CPU per answer.
  await app.register(compress, { encodings: ["gzip", "deflate"] });
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1, fields: 4 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "MineCarbon API", version, description: API_DESCRIPTION },
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "mc_session",
            description: "the session cookie POST /api/auth/login sets",
          },
          token: {
            type: "http",
            scheme: "bearer",
            description:
              "an API token (mct_…) for machine clients, scoped to one organisation and a set of actions",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    // The named contract schemas (.meta({id})) as components, where the operations' $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  // Every API route may be refused by the guard (writes) and may fail on our side: said in each.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || !route.schema || route.schema.hide) return;
    const methods = [route.method].flat();
    const writes = methods.some((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m));
    route.schema.response = {
      ...errors("internal"),
      ...(writes ? { 403: errorBodySchema.describe(GUARD_REFUSAL) } : {}),
      ...(route.schema.response as object),
    };
  });

  app.setErrorHandler((error, req, reply) => {
    const contentType = req.headers["content-type"];
    const a = errorAnswer(error, {
      contentType,
      bodyLimitBytes: contentType?.toLowerCase().startsWith("text/csv") ? CSV_BODY_BYTES : BODY_BYTES,
      uploadLimitBytes: ctx.maxUploadBytes,
    });
    if (a.internal) {
      app.log.error(error);
      console.error(error);
    }
    return reply.status(a.status).headers(a.headers).send(a.error.body());
  });
  app.setNotFoundHandler((req, reply) => {
    const a = noRouteAnswer(req.method, req.url, (method, url) => app.findRoute({ method, url }) !== null);
    return reply.status(a.status).headers(a.headers).send(a.error.body());
  });

  // Who asks, then whether the route lets them: every API route declares its access (route-access.ts).
  await authenticate(app, { identity: ctx.identity });
  routeAccess(app);
  const api = app.withTypeProvider<ZodTypeProvider>();
  await authRoutes(api, { db: ctx.store.db, identity: ctx.identity });
  app.get("/health", { schema: { hide: true } }, async () => ({ ok: true, store: ctx.store.kind }));
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  areaRoutes(api, ctx);
  mapRoutes(api, ctx);
  analysisRoutes(api, ctx);
  inventoryRoutes(api, ctx);
  reportRoutes(api, ctx);
  planningRoutes(api, ctx);
  mineRoutes(api, ctx);
  adminRoutes(api, ctx);
  auditRoutes(api, ctx);
  publicRoutes(api, ctx);
  manageRoutes(api, ctx);
  webRoutes(app, version);
  await app.ready();
  setApiDocument(() => app.swagger());
  return app;
}
