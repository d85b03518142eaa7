-- MineCarbon storage, version 3: organisations, users, roles, sessions, API tokens, mines and the
-- hash-chained audit trail (issue 12). The same SQL runs on PGlite and on
-- PostgreSQL; row-level security is added on PostgreSQL only, by the server's set-up step.

-- Regions of GB/T 2260 (six digits); 100000 stands for the whole country.
CREATE TABLE regions (
  code         text PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
  name         text NOT NULL CHECK (length(trim(name)) > 0),
  name_zh      text,
  parent_code  text REFERENCES regions (code),
  CHECK ((code = '100000') = (parent_code IS NULL))
);

INSERT INTO regions (code, name, name_zh, parent_code) VALUES ('100000', 'China', '中国', NULL);

CREATE TABLE organisations (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('department', 'enterprise', 'verification-body')),
  name             text NOT NULL CHECK (length(trim(name)) > 0),
  name_zh          text,
  region_code      text NOT NULL REFERENCES regions (code),
  department_kind  text CHECK (department_kind IN ('natural-resources', 'ecology-environment', 'other')),
  level            text CHECK (level IN ('national', 'province', 'city', 'county')),
  parent_id        bigint REFERENCES organisations (id),
  credit_code      text UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  disabled_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'department') = (department_kind IS NOT NULL AND level IS NOT NULL)),
  CHECK ((kind = 'enterprise') = (credit_code IS NOT NULL))
);

-- Whoever owned the data before access control existed: every record gets an owner, and the
-- administrator hands each area over to its real owner (`minecarbon areas transfer`).
INSERT INTO organisations (kind, name, name_zh, region_code, department_kind, level)
  VALUES ('department', 'Data owner before access control (migrated)', '权限管理前的数据所有者（迁移）', '100000', 'other', 'national');

CREATE TABLE users (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username              text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name          text,
  organisation_id       bigint NOT NULL REFERENCES organisations (id),
  password_hash         text NOT NULL,
  password_changed_at   timestamptz NOT NULL DEFAULT now(),
  must_change_password  boolean NOT NULL DEFAULT false,
  disabled_at           timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN ('administrator', 'regulator', 'enterprise-editor', 'enterprise-submitter', 'verifier')),
  PRIMARY KEY (user_id, role)
);

-- A session's id is the SHA-256 of the cookie's secret: a stolen table does not give live cookies.
CREATE TABLE sessions (
  id              text PRIMARY KEY CHECK (length(id) = 64),
  user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_seen_at    timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  revoked_reason  text CHECK (revoked_reason IN ('logout', 'password-changed', 'revoked', 'user-disabled')),
  address         text,
  user_agent      text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- API tokens for machine clients: one organisation, a set of roles and the only actions allowed.
CREATE TABLE api_tokens (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  name             text NOT NULL CHECK (length(trim(name)) > 0),
  token_hash       text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  roles            jsonb NOT NULL,
  actions          jsonb NOT NULL,
  created_by       bigint NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz,
  revoked_at       timestamptz,
  last_used_at     timestamptz
);

CREATE TABLE mines (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id        bigint NOT NULL REFERENCES organisations (id),
  region_code            text NOT NULL REFERENCES regions (code),
  name                   text NOT NULL CHECK (length(trim(name)) > 0),
  name_zh                text,
  stage                  text NOT NULL CHECK (stage IN ('exploration', 'development', 'production', 'reclamation')),
  mining_right_boundary  jsonb,
  production_area        jsonb,
  living_area            jsonb,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit trail. Each event's hash covers its content and the previous event's hash;
-- audit_head holds the last one and is locked by every append, so the chain never forks.
CREATE TABLE audit_events (
  seq                     bigint PRIMARY KEY,
  at                      timestamptz NOT NULL,
  user_id                 bigint,
  username                text,
  token_id                bigint,
  organisation_id         bigint,
  roles                   jsonb NOT NULL,
  action                  text NOT NULL,
  resource_kind           text NOT NULL,
  resource_id             text,
  resource_organisation_id bigint,
  resource_region_code    text,
  outcome                 text NOT NULL CHECK (outcome IN ('done', 'refused', 'failed')),
  before_digest           text,
  after_digest            text,
  request_id              text,
  address                 text,
  prev_hash               text NOT NULL CHECK (length(prev_hash) = 64),
  hash                    text NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE INDEX audit_events_resource ON audit_events (resource_kind, resource_id);
CREATE INDEX audit_events_org ON audit_events (resource_organisation_id);

CREATE TABLE audit_head (
  id    integer PRIMARY KEY CHECK (id = 1),
  seq   bigint NOT NULL,
  hash  text NOT NULL CHECK (length(hash) = 64)
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
