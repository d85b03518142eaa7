-- MineCarbon storage, version 10: region-wide batches counted across machines (issue 14,
-- docs/batch.md "On several machines"). `minecarbon batch … --queue` records the batch here and
-- puts its jobs (groups of mines × all years) on pg-boss, which keeps its own schema (pgboss);
-- `minecarbon worker` counts a job and writes its mines' results in ONE transaction, keyed by
-- (batch, mine, key) where the key is the SHA-256 of the batch engine's version, the mine's id and
-- geometry and every map's year and fingerprint (size and modification time, or SHA-256): a job
-- delivered twice, or retried after its worker died, finds its rows there and adds none.
--
-- Who may see and write them: these are an analyst's data, owned by the database role that started
-- the batch (started_by = current_user at its start). Row-level security lets a role read and write
-- a batch and its results when it is that role or a member of it (pg_has_role … MEMBER), so workers
-- connect as the starter's role or as a role granted it. The application's HTTP users carry their
-- scope in minecarbon.scope (007); batches are not yet reachable from the API, so no scope policy
-- applies here. On PGlite the one embedded user is a superuser and these policies do not apply.

CREATE TABLE batches (
  id text PRIMARY KEY,
  started_by text NOT NULL DEFAULT current_user,
  -- Where it was started (user@host), for people reading `batch status`.
  started_from text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The plan every job of the batch needs: map paths in year order, years, cache size.
  plan jsonb NOT NULL,
  mines integer NOT NULL,
  jobs integer NOT NULL,
  -- Pixels × years of every countable mine (progress and time left).
  pixels double precision NOT NULL,
  finished_at timestamptz
);

CREATE TABLE batch_mine_results (
  batch_id text NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  mine_id text NOT NULL,
  key text NOT NULL,
  pixels bigint NOT NULL,
  -- The mine's record as the journal keeps it (src/batch/mine-journal.ts, version 1).
  record jsonb NOT NULL,
  job_id text,
  worker text NOT NULL,
  counted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, mine_id, key)
);

ALTER TABLE batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY starter ON batches USING (pg_has_role(current_user, started_by, 'MEMBER'))
  WITH CHECK (pg_has_role(current_user, started_by, 'MEMBER'));

ALTER TABLE batch_mine_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY starter ON batch_mine_results USING (
  EXISTS (SELECT 1 FROM batches b WHERE b.id = batch_id AND pg_has_role(current_user, b.started_by, 'MEMBER')))
  WITH CHECK (
  EXISTS (SELECT 1 FROM batches b WHERE b.id = batch_id AND pg_has_role(current_user, b.started_by, 'MEMBER')));
