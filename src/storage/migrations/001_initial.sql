-- MineCarbon storage, version 1. The same SQL runs on PGlite and on PostgreSQL.

CREATE TABLE mining_areas (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  name_zh     text,
  crs         text,
  legend      jsonb NOT NULL,
  boundary    jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT mining_areas_name_not_blank CHECK (length(trim(name)) > 0)
);

CREATE TABLE landuse_maps (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  area_id     bigint NOT NULL REFERENCES mining_areas (id) ON DELETE CASCADE,
  year        integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  path        text NOT NULL,
  sha256      text NOT NULL CHECK (length(sha256) = 64),
  bytes       bigint NOT NULL CHECK (bytes > 0),
  grid        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_id, year)
);

CREATE TABLE analyses (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  area_id                 bigint NOT NULL REFERENCES mining_areas (id) ON DELETE CASCADE,
  kind                    text NOT NULL CHECK (kind IN ('landuse', 'budget', 'inventory')),
  status                  text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  percent                 real NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  params                  jsonb NOT NULL,
  factor_library_version  text,
  result                  jsonb,
  error                   jsonb,
  created_at              timestamptz NOT NULL DEFAULT now(),
  finished_at             timestamptz
);

CREATE TABLE inventories (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  area_id     bigint NOT NULL REFERENCES mining_areas (id) ON DELETE CASCADE,
  mine        text NOT NULL,
  year        integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  input       jsonb NOT NULL,
  result      jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_id, mine, year)
);

CREATE TABLE reports (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  analysis_id   bigint REFERENCES analyses (id) ON DELETE CASCADE,
  inventory_id  bigint REFERENCES inventories (id) ON DELETE CASCADE,
  format        text NOT NULL CHECK (format IN ('html', 'pdf')),
  path          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((analysis_id IS NULL) <> (inventory_id IS NULL))
);
