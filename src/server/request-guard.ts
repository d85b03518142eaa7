import type { FastifyInstance, FastifyRequest } from "fastify";
import type { InputIssue } from "../domain/validation/input-issue.ts";
import { ApiError } from "./api-error.ts";
import { ANY_WRITE_ORIGIN, originProblem } from "./auth/same-origin.ts";

/** The header the web app (and any script) sends with writes: no page on another origin can add it without a CORS preflight, which this server never grants. */
export const CLIENT_HEADER = "x-minecarbon-client";

/** Host names every server answers to: the loopback names. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Content types a browser sends across origins without asking first (a "simple" request: a form or
 * `fetch(…, {mode: "no-cors"})`); a write in one of them, or without a body type, must carry the
 * client header. Anything else (application/json) makes the browser ask the server first.
 */
const SIMPLE_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

/** The host name of a Host header or an origin's authority, lower-case, without the port. */
export function hostName(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith("[")) return a.slice(0, a.indexOf("]") + 1);
  const colon = a.indexOf(":");
  // More than one colon is a bare IPv6 address (not valid in a Host header, but not a port either).
  return colon >= 0 && a.indexOf(":", colon + 1) < 0 ? a.slice(0, colon) : a;
}

const forbidden = (message: string, details: InputIssue[]) => new ApiError("forbidden", message, details);

/**
 * What a request must satisfy before any route sees it, whoever sends it (the first layer against
 * other web pages acting for the browser's user; a session-authenticated write is also checked
 * against the server's own origin, scheme included, in auth/authenticate.ts — both with the one
 * origin check of auth/same-origin.ts):
 * - its `Host` names this server (one of `allowedHosts`), so that a DNS name an attacker points at
 *   127.0.0.1 ("DNS rebinding") cannot reach the API from the attacker's page;
 * - a write (POST, PUT, PATCH, DELETE) comes from this server's own pages: no `Sec-Fetch-Site`
 *   other than same-origin or none (typed or bookmarked by the user), and an `Origin`, when sent,
 *   naming this server's host and port (ANY_WRITE_ORIGIN: the scheme is not compared);
 * - a write carries a type a form cannot send (application/json) or the `X-MineCarbon-Client`
 *   header, so that a no-cors form post or multipart `fetch` from another site never passes.
 * Refusals are 403 with the reason and what to send instead.
 */
export function requestGuard(app: FastifyInstance, o: { allowedHosts: readonly string[] }): void {
  const allowed = new Set(o.allowedHosts.map(hostName));
  app.addHook("onRequest", async (req) => {
    const host = req.headers.host;
    // HTTP/1.1 needs a Host (Node refuses requests without one); HTTP/1.0 clients are not browsers.
    if (host !== undefined && !allowed.has(hostName(host)))
      throw forbidden(`this server does not answer to the host name "${hostName(host)}"`, [
        {
          path: "headers.host",
          message: `must be one of ${[...allowed].join(", ")}; got "${host}". An operator adds names with --allowed-host`,
        },
      ]);
    if (!WRITES.has(req.method)) return;
    const problem = crossSite(req);
    if (problem) throw forbidden("writes are accepted only from this server's own pages", [problem]);
    if (!hasClientMark(req))
      throw forbidden(
        "a write must be sent as application/json or with the header X-MineCarbon-Client (a form or no-cors request from another site cannot add either)",
        [
          {
            path: "headers.content-type",
            message: `must be application/json, or the request must carry the header "X-MineCarbon-Client: <your client>"; got ${
              req.headers["content-type"] ? `"${req.headers["content-type"]}"` : "no content type"
            } without that header`,
          },
        ],
      );
  });
}

/** Why a write comes from another site, or undefined when it does not. */
function crossSite(req: FastifyRequest): InputIssue | undefined {
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none")
    return {
      path: "headers.sec-fetch-site",
      message: `must be same-origin; got "${site}" (the request was sent by a page of another site)`,
    };
  return originProblem(req, ANY_WRITE_ORIGIN);
}

/** Whether a write carries something a page on another origin could not send without a preflight. */
function hasClientMark(req: FastifyRequest): boolean {
  const mark = req.headers[CLIENT_HEADER];
  if (typeof mark === "string" && mark.trim() !== "") return true;
  const type = req.headers["content-type"];
  if (type === undefined) return false;
  return !SIMPLE_TYPES.has(type.split(";")[0]!.trim().toLowerCase());
}
