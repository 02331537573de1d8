-- Risk screening (risicotaxatie) for domestic-violence cases: a dated result that limits where the
-- person may live and forces the protected-address flag on the participant.
CREATE TABLE risk_screenings (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  original_participant_id uuid NOT NULL REFERENCES participants(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  screened_on date NOT NULL,
  risk_level text NOT NULL CHECK (risk_level IN ('low','medium','high')),
  excluded_municipality_ids uuid[] NOT NULL DEFAULT '{}',
  -- Districts or neighbourhoods to avoid within otherwise allowed municipalities (free text).
  excluded_areas text[] NOT NULL DEFAULT '{}',
  notes text,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX risk_screenings_participant_idx ON risk_screenings (region_id, participant_id, screened_on);
