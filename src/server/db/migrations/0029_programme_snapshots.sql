-- Monthly snapshots of the progress report: the counter, pipeline and outcomes of each month as
-- they were known at the time. Figures for past dates are recomputed from events and can change
-- when late events arrive; a snapshot keeps what was reported then. Taken once, never rewritten.
CREATE TABLE programme_snapshots (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  -- The first day of the month the snapshot describes; the figures are those of its last day.
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  as_of date NOT NULL,
  report jsonb NOT NULL,
  taken_by uuid REFERENCES users(id),
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (programme_id, month)
);
CREATE INDEX programme_snapshots_programme_idx ON programme_snapshots (region_id, programme_id, month);

GRANT SELECT, INSERT ON programme_snapshots TO eerstethuis_app;
ALTER TABLE programme_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON programme_snapshots USING (region_id = app_region()) WITH CHECK (region_id = app_region());
