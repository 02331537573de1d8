import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../../db/client.js';
import type { Role, OrganisationKind } from '../../../shared/enums.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/auth.js';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  regionId: string;
  regionName: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

// A hash of a random password, verified when the e-mail is unknown so that the answer takes as
// long as for a known account (no user enumeration by timing).
let dummyHash: Promise<string> | null = null;

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const USER_SQL = `SELECT u.id, u.email, u.name, u.roles, u.region_id, r.name AS region_name, u.password_hash, u.active,
         o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind
    FROM users u JOIN organisations o ON o.id = u.organisation_id JOIN regions r ON r.id = u.region_id`;

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  region_id: string;
  region_name: string;
  password_hash: string;
  active: boolean;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
}

const toSessionUser = (r: UserRow): SessionUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  regionId: r.region_id,
  regionName: r.region_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  organisationKind: r.organisation_kind,
});

/**
 * Checks e-mail and password and opens a server-side session. Returns the cookie token (only its
 * hash is stored), the CSRF token and the user. Wrong e-mail and wrong password answer alike.
 */
export async function login(
  database: Database,
  input: { email: string; password: string; userAgent?: string; address: string },
  absoluteHours: number,
): Promise<{ token: string; csrfToken: string; user: SessionUser }> {
  const [row] = await database.query<UserRow>(`${USER_SQL} WHERE lower(u.email) = lower($1)`, [input.email]);
  if (!row || !row.active) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, input.password).catch(() => false);
    throw new AppError('invalid_credentials');
  }
  const ok = await verify(row.password_hash, input.password).catch(() => false);
  if (!ok) throw new AppError('invalid_credentials');
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await database.query(
    `INSERT INTO sessions (id, user_id, region_id, csrf_token, expires_at, user_agent, address)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7)`,
    [hashToken(token), row.id, row.region_id, csrfToken, absoluteHours, input.userAgent?.slice(0, 300) ?? null, input.address],
  );
  return { token, csrfToken, user: toSessionUser(row) };
}

/** Ends the session with this id (the hash of the cookie token). */
export async function logout(database: Database, sessionId: string): Promise<void> {
  await database.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
}

/** The logged-in user as stored now (roles may have changed since login). */
export async function currentUser(database: Database, userId: string): Promise<SessionUser> {
  const [row] = await database.query<UserRow>(`${USER_SQL} WHERE u.id = $1`, [userId]);
  if (!row) throw new AppError('unauthenticated');
  return toSessionUser(row);
}
