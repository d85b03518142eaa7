import { Writable } from "node:stream";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type LightMyRequestResponse,
} from "fastify";
import swagger from "@fastify/swagger";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { hashPassword } from "../../src/app/auth/passwords.ts";
import { regionCode } from "../../src/domain/access/region-code.ts";
import { errorAnswer } from "../../src/server/error-answer.ts";
import { authRoutes } from "../../src/server/auth/auth-routes.ts";
import { authenticate } from "../../src/server/auth/authenticate.ts";
import { AUTH_LOG_REDACT } from "../../src/server/auth/log-redaction.ts";
import type { LoginGate } from "../../src/server/auth/login-gate.ts";
import type { LoginLimits } from "../../src/server/auth/login-limits.ts";
import { authorise } from "../../src/server/auth/authorise.ts";
import { notSignedIn } from "../../src/server/access/route-access.ts";
import { validatorCompiler } from "../../src/server/route-schema.ts";
import type { Store } from "../../src/storage/open-database.ts";
import { OrganisationRepository } from "../../src/storage/organisation-repository.ts";
import { RegionRepository } from "../../src/storage/region-repository.ts";
import { UserRepository } from "../../src/storage/user-repository.ts";
import { freshStore } from "../storage/stores.ts";

/*
 * The auth test app refuses the public by path, not by each route's declared access as production
 * does (src/server/access/route-access.ts): its test routes declare none.
 */

