-- Retention: how long personal data of closed records is kept, per region. The purge
-- (`eerstethuis purge`) removes it and keeps the audit trail and the figures (phases, dates).
CREATE TABLE privacy_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  -- Years after a record closed (exited, withdrawn, not eligible) before its personal data goes.
  closed_record_years integer NOT NULL DEFAULT 7 CHECK (closed_record_years BETWEEN 1 AND 30),
  -- Days an import's raw rows (names, BSNs of a whole list) are kept after upload.
  import_days integer NOT NULL DEFAULT 30 CHECK (import_days BETWEEN 1 AND 365),
  -- Days an untouched referral draft is kept.
  draft_days integer NOT NULL DEFAULT 90 CHECK (draft_days BETWEEN 1 AND 365)
);
ALTER TABLE privacy_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON privacy_settings USING (region_id = app_region()) WITH CHECK (region_id = app_region());
GRANT SELECT, INSERT, UPDATE ON privacy_settings TO eerstethuis_app;

ALTER TABLE participants ADD COLUMN purged_at timestamptz;

-- The data-protection officer compiles a person's data for an access request (AVG art. 15):
-- read-only sight of the region's participants, reachable only through the export route.
CREATE POLICY participant_privacy_officer ON participants FOR SELECT
  USING (region_id = app_region() AND app_has_role('privacy_officer'));
