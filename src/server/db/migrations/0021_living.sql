-- Living in the home (issue 6): tenancies and their leases, the lease flip checklist, guidance
-- with goals, contacts and the scale-down to a neighbourhood team, support items, the
-- neighbourhood (mix, meetings, incidents), tranche rollovers and housing contingents, and the
-- thresholds for due-work notifications. Every table leads its keys with region_id.

-- —— Settings for due work, per programme ——
ALTER TABLE programmes
  ADD COLUMN incident_alert_days integer NOT NULL DEFAULT 14 CHECK (incident_alert_days BETWEEN 1 AND 365),
  ADD COLUMN guidance_review_months integer NOT NULL DEFAULT 6 CHECK (guidance_review_months BETWEEN 1 AND 24),
  ADD COLUMN tranche_warning_days integer NOT NULL DEFAULT 60 CHECK (tranche_warning_days BETWEEN 1 AND 365);

-- A neighbourhood team works in one district of a municipality; the scale-down goes to the team
-- of the district the tenant lives in.
ALTER TABLE organisations ADD COLUMN district text;

-- The neighbourhood team that took over guidance is involved with the participant.
ALTER TABLE participant_organisations DROP CONSTRAINT participant_organisations_relation_check;
ALTER TABLE participant_organisations ADD CONSTRAINT participant_organisations_relation_check
  CHECK (relation IN ('referrer','provider','assessor','consulted','neighbourhood_team'));

-- Exits the tenancy's end reasons lead to.
ALTER TABLE participant_phase_events DROP CONSTRAINT participant_phase_events_reason_check;
ALTER TABLE participant_phase_events ADD CONSTRAINT participant_phase_events_reason_check
  CHECK (reason IS NULL OR reason IN ('not_homeless','not_expected_independent','outside_target_group','own_choice',
    'housed_elsewhere','not_reachable','needs_more_care','moved_out_of_region','deceased','guidance_completed','moved_on',
    'returned_to_shelter','evicted','admitted_to_care','detention','left_without_notice','other'));

-- Mixed living: how many homes of the location go to regular tenants who chose to live there
-- (the programme's places are its units).
ALTER TABLE locations ADD COLUMN regular_homes integer CHECK (regular_homes IS NULL OR regular_homes BETWEEN 0 AND 2000);

-- —— Tenancies ——
CREATE TABLE tenancies (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  participant_id uuid NOT NULL REFERENCES participants(id),
  offer_id uuid REFERENCES offers(id),
  corporation_id uuid REFERENCES organisations(id),
  provider_id uuid REFERENCES organisations(id),
  household_adults integer NOT NULL DEFAULT 1 CHECK (household_adults BETWEEN 1 AND 10),
  household_children integer NOT NULL DEFAULT 0 CHECK (household_children BETWEEN 0 AND 15),
  start_date date NOT NULL,
  rent_cents integer NOT NULL CHECK (rent_cents BETWEEN 0 AND 1000000),
  -- Who holds the lease now: the care provider (intake home, sublet) or the tenant. The leases
  -- over time are in tenancy_leases.
  lease_holder text NOT NULL CHECK (lease_holder IN ('provider','tenant')),
  -- The day the lease flipped from the provider to the tenant (null: never flipped).
  flipped_on date,
  end_date date,
  end_reason text CHECK (end_reason IS NULL OR end_reason IN ('moved_on','moved_within_programme','evicted',
    'returned_to_shelter','admitted_to_care','detention','deceased','left_without_notice','other')),
  end_note text,
  -- A move within the programme continues in a new tenancy.
  next_tenancy_id uuid REFERENCES tenancies(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL)),
  CHECK (flipped_on IS NULL OR flipped_on >= start_date)
);
-- One current tenancy per home and per participant.
CREATE UNIQUE INDEX tenancies_current_unit_key ON tenancies (region_id, unit_id) WHERE end_date IS NULL;
CREATE UNIQUE INDEX tenancies_current_participant_key ON tenancies (region_id, participant_id) WHERE end_date IS NULL;
CREATE INDEX tenancies_programme_idx ON tenancies (region_id, programme_id, start_date, id);
CREATE INDEX tenancies_provider_idx ON tenancies (region_id, provider_id, start_date);
CREATE INDEX tenancies_participant_idx ON tenancies (region_id, participant_id, start_date);
CREATE UNIQUE INDEX tenancies_offer_key ON tenancies (offer_id) WHERE offer_id IS NOT NULL;

