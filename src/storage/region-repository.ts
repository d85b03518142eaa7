import type { Kysely, Selectable } from "kysely";
import {
  isRegionCode,
  NATION,
  regionLevel,
  type RegionCode,
  type RegionLevel,
} from "../domain/access/region-code.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { nameIssues } from "./access-input.ts";
import type { Database } from "./schema.ts";

/** A region of GB/T 2260 as stored: the tree departments' jurisdictions and mines' locations hang on. */
export interface Region {
  readonly code: RegionCode;
  readonly name: string;
  readonly nameZh: string | null;
  readonly level: RegionLevel;
  /** The region above; null only for the nation (100000). */
  readonly parentCode: RegionCode | null;
}

export interface RegionInput {
  readonly code: string;
  readonly name: string;
  readonly nameZh?: string | null;
}

const toRegion = (r: Selectable<Database["regions"]>): Region => ({
  code: r.code as RegionCode,
  name: r.name,
  nameZh: r.name_zh,
  level: regionLevel(r.code as RegionCode),
  parentCode: r.parent_code as RegionCode | null,
});

/**
 * The region directly above `code` in GB/T 2260: a province's is the nation, a city's its province,
 * a county's its city — except the county-level units a province administers directly (city part
 * 90, e.g. 419001 济源市), whose parent is the province.
 */
export function parentRegionCode(code: RegionCode): RegionCode | null {
  switch (regionLevel(code)) {
    case "national":
      return null;
    case "province":
      return NATION;
    case "city":
      return `${code.slice(0, 2)}0000` as RegionCode;
    case "county":
      return (code.slice(2, 4) === "90" ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`) as RegionCode;
  }
}

/**
 * Regions: the nation is there from the start; a province, city or county is added below its
 * parent, which must exist. Regions are public reference data (the state publishes GB/T 2260), so
 * listing them needs no scope.
 */
export class RegionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: RegionInput): Promise<Region> {
    const issues: InputIssue[] = [
      ...nameIssues("name", input.name, true),
      ...nameIssues("nameZh", input.nameZh, false),
    ];
    let parent: RegionCode | null = null;
    if (!isRegionCode(input.code))
      issues.push({
        path: "code",
        message: `must be a six-digit region code of GB/T 2260 (e.g. 140600); got "${input.code}"`,
      });
    else if (input.code === NATION)
      issues.push({ path: "code", message: "the nation (100000) is always there" });
    else {
      parent = parentRegionCode(input.code);
      if (await this.get(input.code)) issues.push({ path: "code", message: `region ${input.code} exists` });
      else if (parent && !(await this.get(parent)))
        issues.push({ path: "code", message: `its parent region ${parent} does not exist; add it first` });
    }
    if (issues.length > 0) throw new InputError(`region ${input.code}`, issues);
    const r = await this.db
      .insertInto("regions")
      .values({
        code: input.code,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() ?? null,
        parent_code: parent,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRegion(r);
  }

  async get(code: string): Promise<Region | undefined> {
    if (!isRegionCode(code)) return undefined;
    const r = await this.db.selectFrom("regions").selectAll().where("code", "=", code).executeTakeFirst();
    return r ? toRegion(r) : undefined;
  }

  /** Every region, by code (the nation first). */
  async list(): Promise<Region[]> {
    return (await this.db.selectFrom("regions").selectAll().orderBy("code").execute()).map(toRegion);
  }
}
