-- Suitability framework (afwegingskader) for an intake home: versions are immutable, so an
-- assessment always shows the questions, weights and thresholds it was given under.
CREATE TABLE suitability_frameworks (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  description text,
  -- Percentages of the maximum weighted score.
  suitable_threshold integer NOT NULL CHECK (suitable_threshold BETWEEN 0 AND 100),
  conditional_threshold integer NOT NULL CHECK (conditional_threshold BETWEEN 0 AND 100),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, programme_id, version),
  CHECK (conditional_threshold <= suitable_threshold)
);

CREATE TABLE suitability_criteria (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  framework_id uuid NOT NULL REFERENCES suitability_frameworks(id),
  position integer NOT NULL CHECK (position >= 1),
  question_nl text NOT NULL,
  question_en text NOT NULL,
  weight integer NOT NULL CHECK (weight BETWEEN 0 AND 100),
  -- Answered "no", a knock-out makes the result "not suitable" whatever the score.
  knock_out boolean NOT NULL DEFAULT false,
  PRIMARY KEY (region_id, id),
  UNIQUE (framework_id, position)
);

CREATE TABLE suitability_assessments (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  participant_id uuid NOT NULL REFERENCES participants(id),
  original_participant_id uuid NOT NULL REFERENCES participants(id),
  framework_id uuid NOT NULL REFERENCES suitability_frameworks(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  location_id uuid REFERENCES locations(id),
  assessed_on date NOT NULL,
  result text NOT NULL CHECK (result IN ('suitable','suitable_with_conditions','not_suitable')),
  score integer NOT NULL,
  max_score integer NOT NULL,
  percentage integer NOT NULL CHECK (percentage BETWEEN 0 AND 100),
  reasons jsonb NOT NULL,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX suitability_assessments_participant_idx ON suitability_assessments (region_id, participant_id, assessed_on);

CREATE TABLE suitability_answers (
  region_id uuid NOT NULL REFERENCES regions(id),
  assessment_id uuid NOT NULL REFERENCES suitability_assessments(id),
  criterion_id uuid NOT NULL REFERENCES suitability_criteria(id),
  answer text NOT NULL CHECK (answer IN ('yes','partly','no')),
  note text,
  PRIMARY KEY (region_id, assessment_id, criterion_id)
);
