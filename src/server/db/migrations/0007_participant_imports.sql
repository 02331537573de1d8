-- CSV import of an existing list: every row is validated and reported; nothing becomes a
-- participant until the user confirms. A staged row's data is cleared once it is imported
-- (the participant record holds it then); refused rows keep only what was wrong, never the data.
CREATE TABLE participant_imports (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  programme_id uuid NOT NULL REFERENCES programmes(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  created_by uuid REFERENCES users(id),
  file_name text,
  status text NOT NULL CHECK (status IN ('validated','confirmed')),
  total_rows integer NOT NULL,
  valid_rows integer NOT NULL,
  invalid_rows integer NOT NULL,
  imported_rows integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  confirmed_by uuid REFERENCES users(id),
  PRIMARY KEY (region_id, id)
);

CREATE TABLE participant_import_rows (
  region_id uuid NOT NULL REFERENCES regions(id),
  import_id uuid NOT NULL REFERENCES participant_imports(id),
  row_number integer NOT NULL,
  data jsonb,
  errors jsonb NOT NULL DEFAULT '[]',
  participant_id uuid REFERENCES participants(id),
  PRIMARY KEY (region_id, import_id, row_number)
);