/** Paths anyone may ask without signing in: signing in itself, the public portal, the API document. */
const OPEN = [/^\/api\/auth\//, /^\/api\/public(\/|$)/];

/**
 * Whether a path of the API needs a signed-in actor: everything under /api/ but /api/auth/* and
 * /api/public/* (and what lies outside /api/: /openapi.json, the web app's pages and assets).
 */
export function needsSignIn(path: string): boolean {
  return path.startsWith("/api/") && !OPEN.some((p) => p.test(path));
}

/**
 * An onRequest hook (registered after `authenticate`): an anonymous request for a path that
 * `needsSignIn` is answered 401 `not-signed-in` before its route runs. The path is the matched
 * route's pattern when there is one (so `/api/public/../areas` cannot pass for a public path),
 * else the URL's path.
 */
export async function requireSignedIn(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = req.routeOptions.url ?? req.url.split("?")[0]!;
  if (req.actor.kind === "anonymous" && needsSignIn(path)) throw notSignedIn(req, reply);
}

/** Every test account's password (12 characters of four classes, as passwordProblems asks). */
export const PASSWORD = "Correct-Horse-42";

/** The accounts of the test app: username → organisation and role; `disabled-a` is disabled. */
export const ACCOUNTS = ["editor-a", "editor-b", "regulator", "disabled-a"] as const;

/**
 * A small app with the auth layer only: `authenticate`, `requireSignedIn`, the auth routes, and
 * test routes that ask the policy (`/api/test/areas/:org`: GET area.read, POST area.update, on an
 * area of organisation `:org` in 140602) a public one (`/api/public/ping`) and a page of the web app (`/app/page`). No request guard:
 * the CSRF check is tested alone. The clock of the Identity is `clock.now`, moved by `later`.
 */
export async function authTestApp(
  o: {
    limits?: LoginLimits;
    trustProxy?: boolean;
    log?: boolean;
    storeKind?: string;
    openapi?: boolean;
    gate?: LoginGate;
  } = {},
) {
  const { store, drop } = await freshStore(o.storeKind ?? "pglite");
  const ids = await seed(store);
  const clock = { now: new Date("2026-11-30T08:00:00Z") };
  const identity = new Identity(store.db, DEFAULT_SESSION_LIFETIMES, () => clock.now);
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app: FastifyInstance = Fastify({
    logger: o.log ? { level: "trace", stream, redact: AUTH_LOG_REDACT } : false,
    trustProxy: o.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, req, reply) => {
    const a = errorAnswer(error, {
      contentType: req.headers["content-type"],
      bodyLimitBytes: 1 << 20,
      uploadLimitBytes: 1 << 20,
    });
    if (a.internal) app.log.error(error);
    return reply.status(a.status).headers(a.headers).send(a.error.body());
  });
  if (o.openapi)
    await app.register(swagger, {
      openapi: { openapi: "3.1.0", info: { title: "auth", version: "1" } },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
  await authenticate(app, { identity });
  app.addHook("onRequest", requireSignedIn);
  const api = app.withTypeProvider<ZodTypeProvider>();
  await authRoutes(api, {
    db: store.db,
    identity,
    ...(o.limits ? { limits: o.limits } : {}),
    ...(o.gate ? { gate: o.gate } : {}),
  });
  const orgParams = z.object({ org: z.string() });
  const areaOf = (org: string) =>
    ({ kind: "area", organisationId: org, regionCode: regionCode("140602", "test") }) as const;
  api.get("/api/test/areas/:org", { schema: { params: orgParams } }, async (req) => {
    authorise(req.actor, "area.read", areaOf(req.params.org));
    return { ok: true, actor: req.actor.kind };
  });
  api.post("/api/test/areas/:org", { schema: { params: orgParams } }, async (req) => {
    authorise(req.actor, "area.update", areaOf(req.params.org));
    return { ok: true, actor: req.actor.kind };
  });
  api.get("/api/public/ping", async (req) => ({ ok: true, actor: req.actor.kind }));
  api.get("/app/page", async (req) => ({ ok: true, actor: req.actor.kind }));
  await app.ready();
  return {
    app,
    store,
    identity,
    ids,
    clock,
    later: (minutes: number) => {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    log: () => logLines.join(""),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** PASSWORD's hash, made once per test file and shared by the accounts of each store it seeds. */
let hashed: Promise<string> | undefined;

/**
 * Regions 140000 › 140600 › 140602, enterprises A and B, a provincial department, and the ACCOUNTS,
 * through the access repositories (which check the model's rules).
 */
async function seed(store: Store) {
  const regions = new RegionRepository(store.db);
  await regions.add({ code: "140000", name: "Shanxi", nameZh: "山西省" });
  await regions.add({ code: "140600", name: "Shuozhou", nameZh: "朔州市" });
  await regions.add({ code: "140602", name: "Shuocheng", nameZh: "朔城区" });
  const orgs = new OrganisationRepository(store.db);
  const entA = (
    await orgs.add({
      kind: "enterprise",
      name: "Enterprise A",
      nameZh: "甲企业",
      regionCode: "140602",
      creditCode: "914403001922038216",
    })
  ).id;
  const entB = (
    await orgs.add({
      kind: "enterprise",
      name: "Enterprise B",
      regionCode: "140602",
      creditCode: "91440300708461136T",
    })
  ).id;
  const dept = (
    await orgs.add({
      kind: "department",
      name: "Shanxi natural resources",
      regionCode: "140000",
      departmentKind: "natural-resources",
      level: "province",
    })
  ).id;
  const passwordHash = await (hashed ??= hashPassword(PASSWORD));
  const usersRepo = new UserRepository(store.db);
  const users: Record<string, string> = {};
  const add = async (username: string, organisationId: string, role: string) => {
    const u = await usersRepo.add({
      username,
      displayName: username.toUpperCase(),
      organisationId,
      roles: [role],
      passwordHash,
    });
    users[username] = u.id;
  };
  await add("editor-a", entA, "enterprise-editor");
  await add("editor-b", entB, "enterprise-editor");
  await add("regulator", dept, "regulator");
  await add("disabled-a", entA, "enterprise-editor");
  await usersRepo.setDisabled(users["disabled-a"]!, true);
  return { entA, entB, dept, users };
}

let address = 0;
/** A client address of its own for each call (the login limits count per address). */
export const newAddress = () => `198.51.100.${++address}`;

/** The session cookie's value a response sets, and its attributes. */
export function sessionCookie(r: LightMyRequestResponse): { value: string; attributes: string } | undefined {
  const header = r.headers["set-cookie"];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  const c = all.find((h) => h.startsWith("mc_session="));
  if (!c) return undefined;
  const [pair, ...attrs] = c.split(";");
  return { value: pair!.slice("mc_session=".length), attributes: attrs.map((a) => a.trim()).join("; ") };
}
