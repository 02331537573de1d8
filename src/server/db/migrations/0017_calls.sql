-- Broad calls (brede uitvraag): the programme office asks care providers "who do you know for
-- this location / these homes?"; providers nominate candidates with a motivation.
CREATE TABLE calls (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  title text NOT NULL,
  location_id uuid REFERENCES locations(id),
  -- The homes the call is about (empty with a location: all its units).
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  requirements text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('open','closed','cancelled')),
  sent_on date NOT NULL,
  closed_on date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  CHECK (location_id IS NOT NULL OR cardinality(unit_ids) > 0),
  CHECK (deadline >= sent_on)
);
CREATE INDEX calls_programme_idx ON calls (region_id, programme_id, sent_on);

-- The providers a call went to; `reminded_at` once the reminder before the deadline went out.
CREATE TABLE call_recipients (
  region_id uuid NOT NULL REFERENCES regions(id),
  call_id uuid NOT NULL REFERENCES calls(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  reminded_at timestamptz,
  PRIMARY KEY (region_id, call_id, organisation_id)
);
CREATE INDEX call_recipients_org_idx ON call_recipients (region_id, organisation_id);

CREATE TABLE call_nominations (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  call_id uuid NOT NULL REFERENCES calls(id),
  participant_id uuid NOT NULL REFERENCES participants(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  motivation text NOT NULL,
  nominated_by uuid REFERENCES users(id),
  nominated_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, call_id, participant_id)
);
CREATE INDEX call_nominations_participant_idx ON call_nominations (region_id, participant_id);

GRANT SELECT, INSERT, UPDATE ON calls, call_recipients, call_nominations TO eerstethuis_app;

-- The office sees every call; a care provider the calls sent to it.
ALTER TABLE calls ENABLE ROW LEVEL SECURITY;
CREATE POLICY call_scope ON calls
  USING (region_id = app_region() AND (app_has_role('programme_office')
         OR ((app_has_role('care_worker') OR app_has_role('care_manager')) AND EXISTS (
              SELECT 1 FROM call_recipients r WHERE r.region_id = calls.region_id AND r.call_id = calls.id AND r.organisation_id = app_org()))))
  WITH CHECK (region_id = app_region());
-- Read by the calls policy, so scoped by region only (ids, no personal data).
ALTER TABLE call_recipients ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON call_recipients USING (region_id = app_region()) WITH CHECK (region_id = app_region());
-- A nomination names a person: the office sees all, a provider its own organisation's.
ALTER TABLE call_nominations ENABLE ROW LEVEL SECURITY;
CREATE POLICY nomination_scope ON call_nominations
  USING (region_id = app_region() AND (app_has_role('programme_office')
         OR ((app_has_role('care_worker') OR app_has_role('care_manager')) AND organisation_id = app_org())))
  WITH CHECK (region_id = app_region());
