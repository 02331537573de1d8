-- Due work (issue 6): the daily scan (`eerstethuis due-work tick`) warns about a guidance review
-- that is due, an incident open too long and a tranche deadline with unused places. Each warning
-- goes out once per subject and due date: the scan inserts a row here first and notifies only
-- when the insert was new (ON CONFLICT DO NOTHING), so running the scan twice sends nothing twice.
CREATE TABLE due_work_alerts (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('guidance_review','incident_open','tranche_deadline')),
  -- The guidance episode, incident or tranche the warning is about.
  subject_id uuid NOT NULL,
  due_on date NOT NULL,
  -- The day of the scan that sent it, and how many people it reached.
  alerted_on date NOT NULL,
  recipients integer NOT NULL DEFAULT 0 CHECK (recipients >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, kind, subject_id, due_on)
);

GRANT SELECT, INSERT ON due_work_alerts TO eerstethuis_app;
ALTER TABLE due_work_alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_isolation ON due_work_alerts USING (region_id = app_region()) WITH CHECK (region_id = app_region());
