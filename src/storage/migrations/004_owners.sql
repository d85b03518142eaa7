-- MineCarbon storage, version 4: every analysis area has an owner and a region (issue 12).

-- Every analysis area has an owner and a region; existing ones go to the migrated owner.
ALTER TABLE mining_areas ADD COLUMN organisation_id bigint REFERENCES organisations (id);
ALTER TABLE mining_areas ADD COLUMN region_code text REFERENCES regions (code);
ALTER TABLE mining_areas ADD COLUMN published boolean NOT NULL DEFAULT false;
UPDATE mining_areas SET organisation_id = (SELECT min(id) FROM organisations), region_code = '100000';
ALTER TABLE mining_areas ALTER COLUMN organisation_id SET NOT NULL;
ALTER TABLE mining_areas ALTER COLUMN region_code SET NOT NULL;
CREATE INDEX mining_areas_owner ON mining_areas (organisation_id);
CREATE INDEX mining_areas_region ON mining_areas (region_code);

-- The mines an analysis area holds (a regional area holds several mines of several enterprises).
CREATE TABLE area_mines (
  area_id  bigint NOT NULL REFERENCES mining_areas (id) ON DELETE CASCADE,
  mine_id  bigint NOT NULL REFERENCES mines (id) ON DELETE CASCADE,
  PRIMARY KEY (area_id, mine_id)
);

-- The verification bodies assigned to an area (they read it and nothing else).
CREATE TABLE area_verifiers (
  area_id          bigint NOT NULL REFERENCES mining_areas (id) ON DELETE CASCADE,
  organisation_id  bigint NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (area_id, organisation_id)
);


-- The audit trail is read by time, by user and by region (a regulator's jurisdiction is a prefix).
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_user ON audit_events (user_id);
CREATE INDEX audit_events_region ON audit_events (resource_region_code text_pattern_ops);
