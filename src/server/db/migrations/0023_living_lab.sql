-- The Living Lab's learning (issue 7, parts 3 and 4): the business case's tariffs and
-- assumptions, each with its source and append-only versions; tagged observations of success
-- and failure factors; and the bottleneck register (knelpunten) with its history.
-- Every table leads its keys with region_id.

-- —— Business case settings ——
-- A tariff of the programme: what a night in shelter, a day of sheltered housing, an hour of
-- guidance… costs, in cents, with where the figure comes from. Never updated: a new figure is a
-- new version; per kind the newest version valid on the date counts.
CREATE TABLE business_case_tariffs (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('shelter_night','sheltered_housing_day','guidance_hour','neighbourhood_team_hour',
    'rent_arrears_covered','one_off_per_home')),
  amount_cents integer NOT NULL CHECK (amount_cents BETWEEN 0 AND 100000000),
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  valid_from date NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX business_case_tariffs_idx ON business_case_tariffs (region_id, programme_id, kind, valid_from, seq);

-- An assumption of the counterfactual (the current route without Housing First): months in
-- shelter, the share that would go on to sheltered housing… Versioned like the tariffs.
CREATE TABLE business_case_assumptions (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  seq bigserial NOT NULL,
  key text NOT NULL CHECK (key IN ('shelter_months','waiting_list_months','sheltered_housing_share','sheltered_housing_months',
    'street_shelter_share','rent_arrears_cases_per_100')),
  value numeric(12,2) NOT NULL CHECK (value >= 0),
  unit text NOT NULL CHECK (unit IN ('months','percent','per_100_per_year')),
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  valid_from date NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (unit <> 'percent' OR value <= 100)
);
CREATE INDEX business_case_assumptions_idx ON business_case_assumptions (region_id, programme_id, key, valid_from, seq);

