import { sql, type Kysely } from "kysely";
import { z } from "zod";
import {
  reportEventRecordSchema,
  reportFiguresSchema,
  type ReportEventRecord,
} from "../contract/annual-report.ts";
import type { ReportFigures } from "../domain/manage/plausibility.ts";
import type { QueryScope, ResourceRef } from "../domain/access/policy.ts";
import type { RegionCode } from "../domain/access/region-code.ts";
import { REPORT_STATES, type ReportState } from "../domain/manage/report-workflow.ts";
import { isRowId } from "./access-input.ts";
import { parseStored } from "./parse-stored.ts";
import type { Database } from "./schema.ts";
import { scopeWhere, type ScopeColumns } from "./scope-filter.ts";

/** An annual report as stored (migration 008): one per mine and year, with its mine's names. */
export interface StoredAnnualReport {
  readonly id: string;
  readonly mineId: string;
  readonly mineName: string;
  readonly mineNameZh: string | null;
  readonly year: number;
  readonly organisationId: string;
  readonly regionCode: RegionCode;
  readonly state: ReportState;
  readonly draft: unknown;
  readonly verifierOrganisationId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface StoredReportVersion {
  readonly number: number;
  readonly content: unknown;
  readonly submittedAt: Date;
  readonly submittedBy: string;
}

export interface StoredEvidenceFile {
  readonly id: string;
  readonly reportId: string;
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Where the file lies, relative to the data folder. */
  readonly path: string;
  readonly uploadedBy: string;
  readonly createdAt: Date;
}

/** What the policy needs to know about an annual report (manage-common: its ResourceRef). */
export const annualReportResource = (
  r: Pick<StoredAnnualReport, "organisationId" | "regionCode" | "state" | "verifierOrganisationId">,
): ResourceRef => ({
  kind: "annual-report",
  organisationId: r.organisationId,
  regionCode: r.regionCode,
  published: r.state === "published",
  verifierOrganisationIds: r.verifierOrganisationId === null ? [] : [r.verifierOrganisationId],
});

/** How a QueryScope reads annual_reports: owner, region, publication, the verification body sent to. */
export const ANNUAL_REPORT_SCOPE: ScopeColumns = {
  organisation: "annual_reports.organisation_id",
  region: "annual_reports.region_code",
  published: "annual_reports.published",
  assignedVia: (ids) => sql<boolean>`annual_reports.verifier_organisation_id in (${sql.join(ids)})`,
};

const stateSchema = z.enum(REPORT_STATES);

type ReportRow = {
  id: string;
  mine_id: string;
  mine_name: string;
  mine_name_zh: string | null;
  year: number;
  organisation_id: string;
  region_code: string;
  state: string;
  draft: unknown;
  verifier_organisation_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

const toReport = (r: ReportRow): StoredAnnualReport => ({
  id: String(r.id),
  mineId: String(r.mine_id),
  mineName: r.mine_name,
  mineNameZh: r.mine_name_zh,
  year: r.year,
  organisationId: String(r.organisation_id),
  regionCode: r.region_code as RegionCode,
  state: parseStored(stateSchema, r.state, { table: "annual_reports", id: String(r.id), column: "state" }),
  draft: typeof r.draft === "string" ? JSON.parse(r.draft) : r.draft,
  verifierOrganisationId: r.verifier_organisation_id === null ? null : String(r.verifier_organisation_id),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const parsedJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** A workflow step to store: the state it leaves and enters, the version it freezes, its event. */
export interface StoredStep {
  readonly from: ReportState;
  readonly to: ReportState;
  readonly verifierOrganisationId: string | null;
  readonly version?: { readonly number: number; readonly content: unknown; readonly submittedBy: string };
  readonly event: {
    readonly type: string;
    readonly byUserId: string;
    readonly byOrganisationId: string;
    readonly at: Date;
    readonly body: Record<string, unknown>;
  };
}

/**
 * Annual reports with their versions, events and evidence files (issue 13). Versions and events
 * are only appended (the tables' triggers refuse anything else); a report is deleted only while it
 * is a draft without versions; an evidence file only while no version refers to it.
 */
export class AnnualReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom("annual_reports")
      .innerJoin("mines", "mines.id", "annual_reports.mine_id")
      .select([
        "annual_reports.id",
        "annual_reports.mine_id",
        "mines.name as mine_name",
        "mines.name_zh as mine_name_zh",
        "annual_reports.year",
        "annual_reports.organisation_id",
        "annual_reports.region_code",
        "annual_reports.state",
        "annual_reports.draft",
        "annual_reports.verifier_organisation_id",
        "annual_reports.created_at",
        "annual_reports.updated_at",
      ]);
  }

  /** Opens a year's report of a mine as an empty draft (the caller checked none exists). */
  async create(r: {
    mineId: string;
    year: number;
    organisationId: string;
    regionCode: string;
  }): Promise<StoredAnnualReport> {
    const row = await this.db
      .insertInto("annual_reports")
      .values({
        mine_id: r.mineId,
        year: r.year,
        organisation_id: r.organisationId,
        region_code: r.regionCode,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.get(String(row.id)))!;
  }

  /** One report by id (not scoped: the caller asks the policy, or row-level security hides it). */
  async get(id: string): Promise<StoredAnnualReport | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.select().where("annual_reports.id", "=", id).executeTakeFirst();
    return r ? toReport(r as ReportRow) : undefined;
  }

  /** One report if `scope` lets the actor see it (queryScope(actor, "annual-report.read", …)). */
  async getScoped(id: string, scope: QueryScope): Promise<StoredAnnualReport | undefined> {
    if (!isRowId(id)) return undefined;
    const r = await this.select()
      .where("annual_reports.id", "=", id)
      .where(scopeWhere(scope, ANNUAL_REPORT_SCOPE))
      .executeTakeFirst();
    return r ? toReport(r as ReportRow) : undefined;
  }

  /**
   * The report row locked for the rest of the transaction (SELECT … FOR UPDATE): two reviewers
   * firing at once queue here, and the second sees the state the first left.
   */
  async lock(id: string): Promise<StoredAnnualReport | undefined> {
    if (!isRowId(id)) return undefined;
    await this.db.selectFrom("annual_reports").select("id").where("id", "=", id).forUpdate().execute();
    return this.get(id);
  }

  /** The mine's report of a year, if any (whoever may see it: used to refuse a second one). */
  async ofMineYear(mineId: string, year: number): Promise<StoredAnnualReport | undefined> {
    const r = await this.select()
      .where("annual_reports.mine_id", "=", mineId)
      .where("annual_reports.year", "=", year)
      .executeTakeFirst();
    return r ? toReport(r as ReportRow) : undefined;
  }

  /** The reports `scope` lets the actor see, newest year first, with their latest version number. */
  async list(
    scope: QueryScope,
    filter: { mineId?: string; year?: number; state?: ReportState } = {},
  ): Promise<(StoredAnnualReport & { latestVersion: number | null })[]> {
    let q = this.select()
      .select(
        sql<
          number | null
        >`(select max(v.number) from annual_report_versions v where v.report_id = annual_reports.id)`.as(
          "latest_version",
        ),
      )
      .where(scopeWhere(scope, ANNUAL_REPORT_SCOPE));
    if (filter.mineId !== undefined) q = q.where("annual_reports.mine_id", "=", filter.mineId);
    if (filter.year !== undefined) q = q.where("annual_reports.year", "=", filter.year);
    if (filter.state !== undefined) q = q.where("annual_reports.state", "=", filter.state);
    const rows = await q.orderBy("annual_reports.year", "desc").orderBy("annual_reports.id").execute();
    return rows.map((r) => ({
      ...toReport(r as ReportRow),
      latestVersion: r.latest_version === null ? null : Number(r.latest_version),
    }));
  }

  /** The mine's reports in the given states (for the checks: its earlier approved years). */
  async ofMine(mineId: string, states: readonly ReportState[]): Promise<StoredAnnualReport[]> {
    const rows = await this.select()
      .where("annual_reports.mine_id", "=", mineId)
      .where("annual_reports.state", "in", [...states])
      .orderBy("annual_reports.year")
      .execute();
    return rows.map((r) => toReport(r as ReportRow));
  }

  async setDraft(id: string, draft: unknown, at: Date = new Date()): Promise<void> {
    await this.db
      .updateTable("annual_reports")
      .set({ draft: JSON.stringify(draft), updated_at: at })
      .where("id", "=", id)
      .execute();
  }

  /**
   * Stores a workflow step: the state (guarded: only from `step.from`, so a step computed from a
   * state another request has left changes nothing and answers false), the verifier, the version a
   * submission freezes and the event, appended.
   */
  async storeStep(id: string, step: StoredStep): Promise<boolean> {
    const r = await this.db
      .updateTable("annual_reports")
      .set({
        state: step.to,
        verifier_organisation_id: step.verifierOrganisationId,
        updated_at: step.event.at,
      })
      .where("id", "=", id)
      .where("state", "=", step.from)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (step.version)
      await this.db
        .insertInto("annual_report_versions")
        .values({
          report_id: id,
          number: step.version.number,
          content: JSON.stringify(step.version.content),
          submitted_at: step.event.at,
          submitted_by: step.version.submittedBy,
        })
        .execute();
    const seq = await this.db
      .selectFrom("annual_report_events")
      .select(sql<number>`coalesce(max(seq), 0) + 1`.as("next"))
      .where("report_id", "=", id)
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto("annual_report_events")
      .values({
        report_id: id,
        seq: Number(seq.next),
        type: step.event.type,
        by_user_id: step.event.byUserId,
        by_organisation_id: step.event.byOrganisationId,
        at: step.event.at,
        body: JSON.stringify(step.event.body),
      })
      .execute();
    return true;
  }

  /** Deletes a draft without versions (and its evidence rows); false when it is not one. */
  async deleteDraft(id: string): Promise<boolean> {
    const versions = await this.versions(id);
    if (versions.length > 0) return false;
    await this.db.deleteFrom("evidence_files").where("report_id", "=", id).execute();
    const r = await this.db
      .deleteFrom("annual_reports")
      .where("id", "=", id)
      .where("state", "=", "draft")
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async versions(reportId: string): Promise<StoredReportVersion[]> {
    const rows = await this.db
      .selectFrom("annual_report_versions")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("number")
      .execute();
    return rows.map((r) => ({
      number: r.number,
      content: parsedJson(r.content),
      submittedAt: new Date(r.submitted_at),
      submittedBy: String(r.submitted_by),
    }));
  }

  async version(reportId: string, n: number): Promise<StoredReportVersion | undefined> {
    return (await this.versions(reportId)).find((v) => v.number === n);
  }

  async events(reportId: string): Promise<ReportEventRecord[]> {
    const rows = await this.db
      .selectFrom("annual_report_events")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("seq")
      .execute();
    return rows.map((r) =>
      parseStored(
        reportEventRecordSchema,
        {
          seq: r.seq,
          type: r.type,
          by: { userId: String(r.by_user_id), organisationId: String(r.by_organisation_id) },
          at: new Date(r.at).toISOString(),
          body: parsedJson(r.body),
        },
        { table: "annual_report_events", id: `${reportId}/${r.seq}`, column: "body" },
      ),
    );
  }

  async addEvidence(f: Omit<StoredEvidenceFile, "id" | "createdAt">): Promise<StoredEvidenceFile> {
    const r = await this.db
      .insertInto("evidence_files")
      .values({
        report_id: f.reportId,
        name: f.name,
        media_type: f.mediaType,
        bytes: f.bytes,
        sha256: f.sha256,
        path: f.path,
        uploaded_by: f.uploadedBy,
      })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    return { ...f, id: String(r.id), createdAt: new Date(r.created_at) };
  }

  async evidence(reportId: string): Promise<StoredEvidenceFile[]> {
    const rows = await this.db
      .selectFrom("evidence_files")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      reportId: String(r.report_id),
      name: r.name,
      mediaType: r.media_type,
      bytes: Number(r.bytes),
      sha256: r.sha256,
      path: r.path,
      uploadedBy: String(r.uploaded_by),
      createdAt: new Date(r.created_at),
    }));
  }

