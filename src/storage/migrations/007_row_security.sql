-- Row-level security: the second line of tenant isolation on PostgreSQL (the policy in
-- src/domain/access is the first). Each connection carries the actor's RowScope
-- (src/storage/row-scope.ts) in the setting minecarbon.scope, set when the connection is taken
-- from the pool; a connection without one reads no rows. Each table has a policy to read (the
-- part's read scope) and one to write (its ":write" scope, from the actions that change state):
-- a public visitor reads a published area but cannot change it, a regulator reads the areas of
-- its jurisdiction and changes only its own department's, a user reads but does not change their
-- own account. The SECURITY DEFINER functions read as the tables' owner, with pg_temp last in their
-- search path so that no temporary table of the caller stands in for the owner's tables; the
-- tables live in the schema public. The application connects as a role that is
-- neither a superuser nor BYPASSRLS nor the tables' owner (checked at start: row-security.ts);
-- migrations run as the owner. On PGlite the one embedded user is a superuser and these policies
-- do not apply: there, the policy's scoped queries are the only line.

-- The scope of one part ("area", "area:write", …) as the QueryScope JSON of policy.ts; "nothing" when unset.
CREATE FUNCTION minecarbon_scope(part text) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('minecarbon.scope', true), '')::jsonb -> part, '{"kind": "nothing"}'::jsonb)
$$;

-- Whether a row with this owner, region, publication and user is within a QueryScope: the same
-- criteria as scopeWhere (scope-filter.ts) and `decide` (policy.ts). A region prefix is 2, 4 or 6
-- digits (province, city, county: regionPrefix in region-code.ts), so a region matches one of its
-- own three prefixes. PL/pgSQL rather than SQL: a policy's call is not inlined, and PL/pgSQL keeps
-- its compiled expression per connection (twice as fast measured on the areas' read policy). No
-- semicolon ends a line inside the body: migrate.ts splits statements there.
CREATE FUNCTION minecarbon_reaches(scope jsonb, owner_id bigint, region text, is_published boolean, owner_user bigint)
RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN CASE scope ->> 'kind'
    WHEN 'everything' THEN true
    WHEN 'some' THEN
         coalesce(scope -> 'organisationIds' ? owner_id::text, false)
      OR coalesce(scope -> 'regionPrefixes' ?| ARRAY[left(region, 2), left(region, 4), region], false)
      OR coalesce(is_published AND scope -> 'published' = 'true'::jsonb, false)
      OR coalesce(scope -> 'userIds' ? owner_user::text, false)
    ELSE false
  END; END
$$;

-- Whether one of the scope's verification bodies is assigned to the area (or to an area holding
-- the mine). As the owner: a policy of mining_areas that read area_verifiers under its own policy,
-- which reads mining_areas, would recurse.
CREATE FUNCTION minecarbon_area_assigned(scope jsonb, the_area bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT scope ->> 'kind' = 'some' AND EXISTS (
    SELECT 1 FROM area_verifiers v
    WHERE v.area_id = the_area AND scope -> 'assignedTo' ? v.organisation_id::text)
$$;

CREATE FUNCTION minecarbon_mine_assigned(scope jsonb, the_mine bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT scope ->> 'kind' = 'some' AND EXISTS (
    SELECT 1 FROM area_mines m JOIN area_verifiers v ON v.area_id = m.area_id
    WHERE m.mine_id = the_mine AND scope -> 'assignedTo' ? v.organisation_id::text)
$$;

-- Whether the mine lies in a published area and the scope reads published areas (the portal
-- shows a published area's mines).
CREATE FUNCTION minecarbon_mine_published(scope jsonb, the_mine bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT (scope ->> 'kind' = 'everything' OR (scope ->> 'kind' = 'some' AND scope -> 'published' = 'true'::jsonb))
    AND EXISTS (
      SELECT 1 FROM area_mines m JOIN mining_areas a ON a.id = m.area_id
      WHERE m.mine_id = the_mine AND a.published)
$$;

-- Whether the current scope may change the area (and what hangs off it), or the user (and their roles).
CREATE FUNCTION minecarbon_area_writable(the_area bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM mining_areas a
    WHERE a.id = the_area AND minecarbon_reaches(minecarbon_scope('area:write'), a.organisation_id, a.region_code, NULL, NULL))
$$;

CREATE FUNCTION minecarbon_user_writable(the_user bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM users u
    WHERE u.id = the_user AND minecarbon_reaches(minecarbon_scope('user:write'), u.organisation_id, NULL, NULL, u.id))
$$;

-- Areas and what hangs off them. Writes have a policy per command (INSERT, UPDATE, DELETE) so that a
-- read evaluates the read policy only; an UPDATE policy without WITH CHECK checks the changed row
-- with its USING expression: a row written stays within the write scope.
ALTER TABLE mining_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON mining_areas FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('area')), organisation_id, region_code, published, NULL)
  OR minecarbon_area_assigned((SELECT minecarbon_scope('area')), id));
CREATE POLICY writes ON mining_areas FOR INSERT WITH CHECK (
  minecarbon_reaches((SELECT minecarbon_scope('area:write')), organisation_id, region_code, NULL, NULL));
CREATE POLICY changes ON mining_areas FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('area:write')), organisation_id, region_code, NULL, NULL));
CREATE POLICY deletes ON mining_areas FOR DELETE USING (
  minecarbon_reaches((SELECT minecarbon_scope('area:write')), organisation_id, region_code, NULL, NULL));

