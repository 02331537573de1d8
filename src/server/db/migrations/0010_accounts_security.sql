-- Accounts and security: second factor, lock-out, login log, invitations, mail outbox,
-- session ids that can be shown, and the NEN 7513 audit trail (hash-chained, append-only).

ALTER TABLE users
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  -- Demo accounts may skip the second factor, and only while the server runs in demo mode.
  ADD COLUMN totp_exempt boolean NOT NULL DEFAULT false,
  ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_until timestamptz,
  ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE recovery_codes (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Which roles must use a second factor, per region (default: every role that sees personal data).
CREATE TABLE security_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  totp_required_roles text[] NOT NULL
    DEFAULT ARRAY['programme_office','care_worker','care_manager','corporation','assessor','referrer','administrator']
);

ALTER TABLE sessions
  ADD COLUMN public_id uuid,
  -- A session that passed the password but still has to enrol or give its second factor.
  ADD COLUMN mfa_pending boolean NOT NULL DEFAULT false;
UPDATE sessions SET public_id = gen_random_uuid() WHERE public_id IS NULL;
ALTER TABLE sessions ALTER COLUMN public_id SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_public_id_key ON sessions (public_id);

-- Every login attempt, also for unknown e-mail addresses (so not regional): the rate limits read it.
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  success boolean NOT NULL,
  reason text NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

CREATE TABLE invitations (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  email text NOT NULL,
  name text NOT NULL,
  roles text[] NOT NULL,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (region_id, id)
);

-- Mail goes through an outbox written in the same transaction as what it reports; a sender
-- (SMTP when configured) or the demo mail viewer reads it.
CREATE TABLE outbox_messages (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX outbox_unsent_idx ON outbox_messages (created_at) WHERE sent_at IS NULL;

-- NEN 7513 audit trail. Each row carries the hash of the previous row of its region and its own
-- hash over its content, so an altered or removed row breaks the chain (`eerstethuis audit verify`).
CREATE TABLE audit_events (
  region_id uuid NOT NULL,
  seq bigint NOT NULL,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  organisation_id uuid,
  role text,
  on_behalf_of uuid,
  participant_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  address text,
  result text NOT NULL,
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (region_id, seq)
);
CREATE INDEX audit_events_participant_idx ON audit_events (region_id, participant_id, at);
CREATE INDEX audit_events_user_idx ON audit_events (region_id, user_id, at);

-- The head of each region's chain; locking it serialises appends within a region.
CREATE TABLE audit_chain_heads (
  region_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
