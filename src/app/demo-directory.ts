import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { RoleId } from "../domain/access/roles.ts";
import { pixelSquarePolygon } from "../demo/demo-plots.ts";
import { hashPassword, passwordProblems } from "./auth/passwords.ts";
import { MineRepository } from "../storage/mine-repository.ts";
import { OrganisationRepository } from "../storage/organisation-repository.ts";
import { RegionRepository } from "../storage/region-repository.ts";
import type { Database } from "../storage/schema.ts";
import { UserRepository } from "../storage/user-repository.ts";

/** The demo accounts, one per role (issue 12); all DEMO data, said so on the start page. */
export const DEMO_ACCOUNTS = [
  "demo-admin",
  "demo-regulator",
  "demo-regulator-city",
  "demo-enterprise-a",
  "demo-enterprise-b",
  "demo-verifier",
] as const;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/** What the demo directory holds, by the names the demo areas and tests use. */
export interface DemoDirectory {
  readonly province: string;
  readonly cityEcology: string;
  readonly enterpriseA: string;
  readonly enterpriseB: string;
  readonly verifier: string;
  readonly mineA: string;
  readonly mineB: string;
  /** A second mine of each enterprise (issue 13's management demo: four mines to rank). */
  readonly mineA2: string;
  readonly mineB2: string;
  /** The accounts' password: the one asked for, or a random one the caller prints once. */
  readonly password: string;
  readonly passwordGenerated: boolean;
}

/** An invented mining-right boundary: a rectangle of `w`×`h` degrees with its south-west corner at (lon, lat). */
const rectangle = (lon: number, lat: number, w: number, h: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + w, lat],
      [lon + w, lat + h],
      [lon, lat + h],
      [lon, lat],
    ],
  ],
});

/**
 * The demo mines' mining-right boundaries, all invented: the Pingshuo-like pit's holds the
 * synthetic maps' Anjialing mine field and the demo's plots (demo-plots.ts); Yongning's lies in
 * Lishi District; the other two are made up beside them.
 */
export const DEMO_MINE_BOUNDARIES = {
  mineA: pixelSquarePolygon(150, 430, 160),
  mineB: rectangle(111.12, 37.5, 0.03, 0.025),
  mineA2: rectangle(112.08, 39.44, 0.04, 0.03),
  mineB2: rectangle(111.2, 37.44, 0.035, 0.025),
};

/** A password that passes the rules: 18 random base64url characters and one of each other kind. */
function randomPassword(): string {
  return `${randomBytes(14).toString("base64url")}-Aa7`;
}

/**
 * Loads the demo's organisations into an empty directory: one province (Shanxi) with its
 * natural-resources department, the Shuozhou ecology-environment bureau, two enterprises — A with
 * the Pingshuo-like open pit (Pinglu District, 140603), B with the Yongning mine (Lishi District,
 * 141102) — a verification body, and one account per role. The names say DEMO: none of these is a
 * real organisation. The credit codes are well-formed (GB 32100 check character) but invented.
 */
export async function loadDemoDirectory(
  db: Kysely<Database>,
  asked: string | undefined,
): Promise<DemoDirectory> {
  const password = asked ?? randomPassword();
  for (const u of DEMO_ACCOUNTS) {
    const problems = passwordProblems(password, u);
    if (problems.length)
      throw new Error(`MINECARBON_DEMO_PASSWORD does not fit the password rules: ${problems.join("; ")}`);
  }
  const regions = new RegionRepository(db);
  for (const [code, name, nameZh] of [
    ["140000", "Shanxi", "山西省"],
    ["140600", "Shuozhou", "朔州市"],
    ["140603", "Pinglu District", "平鲁区"],
    ["141100", "Lüliang", "吕梁市"],
    ["141102", "Lishi District", "离石区"],
  ] as const)
    if (!(await regions.get(code))) await regions.add({ code, name, nameZh });
  const orgs = new OrganisationRepository(db);
  const province = await orgs.add({
    kind: "department",
    name: "Shanxi Department of Natural Resources (DEMO)",
    nameZh: "山西省自然资源厅（示范）",
    regionCode: "140000",
    departmentKind: "natural-resources",
    level: "province",
  });
  const cityEcology = await orgs.add({
    kind: "department",
    name: "Shuozhou Ecology and Environment Bureau (DEMO)",
    nameZh: "朔州市生态环境局（示范）",
    regionCode: "140600",
    departmentKind: "ecology-environment",
    level: "city",
  });
  const enterpriseA = await orgs.add({
    kind: "enterprise",
    name: "Demo Coal Enterprise A",
    nameZh: "示范煤业A公司",
    regionCode: "140603",
    creditCode: "91140603MA0K1A2B39",
  });
  const enterpriseB = await orgs.add({
    kind: "enterprise",
    name: "Demo Coal Enterprise B",
    nameZh: "示范煤业B公司",
    regionCode: "141102",
    creditCode: "91141102MA0K2C4D57",
  });
  const verifier = await orgs.add({
    kind: "verification-body",
    name: "Demo Carbon Verification Centre",
    nameZh: "示范碳排放核查中心",
    regionCode: "140000",
  });
  const mines = new MineRepository(db);
  const mineA = await mines.add({
    organisationId: enterpriseA.id,
    regionCode: "140603",
    name: "Pingshuo-like open pit (DEMO)",
    nameZh: "平朔式露天矿（示范）",
    stage: "production",
    miningRightBoundary: DEMO_MINE_BOUNDARIES.mineA,
  });
  const mineB = await mines.add({
    organisationId: enterpriseB.id,
    regionCode: "141102",
    name: "Yongning Coal Mine",
    nameZh: "永宁煤矿",
    stage: "production",
    miningRightBoundary: DEMO_MINE_BOUNDARIES.mineB,
  });
  const mineA2 = await mines.add({
    organisationId: enterpriseA.id,
    regionCode: "140603",
    name: "Jingxi underground mine (DEMO)",
    nameZh: "井西井工矿（示范）",
    stage: "production",
    miningRightBoundary: DEMO_MINE_BOUNDARIES.mineA2,
  });
  const mineB2 = await mines.add({
    organisationId: enterpriseB.id,
    regionCode: "141102",
    name: "Lishi No. 2 mine (DEMO)",
    nameZh: "离石二矿（示范）",
    stage: "production",
    miningRightBoundary: DEMO_MINE_BOUNDARIES.mineB2,
  });
  const users = new UserRepository(db);
  const passwordHash = await hashPassword(password);
  const accounts: Record<DemoAccount, [string, RoleId[]]> = {
    "demo-admin": [province.id, ["administrator"]],
    "demo-regulator": [province.id, ["regulator"]],
    "demo-regulator-city": [cityEcology.id, ["regulator"]],
    "demo-enterprise-a": [enterpriseA.id, ["enterprise-editor", "enterprise-submitter"]],
    "demo-enterprise-b": [enterpriseB.id, ["enterprise-editor", "enterprise-submitter"]],
    "demo-verifier": [verifier.id, ["verifier"]],
  };
  for (const [username, [organisationId, roles]] of Object.entries(accounts))
    await users.add({ username, organisationId, roles, passwordHash, displayName: `${username} (DEMO)` });
  return {
    province: province.id,
    cityEcology: cityEcology.id,
    enterpriseA: enterpriseA.id,
    enterpriseB: enterpriseB.id,
    verifier: verifier.id,
    mineA: mineA.id,
    mineB: mineB.id,
    mineA2: mineA2.id,
    mineB2: mineB2.id,
    password,
    passwordGenerated: asked === undefined,
  };
}
