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
