-- The by-name list's priority per programme, versioned: each change is a new row, so the order
-- that applied on an earlier date can be explained later. No row means the default
-- (docs/priority.md): on the central waiting list first, then earliest referral.
CREATE TABLE priority_settings (
  region_id uuid NOT NULL REFERENCES regions(id),
  programme_id uuid NOT NULL REFERENCES programmes(id),
  version integer NOT NULL CHECK (version >= 1),
  settings jsonb NOT NULL,
  note text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, programme_id, version)
);