  async deleteEvidence(reportId: string, fileId: string): Promise<void> {
    await this.db
      .deleteFrom("evidence_files")
      .where("report_id", "=", reportId)
      .where("id", "=", fileId)
      .execute();
  }

  /** How many evidence rows (of any report) keep a stored file (the same bytes may serve several). */
  async filesWithHash(sha256: string): Promise<number> {
    const r = await this.db
      .selectFrom("evidence_files")
      .select(sql<string>`count(*)`.as("n"))
      .where("sha256", "=", sha256)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * The figures each report's last submission computed (kept in its submit event's body, so that
   * lists need not compute inventories again); a report without them is left out.
   */
  async submittedFigures(ids: readonly string[]): Promise<Map<string, ReportFigures>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("annual_report_events")
      .select(["report_id", "seq", "body"])
      .where("report_id", "in", [...ids])
      .where("type", "in", ["submit", "resubmit"])
      .orderBy("report_id")
      .orderBy("seq")
      .execute();
    const out = new Map<string, ReportFigures>();
    for (const r of rows) {
      const f = reportFiguresSchema.safeParse((parsedJson(r.body) as { figures?: unknown } | null)?.figures);
      if (f.success) out.set(String(r.report_id), f.data);
      else out.delete(String(r.report_id));
    }
    return out;
  }

  /** When each published report (of `ids`) was published: the time of its publish event. */
  async publishedAt(ids: readonly string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("annual_report_events")
      .select(["report_id", "at"])
      .where("report_id", "in", [...ids])
      .where("type", "=", "publish")
      .execute();
    return new Map(rows.map((r) => [String(r.report_id), new Date(r.at)]));
  }
}
