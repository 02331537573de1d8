-- A batch proposal for a project delivery: the optimal assignment of its units to candidates
-- (docs/matching.md), kept as computed, so what the office accepted can be explained later.
CREATE TABLE matching_proposals (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  location_id uuid REFERENCES locations(id),
  unit_ids uuid[] NOT NULL,
  -- [{providerId, places}]: at most that many of these homes go to each provider's candidates.
  capacities jsonb NOT NULL DEFAULT '[]',
  as_of date NOT NULL,
  -- The pairs with their score parts, the greedy comparison and the totals (codes, no names).
  result jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed','accepted')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_by uuid REFERENCES users(id),
  accepted_at timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX matching_proposals_programme_idx ON matching_proposals (region_id, programme_id, created_at);

GRANT SELECT, INSERT, UPDATE ON matching_proposals TO eerstethuis_app;
ALTER TABLE matching_proposals ENABLE ROW LEVEL SECURITY;
-- Matching across the whole by-name list is the programme office's work.
CREATE POLICY proposal_scope ON matching_proposals
  USING (region_id = app_region() AND app_has_role('programme_office')) WITH CHECK (region_id = app_region());
