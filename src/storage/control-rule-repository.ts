import { sql, type Kysely, type Selectable } from "kysely";
import { ruleBodySchema, type ControlRuleRecord, type RuleBody } from "../contract/control-rule.ts";
import type { ResourceRef } from "../domain/access/policy.ts";
import { isRegionCode, isWithinRegion, type RegionCode } from "../domain/access/region-code.ts";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";

/** A rule of a department's table, as stored. */
export interface StoredControlRule {
  readonly id: string;
  readonly organisationId: string;
  readonly regionCode: RegionCode;
  readonly name: string;
  readonly nameZh: string | null;
  readonly basis: string;
  readonly rule: RuleBody;
  /** How many plots are under it. */
  readonly plots: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly retiredAt: Date | null;
}

/** What the policy sees of a rule: its department (rule.manage is granted on the own organisation). */
export const controlRuleResource = (
  r: Pick<StoredControlRule, "organisationId" | "regionCode">,
): ResourceRef => ({
  kind: "organisation",
  organisationId: r.organisationId,
  regionCode: r.regionCode,
});

export const controlRuleJson = (r: StoredControlRule): ControlRuleRecord => ({
  id: r.id,
  organisationId: r.organisationId,
  regionCode: r.regionCode,
  name: r.name,
  nameZh: r.nameZh,
  basis: r.basis,
  rule: r.rule,
  plots: r.plots,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  retiredAt: r.retiredAt === null ? null : r.retiredAt.toISOString(),
});

type Row = Selectable<Database["control_rules"]> & { plot_count: string | number };

const toRule = (r: Row): StoredControlRule => ({
  id: String(r.id),
  organisationId: String(r.organisation_id),
  regionCode: r.region_code as RegionCode,
  name: r.name,
  nameZh: r.name_zh,
  basis: r.basis,
  rule: parseStored(ruleBodySchema, r.rule, { table: "control_rules", id: String(r.id), column: "rule" }),
  plots: Number(r.plot_count),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  retiredAt: r.retired_at === null ? null : new Date(r.retired_at),
});

/**
 * Departments' tables of land-use control rules (issue 13). Rules are regulations: everyone reads
 * them (row-level security too); a department changes only its own (rule:write). A rule is retired,
 * never deleted, so that plots and the audit trail keep naming it.
 */
export class ControlRuleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("control_rules")
      .selectAll("control_rules")
      .select(
        sql<string>`(select count(*) from plots p where p.rule_id = control_rules.id)`.as("plot_count"),
      );
  }

  async get(id: string): Promise<StoredControlRule | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.select().where("control_rules.id", "=", id).executeTakeFirst();
    return r ? toRule(r) : undefined;
  }

  /**
   * The rules, by id; with `regionCode`, those that apply there (of a department whose region holds
   * it: the province's rules apply in its cities); retired ones only when asked.
   */
  async list(o: { regionCode?: RegionCode; includeRetired?: boolean } = {}): Promise<StoredControlRule[]> {
    let q = this.select();
    if (!o.includeRetired) q = q.where("control_rules.retired_at", "is", null);
    const rows = (await q.orderBy("control_rules.id").execute()).map(toRule);
    const at = o.regionCode;
    return at === undefined
      ? rows
      : rows.filter((r) => isRegionCode(r.regionCode) && isWithinRegion(at, r.regionCode));
  }

  async add(r: {
    organisationId: string;
    regionCode: string;
    name: string;
    nameZh?: string | null;
    basis: string;
    rule: RuleBody;
  }): Promise<StoredControlRule> {
    const row = await this.db
      .insertInto("control_rules")
      .values({
        organisation_id: r.organisationId,
        region_code: r.regionCode,
        name: r.name.trim(),
        name_zh: r.nameZh?.trim() ?? null,
        basis: r.basis.trim(),
        rule: JSON.stringify(r.rule),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.get(String(row.id)))!;
  }

  /** Changes the given fields; undefined when there is no such rule. */
  async update(
    id: string,
    change: { name?: string; nameZh?: string | null; basis?: string; rule?: RuleBody },
  ): Promise<StoredControlRule | undefined> {
    const r = await this.db
      .updateTable("control_rules")
      .set({
        updated_at: new Date(),
        ...(change.name !== undefined ? { name: change.name.trim() } : {}),
        ...(change.nameZh !== undefined ? { name_zh: change.nameZh?.trim() ?? null } : {}),
        ...(change.basis !== undefined ? { basis: change.basis.trim() } : {}),
        ...(change.rule !== undefined ? { rule: JSON.stringify(change.rule) } : {}),
      })
      .where("id", "=", id)
      .returning("id")
      .executeTakeFirst();
    return r ? this.get(id) : undefined;
  }

  /** Retires a rule (it stays, and plots under it keep it until the regulator moves them). */
  async retire(id: string, at: Date = new Date()): Promise<StoredControlRule | undefined> {
    const r = await this.db
      .updateTable("control_rules")
      .set({ retired_at: at, updated_at: at })
      .where("id", "=", id)
      .where("retired_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    return r ? this.get(id) : undefined;
  }

  /** Whether a department's table already has a rule of that name (names are unique per department). */
  async nameTaken(organisationId: string, name: string, except?: string): Promise<boolean> {
    let q = this.db
      .selectFrom("control_rules")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("name", "=", name.trim());
    if (except !== undefined) q = q.where("id", "<>", except);
    return (await q.executeTakeFirst()) !== undefined;
  }
}
