-- MineCarbon storage, version 2: results computed from inputs replaced since are marked stale.

ALTER TABLE analyses ADD COLUMN stale_reason text;
