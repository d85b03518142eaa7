import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meSchema } from "../../src/contract/auth.ts";
import { LOGIN_REFUSED } from "../../src/server/auth/auth-routes.ts";
import { LoginGate } from "../../src/server/auth/login-gate.ts";
import { STORE_KINDS } from "../storage/stores.ts";
import { authTestApp, needsSignIn, newAddress, PASSWORD, sessionCookie } from "./auth-test-app.ts";

/** What a browser on this server's pages sends (inject's Host is localhost:80). */
const SAME_ORIGIN = { origin: "http://localhost" };

const login = (
  app: FastifyInstance,
  username: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    headers,
    remoteAddress: newAddress(),
  });

const withCookie = (secret: string, more: Record<string, string> = {}) => ({
  cookie: `mc_session=${secret}`,
  ...more,
});

/** Signs in and answers the session cookie's secret. */
async function signIn(app: FastifyInstance, username: string): Promise<string> {
  const r = await login(app, username);
  expect(r.statusCode, r.body).toBe(200);
  return sessionCookie(r)!.value;
}

const me = (app: FastifyInstance, secret: string) =>
  app.inject({ url: "/api/me", headers: withCookie(secret) });

describe.each(STORE_KINDS)("sessions on %s: login, /api/me, logout, expiry, revocation", (kind) => {
  let t: Awaited<ReturnType<typeof authTestApp>>;
  beforeAll(async () => {
    t = await authTestApp({ storeKind: kind });
  });
  afterAll(() => t.close());

  it("login sets an HttpOnly, SameSite=Lax cookie for the whole site (not Secure over plain HTTP) and answers /api/me", async () => {
    const r = await login(t.app, "Editor-A ");
    expect(r.statusCode, r.body).toBe(200);
    const c = sessionCookie(r)!;
    expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.attributes.split("; ").sort()).toEqual(["HttpOnly", "Path=/", "SameSite=Lax"]);
    expect(r.headers["cache-control"]).toBe("no-store");
    const body = meSchema.parse(r.json());
    expect(body).toMatchObject({
      actor: "user",
      user: { username: "editor-a", displayName: "EDITOR-A", mustChangePassword: false },
      token: null,
      organisation: {
        id: t.ids.entA,
        kind: "enterprise",
        name: "Enterprise A",
        nameZh: "甲企业",
        region: { code: "140602", name: "Shuocheng", nameZh: "朔城区" },
      },
      roles: ["enterprise-editor"],
    });
    expect(body.actions).toContain("area.update");
    expect(body.actions).toContain("published.read");
    expect(body.actions).not.toContain("user.manage");
    const m = await me(t.app, c.value);
    expect(m.statusCode).toBe(200);
    expect(m.json()).toEqual(body);
  });

  it("answers 401 not-signed-in to the public on /api/me and on every /api/ route but /api/auth/* and /api/public/*", async () => {
    const r = await t.app.inject({ url: "/api/me" });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe("not-signed-in");
    expect(r.headers["www-authenticate"]).toBe('Bearer realm="minecarbon"');
    expect((await t.app.inject({ url: `/api/test/areas/${t.ids.entA}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/nowhere" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/public/ping" })).json()).toEqual({
      ok: true,
      actor: "anonymous",
    });
    expect((await t.app.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect(needsSignIn("/api/areas")).toBe(true);
    expect(needsSignIn("/api/publications")).toBe(true);
    expect(needsSignIn("/api/public")).toBe(false);
    expect(needsSignIn("/api/public/reports/1")).toBe(false);
    expect(needsSignIn("/api/auth/login")).toBe(false);
    expect(needsSignIn("/openapi.json")).toBe(false);
    expect(needsSignIn("/app/overview")).toBe(false);
  });

  it("gives a wrong password, an unknown user and a disabled account the same answer", async () => {
    const answers = await Promise.all([
      login(t.app, "editor-a", "Wrong-Horse-42"),
      login(t.app, "nobody-here", PASSWORD),
      login(t.app, "disabled-a", PASSWORD),
    ]);
    for (const r of answers) {
      expect(r.statusCode).toBe(401);
      expect(sessionCookie(r)).toBeUndefined();
      expect(r.json()).toEqual({ error: { code: "not-signed-in", message: LOGIN_REFUSED, details: [] } });
    }
  });

  it("never echoes the password in a refusal of the login's body", async () => {
    for (const payload of [
      { username: "", password: PASSWORD },
      { username: "x".repeat(65), password: PASSWORD },
      { username: "editor-a", password: PASSWORD, remember: true },
      { password: PASSWORD },
      // An over-long password is not refused by the schema (which would echo it), only by the check.
      { username: "", password: `${PASSWORD}${"x".repeat(300)}` },
    ]) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload,
        remoteAddress: newAddress(),
      });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe("bad-input");
      expect(r.body).not.toContain(PASSWORD);
    }
  });

  it("makes a new session at every login and ends the one the cookie named (no session fixation)", async () => {
    const first = await signIn(t.app, "editor-a");
    const r = await login(t.app, "editor-a", PASSWORD, withCookie(first, SAME_ORIGIN));
    expect(r.statusCode).toBe(200);
    const second = sessionCookie(r)!.value;
    expect(second).not.toBe(first);
    expect((await me(t.app, first)).statusCode).toBe(401);
    expect((await me(t.app, second)).statusCode).toBe(200);
    // A value planted in the browser before the login is never made a session.
    const planted = "A".repeat(43);
    const p = await login(t.app, "editor-b", PASSWORD, withCookie(planted, SAME_ORIGIN));
    expect(sessionCookie(p)!.value).not.toBe(planted);
    expect((await me(t.app, planted)).statusCode).toBe(401);
  });

  it("logout ends the session and clears the cookie", async () => {
    const secret = await signIn(t.app, "editor-a");
    const r = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: withCookie(secret, SAME_ORIGIN),
    });
    expect(r.statusCode).toBe(204);
    const cleared = sessionCookie(r)!;
    expect(cleared.value).toBe("");
    expect(cleared.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await me(t.app, secret);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/the session has ended/);
  });

  it("ends a session idle for 30 minutes, and any session 12 hours after login however much it is used", async () => {
    const idle = await signIn(t.app, "editor-a");
    const busy = await signIn(t.app, "editor-b");
    t.later(29);
    expect((await me(t.app, busy)).statusCode).toBe(200);
    t.later(2);
    expect((await me(t.app, idle)).statusCode).toBe(401);
    expect((await me(t.app, busy)).statusCode).toBe(200);
    t.later(29);
    expect((await me(t.app, busy)).statusCode).toBe(200);
    t.later(31);
    expect((await me(t.app, busy)).statusCode).toBe(401);

    // Loading the web app's pages and assets neither reads nor keeps the session alive.
    const page = await signIn(t.app, "editor-a");
    t.later(29);
    const p = await t.app.inject({ url: "/app/page", headers: withCookie(page) });
    expect(p.json()).toEqual({ ok: true, actor: "anonymous" });
    t.later(2);
    expect((await me(t.app, page)).statusCode).toBe(401);

    const long = await signIn(t.app, "regulator");
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.later(20);
      expect((await me(t.app, long)).statusCode, `after ${minutes + 20} minutes`).toBe(200);
    }
    t.later(20);
    expect((await me(t.app, long)).statusCode).toBe(401);
  });

  it("refuses a revoked session at once", async () => {
    const secret = await signIn(t.app, "editor-b");
    expect((await me(t.app, secret)).statusCode).toBe(200);
    expect(await t.identity.revokeSessions(t.ids.users["editor-b"]!, "revoked")).toBeGreaterThan(0);
    const r = await me(t.app, secret);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe("not-signed-in");
  });
});

describe("CSRF: cookie-authenticated writes come from this server's pages; bearer tokens are exempt", () => {
  let t: Awaited<ReturnType<typeof authTestApp>>;
  let secret: string;
  let tokenSecret: string;
  let readOnlyToken: string;
  beforeAll(async () => {
    t = await authTestApp();
    secret = await signIn(t.app, "editor-a");
    const common = {
      organisationId: t.ids.entA,
      roles: ["enterprise-editor" as const],
      createdBy: t.ids.users["editor-a"]!,
      expiresAt: null,
    };
    tokenSecret = (
      await t.identity.createToken({ ...common, name: "uploader", actions: ["area.read", "area.update"] })
    ).secret;
    readOnlyToken = (await t.identity.createToken({ ...common, name: "reader", actions: ["area.read"] }))
      .secret;
  });
  afterAll(() => t.close());

  const write = (headers: Record<string, string>, org?: string) =>
    t.app.inject({ method: "POST", url: `/api/test/areas/${org ?? t.ids.entA}`, headers });

  it("refuses a cookie-authenticated write without Origin or Referer, or from another origin (403 csrf)", async () => {
    for (const extra of [
      {} as Record<string, string>,
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "https://localhost" }, // another scheme is another origin
      { origin: "http://localhost:8080" },
      { referer: "https://evil.example/page" },
    ]) {
      const r = await write(withCookie(secret, extra));
      expect(r.statusCode, JSON.stringify(extra)).toBe(403);
      expect(r.json().error.code).toBe("csrf");
    }
    const r = await write(withCookie(secret, { origin: "https://evil.example" }));
    expect(r.json().error.details).toEqual([
      {
        path: "headers.origin",
        message: `must be this server's origin (http://localhost); got "https://evil.example"`,
      },
    ]);
  });

  it("takes a cookie-authenticated write from its own origin, or with its own Referer when the browser sent no Origin", async () => {
    for (const extra of [
      SAME_ORIGIN,
      { origin: "http://localhost:80" },
      { referer: "http://localhost/app/data?x=1" },
    ]) {
      const r = await write(withCookie(secret, extra));
      expect(r.statusCode, JSON.stringify(extra)).toBe(200);
      expect(r.json()).toEqual({ ok: true, actor: "user" });
    }
    // An IPv6 host with a port: the origin is compared as a whole.
    const v6 = await write(withCookie(secret, { host: "[::1]:3000", origin: "http://[::1]:3000" }));
    expect(v6.statusCode, v6.body).toBe(200);
    const v6other = await write(withCookie(secret, { host: "[::1]:3000", origin: "http://[::1]:3001" }));
    expect(v6other.json().error.code).toBe("csrf");
    // Reads are not checked.
    const g = await t.app.inject({
      url: `/api/test/areas/${t.ids.entA}`,
      headers: withCookie(secret, { origin: "https://evil.example" }),
    });
    expect(g.statusCode).toBe(200);
  });

  it("refuses a login posted from another site (login CSRF)", async () => {
    const r = await login(t.app, "editor-b", PASSWORD, { origin: "https://evil.example" });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe("csrf");
    expect(sessionCookie(r)).toBeUndefined();
  });

  it("takes a write with a bearer token and no Origin; the token reaches only its own actions and organisation", async () => {
    const ok = await write({ authorization: `Bearer ${tokenSecret}` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true, actor: "token" });
    // A token with area.read only: the policy refuses area.update although the editor role has it.
    const ro = await write({ authorization: `bearer ${readOnlyToken}` });
    expect(ro.statusCode).toBe(403);
    expect(ro.json().error).toMatchObject({ code: "forbidden", message: "this API token may area.update" });
    expect(
      (
        await t.app.inject({
          url: `/api/test/areas/${t.ids.entA}`,
          headers: { authorization: `Bearer ${readOnlyToken}` },
        })
      ).statusCode,
    ).toBe(200);
    // Another enterprise's area: out of the token's scope.
    const foreign = await write({ authorization: `Bearer ${tokenSecret}` }, t.ids.entB);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("forbidden");
  });

  it("answers /api/me for a token, and 401 for a revoked or unknown one", async () => {
    const { id, secret: s } = await t.identity.createToken({
      organisationId: t.ids.entA,
      roles: ["enterprise-editor"],
      createdBy: t.ids.users["editor-a"]!,
      expiresAt: null,
      name: "short-lived",
      actions: ["inventory.write"],
    });
    const m = await t.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${s}` } });
    expect(m.statusCode).toBe(200);
    expect(m.json()).toMatchObject({
      actor: "token",
      user: null,
      token: { id },
      actions: ["inventory.write"],
    });
    await t.identity.revokeToken(id);
    const r = await t.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${s}` } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe("the API token is unknown, revoked or expired");
    const u = await write({ authorization: `Bearer mct_${"x".repeat(43)}` });
    expect(u.statusCode).toBe(401);
  });
});

