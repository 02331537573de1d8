-- Eligibility rules (docs/matching.md): hard conditions of a home, attached to a programme, a
-- location or a unit and inherited downward; for each kind the most specific level wins. A rule
-- is never rewritten: removing one keeps the row (removed_at), so a past ranking can be explained.
CREATE TABLE eligibility_rules (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  location_id uuid REFERENCES locations(id),
  unit_id uuid REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('household_size','target_group','municipality_exclusion','not_accessible','no_pets',
    'indication_required','consent_housing','risk_screening')),
  params jsonb NOT NULL DEFAULT '{}',
  note text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by uuid REFERENCES users(id),
  PRIMARY KEY (region_id, id),
  CHECK (location_id IS NULL OR unit_id IS NULL)
);
-- One rule of a kind per place: a second one would make "which applies?" ambiguous.
CREATE UNIQUE INDEX eligibility_rules_place_kind_key ON eligibility_rules (region_id, programme_id, location_id, unit_id, kind)
  NULLS NOT DISTINCT WHERE removed_at IS NULL;

ALTER TABLE eligibility_rules ENABLE ROW LEVEL SECURITY;
-- Rules describe homes, not people: the region sees them; the service decides who may change them.
CREATE POLICY region_isolation ON eligibility_rules USING (region_id = app_region()) WITH CHECK (region_id = app_region());
GRANT SELECT, INSERT, UPDATE ON eligibility_rules TO eerstethuis_app;
