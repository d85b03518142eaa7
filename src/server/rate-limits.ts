import type { FastifyRequest } from "fastify";
import { authError } from "./auth/auth-errors.ts";

/**
 * The limits of single routes, beside the login limits (auth/login-limits.ts, which registers
 * @fastify/rate-limit without global limits; its in-memory counts are per server process).
 */

/**
 * A route's own rate limit (@fastify/rate-limit's route config): at most `max` requests in
 * `minutes` per key — the client's address unless `key` says otherwise — refused with 429
 * `rate-limited` and Retry-After through the one error handler.
 */
export function routeRateLimit(
  max: number,
  minutes: number,
  what: string,
  key?: (req: FastifyRequest) => string,
) {
  return {
    max,
    timeWindow: minutes * 60_000,
    ...(key ? { keyGenerator: key } : {}),
    errorResponseBuilder: (_req: FastifyRequest, c: { after: string }) =>
      authError("rate-limited", `too many ${what}; try again in ${c.after}`, [
        { path: "", message: `at most ${max} in ${minutes} minutes` },
      ]),
  };
}

/** How many feedback messages one address may send, and in how many minutes. */
export const FEEDBACK_LIMIT = { max: 5, minutes: 15 } as const;

/** `POST /api/public/feedback`: per client address. */
export const feedbackLimit = routeRateLimit(
  FEEDBACK_LIMIT.max,
  FEEDBACK_LIMIT.minutes,
  "messages from this address",
);

/**
 * `POST /api/me/password`: guessing the current password through a session left open, 5 tries in
 * 15 minutes per user (per address for anything else, which the route refuses anyway).
 */
export const passwordChangeLimit = routeRateLimit(5, 15, "password changes", (req) =>
  req.actor.kind === "user" ? `password:${req.actor.userId}` : `password-address:${req.ip}`,
);
