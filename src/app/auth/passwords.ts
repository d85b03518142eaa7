import { hash, parseOptions, verify, type Algorithm, type Options } from "@node-rs/argon2";

/**
 * argon2id with 64 MiB of memory, 3 passes and one lane: the memory and passes of RFC 9106's second
 * recommended option, well above OWASP's 2023 minimum (19 MiB, 2 passes, 1 lane). One lane because
 * the server shares a few cores with the analyses; the cost comes from memory, which is what makes
 * GPU and ASIC guessing expensive. On the 2-core development machine one hash takes about 160 ms
 * (`node --import tsx bench/login.ts` measures hashes/s and login latency); logins are also
 * rate-limited per account and address, so the cost bounds memory use too (64 MiB a login at a time).
 */
export const ARGON2_OPTIONS = {
  // Algorithm is a const enum of the package's types (not importable under isolatedModules): 2 = Argon2id.
  algorithm: 2 as Algorithm,
  memoryCost: 65536,
  timeCost: 3,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/** Longest password taken (longer ones are refused before hashing: no hashing of megabytes). */
export const PASSWORD_MAX_CHARS = 256;
/** Shortest password taken. */
export const PASSWORD_MIN_CHARS = 12;

/** The argon2id hash (PHC string, with its own random salt) of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` is the one `hash` was made from; false also for a hash that cannot be read. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_CHARS) return false;
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** True when `hashed` was made with other parameters than ARGON2_OPTIONS (rehash it at the next login). */
export function needsRehash(hashed: string): boolean {
  try {
    const o = parseOptions(hashed);
    return (
      (o.algorithm as number) !== (ARGON2_OPTIONS.algorithm as number) ||
      o.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      o.timeCost !== ARGON2_OPTIONS.timeCost ||
      o.parallelism !== ARGON2_OPTIONS.parallelism ||
      o.outputLen !== ARGON2_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

const CHARACTER_CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/**
 * What is wrong with `password` for the account `username` ([] when it is acceptable). MLPS level 2
 * asks for passwords with complexity: at least 12 characters, at most 256, from at least three of
 * lower case, upper case, digits and other characters, not containing the username and
 * without spaces at either end (they are easily lost when typed). The messages are English sentences (the CLI prints them; the API answers them
 * as issues of the field `password`).
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_CHARS)
    problems.push(
      `a password needs at least ${PASSWORD_MIN_CHARS} characters (this one has ${chars.length})`,
    );
  if (password.length > PASSWORD_MAX_CHARS)
    problems.push(`a password has at most ${PASSWORD_MAX_CHARS} characters`);
  const classes = CHARACTER_CLASSES.filter((c) => c.test(password)).length;
  if (classes < 3)
    problems.push(
      "a password needs characters of at least three kinds: lower case, upper case, digits, others",
    );
  const name = username.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name))
    problems.push("a password must not contain the username");
  if (/^\s|\s$/u.test(password)) problems.push("a password must not start or end with a space");
  return problems;
}