describe("login rate limits (per address and per account)", () => {
  let t: Awaited<ReturnType<typeof authTestApp>>;
  beforeAll(async () => {
    t = await authTestApp();
  });
  afterAll(() => t.close());

  it("locks an account after 5 failures in 15 minutes, even for the right password, and says when to retry", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(t.app, "editor-b", "Wrong-Horse-42")).statusCode).toBe(401);
    const r = await login(t.app, " EDITOR-B", PASSWORD);
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe("rate-limited");
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(14 * 60);
    expect(Number(r.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(sessionCookie(r)).toBeUndefined();
    // Another account is not affected; an unknown username is counted like a known one.
    expect((await login(t.app, "editor-a")).statusCode).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await login(t.app, "nobody-here", "Wrong-Horse-42")).statusCode).toBe(401);
    const unknown = await login(t.app, "nobody-here", "Wrong-Horse-42");
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json().error.message).toBe(r.json().error.message);
  });

  it("takes 20 attempts a minute from one address, then answers 429 with Retry-After", async () => {
    const remoteAddress = "203.0.113.7";
    for (let i = 0; i < 20; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: `guess-${i}`, password: "Wrong-Horse-42" },
        remoteAddress,
      });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "editor-a", password: PASSWORD },
      remoteAddress,
    });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe("rate-limited");
    expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(r.headers["retry-after"])).toBeLessThanOrEqual(60);
    // Another address is not affected.
    expect((await login(t.app, "editor-a")).statusCode).toBe(200);
  });
});

