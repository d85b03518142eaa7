-- MineCarbon storage, version 5: feedback from the public portal (issue 12). Anyone may send it
-- about a published area or the portal as a whole; regulators read what concerns their
-- jurisdiction, administrators all of it. The area's owner and region are kept with each message
-- (as they were when it was sent), so that it stays readable to the same people if the area goes.

CREATE TABLE feedback (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  area_id          bigint REFERENCES mining_areas (id) ON DELETE SET NULL,
  organisation_id  bigint REFERENCES organisations (id),
  region_code      text REFERENCES regions (code),
  name             text CHECK (length(name) <= 200),
  contact          text CHECK (length(contact) <= 200),
  message          text NOT NULL CHECK (length(trim(message)) > 0 AND length(message) <= 4000),
  address          text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_region ON feedback (region_code);
CREATE INDEX feedback_owner ON feedback (organisation_id);
