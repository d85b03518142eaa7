-- Row-level security: the second line of tenant isolation on PostgreSQL (the policy in
-- src/domain/access is the first). Each connection carries the actor's RowScope
-- (src/storage/row-scope.ts) in the setting minecarbon.scope, set when the connection is taken
-- from the pool; a connection without one sees no rows. The application connects as a role that is
-- neither a superuser nor BYPASSRLS nor the tables' owner (checked at start: row-security.ts);
-- migrations run as the owner. On PGlite the one embedded user is a superuser and these policies
-- do not apply: there, the policy's scoped queries are the only line.

-- The scope of one part ("area", "mine", …) as the QueryScope JSON of policy.ts; "nothing" when unset.
CREATE FUNCTION minecarbon_scope(part text) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('minecarbon.scope', true), '')::jsonb -> part, '{"kind": "nothing"}'::jsonb)
$$;

-- Whether a row with this owner, region, publication and user is within a QueryScope: the same
-- criteria as scopeWhere (scope-filter.ts) and `decide` (policy.ts).
CREATE FUNCTION minecarbon_reaches(scope jsonb, owner_id bigint, region text, is_published boolean, owner_user bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE scope ->> 'kind'
    WHEN 'everything' THEN true
    WHEN 'some' THEN
         (owner_id IS NOT NULL AND scope -> 'organisationIds' ? owner_id::text)
      OR (region IS NOT NULL AND EXISTS (
            SELECT 1 FROM jsonb_array_elements_text(scope -> 'regionPrefixes') AS p (prefix)
            WHERE starts_with(region, p.prefix)))
      OR (is_published IS TRUE AND scope -> 'published' = 'true'::jsonb)
      OR (owner_user IS NOT NULL AND scope -> 'userIds' ? owner_user::text)
    ELSE false
  END
$$;

-- Whether one of the scope's verification bodies is assigned to the area (or to an area holding
-- the mine). They read area_verifiers as their owner: a policy of mining_areas that read it under
-- its own policy, which reads mining_areas, would recurse.
CREATE FUNCTION minecarbon_area_assigned(scope jsonb, the_area bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT scope ->> 'kind' = 'some' AND EXISTS (
    SELECT 1 FROM area_verifiers v
    WHERE v.area_id = the_area AND scope -> 'assignedTo' ? v.organisation_id::text)
$$;

CREATE FUNCTION minecarbon_mine_assigned(scope jsonb, the_mine bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT scope ->> 'kind' = 'some' AND EXISTS (
    SELECT 1 FROM area_mines m JOIN area_verifiers v ON v.area_id = m.area_id
    WHERE m.mine_id = the_mine AND scope -> 'assignedTo' ? v.organisation_id::text)
$$;

-- Whether the mine lies in a published area and the scope reads published areas (the portal
-- shows a published area's mines). As its owner, for the same reason as above.
CREATE FUNCTION minecarbon_mine_published(scope jsonb, the_mine bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT (scope ->> 'kind' = 'everything' OR (scope ->> 'kind' = 'some' AND scope -> 'published' = 'true'::jsonb))
    AND EXISTS (
      SELECT 1 FROM area_mines m JOIN mining_areas a ON a.id = m.area_id
      WHERE m.mine_id = the_mine AND a.published)
$$;

-- Areas and what hangs off them. A policy without WITH CHECK checks new and changed rows with its
-- USING expression too: nobody writes a row they could not then see.
ALTER TABLE mining_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON mining_areas USING (
  minecarbon_reaches((SELECT minecarbon_scope('area')), organisation_id, region_code, published, NULL)
  OR minecarbon_area_assigned((SELECT minecarbon_scope('area')), id));

ALTER TABLE landuse_maps ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON landuse_maps USING (area_id IN (SELECT id FROM mining_areas));
ALTER TABLE analyses ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON analyses USING (area_id IN (SELECT id FROM mining_areas));
ALTER TABLE inventories ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON inventories USING (area_id IN (SELECT id FROM mining_areas));
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON reports USING (
  analysis_id IN (SELECT id FROM analyses) OR inventory_id IN (SELECT id FROM inventories));
ALTER TABLE area_mines ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON area_mines USING (area_id IN (SELECT id FROM mining_areas));
ALTER TABLE area_verifiers ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON area_verifiers USING (area_id IN (SELECT id FROM mining_areas));

ALTER TABLE mines ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON mines USING (
  minecarbon_reaches((SELECT minecarbon_scope('mine')), organisation_id, region_code, NULL, NULL)
  OR minecarbon_mine_assigned((SELECT minecarbon_scope('mine')), id));
CREATE POLICY in_published_areas ON mines FOR SELECT USING (
  minecarbon_mine_published((SELECT minecarbon_scope('area')), id));

-- Organisations: the scope's; and anyone may read the verification bodies, whose names an
-- enterprise needs to choose one (accredited bodies are public knowledge) — but not change them.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON organisations USING (
  minecarbon_reaches((SELECT minecarbon_scope('organisation')), id, region_code, NULL, NULL));
CREATE POLICY verification_bodies_readable ON organisations FOR SELECT USING (kind = 'verification-body');

-- Users, their roles and sessions: the user scope (one's own account; the administrator's all).
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON users USING (
  minecarbon_reaches((SELECT minecarbon_scope('user')), organisation_id, NULL, NULL, id));
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON user_roles USING (user_id IN (SELECT id FROM users));
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON sessions USING (user_id IN (SELECT id FROM users));

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY scoped ON api_tokens USING (
  minecarbon_reaches((SELECT minecarbon_scope('token')), organisation_id, NULL, NULL, NULL));

-- The audit trail: anyone appends (a refused sign-in is an anonymous event; the chain and the
-- triggers of audit-protection.ts keep it whole); reading is the audit scope's.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON audit_events FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('audit')), resource_organisation_id, resource_region_code, NULL, NULL));
CREATE POLICY appendable ON audit_events FOR INSERT WITH CHECK (true);

-- Feedback: sent by anyone about an area they can see (or about none); read in the feedback scope.
-- The sender cannot read it back, so the id comes from the sequence first (feedback-repository.ts):
-- an INSERT … RETURNING would have to pass the reading policy.
ALTER TABLE feedback ALTER COLUMN id SET GENERATED BY DEFAULT;
ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON feedback FOR SELECT USING (
  minecarbon_reaches((SELECT minecarbon_scope('feedback')), organisation_id, region_code, NULL, NULL));
CREATE POLICY sendable ON feedback FOR INSERT WITH CHECK (
  area_id IS NULL OR area_id IN (SELECT id FROM mining_areas));

-- Regions are reference data every screen reads; only the administrator's scope changes them.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON regions FOR SELECT USING (true);
CREATE POLICY kept_by_administration ON regions USING (
  (SELECT minecarbon_scope('organisation')) ->> 'kind' = 'everything');