-- The leases of a tenancy: the provider's lease ends the day the tenant's own lease starts; the
-- earlier lease stays here.
CREATE TABLE tenancy_leases (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  tenancy_id uuid NOT NULL REFERENCES tenancies(id),
  lease_holder text NOT NULL CHECK (lease_holder IN ('provider','tenant')),
  holder_organisation_id uuid REFERENCES organisations(id),
  start_date date NOT NULL,
  end_date date,
  rent_cents integer NOT NULL CHECK (rent_cents BETWEEN 0 AND 1000000),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX tenancy_leases_tenancy_idx ON tenancy_leases (region_id, tenancy_id, start_date);

-- Everything that happened to a tenancy, for its timeline (append-only).
CREATE TABLE tenancy_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  tenancy_id uuid NOT NULL REFERENCES tenancies(id),
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('started','moved_in','check_recorded','lease_flipped','rent_changed','ended')),
  effective_date date NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX tenancy_events_tenancy_idx ON tenancy_events (region_id, tenancy_id, effective_date, seq);

-- —— The lease flip checklist ——
-- What the programme requires before a lease flips. `kind` says how an item is judged:
-- rent_paid_on_time (N months, recorded with evidence), no_open_nuisance (computed from open
-- incidents of the tenancy), goals_met, corporation_agrees, tenant_agrees, custom.
CREATE TABLE lease_flip_criteria (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  kind text NOT NULL CHECK (kind IN ('rent_paid_on_time','no_open_nuisance','goals_met','corporation_agrees','tenant_agrees','custom')),
  label_nl text NOT NULL,
  label_en text NOT NULL,
  months integer CHECK (months IS NULL OR months BETWEEN 1 AND 60),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX lease_flip_criteria_programme_idx ON lease_flip_criteria (region_id, programme_id, position);

-- A recorded judgement of one checklist item for one tenancy; the latest per item counts, the
-- earlier ones are the history.
CREATE TABLE lease_flip_checks (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  tenancy_id uuid NOT NULL REFERENCES tenancies(id),
  criterion_id uuid NOT NULL REFERENCES lease_flip_criteria(id),
  met boolean NOT NULL,
  checked_on date NOT NULL,
  evidence text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX lease_flip_checks_tenancy_idx ON lease_flip_checks (region_id, tenancy_id, criterion_id, recorded_at);

-- —— Guidance ——
CREATE TABLE guidance_episodes (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  tenancy_id uuid REFERENCES tenancies(id),
  -- The care provider or, after a scale-down, the neighbourhood team.
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  start_date date NOT NULL,
  hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 40),
  level text NOT NULL CHECK (level IN ('intensive','regular','light')),
  review_due_on date,
  end_date date,
  end_reason text CHECK (end_reason IS NULL OR end_reason IN ('handed_over','goals_met','tenancy_ended','declined','moved','deceased','other')),
  end_note text,
  -- The episode this one continues (after a hand-over).
  previous_episode_id uuid REFERENCES guidance_episodes(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX guidance_episodes_current_key ON guidance_episodes (region_id, participant_id) WHERE end_date IS NULL;
CREATE INDEX guidance_episodes_organisation_idx ON guidance_episodes (region_id, organisation_id, end_date);
CREATE INDEX guidance_episodes_participant_idx ON guidance_episodes (region_id, participant_id, start_date);

-- Intensity over time (hours per week and level from a date), for the business case's hours.
CREATE TABLE guidance_intensities (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  episode_id uuid NOT NULL REFERENCES guidance_episodes(id),
  effective_date date NOT NULL,
  hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 40),
  level text NOT NULL CHECK (level IN ('intensive','regular','light')),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX guidance_intensities_episode_idx ON guidance_intensities (region_id, episode_id, effective_date);

-- The plan: goals per life domain (the ZRM domains).
CREATE TABLE guidance_goals (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  episode_id uuid NOT NULL REFERENCES guidance_episodes(id),
  domain text NOT NULL CHECK (domain IN ('finances','work_education','time_use','housing','domestic_relations','mental_health',
    'physical_health','substance_use','basic_adl','instrumental_adl','social_network','social_participation','justice')),
  description text NOT NULL,
  target_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','achieved','dropped')),
  status_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX guidance_goals_episode_idx ON guidance_goals (region_id, episode_id);

CREATE TABLE guidance_contacts (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  episode_id uuid NOT NULL REFERENCES guidance_episodes(id),
  contact_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('home_visit','office','phone','video','outreach','with_network','other')),
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  note text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX guidance_contacts_episode_idx ON guidance_contacts (region_id, episode_id, contact_date);

-- The scale-down: intensive guidance hands over to the neighbourhood team of the district.
CREATE TABLE guidance_handovers (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  from_episode_id uuid NOT NULL REFERENCES guidance_episodes(id) UNIQUE,
  to_episode_id uuid NOT NULL REFERENCES guidance_episodes(id) UNIQUE,
  team_id uuid NOT NULL REFERENCES organisations(id),
  handover_date date NOT NULL,
  handed_over text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);

-- Support beside guidance.
CREATE TABLE support_items (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  kind text NOT NULL CHECK (kind IN ('debt_assistance','daytime_activities','income_budgeting','own_network')),
  organisation_name text,
  start_date date NOT NULL,
  end_date date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('requested','active','completed','stopped')),
  note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX support_items_participant_idx ON support_items (region_id, participant_id);

-- —— The neighbourhood ——
CREATE TABLE neighbourhood_meetings (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  location_id uuid NOT NULL REFERENCES locations(id),
  held_on date NOT NULL,
  attendees integer CHECK (attendees IS NULL OR attendees BETWEEN 0 AND 10000),
  notes text NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX neighbourhood_meetings_location_idx ON neighbourhood_meetings (region_id, location_id, held_on);

-- Incidents and nuisance reports, about a tenancy or about the location as a whole.
CREATE TABLE incidents (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  location_id uuid NOT NULL REFERENCES locations(id),
  tenancy_id uuid REFERENCES tenancies(id),
  occurred_on date NOT NULL,
  source text NOT NULL CHECK (source IN ('neighbour','corporation','provider','police','tenant','municipality','other')),
  severity text NOT NULL CHECK (severity IN ('low','medium','high')),
  description text NOT NULL,
  follow_up text,
  closed_on date,
  version integer NOT NULL DEFAULT 1,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (closed_on IS NULL OR closed_on >= occurred_on)
);
CREATE INDEX incidents_location_idx ON incidents (region_id, location_id, occurred_on);
CREATE INDEX incidents_tenancy_idx ON incidents (region_id, tenancy_id) WHERE tenancy_id IS NOT NULL;
CREATE INDEX incidents_open_idx ON incidents (region_id, occurred_on) WHERE closed_on IS NULL;

-- —— Tranches and contingents ——
-- A confirmed year-end rollover: unused places of one tranche moved to the next. `unit_ids`
-- are the homes that moved; the preview the office saw is kept beside it.
CREATE TABLE tranche_rollovers (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  from_tranche_id uuid NOT NULL REFERENCES tranches(id),
  to_tranche_id uuid NOT NULL REFERENCES tranches(id),
  cutoff_date date NOT NULL,
  places integer NOT NULL CHECK (places >= 0),
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  preview jsonb NOT NULL,
  confirmed_by uuid REFERENCES users(id),
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (from_tranche_id, cutoff_date),
  CHECK (from_tranche_id <> to_tranche_id)
);

-- Capacity of a tranche over time: the starting capacity and every change (a rollover).
CREATE TABLE tranche_capacity_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  tranche_id uuid NOT NULL REFERENCES tranches(id),
  effective_date date NOT NULL,
  delta integer NOT NULL,
  rollover_id uuid REFERENCES tranche_rollovers(id),
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX tranche_capacity_events_idx ON tranche_capacity_events (region_id, tranche_id, effective_date);

-- A provider's share of the regional "Beter Wonen" contingent, per year, with the share it aims
-- to use for intake homes (30 % in the first year for De Tussenvoorziening).
CREATE TABLE provider_contingents (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  provider_id uuid NOT NULL REFERENCES organisations(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  homes integer NOT NULL CHECK (homes BETWEEN 0 AND 100000),
  intake_target_percent numeric(5,2) NOT NULL DEFAULT 30 CHECK (intake_target_percent BETWEEN 0 AND 100),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, programme_id, provider_id, year)
);

-- —— Access ——
GRANT SELECT, INSERT, UPDATE ON tenancies, tenancy_leases, lease_flip_criteria, guidance_episodes, guidance_goals,
  support_items, incidents, provider_contingents TO eerstethuis_app;
GRANT SELECT, INSERT ON tenancy_events, lease_flip_checks, guidance_intensities, guidance_contacts, guidance_handovers,
  neighbourhood_meetings, tranche_rollovers, tranche_capacity_events TO eerstethuis_app;
GRANT USAGE, SELECT ON SEQUENCE tenancy_events_seq_seq TO eerstethuis_app;

-- Who sees a tenancy: whoever sees the participant (programme office, the involved care
-- staff and neighbourhood team), and the corporation of the home (the landlord knows its tenant).
ALTER TABLE tenancies ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenancy_scope ON tenancies
  USING (region_id = app_region() AND (
    EXISTS (SELECT 1 FROM participants p WHERE p.id = tenancies.participant_id)
    OR (app_has_role('corporation') AND corporation_id = app_org())))
  WITH CHECK (region_id = app_region());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenancy_leases','tenancy_events','lease_flip_checks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenancy_data_scope ON %I
                      USING (region_id = app_region() AND EXISTS (SELECT 1 FROM tenancies t WHERE t.id = %I.tenancy_id))
                      WITH CHECK (region_id = app_region())', t, t);
  END LOOP;
END $$;

-- Guidance and support follow the participant.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['guidance_episodes','support_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY participant_data_scope ON %I
                      USING (region_id = app_region() AND EXISTS (SELECT 1 FROM participants p WHERE p.id = %I.participant_id))
                      WITH CHECK (region_id = app_region())', t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['guidance_intensities','guidance_goals','guidance_contacts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY episode_data_scope ON %I
                      USING (region_id = app_region() AND EXISTS (SELECT 1 FROM guidance_episodes e WHERE e.id = %I.episode_id))
                      WITH CHECK (region_id = app_region())', t, t);
  END LOOP;
END $$;
ALTER TABLE guidance_handovers ENABLE ROW LEVEL SECURITY;
CREATE POLICY episode_data_scope ON guidance_handovers
  USING (region_id = app_region() AND EXISTS (SELECT 1 FROM guidance_episodes e WHERE e.id = guidance_handovers.from_episode_id))
  WITH CHECK (region_id = app_region());

-- The neighbourhood follows the location (corporations their own, municipalities theirs).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['neighbourhood_meetings','incidents']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY location_data_scope ON %I
                      USING (region_id = app_region() AND EXISTS (SELECT 1 FROM locations l WHERE l.id = %I.location_id))
                      WITH CHECK (region_id = app_region())', t, t);
  END LOOP;
END $$;

-- Programme configuration: the region.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['lease_flip_criteria','tranche_rollovers','tranche_capacity_events','provider_contingents']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY region_isolation ON %I USING (region_id = app_region()) WITH CHECK (region_id = app_region())', t);
  END LOOP;
END $$;
