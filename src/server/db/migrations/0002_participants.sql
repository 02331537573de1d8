-- Participants: the record (pseudonymous code, identity, household, situation, wishes, consent),
-- the organisations involved with each (the basis of who may see whom), the referrals, the
-- phase history, the homes they live in, and merges of duplicate records.
-- Every table leads its keys with region_id (a region is a tenant).

CREATE TABLE participants (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  -- Shown everywhere instead of the name; random, never derived from name, birth date or BSN.
  code text NOT NULL CHECK (code ~ '^EH-[A-Z0-9]{6}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  -- Normalised "given|family" (lower case, no accents, no spaces or punctuation) for duplicate detection.
  name_key text NOT NULL,
  date_of_birth date NOT NULL,
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  phone text,
  email text,
  household_adults integer NOT NULL DEFAULT 1 CHECK (household_adults BETWEEN 1 AND 10),
  household_children integer NOT NULL DEFAULT 0 CHECK (household_children BETWEEN 0 AND 15),
  children_ages integer[] NOT NULL DEFAULT '{}',
  target_group text NOT NULL CHECK (target_group IN ('single_adult','young_adult','family','domestic_violence')),
  current_place text NOT NULL CHECK (current_place IN ('street','night_shelter','shelter_24h','sheltered_housing','with_friends','other')),
  current_place_note text,
  preferred_municipality_ids uuid[] NOT NULL DEFAULT '{}',
  excluded_municipality_ids uuid[] NOT NULL DEFAULT '{}',
  needs text[] NOT NULL DEFAULT '{}',
  consent_given_on date,
  consent_scope text[] NOT NULL DEFAULT '{}',
  protected_address boolean NOT NULL DEFAULT false,
  -- Registration date on the access office's central waiting list (shelter / sheltered housing).
  waiting_list_registered_on date,
  -- The care provider that guides the participant.
  provider_id uuid REFERENCES organisations(id),
  -- Current phase, derived from participant_phase_events and written in the same transaction;
  -- figures for past dates always read the events.
  phase text NOT NULL CHECK (phase IN ('referred','eligible','not_eligible','assessed','ready','matched','housed','exited','withdrawn')),
  phase_since date NOT NULL,
  -- Earliest referral date over all referrals (also those of merged duplicates): waiting time.
  first_referred_on date NOT NULL,
  -- Sort key of the by-name list under the programme's priority settings (docs/priority.md),
  -- kept by the service on every change that affects it; ends with the code, so it is unique.
  priority_key text COLLATE "C" NOT NULL,
  merged_into_id uuid REFERENCES participants(id),
  merged_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, code),
  CHECK (cardinality(children_ages) <= household_children),
  CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
-- The by-name list: first page = an index scan in priority order (merged records never show).
CREATE INDEX participants_priority_idx ON participants (region_id, programme_id, priority_key) WHERE merged_into_id IS NULL;
-- One living record per BSN in a region; a merged duplicate keeps its BSN for the history.
CREATE UNIQUE INDEX participants_bsn_key ON participants (region_id, bsn) WHERE bsn IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX participants_name_dob_idx ON participants (region_id, name_key, date_of_birth);

-- Why an organisation may see a participant: it referred them, guides them, assesses them, or
-- was asked about them. Row-level security (issue 4) builds on this table.
CREATE TABLE participant_organisations (
  region_id uuid NOT NULL REFERENCES regions(id),
  participant_id uuid NOT NULL REFERENCES participants(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  relation text NOT NULL CHECK (relation IN ('referrer','provider','assessor','consulted')),
  since date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, participant_id, organisation_id, relation)
);
CREATE INDEX participant_organisations_org_idx ON participant_organisations (region_id, organisation_id, participant_id);

CREATE TABLE referrals (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  -- The record the referral was made for; differs from participant_id after a merge.
  original_participant_id uuid NOT NULL REFERENCES participants(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  referred_by uuid REFERENCES users(id),
  referred_on date NOT NULL,
  -- Eligibility questions of the programme.
  homelessness text NOT NULL CHECK (homelessness IN ('homeless','at_risk','no')),
  expected_independent boolean NOT NULL,
  motivation text NOT NULL,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX referrals_participant_idx ON referrals (region_id, participant_id, referred_on);

CREATE TABLE participant_phase_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  seq bigserial NOT NULL,             -- order of recording, to break ties on the same date
  phase text NOT NULL CHECK (phase IN ('referred','eligible','not_eligible','assessed','ready','matched','housed','exited','withdrawn')),
  effective_date date NOT NULL,
  reason text CHECK (reason IS NULL OR reason IN ('not_homeless','not_expected_independent','outside_target_group','own_choice',
    'housed_elsewhere','not_reachable','needs_more_care','moved_out_of_region','deceased','guidance_completed','moved_on',
    'returned_to_shelter','evicted','other')),
  note text,
  unit_id uuid REFERENCES units(id),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX participant_phase_events_participant_idx ON participant_phase_events (region_id, participant_id, effective_date, seq);
CREATE INDEX participant_phase_events_date_idx ON participant_phase_events (region_id, effective_date);

-- The home a participant lives in: from `housed` until `exited`. Issue 6 turns these into tenancies.
CREATE TABLE participant_placements (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  start_date date NOT NULL,
  end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX participant_placements_current_unit_key ON participant_placements (region_id, unit_id) WHERE end_date IS NULL;
CREATE UNIQUE INDEX participant_placements_current_participant_key ON participant_placements (region_id, participant_id) WHERE end_date IS NULL;

-- A merge of a duplicate record into the one that stays. The duplicate keeps its row and its
-- phase history; `snapshot` is its record as it was at the merge.
CREATE TABLE participant_merges (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  survivor_id uuid NOT NULL REFERENCES participants(id),
  merged_id uuid NOT NULL REFERENCES participants(id) UNIQUE,
  reason text NOT NULL,
  snapshot jsonb NOT NULL,
  merged_by uuid REFERENCES users(id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX participant_merges_survivor_idx ON participant_merges (region_id, survivor_id);
