import type { Kysely } from "kysely";
import { join } from "node:path";
import { DEFAULT_SESSION_LIFETIMES, Identity } from "../../src/app/auth/identity.ts";
import { openStore } from "../../src/storage/open-database.ts";
import { hashPassword } from "../../src/app/auth/passwords.ts";
import { ROLES, type RoleId } from "../../src/domain/access/roles.ts";
import { OrganisationRepository } from "../../src/storage/organisation-repository.ts";
import { RegionRepository } from "../../src/storage/region-repository.ts";
import type { Database } from "../../src/storage/schema.ts";
import { UserRepository } from "../../src/storage/user-repository.ts";

/** The password of every account a test directory makes. */
export const TEST_PASSWORD = "Test-Password-42";

let hashed: Promise<string> | undefined;
/**
 * TEST_PASSWORD's argon2id hash, made once per test file (with the production parameters, ~0.2 s
 * each on a 2-core machine) and shared by the accounts of every store the file makes: the tests
 * are about who may do what, not about salts (src/app/auth/passwords.test.ts is).
 */
export const testPasswordHash = (): Promise<string> => (hashed ??= hashPassword(TEST_PASSWORD));

/**
 * The organisations and accounts of a test store: regions 140000 › 140600 › 140603 (Shanxi,
 * Shuozhou, Pinglu) and 150000 › 150600 (Inner Mongolia, Ordos); enterprise A (140603) with the
 * editor that most API tests act as, through an API token; enterprise B (140603); the Shanxi
 * natural-resources department; the Inner Mongolia one (another province); a verification body.
 */
export async function testDirectory(db: Kysely<Database>, identity: Identity) {
  const regions = new RegionRepository(db);
  for (const [code, name] of [
    ["140000", "Shanxi"],
    ["140600", "Shuozhou"],
    ["140603", "Pinglu"],
    ["150000", "Inner Mongolia"],
    ["150600", "Ordos"],
  ] as const)
    await regions.add({ code, name });
  const orgs = new OrganisationRepository(db);
  const enterpriseA = await orgs.add({
    kind: "enterprise",
    name: "Test Enterprise A",
    regionCode: "140603",
    creditCode: "91140603MA0K1A2B39",
  });
  const enterpriseB = await orgs.add({
    kind: "enterprise",
    name: "Test Enterprise B",
    regionCode: "140603",
    creditCode: "91141102MA0K2C4D57",
  });
  const shanxi = await orgs.add({
    kind: "department",
    name: "Shanxi natural resources",
    regionCode: "140000",
    departmentKind: "natural-resources",
    level: "province",
  });
  const innerMongolia = await orgs.add({
    kind: "department",
    name: "Inner Mongolia natural resources",
    regionCode: "150000",
    departmentKind: "natural-resources",
    level: "province",
  });
  const verifier = await orgs.add({ kind: "verification-body", name: "Test verifier", regionCode: "140000" });
  const users = new UserRepository(db);
  const passwordHash = await testPasswordHash();
  const user = async (username: string, organisationId: string, roles: RoleId[]) =>
    (await users.add({ username, organisationId, roles, passwordHash })).id;
  const ids = {
    enterpriseA: enterpriseA.id,
    enterpriseB: enterpriseB.id,
    shanxi: shanxi.id,
    innerMongolia: innerMongolia.id,
    verifier: verifier.id,
    editorA: await user("editor-a", enterpriseA.id, ["enterprise-editor", "enterprise-submitter"]),
    editorB: await user("editor-b", enterpriseB.id, ["enterprise-editor", "enterprise-submitter"]),
    regulator: await user("regulator", shanxi.id, ["regulator"]),
    otherRegulator: await user("regulator-nm", innerMongolia.id, ["regulator"]),
    verifierUser: await user("verifier", verifier.id, ["verifier"]),
    admin: await user("admin", shanxi.id, ["administrator"]),
  };
  const token = await identity.createToken({
    organisationId: enterpriseA.id,
    name: "tests: enterprise A's editor",
    roles: ["enterprise-editor", "enterprise-submitter"],
    // Everything an enterprise editor and submitter may do.
    actions: [
      ...new Set([...ROLES["enterprise-editor"], ...ROLES["enterprise-submitter"]].map((g) => g.action)),
    ],
    createdBy: ids.editorA,
    expiresAt: null,
  });
  return { ...ids, tokenA: token.secret };
}

/**
 * Writes the test directory into a server's data folder before the server starts (as an operator
 * would with `minecarbon orgs/users add`), and returns the header that acts as enterprise A's editor.
 */
export async function directoryInDataFolder(dataDir: string): Promise<{ authorization: string }> {
  const store = await openStore({ dataDir: join(dataDir, "db") });
  try {
    const d = await testDirectory(store.db, new Identity(store.db, DEFAULT_SESSION_LIFETIMES));
    return { authorization: `Bearer ${d.tokenA}` };
  } finally {
    await store.close();
  }
}
