-- Row-level security: the floor under the policies. Request transactions run as the role
-- eerstethuis_app (SET LOCAL ROLE), which is neither owner nor superuser, so these policies apply
-- to every query they make. Without an access context (app.region_id unset) no row is visible.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eerstethuis_app') THEN
    CREATE ROLE eerstethuis_app NOLOGIN;
  END IF;
END $$;
-- The connecting user must be able to become the app role (a no-op for a superuser).
DO $$
BEGIN
  EXECUTE format('GRANT eerstethuis_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO eerstethuis_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eerstethuis_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eerstethuis_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO eerstethuis_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO eerstethuis_app;

-- Tables only the server's own authentication code touches (as owner), never a request.
REVOKE ALL ON sessions, login_attempts, schema_migrations FROM eerstethuis_app;
-- The audit trail is append-only for the app: no UPDATE or DELETE.
REVOKE UPDATE, DELETE ON audit_events FROM eerstethuis_app;
REVOKE DELETE ON audit_chain_heads FROM eerstethuis_app;

-- The access context of the current transaction (set by inContext with set_config(..., true)).
CREATE OR REPLACE FUNCTION app_region() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.region_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_org() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_municipality() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.municipality_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_has_role(r text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT r = ANY (string_to_array(coalesce(current_setting('app.roles', true), ''), ',')) $$;
-- Roles that work with the whole regional housing stock; corporations and municipalities see their own part.
CREATE OR REPLACE FUNCTION app_sees_all_stock() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT app_has_role('programme_office') OR app_has_role('administrator') OR app_has_role('care_worker')
         OR app_has_role('care_manager') OR app_has_role('assessor') OR app_has_role('referrer') $$;

-- Region isolation for every table of regional data.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON regions USING (id = app_region());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['municipalities','organisations','users','programmes','review_moments','tranches','pledges',
                           'pledge_partners','recovery_codes','security_settings','invitations','outbox_messages',
                           'audit_events','audit_chain_heads']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_isolation ON %I USING (region_id = app_region()) WITH CHECK (region_id = app_region())', t);
  END LOOP;
END $$;

-- Locations: the whole region for those who work with the stock; a corporation its own
-- locations; a municipality the locations in its municipality.
ALTER TABLE locations ENABLE ROW LEVEL SECURITY;
CREATE POLICY location_scope ON locations
  USING (region_id = app_region() AND (app_sees_all_stock()
         OR (app_has_role('corporation') AND corporation_id = app_org())
         OR (app_has_role('municipality') AND municipality_id = app_municipality())))
  WITH CHECK (region_id = app_region());

-- Units follow their location; a unit without a location (pledged) is seen by its municipality.
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_scope ON units
  USING (region_id = app_region() AND (app_sees_all_stock()
         OR (app_has_role('corporation') AND location_id IN (SELECT id FROM locations WHERE corporation_id = app_org()))
         OR (app_has_role('municipality') AND municipality_id = app_municipality())))
  WITH CHECK (region_id = app_region());

ALTER TABLE unit_status_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_event_scope ON unit_status_events
  USING (region_id = app_region() AND unit_id IN (SELECT id FROM units))
  WITH CHECK (region_id = app_region());

-- A request may end the sessions of a user of its own region (after a role change or
-- deactivation) without being granted the sessions table itself.
CREATE OR REPLACE FUNCTION end_user_sessions(target uuid) RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
  WITH ended AS (
    UPDATE sessions SET ended_at = now()
     WHERE user_id = target AND ended_at IS NULL AND region_id = app_region()
    RETURNING 1)
  SELECT count(*)::int FROM ended
$$;
REVOKE ALL ON FUNCTION end_user_sessions(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION end_user_sessions(uuid) TO eerstethuis_app;
