import type { UserRow } from './users.service.js';

/** A user as an administrator sees them: never the password hash, the TOTP secret or sessions. */
export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  organisationId: u.organisation_id,
  organisation: u.organisation,
  active: u.active,
  totpEnabled: u.totp_enabled_at !== null,
  lockedUntil: u.locked_until && new Date(u.locked_until).getTime() > Date.now() ? new Date(u.locked_until).toISOString() : null,
  version: u.version,
});

export const presentOutboxMessage = (m: { id: string; to_address: string; subject: string; body_text: string; kind: string; created_at: Date; sent_at: Date | null }) => ({
  id: m.id,
  to: m.to_address,
  subject: m.subject,
  body: m.body_text,
  kind: m.kind,
  createdAt: new Date(m.created_at).toISOString(),
  sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
});
