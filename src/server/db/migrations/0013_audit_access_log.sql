-- The access log as the privacy officer reads it. A list page shows many participants at once:
-- one audit row per request names them all in participant_ids (one chained row, not fifty).
ALTER TABLE audit_events ADD COLUMN participant_ids uuid[];
CREATE INDEX audit_events_participant_ids_idx ON audit_events USING gin (participant_ids);

-- Everyone's actions are appended; only the data-protection officer reads the log back.
DROP POLICY region_isolation ON audit_events;
CREATE POLICY audit_append ON audit_events FOR INSERT WITH CHECK (region_id = app_region());
CREATE POLICY audit_read ON audit_events FOR SELECT USING (region_id = app_region() AND app_has_role('privacy_officer'));

-- The officer identifies people by their pseudonymous code only, without reading their records
-- (which RLS does not let them): a region-bound lookup in both directions.
CREATE OR REPLACE FUNCTION participant_code_of(pid uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT code FROM participants WHERE id = pid AND region_id = app_region() $$;
CREATE OR REPLACE FUNCTION participant_id_of(pcode text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$ SELECT id FROM participants WHERE code = pcode AND region_id = app_region() $$;
REVOKE ALL ON FUNCTION participant_code_of(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION participant_id_of(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION participant_code_of(uuid) TO eerstethuis_app;
GRANT EXECUTE ON FUNCTION participant_id_of(text) TO eerstethuis_app;
