-- Care assessment (zorginhoudelijke beoordeling) by the access office: requested by a referrer,
-- provider or the programme office, assigned to an assessor, decided with an indication.
CREATE TABLE care_assessments (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  original_participant_id uuid NOT NULL REFERENCES participants(id),
  access_office_id uuid NOT NULL REFERENCES organisations(id),
  requested_by uuid REFERENCES users(id),
  requested_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
  requested_on date NOT NULL,
  question text,
  status text NOT NULL CHECK (status IN ('requested','assigned','decided','cancelled')),
  assessor_id uuid REFERENCES users(id),
  assigned_on date,
  decided_on date,
  decided_by uuid REFERENCES users(id),
  indication text CHECK (indication IS NULL OR indication IN ('beschermd_thuis','ambulant','other','none')),
  valid_from date,
  valid_to date,
  guidance_intensity text CHECK (guidance_intensity IS NULL OR guidance_intensity IN ('light','moderate','intensive','very_intensive')),
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (status <> 'decided' OR (decided_on IS NOT NULL AND indication IS NOT NULL)),
  CHECK (indication IS NULL OR indication = 'none' OR (valid_from IS NOT NULL AND valid_to IS NOT NULL AND valid_to >= valid_from))
);
CREATE INDEX care_assessments_participant_idx ON care_assessments (region_id, participant_id, requested_on);
-- The assessors' work queue: open requests of one access office, oldest first.
CREATE INDEX care_assessments_queue_idx ON care_assessments (region_id, access_office_id, requested_on, id) WHERE status IN ('requested','assigned');
