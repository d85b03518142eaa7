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

/** The database as Kysely sees it (migrations/*.sql define it). */
export interface Database {
  mining_areas: MiningAreasTable;
  landuse_maps: LanduseMapsTable;
  analyses: AnalysesTable;
  inventories: InventoriesTable;
  reports: ReportsTable;
  schema_migrations: { id: string; applied_at: Timestamp };
}
