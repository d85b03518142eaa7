import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The session cookie: its value is the session's secret (the server stores only its SHA-256). */
export const SESSION_COOKIE = "mc_session";

/**
 * How the session cookie is set:
 * - `HttpOnly`: page scripts cannot read it (an injected script cannot carry the session away);
 * - `SameSite=Lax`: browsers do not send it with another site's POST, PUT, PATCH or DELETE (nor
 *   with its fetches), only with top-level navigations to this server (a link followed);
 * - `Path=/`: the web app and the API share it;
 * - `Secure` when the request came over TLS, directly or through a proxy the server trusts
 *   (Fastify's `trustProxy`, which makes `request.protocol` read `X-Forwarded-Proto`): the browser
 *   then never sends it over plain HTTP. A local server on http://localhost cannot use Secure.
 * No Expires: the cookie ends with the browser; the server ends the session earlier by its idle
 * and absolute lifetimes (src/app/auth/identity.ts) whatever the browser keeps.
 */
export function sessionCookieOptions(req: FastifyRequest): CookieSerializeOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: req.protocol === "https" };
}

/** The session secret the request's cookie carries, or undefined. */
export function sessionSecretOf(req: FastifyRequest): string | undefined {
  const v = req.cookies?.[SESSION_COOKIE];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(req));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
}