ALTER TABLE landuse_maps ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON landuse_maps FOR SELECT USING (area_id IN (SELECT id FROM mining_areas));
CREATE POLICY writes ON landuse_maps FOR INSERT WITH CHECK (minecarbon_area_writable(area_id));
CREATE POLICY changes ON landuse_maps FOR UPDATE USING (minecarbon_area_writable(area_id));
CREATE POLICY deletes ON landuse_maps FOR DELETE USING (minecarbon_area_writable(area_id));
ALTER TABLE analyses ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON analyses FOR SELECT USING (area_id IN (SELECT id FROM mining_areas));
CREATE POLICY writes ON analyses FOR INSERT WITH CHECK (minecarbon_area_writable(area_id));
CREATE POLICY changes ON analyses FOR UPDATE USING (minecarbon_area_writable(area_id));
CREATE POLICY deletes ON analyses FOR DELETE USING (minecarbon_area_writable(area_id));
ALTER TABLE inventories ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON inventories FOR SELECT USING (area_id IN (SELECT id FROM mining_areas));
CREATE POLICY writes ON inventories FOR INSERT WITH CHECK (minecarbon_area_writable(area_id));
CREATE POLICY changes ON inventories FOR UPDATE USING (minecarbon_area_writable(area_id));
CREATE POLICY deletes ON inventories FOR DELETE USING (minecarbon_area_writable(area_id));
ALTER TABLE area_mines ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON area_mines FOR SELECT USING (area_id IN (SELECT id FROM mining_areas));
CREATE POLICY writes ON area_mines FOR INSERT WITH CHECK (minecarbon_area_writable(area_id));
CREATE POLICY changes ON area_mines FOR UPDATE USING (minecarbon_area_writable(area_id));
CREATE POLICY deletes ON area_mines FOR DELETE USING (minecarbon_area_writable(area_id));
ALTER TABLE area_verifiers ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON area_verifiers FOR SELECT USING (area_id IN (SELECT id FROM mining_areas));
CREATE POLICY writes ON area_verifiers FOR INSERT WITH CHECK (minecarbon_area_writable(area_id));
CREATE POLICY changes ON area_verifiers FOR UPDATE USING (minecarbon_area_writable(area_id));
CREATE POLICY deletes ON area_verifiers FOR DELETE USING (minecarbon_area_writable(area_id));
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON reports FOR SELECT USING (
  analysis_id IN (SELECT id FROM analyses) OR inventory_id IN (SELECT id FROM inventories));
CREATE POLICY writes ON reports FOR INSERT WITH CHECK (minecarbon_area_writable(coalesce(
  (SELECT a.area_id FROM analyses a WHERE a.id = analysis_id),
  (SELECT i.area_id FROM inventories i WHERE i.id = inventory_id))));
CREATE POLICY changes ON reports FOR UPDATE USING (minecarbon_area_writable(coalesce(
  (SELECT a.area_id FROM analyses a WHERE a.id = analysis_id),
  (SELECT i.area_id FROM inventories i WHERE i.id = inventory_id))));
CREATE POLICY deletes ON reports FOR DELETE USING (minecarbon_area_writable(coalesce(
  (SELECT a.area_id FROM analyses a WHERE a.id = analysis_id),
  (SELECT i.area_id FROM inventories i WHERE i.id = inventory_id))));

ALTER TABLE mines ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON mines FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('mine')), organisation_id, region_code, NULL, NULL)
  OR minecarbon_mine_assigned((SELECT minecarbon_scope('mine')), id)
  OR minecarbon_mine_published((SELECT minecarbon_scope('area')), id));
CREATE POLICY writes ON mines FOR INSERT WITH CHECK (
  minecarbon_reaches((SELECT minecarbon_scope('mine:write')), organisation_id, region_code, NULL, NULL));
CREATE POLICY changes ON mines FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('mine:write')), organisation_id, region_code, NULL, NULL));
CREATE POLICY deletes ON mines FOR DELETE USING (
  minecarbon_reaches((SELECT minecarbon_scope('mine:write')), organisation_id, region_code, NULL, NULL));

