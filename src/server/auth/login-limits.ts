import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authError } from "./auth-errors.ts";

/** How many login attempts are taken, per client address and per account. */
export interface LoginLimits {
  /** Attempts from one address (IPv6: one /64) per minute, whatever their outcome. */
  readonly perAddressPerMinute: number;
  /** Failed attempts on one account (its normalised username, known or not) per window. */
  readonly failuresPerAccount: number;
  readonly accountWindowMinutes: number;
}

/**
 * 20 attempts a minute from one address: more than a person types, few enough that guessing from
 * one machine gets nowhere. 5 failures in 15 minutes on one account (OWASP's authentication cheat
 * sheet; MLPS level 2 asks for a limit on failed logins): spread over many addresses, a guesser gets
 * 480 tries a day on an account whose password has 12 characters of three classes. The price is that
 * anyone can keep an account locked by failing on purpose; its user then waits 15 minutes.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAddressPerMinute: 20,
  failuresPerAccount: 5,
  accountWindowMinutes: 15,
};

/** The key of an account's counter: the username as the login reads it (trimmed, lower case). */
export const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;

export interface LoginLimiter {
  /** Counts an attempt from the request's address; throws 429 when the address is over its limit or the account locked. */
  admit(req: FastifyRequest, reply: FastifyReply, username: string): Promise<void>;
  /** Counts a failed attempt on the account. */
  failed(req: FastifyRequest, username: string): Promise<void>;
  /** Ends an admitted attempt (whatever its outcome): call it once for every `admit` that passed. */
  settled(username: string): void;
}

/** A 429 `rate-limited` with Retry-After (seconds, at least 1). */
export const rateLimited = (reply: FastifyReply, seconds: number, message: string) => {
  reply.header("retry-after", String(Math.max(1, seconds)));
  return authError("rate-limited", message, [
    { path: "", message: `try again in ${Math.max(1, seconds)} seconds (Retry-After)` },
  ]);
};

/**
 * The login limits, counted by @fastify/rate-limit (registered here without global limits; its
 * in-memory store, so the counts are per server process and start afresh when it restarts). The
 * per-account check peeks before the password is checked and counts only failures, so a locked
 * account costs the server no argon2 hash; the answer is the same whether the account exists.
 */
export async function loginLimiter(
  app: FastifyInstance,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<LoginLimiter> {
  if (!app.hasDecorator("createRateLimit")) await app.register(rateLimit, { global: false, cache: 10_000 });
  const perAddress = app.createRateLimit({ max: limits.perAddressPerMinute, timeWindow: 60_000 });
  // The key generator reads the username the handler put on the request (the body is parsed by then).
  const usernames = new WeakMap<FastifyRequest, string>();
  const perAccount = app.createRateLimit({
    max: limits.failuresPerAccount,
    timeWindow: limits.accountWindowMinutes * 60_000,
    keyGenerator: (req) => accountKey(usernames.get(req) ?? ""),
  });
  // Attempts admitted and not yet settled, per account: failures are counted only once the password
  // was checked, so without these, many attempts sent at once would all pass the peek below.
  const inFlight = new Map<string, number>();
  return {
    async admit(req, reply, username) {
      const a = await perAddress(req);
      if (!a.isAllowed && a.isExceeded)
        throw rateLimited(reply, a.ttlInSeconds, `too many login attempts from this address; wait a minute`);
      usernames.set(req, username);
      const b = await perAccount(req, { increment: false });
      const key = accountKey(username);
      const pending = inFlight.get(key) ?? 0;
      // isAllowed is true only for keys on an allow list (none here): then nothing is counted.
      const remaining = b.isAllowed ? limits.failuresPerAccount : b.remaining;
      if (pending >= remaining)
        throw rateLimited(
          reply,
          b.isAllowed ? 1 : b.ttlInSeconds,
          `too many failed logins on this account; wait ${limits.accountWindowMinutes} minutes from the first`,
        );
      inFlight.set(key, pending + 1);
    },
    settled(username) {
      const key = accountKey(username);
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
    },
    async failed(req, username) {
      usernames.set(req, username);
      await perAccount(req);
    },
  };
}
