/**
 * Login benchmark: the cost of the argon2id parameters (src/app/auth/passwords.ts ARGON2_OPTIONS)
 * on this machine — hashes per second, one at a time and with one per core at once — and the
 * latency (p50/p95) of a whole Identity.login (user lookup, verification, session insert) on PGlite
 * in memory, for a known user with the right password, a wrong one and an unknown user (which is
 * checked against a dummy hash and should cost the same).
 *   npx tsx bench/login.ts [--logins 40]
 */
import { availableParallelism } from "node:os";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../src/app/auth/identity.ts";
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from "../src/app/auth/passwords.ts";
import { openStore } from "../src/storage/open-database.ts";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const logins = arg("logins", 40);
const PASSWORD = "Bench-password-2026";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const hash = await hashPassword(PASSWORD);
console.log(
  `argon2id m=${ARGON2_OPTIONS.memoryCost} KiB (${ARGON2_OPTIONS.memoryCost / 1024} MiB), t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}; ${availableParallelism()} cores`,
);

// Verifications, one at a time and one per core at once.
const serial: number[] = [];
for (let i = 0; i < 20; i++) serial.push(await timed(() => verifyPassword(hash, PASSWORD)));
const sum = serial.reduce((a, b) => a + b, 0);
console.log(
  `verify, one at a time: ${(1000 / (sum / serial.length)).toFixed(1)} hashes/s; p50 ${ms(quantile(serial, 0.5))}, p95 ${ms(quantile(serial, 0.95))}`,
);
const cores = availableParallelism();
const rounds = 10;
const t0 = performance.now();
for (let r = 0; r < rounds; r++)
  await Promise.all(Array.from({ length: cores }, () => verifyPassword(hash, PASSWORD)));
const parallelSeconds = (performance.now() - t0) / 1000;
console.log(`verify, ${cores} at once: ${((rounds * cores) / parallelSeconds).toFixed(1)} hashes/s`);

// Whole logins through Identity on PGlite.
const store = await openStore();
try {
  const db = store.db;
  const org = await db
    .insertInto("organisations")
    .values({ kind: "verification-body", name: "Bench", region_code: "100000" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({ username: "bench-user", organisation_id: org.id, password_hash: hash })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("user_roles").values({ user_id: user.id, role: "verifier" }).execute();
  const identity = new Identity(db, DEFAULT_SESSION_LIFETIMES);
  const client = { address: "127.0.0.1", userAgent: "bench" };
  for (const [label, username, password] of [
    ["right password", "bench-user", PASSWORD],
    ["wrong password", "bench-user", "Wrong-password-2026"],
    ["unknown user", "nobody-at-all", PASSWORD],
  ] as const) {
    const t: number[] = [];
    for (let i = 0; i < logins; i++) t.push(await timed(() => identity.login(username, password, client)));
    console.log(
      `login, ${label}: p50 ${ms(quantile(t, 0.5))}, p95 ${ms(quantile(t, 0.95))} (${logins} logins)`,
    );
  }
} finally {
  await store.close();
}