-- Organisations: the scope's; and anyone may read the verification bodies, whose names an
-- enterprise needs to choose one (accredited bodies are public knowledge) — but not change them.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON organisations FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('organisation')), id, region_code, NULL, NULL)
  OR kind = 'verification-body');
CREATE POLICY writes ON organisations FOR INSERT WITH CHECK (
  minecarbon_reaches((SELECT minecarbon_scope('organisation:write')), id, region_code, NULL, NULL));
CREATE POLICY changes ON organisations FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('organisation:write')), id, region_code, NULL, NULL));
CREATE POLICY deletes ON organisations FOR DELETE USING (
  minecarbon_reaches((SELECT minecarbon_scope('organisation:write')), id, region_code, NULL, NULL));

-- Users and their roles: one's own account is read, not changed (a password change is the
-- system's work once the policy allowed it); the administrator's scope changes them.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON users FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('user')), organisation_id, NULL, NULL, id));
CREATE POLICY writes ON users FOR INSERT WITH CHECK (
  minecarbon_reaches((SELECT minecarbon_scope('user:write')), organisation_id, NULL, NULL, id));
CREATE POLICY changes ON users FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('user:write')), organisation_id, NULL, NULL, id));
CREATE POLICY deletes ON users FOR DELETE USING (
  minecarbon_reaches((SELECT minecarbon_scope('user:write')), organisation_id, NULL, NULL, id));
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON user_roles FOR SELECT USING (user_id IN (SELECT id FROM users));
CREATE POLICY writes ON user_roles FOR INSERT WITH CHECK (minecarbon_user_writable(user_id));
CREATE POLICY changes ON user_roles FOR UPDATE USING (minecarbon_user_writable(user_id));
CREATE POLICY deletes ON user_roles FOR DELETE USING (minecarbon_user_writable(user_id));
-- Sessions: read with their user; ended by their user or the administrator (session.revoke);
-- opened only in the scope that writes users (the system's sign-in). Which columns may change at
-- all (the last use and the revocation, never the expiry) is a column grant (row-security.ts).
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON sessions FOR SELECT USING (user_id IN (SELECT id FROM users));
CREATE POLICY opened ON sessions FOR INSERT WITH CHECK (minecarbon_user_writable(user_id));
CREATE POLICY ended ON sessions FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('session:write')), NULL, NULL, NULL, user_id));
CREATE POLICY removed ON sessions FOR DELETE USING (minecarbon_user_writable(user_id));

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON api_tokens FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('token')), organisation_id, NULL, NULL, NULL));
CREATE POLICY writes ON api_tokens FOR INSERT WITH CHECK (
  minecarbon_reaches((SELECT minecarbon_scope('token:write')), organisation_id, NULL, NULL, NULL));
CREATE POLICY changes ON api_tokens FOR UPDATE USING (
  minecarbon_reaches((SELECT minecarbon_scope('token:write')), organisation_id, NULL, NULL, NULL));
CREATE POLICY deletes ON api_tokens FOR DELETE USING (
  minecarbon_reaches((SELECT minecarbon_scope('token:write')), organisation_id, NULL, NULL, NULL));

-- The audit trail: anyone appends (a refused sign-in is an anonymous event; the chain, the
-- triggers of audit-protection.ts and `audit verify` keep it whole — who an event names is the
-- application's word); reading is the audit scope's.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON audit_events FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('audit')), resource_organisation_id, resource_region_code, NULL, NULL));
CREATE POLICY appendable ON audit_events FOR INSERT WITH CHECK (true);

-- Feedback: sent by anyone about an area they can see (with that area's owner and region) or about
-- none; read in the feedback scope. The sender cannot read it back, so the id comes from the
-- sequence first (feedback-repository.ts): an INSERT … RETURNING would have to pass the reading policy.
ALTER TABLE feedback ALTER COLUMN id SET GENERATED BY DEFAULT;
ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON feedback FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('feedback')), organisation_id, region_code, NULL, NULL));
CREATE POLICY sendable ON feedback FOR INSERT WITH CHECK (
  (area_id IS NULL AND organisation_id IS NULL AND region_code IS NULL)
  OR EXISTS (
    SELECT 1 FROM mining_areas a
    WHERE a.id = area_id AND a.organisation_id = feedback.organisation_id AND a.region_code = feedback.region_code));

-- Regions are reference data every screen reads; only the administrator's scope changes them.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON regions FOR SELECT USING (true);
CREATE POLICY writes ON regions FOR INSERT WITH CHECK (
  (SELECT minecarbon_scope('organisation:write')) ->> 'kind' = 'everything');
CREATE POLICY changes ON regions FOR UPDATE USING (
  (SELECT minecarbon_scope('organisation:write')) ->> 'kind' = 'everything');
CREATE POLICY deletes ON regions FOR DELETE USING (
  (SELECT minecarbon_scope('organisation:write')) ->> 'kind' = 'everything');
