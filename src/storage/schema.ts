import type { ColumnType, Generated } from "kysely";

/** Timestamps come back as Date and go in as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSON columns: written as text (JSON.stringify), read back as parsed values. */
type Json<T> = ColumnType<T, string, string>;

export interface MiningAreasTable {
  id: Generated<string>;
  name: string;
  name_zh: string | null;
  crs: string | null;
  legend: Json<unknown>;
  boundary: Json<unknown> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  organisation_id: string;
  region_code: string;
  published: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AreaMinesTable {
  area_id: string;
  mine_id: string;
}

export interface AreaVerifiersTable {
  area_id: string;
  organisation_id: string;
}

export interface LanduseMapsTable {
  id: Generated<string>;
  area_id: string;
  year: number;
  path: string;
  sha256: string;
  bytes: string | number;
  grid: Json<unknown>;
  created_at: Timestamp;
}

export interface AnalysesTable {
  id: Generated<string>;
  area_id: string;
  kind: "landuse" | "budget" | "inventory";
  status: ColumnType<
    "queued" | "running" | "done" | "failed",
    "queued" | undefined,
    "queued" | "running" | "done" | "failed"
  >;
  percent: ColumnType<number, number | undefined, number>;
  params: Json<unknown>;
  factor_library_version: string | null;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  created_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Why the result is stale (a map it was computed from was replaced), or null. */
  stale_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InventoriesTable {
  id: Generated<string>;
  area_id: string;
  mine: string;
  year: number;
  input: Json<unknown>;
  result: Json<unknown> | null;
  updated_at: Timestamp;
}

export interface ReportsTable {
  id: Generated<string>;
  analysis_id: string | null;
  inventory_id: string | null;
  format: "html" | "pdf";
  path: string;
  created_at: Timestamp;
}

/** Columns the database fills on insert (identity ids, defaults). */
type Inserted<T> = ColumnType<T, T | undefined, T>;

export interface RegionsTable {
  code: string;
  name: string;
  name_zh: string | null;
  parent_code: string | null;
}

export interface OrganisationsTable {
  id: Generated<string>;
  kind: "department" | "enterprise" | "verification-body";
  name: string;
  name_zh: string | null;
  region_code: string;
  department_kind: "natural-resources" | "ecology-environment" | "other" | null;
  level: "national" | "province" | "city" | "county" | null;
  parent_id: string | null;
  credit_code: string | null;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string | null;
  organisation_id: string;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Inserted<boolean>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: "administrator" | "regulator" | "enterprise-editor" | "enterprise-submitter" | "verifier";
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's secret. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_reason: "logout" | "password-changed" | "revoked" | "user-disabled" | null;
  address: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  /** SHA-256 (hex) of the token's secret. */
  token_hash: string;
  roles: Json<unknown>;
  actions: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MinesTable {
  id: Generated<string>;
  organisation_id: string;
  region_code: string;
  name: string;
  name_zh: string | null;
  stage: "exploration" | "development" | "production" | "reclamation";
  mining_right_boundary: Json<unknown> | null;
  production_area: Json<unknown> | null;
  living_area: Json<unknown> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  seq: string;
  at: ColumnType<Date, Date | string, Date | string>;
  user_id: string | null;
  username: string | null;
  token_id: string | null;
  organisation_id: string | null;
  roles: Json<unknown>;
  action: string;
  resource_kind: string;
  resource_id: string | null;
  resource_organisation_id: string | null;
  resource_region_code: string | null;
  outcome: "done" | "refused" | "failed";
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  address: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: string;
  hash: string;
}

/** The database as Kysely sees it (migrations/*.sql define it). */
export interface Database {
  mining_areas: MiningAreasTable;
  area_mines: AreaMinesTable;
  area_verifiers: AreaVerifiersTable;
  landuse_maps: LanduseMapsTable;
  analyses: AnalysesTable;
  inventories: InventoriesTable;
  reports: ReportsTable;
  regions: RegionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  mines: MinesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  schema_migrations: { id: string; applied_at: Timestamp };
}

/** Feedback from the public portal (migration 005). */
export interface FeedbackTable {
  id: Generated<string>;
  area_id: string | null;
  /** The area's owner and region when the message was sent (null: about the portal as a whole). */
  organisation_id: string | null;
  region_code: string | null;
  name: string | null;
  contact: string | null;
  message: string;
  address: string | null;
  created_at: Timestamp;
}

/** The tables added after `Database` was declared. */
export interface Database {
  feedback: FeedbackTable;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** A department's land-use control rules (migration 008). */
export interface ControlRulesTable {
  id: Generated<string>;
  organisation_id: string;
  region_code: string;
  name: string;
  name_zh: string | null;
  rule: Json<unknown>;
  basis: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Nullable<Date | string>;
}

export interface PlotsTable {
  id: Generated<string>;
  mine_id: string;
  name: string;
  geometry: Json<unknown>;
  area_ha: number;
  declared_role: string | null;
  stage: "planned" | "mining" | "disturbed" | "reclaiming" | "reclaimed" | "accepted";
  rule_id: string | null;
  observed: Json<unknown> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TargetsTable {
  id: Generated<string>;
  mine_id: string;
  set_by: "regulator" | "enterprise";
  set_by_organisation_id: string;
  target: Json<unknown>;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  withdrawn_at: Nullable<Date | string>;
}

export interface ReclamationPlanItemsTable {
  id: Generated<string>;
  mine_id: string;
  plot_id: string;
  target_role: string;
  species: string | null;
  start_year: number;
  due_year: number;
  budget_cny: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AnnualReportStateColumn =
  "draft" | "submitted" | "verification" | "in-review" | "returned" | "approved" | "published" | "rejected";

export interface AnnualReportsTable {
  id: Generated<string>;
  mine_id: string;
  year: number;
  organisation_id: string;
  region_code: string;
  state: Defaulted<AnnualReportStateColumn>;
  draft: ColumnType<unknown, string | undefined, string>;
  verifier_organisation_id: string | null;
  published: ColumnType<boolean, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnnualReportVersionsTable {
  report_id: string;
  number: number;
  content: Json<unknown>;
  submitted_at: ColumnType<Date, Date | string, never>;
  submitted_by: string;
}

export interface AnnualReportEventsTable {
  report_id: string;
  seq: number;
  type: string;
  by_user_id: string;
  by_organisation_id: string;
  at: ColumnType<Date, Date | string, never>;
  body: Json<unknown>;
}

export interface EvidenceFilesTable {
  id: Generated<string>;
  report_id: string;
  name: string;
  media_type: string;
  bytes: string | number;
  sha256: string;
  path: string;
  uploaded_by: string;
  created_at: Timestamp;
}

export interface FlagsTable {
  id: Generated<string>;
  mine_id: string;
  kind: string;
  year: number;
  key: string;
  subject_kind: "target" | "plot" | "report";
  subject_id: string;
  evidence: string;
  numbers: Json<unknown>;
  status: Defaulted<"open" | "notice-issued" | "resolved" | "dismissed">;
  status_reason: string | null;
  raised_at: Timestamp;
  updated_at: Timestamp;
}

export interface NoticesTable {
  id: Generated<string>;
  mine_id: string;
  flag_id: string | null;
  issued_by_organisation_id: string;
  text: string;
  deadline: ColumnType<Date, Date | string, Date | string>;
  state: Defaulted<"open" | "responded" | "closed" | "escalated">;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NoticeEventsTable {
  notice_id: string;
  seq: number;
  type: "issue" | "respond" | "close" | "escalate";
  by_user_id: string;
  by_organisation_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  text: string;
  evidence: Json<unknown>;
}

export interface SpotChecksTable {
  id: Generated<string>;
  organisation_id: string;
  region_code: string;
  year: number;
  seed: string;
  population: Json<unknown>;
  drawn: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}

export interface SpotCheckResultsTable {
  spot_check_id: string;
  mine_id: string;
  outcome: "conforms" | "minor-issues" | "nonconforming";
  finding: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface InboxMessagesTable {
  id: Generated<string>;
  user_id: string;
  kind: "state-change" | "deadline" | "flag" | "reply" | "notice";
  subject_kind: string;
  subject_id: string;
  message: Json<unknown>;
  key: string | null;
  created_at: Timestamp;
  read_at: Nullable<Date | string>;
}

/** Feedback's moderation columns (migration 008). */
export interface FeedbackTable {
  mine_id: ColumnType<string | null, string | null | undefined, string | null>;
  category: Defaulted<"land-use" | "reclamation" | "emissions" | "pollution" | "report" | "other">;
  point: ColumnType<unknown, string | null | undefined, string | null>;
  status: Defaulted<"received" | "in-progress" | "handled">;
  reply: Nullable<string>;
  replied_at: Nullable<Date | string>;
  replied_by: Nullable<string>;
  public: Defaulted<boolean>;
}

/** The management system's tables (migration 008). */
export interface Database {
  control_rules: ControlRulesTable;
  plots: PlotsTable;
  targets: TargetsTable;
  reclamation_plan_items: ReclamationPlanItemsTable;
  annual_reports: AnnualReportsTable;
  annual_report_versions: AnnualReportVersionsTable;
  annual_report_events: AnnualReportEventsTable;
  evidence_files: EvidenceFilesTable;
  flags: FlagsTable;
  notices: NoticesTable;
  notice_events: NoticeEventsTable;
  spot_checks: SpotChecksTable;
  spot_check_results: SpotCheckResultsTable;
  inbox_messages: InboxMessagesTable;
}