-- —— Observations: success and failure factors ——
-- About a participant (participant data: follows the participant) or about a location.
CREATE TABLE observations (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  participant_id uuid REFERENCES participants(id),
  location_id uuid REFERENCES locations(id),
  theme text NOT NULL CHECK (theme IN ('guidance','housing','neighbourhood')),
  factor text NOT NULL CHECK (factor IN ('success','failure')),
  tags text[] NOT NULL DEFAULT '{}',
  text text NOT NULL CHECK (length(btrim(text)) > 0),
  observed_on date NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  author_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((participant_id IS NULL) <> (location_id IS NULL)),
  CHECK (cardinality(tags) <= 20)
);
CREATE INDEX observations_list_idx ON observations (region_id, programme_id, observed_on DESC, id DESC);
CREATE INDEX observations_participant_idx ON observations (region_id, participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX observations_location_idx ON observations (region_id, location_id) WHERE location_id IS NOT NULL;
CREATE INDEX observations_tags_idx ON observations USING gin (tags);

-- —— The bottleneck register (knelpunten) ——
CREATE TABLE bottlenecks (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  description text NOT NULL CHECK (length(btrim(description)) > 0),
  -- Where in the system it blocks Housing First.
  area text NOT NULL CHECK (area IN ('referral','assessment','matching','allocation','housing','guidance','neighbourhood',
    'funding','regulation','other')),
  owner_organisation_id uuid REFERENCES organisations(id),
  owner_name text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','solved','wont_fix')),
  solution text,
  solved_on date,
  proposed_by uuid REFERENCES users(id),
  proposed_by_organisation_id uuid REFERENCES organisations(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  -- Solved means: with the solution and the day it was solved.
  CHECK ((status = 'solved') = (solved_on IS NOT NULL)),
  CHECK (status NOT IN ('solved','wont_fix') OR solution IS NOT NULL)
);
CREATE INDEX bottlenecks_list_idx ON bottlenecks (region_id, programme_id, status, created_at DESC, id);

-- Everything that happened to a bottleneck (append-only).
CREATE TABLE bottleneck_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  bottleneck_id uuid NOT NULL REFERENCES bottlenecks(id),
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('proposed','status_changed','edited')),
  status_before text,
  status_after text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  note text,
  recorded_by uuid REFERENCES users(id),
  recorded_by_organisation_id uuid REFERENCES organisations(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX bottleneck_events_idx ON bottleneck_events (region_id, bottleneck_id, seq);

-- —— Access ——
GRANT SELECT, INSERT ON business_case_tariffs, business_case_assumptions, observations, bottleneck_events TO eerstethuis_app;
GRANT SELECT, INSERT, UPDATE ON bottlenecks TO eerstethuis_app;
REVOKE UPDATE, DELETE ON business_case_tariffs, business_case_assumptions, observations, bottleneck_events FROM eerstethuis_app;
REVOKE DELETE ON bottlenecks FROM eerstethuis_app;
GRANT USAGE, SELECT ON SEQUENCE business_case_tariffs_seq_seq, business_case_assumptions_seq_seq, bottleneck_events_seq_seq TO eerstethuis_app;

-- Programme configuration and the register hold no personal data: the region.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['business_case_tariffs','business_case_assumptions','bottlenecks','bottleneck_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_isolation ON %I USING (region_id = app_region()) WITH CHECK (region_id = app_region())', t);
  END LOOP;
END $$;

-- An observation on a participant is seen by whoever sees the participant; one on a location by
-- whoever sees the location (the office and care staff all, a corporation its own).
ALTER TABLE observations ENABLE ROW LEVEL SECURITY;
CREATE POLICY observation_scope ON observations
  USING (region_id = app_region() AND (
    (participant_id IS NOT NULL AND EXISTS (SELECT 1 FROM participants p WHERE p.id = observations.participant_id))
    OR (location_id IS NOT NULL AND EXISTS (SELECT 1 FROM locations l WHERE l.id = observations.location_id))))
  WITH CHECK (region_id = app_region());

-- The business case is computed from participant data (tenancies, guidance episodes and their
-- intensities) but a municipality and a researcher get only the aggregate. This function runs as
-- the owner (past the participant policies), within the caller's region and only for the roles
-- that may see the business case; the service presents per-participant lines to the office only.
-- Per participant: where they stayed at referral, the waiting-list registration, the tenancies
-- and the guidance episodes (neighbourhood team or not) with their intensity changes.
CREATE OR REPLACE FUNCTION business_case_facts(p_programme uuid, p_date date)
  RETURNS TABLE (participant_id uuid, code text, current_place text, waiting_list_registered_on date, tenancies jsonb, episodes jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
$$
  SELECT p.id, p.code, p.current_place, p.waiting_list_registered_on,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('start', t.start_date, 'end', t.end_date) ORDER BY t.start_date, t.id), '[]'::jsonb)
            FROM tenancies t WHERE t.region_id = p.region_id AND t.participant_id = p.id AND t.start_date <= p_date),
         (SELECT coalesce(jsonb_agg(jsonb_build_object(
                   'start', e.start_date, 'end', e.end_date, 'hoursPerWeek', e.hours_per_week,
                   'neighbourhoodTeam', o.kind = 'neighbourhood_team',
                   'intensities', (SELECT coalesce(jsonb_agg(jsonb_build_object('from', i.effective_date, 'hoursPerWeek', i.hours_per_week)
                                                             ORDER BY i.effective_date, i.recorded_at), '[]'::jsonb)
                                     FROM guidance_intensities i WHERE i.region_id = e.region_id AND i.episode_id = e.id))
                   ORDER BY e.start_date, e.id), '[]'::jsonb)
            FROM guidance_episodes e JOIN organisations o ON o.id = e.organisation_id
           WHERE e.region_id = p.region_id AND e.participant_id = p.id AND e.start_date <= p_date)
    FROM participants p
   WHERE p.region_id = app_region() AND p.programme_id = p_programme AND p.merged_into_id IS NULL
     AND (app_has_role('programme_office') OR app_has_role('municipality') OR app_has_role('researcher'))
     AND EXISTS (SELECT 1 FROM tenancies t WHERE t.region_id = p.region_id AND t.participant_id = p.id AND t.start_date <= p_date)
   ORDER BY p.code
$$;
REVOKE ALL ON FUNCTION business_case_facts(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION business_case_facts(uuid, date) TO eerstethuis_app;
