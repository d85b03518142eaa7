import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Store } from "../../src/storage/open-database.ts";
import { asSystem } from "../../src/storage/row-scope.ts";
import { TEST_PASSWORD } from "./test-directory.ts";

/** The origin of the test app's own pages: cookie-authenticated writes must come from it (CSRF). */
export const SAME_ORIGIN = { origin: "http://localhost" } as const;

let address = 0;
/** A client address of its own (login and feedback limits count per address). */
export const freshAddress = () => `192.0.2.${(++address % 250) + 1}`;

/** Signs `username` in (TEST_PASSWORD) and returns the headers that act as them, cookie and origin. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string = TEST_PASSWORD,
): Promise<{ cookie: string; origin: string }> {
  const r = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    headers: { ...SAME_ORIGIN, authorization: "" },
    remoteAddress: freshAddress(),
  });
  expect(r.statusCode, r.body).toBe(200);
  const set = [r.headers["set-cookie"]].flat().find((h) => String(h).startsWith("mc_session="));
  return { cookie: String(set).split(";")[0]!, ...SAME_ORIGIN };
}

/** The number of events in the audit trail (all of them: counted as the system, row-scope.ts). */
export async function auditCount(store: Store): Promise<number> {
  const r = await asSystem(() =>
    store.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  );
  return Number(r.n);
}

/**
 * Sends a write and checks the audit trail: exactly one new event when it succeeded (2xx), none
 * when it was refused or failed.
 */
export async function auditedWrite(
  app: FastifyInstance,
  store: Store,
  o: InjectOptions,
): Promise<LightMyRequestResponse> {
  const before = await auditCount(store);
  const r = await app.inject(o);
  const added = (await auditCount(store)) - before;
  expect(added, `${o.method} ${o.url} → ${r.statusCode} ${r.body.slice(0, 300)}`).toBe(
    r.statusCode < 300 ? 1 : 0,
  );
  return r;
}
