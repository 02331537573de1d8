-- Foundation: regions, organisations, users and sessions, the programme with its pledges,
-- tranches, locations and units, and the unit status history the counter is computed from.
-- Every table of regional data carries region_id and leads its keys with it (Citus-ready).

CREATE TABLE regions (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE municipalities (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  name text NOT NULL,
  cbs_code text,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, name)
);

CREATE TABLE organisations (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('municipality','care_provider','housing_corporation','access_office',
    'referral_team','allocation_office','programme_office','neighbourhood_team','research_institute')),
  municipality_id uuid REFERENCES municipalities(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, name)
);

CREATE TABLE users (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
-- E-mail identifies a person across the whole platform: login does not know the region yet.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  id text PRIMARY KEY,                -- SHA-256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  user_agent text,
  address text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE programmes (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  name text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  target integer NOT NULL CHECK (target >= 1),
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (period_end >= period_start)
);

CREATE TABLE review_moments (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  date date NOT NULL,
  title text NOT NULL,
  notes text,
  PRIMARY KEY (region_id, id)
);

CREATE TABLE tranches (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  number integer NOT NULL CHECK (number >= 1),
  name text NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 0),
  provider_id uuid REFERENCES organisations(id),
  deadline date,
  PRIMARY KEY (region_id, id),
  UNIQUE (programme_id, number)
);

CREATE TABLE pledges (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  places integer NOT NULL CHECK (places >= 1),
  target_group text NOT NULL CHECK (target_group IN ('single_adult','young_adult','family','domestic_violence')),
  form text NOT NULL CHECK (form IN ('existing_stock','transformation','new_build','flex','mixed')),
  pledged_on date NOT NULL,
  tranche_id uuid REFERENCES tranches(id),
  notes text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);

CREATE TABLE pledge_partners (
  region_id uuid NOT NULL REFERENCES regions(id),
  pledge_id uuid NOT NULL REFERENCES pledges(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (region_id, pledge_id, organisation_id)
);

CREATE TABLE locations (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  name text NOT NULL,
  address text,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  district text,
  form text NOT NULL CHECK (form IN ('existing_stock','transformation','new_build','flex','mixed')),
  delivery_mode text NOT NULL CHECK (delivery_mode IN ('scattered','project')),
  corporation_id uuid REFERENCES organisations(id),
  provider_id uuid REFERENCES organisations(id),
  expected_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX locations_programme_idx ON locations (region_id, programme_id, name);

CREATE TABLE units (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  pledge_id uuid REFERENCES pledges(id),
  location_id uuid REFERENCES locations(id),
  tranche_id uuid REFERENCES tranches(id),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  label text NOT NULL,
  form text NOT NULL CHECK (form IN ('existing_stock','transformation','new_build','flex','mixed')),
  rooms integer CHECK (rooms IS NULL OR rooms BETWEEN 1 AND 12),
  -- The current status is derived from unit_status_events and kept here for lists and filters;
  -- the service writes both in one transaction. Figures for past dates always read the events.
  status text NOT NULL CHECK (status IN ('pledged','location_found','available','allocated','occupied','withdrawn')),
  status_since date NOT NULL,
  expected_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX units_programme_status_idx ON units (region_id, programme_id, status);
CREATE INDEX units_location_idx ON units (location_id);

CREATE TABLE unit_status_events (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  unit_id uuid NOT NULL REFERENCES units(id),
  seq bigserial NOT NULL,             -- order of recording, to break ties on the same date
  status text NOT NULL CHECK (status IN ('pledged','location_found','available','allocated','occupied','withdrawn')),
  effective_date date NOT NULL,
  expected_date date,
  location_id uuid REFERENCES locations(id),
  note text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX unit_status_events_unit_idx ON unit_status_events (region_id, unit_id, effective_date, seq);
