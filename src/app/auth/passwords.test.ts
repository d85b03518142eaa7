import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import {
  ARGON2_OPTIONS,
  hashPassword,
  needsRehash,
  PASSWORD_MAX_CHARS,
  passwordProblems,
  verifyPassword,
} from "./passwords.ts";

describe("passwords", () => {
  it("hash with argon2id at or above OWASP's 2023 minimum (19 MiB, 2 passes), a fresh salt each time", async () => {
    const a = await hashPassword("Correct-horse-7");
    const b = await hashPassword("Correct-horse-7");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(a).not.toBe(b);
    const o = parseOptions(a);
    expect(o.memoryCost).toBeGreaterThanOrEqual(19456);
    expect(o.timeCost).toBeGreaterThanOrEqual(2);
    expect(o.saltLen).toBeGreaterThanOrEqual(16);
    expect(needsRehash(a)).toBe(false);
    expect(await verifyPassword(a, "Correct-horse-7")).toBe(true);
    expect(await verifyPassword(a, "correct-horse-7")).toBe(false);
  });

  it("verification is false, not an error, for an unreadable hash or an overlong password", async () => {
    expect(await verifyPassword("not a hash", "Correct-horse-7")).toBe(false);
    const h = await hashPassword("Correct-horse-7");
    expect(await verifyPassword(h, "x".repeat(PASSWORD_MAX_CHARS + 1))).toBe(false);
    // A hash of weaker parameters asks to be rehashed (at the next login, with the password at hand).
    const weak =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    expect(needsRehash(weak)).toBe(true);
    expect(ARGON2_OPTIONS.algorithm as number).toBe(2);
  });

  it("passwordProblems: length, three kinds of characters, not the username, no spaces at the ends", () => {
    expect(passwordProblems("Correct-horse-7", "reg-sx")).toEqual([]);
    expect(passwordProblems("密码Mima-2026-abc", "reg-sx")).toEqual([]);
    expect(passwordProblems("Short-1", "reg-sx")).toEqual([
      "a password needs at least 12 characters (this one has 7)",
    ]);
    expect(passwordProblems("alllowercaseletters", "reg-sx")).toEqual([
      "a password needs characters of at least three kinds: lower case, upper case, digits, others",
    ]);
    expect(passwordProblems("My-REG-SX-password-1", "reg-sx")).toEqual([
      "a password must not contain the username",
    ]);
    expect(passwordProblems(" Correct-horse-7", "reg-sx")).toEqual([
      "a password must not start or end with a space",
    ]);
    expect(passwordProblems("Aa1-".repeat(65), "reg-sx")).toEqual([
      `a password has at most ${PASSWORD_MAX_CHARS} characters`,
    ]);
  });
});