describe("behind a TLS proxy the server trusts", () => {
  let t: Awaited<ReturnType<typeof authTestApp>>;
  beforeAll(async () => {
    t = await authTestApp({ trustProxy: true });
  });
  afterAll(() => t.close());

  it("marks the cookie Secure and takes writes from the https origin the proxy names", async () => {
    const r = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "editor-a", password: PASSWORD },
      headers: { "x-forwarded-proto": "https", "x-forwarded-host": "carbon.example.cn" },
    });
    expect(r.statusCode).toBe(200);
    const c = sessionCookie(r)!;
    expect(c.attributes.split("; ")).toContain("Secure");
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "carbon.example.cn" };
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/test/areas/${t.ids.entA}`,
      headers: withCookie(c.value, { ...proxied, origin: "https://carbon.example.cn" }),
    });
    expect(ok.statusCode).toBe(200);
    const plain = await t.app.inject({
      method: "POST",
      url: `/api/test/areas/${t.ids.entA}`,
      headers: withCookie(c.value, { ...proxied, origin: "http://carbon.example.cn" }),
    });
    expect(plain.json().error?.code).toBe("csrf");
  });
});

describe("no secrets in the log", () => {
  it("logs neither a password, nor a session cookie, nor an API token, at the trace level", async () => {
    const t = await authTestApp({ log: true });
    try {
      const secret = await signIn(t.app, "editor-a");
      await login(t.app, "editor-b", "Wrong-Horse-42");
      // A refused body (no username) with the password in it.
      await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { password: PASSWORD } });
      await me(t.app, secret);
      const { secret: token } = await t.identity.createToken({
        organisationId: t.ids.entA,
        roles: ["enterprise-editor"],
        createdBy: t.ids.users["editor-a"]!,
        expiresAt: null,
        name: "logged?",
        actions: ["area.update"],
      });
      await t.app.inject({
        method: "POST",
        url: `/api/test/areas/${t.ids.entA}`,
        headers: { authorization: `Bearer ${token}` },
      });
      await t.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        headers: withCookie(secret, SAME_ORIGIN),
      });
      // Someone logging a request's headers and body (Fastify's serializer keeps only method, URL,
      // host and address of a `req`): the redaction paths hide the credentials.
      t.app.log.info(
        {
          headers: { cookie: `mc_session=${secret}`, authorization: `Bearer ${token}` },
          body: { username: "editor-a", password: PASSWORD },
        },
        "debug",
      );
      const log = t.log();
      expect(log).toMatch(/"url":"\/api\/auth\/login"/);
      expect(log).toContain("[redacted]");
      for (const s of [PASSWORD, "Wrong-Horse-42", secret, token, token.slice(4)])
        expect(log).not.toContain(s);
    } finally {
      await t.close();
    }
  });
});

describe("the auth routes in the OpenAPI document; a full login gate", () => {
  it("declare their bodies and every answer, errors by the table's codes; a login finding the gate full gets 429", async () => {
    const t = await authTestApp({ openapi: true, gate: new LoginGate(0, 0) });
    try {
      const doc = t.app.swagger() as unknown as {
        paths: Record<
          string,
          Record<string, { requestBody?: unknown; responses: Record<string, { description?: string }> }>
        >;
      };
      const loginOp = doc.paths["/api/auth/login"]!.post!;
      expect(JSON.stringify(loginOp.requestBody)).toContain("LoginInput");
      expect(Object.keys(loginOp.responses).sort()).toEqual(["200", "400", "401", "403", "429"]);
      expect(loginOp.responses["429"]!.description).toMatch(/^rate-limited: /);
      expect(loginOp.responses["403"]!.description).toMatch(/^csrf: /);
      expect(Object.keys(doc.paths["/api/auth/logout"]!.post!.responses).sort()).toEqual(["204", "403"]);
      expect(Object.keys(doc.paths["/api/me"]!.get!.responses).sort()).toEqual(["200", "401"]);
      const full = await login(t.app, "editor-a");
      expect(full.statusCode).toBe(429);
      expect(full.headers["retry-after"]).toBe("2");
      expect(full.json().error.code).toBe("rate-limited");
    } finally {
      await t.close();
    }
  });
});
