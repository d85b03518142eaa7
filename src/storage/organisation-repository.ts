import type { Kysely, Selectable } from "kysely";
import {
  DEPARTMENT_KINDS,
  isCreditCode,
  ORGANISATION_KINDS,
  type DepartmentKind,
  type Organisation,
  type OrganisationKind,
} from "../domain/access/organisation.ts";
import type { QueryScope } from "../domain/access/policy.ts";
import {
  isRegionCode,
  isWithinRegion,
  REGION_LEVELS,
  regionLevel,
  type RegionCode,
  type RegionLevel,
} from "../domain/access/region-code.ts";
import { InputError, type InputIssue } from "../domain/validation/input-issue.ts";
import { isRowId, nameIssues } from "./access-input.ts";
import type { Database } from "./schema.ts";
import { scopeWhere } from "./scope-filter.ts";

export interface OrganisationInput {
  readonly kind: string;
  readonly name: string;
  readonly nameZh?: string | null;
  readonly regionCode: string;
  /** Departments: what they are responsible for, and their level (that of their region). */
  readonly departmentKind?: string | null;
  readonly level?: string | null;
  /** Enterprises: the unified social credit code. */
  readonly creditCode?: string | null;
  /** A department above this organisation whose region contains this one's. */
  readonly parentId?: string | null;
}

const toOrganisation = (r: Selectable<Database["organisations"]>): Organisation => ({
  id: String(r.id),
  kind: r.kind,
  name: r.name,
  nameZh: r.name_zh,
  regionCode: r.region_code as RegionCode,
  departmentKind: r.department_kind,
  level: r.level,
  parentId: r.parent_id === null ? null : String(r.parent_id),
  creditCode: r.credit_code,
  disabled: r.disabled_at !== null,
});

const has = <T extends string>(list: readonly T[], s: unknown): s is T =>
  typeof s === "string" && (list as readonly string[]).includes(s);

/**
 * Organisations: government departments, enterprises and verification bodies. The rules of the
 * model are checked on the way in, all problems at once, each named by its field: a department has a
 * department kind and the level of its region; an enterprise a valid credit code (GB 32100-2015);
 * a parent is a department whose region contains this organisation's.
 */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: OrganisationInput): Promise<Organisation> {
    const issues: InputIssue[] = [
      ...nameIssues("name", input.name, true),
      ...nameIssues("nameZh", input.nameZh, false),
    ];
    const kind = has(ORGANISATION_KINDS, input.kind) ? input.kind : undefined;
    if (!kind) issues.push({ path: "kind", message: `must be one of ${ORGANISATION_KINDS.join(", ")}` });
    let region: RegionCode | undefined;
    if (!isRegionCode(input.regionCode))
      issues.push({
        path: "regionCode",
        message: `must be a six-digit region code of GB/T 2260; got "${input.regionCode}"`,
      });
    else if (
      !(await this.db
        .selectFrom("regions")
        .select("code")
        .where("code", "=", input.regionCode)
        .executeTakeFirst())
    )
      issues.push({ path: "regionCode", message: `region ${input.regionCode} does not exist; add it first` });
    else region = input.regionCode;

    const departmentKind = input.departmentKind ?? null;
    const level = input.level ?? null;
    if (kind === "department") {
      if (!has(DEPARTMENT_KINDS, departmentKind))
        issues.push({
          path: "departmentKind",
          message: `a department needs one of ${DEPARTMENT_KINDS.join(", ")}`,
        });
      if (!has(REGION_LEVELS, level))
        issues.push({ path: "level", message: `a department needs one of ${REGION_LEVELS.join(", ")}` });
      else if (region && regionLevel(region) !== level)
        issues.push({
          path: "level",
          message: `region ${region} is of level ${regionLevel(region)}, not ${level}`,
        });
    } else if (kind) {
      if (departmentKind !== null)
        issues.push({ path: "departmentKind", message: "only a department has one" });
      if (level !== null) issues.push({ path: "level", message: "only a department has one" });
    }

    const creditCode = input.creditCode?.trim().toUpperCase() ?? null;
    if (kind === "enterprise") {
      if (creditCode === null)
        issues.push({ path: "creditCode", message: "an enterprise needs its unified social credit code" });
      else if (!isCreditCode(creditCode))
        issues.push({
          path: "creditCode",
          message: `"${creditCode}" is not a unified social credit code (18 characters with a correct check character, GB 32100-2015)`,
        });
      else if (
        await this.db
          .selectFrom("organisations")
          .select("id")
          .where("credit_code", "=", creditCode)
          .executeTakeFirst()
      )
        issues.push({ path: "creditCode", message: `an organisation with credit code ${creditCode} exists` });
    } else if (kind && creditCode !== null)
      issues.push({ path: "creditCode", message: "only an enterprise has a unified social credit code" });

    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = isRowId(parentId) ? await this.get(parentId) : undefined;
      if (!parent) issues.push({ path: "parentId", message: `no organisation ${parentId}` });
      else if (parent.kind !== "department")
        issues.push({
          path: "parentId",
          message: `organisation ${parentId} is a ${parent.kind}, not a department`,
        });
      else if (region && !isWithinRegion(region, parent.regionCode))
        issues.push({
          path: "parentId",
          message: `department ${parentId}'s region ${parent.regionCode} does not contain region ${region}`,
        });
    }
    if (issues.length > 0) throw new InputError(`organisation "${input.name}"`, issues);

    const r = await this.db
      .insertInto("organisations")
      .values({
        kind: kind!,
        name: input.name.trim(),
        name_zh: input.nameZh?.trim() ?? null,
        region_code: region!,
        department_kind: kind === "department" ? (departmentKind as DepartmentKind) : null,
        level: kind === "department" ? (level as RegionLevel) : null,
        parent_id: parentId,
        credit_code: kind === "enterprise" ? creditCode : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrganisation(r);
  }

  /** One organisation by id (not scoped: the caller asks the policy about it). */
  async get(id: string): Promise<Organisation | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? toOrganisation(r) : undefined;
  }

  /** The organisations `scope` lets the actor see (queryScope(actor, "organisation.read")), by id. */
  async list(scope: QueryScope, filter: { kind?: OrganisationKind } = {}): Promise<Organisation[]> {
    let q = this.db
      .selectFrom("organisations")
      .selectAll()
      .where(scopeWhere(scope, { organisation: "organisations.id", region: "organisations.region_code" }));
    if (filter.kind) q = q.where("kind", "=", filter.kind);
    return (await q.orderBy("id").execute()).map(toOrganisation);
  }

  /** Disables or enables an organisation (its users cannot log in, its sessions and tokens stop). */
  async setDisabled(id: string, disabled: boolean, at: Date = new Date()): Promise<Organisation | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.db
      .updateTable("organisations")
      .set({ disabled_at: disabled ? at : null })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return r ? toOrganisation(r) : undefined;
  }
}
