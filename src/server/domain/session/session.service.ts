import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Role, OrganisationKind } from '../../../shared/enums.js';
import { DEFAULT_TOTP_ROLES } from '../../../shared/roles.js';
import { AppError } from '../../http/errors.js';
import { hashToken } from '../../http/auth.js';
import { PLATFORM_REGION, recordAudit, type AuditActor, type AuditEvent } from '../audit/audit.service.js';

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
  totpEnabled: boolean;
  totpRequired: boolean;
}

/** Lock-out and rate limits of the login (NEN 7510: protect against guessing). */
export const LOGIN_LIMITS = {
  /** Consecutive failures that lock an account. */
  accountFailures: 5,
  lockMinutes: 15,
  /** Failed attempts from one address within the window before it is refused. */
  addressFailures: 20,
  windowMinutes: 15,
};

// A hash of a random password, verified when the e-mail is unknown so that the answer takes as
// long as for a known account (no user enumeration by timing).
let dummyHash: Promise<string> | null = null;

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const USER_SQL = `SELECT u.id, u.email, u.name, u.roles, u.region_id, r.name AS region_name, u.password_hash, u.active,
         u.totp_secret, u.totp_enabled_at, u.totp_exempt, u.failed_logins, u.locked_until,
         o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
         ss.totp_required_roles AS totp_roles
    FROM users u JOIN organisations o ON o.id = u.organisation_id JOIN regions r ON r.id = u.region_id
    LEFT JOIN security_settings ss ON ss.region_id = u.region_id`;

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  region_id: string;
  region_name: string;
  password_hash: string;
  active: boolean;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_exempt: boolean;
  failed_logins: number;
  locked_until: Date | null;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  /** The region's setting; null where the region has none (then DEFAULT_TOTP_ROLES). */
  totp_roles: string[] | null;
}

/** Whether this user must use a second factor: a role that sees personal data, unless exempt in demo mode. */
function totpRequired(r: UserRow, demoMode: boolean): boolean {
  if (r.totp_exempt && demoMode) return false;
  const required: readonly string[] = r.totp_roles ?? DEFAULT_TOTP_ROLES;
  return r.roles.some((role) => required.includes(role));
}

const toSessionUser = (r: UserRow, demoMode: boolean): SessionUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  regionId: r.region_id,
  regionName: r.region_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  organisationKind: r.organisation_kind,
  totpEnabled: r.totp_enabled_at !== null,
  totpRequired: totpRequired(r, demoMode),
});

async function audit(database: Database, actor: AuditActor, e: AuditEvent) {
  await database.db.transaction((tx) => recordAudit(tx, actor, e));
}

async function logAttempt(database: Database, email: string, address: string, success: boolean, reason: string) {
  await database.query('INSERT INTO login_attempts (email, address, success, reason) VALUES ($1, $2, $3, $4)', [email.slice(0, 320), address, success, reason]);
}

function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({ issuer: 'Eerst een Thuis', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

const hashRecoveryCode = (code: string) => crypto.createHash('sha256').update(code.replace(/[^a-z0-9]/gi, '').toLowerCase()).digest('hex');

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
  userAgent?: string;
  address: string;
}

/**
 * Checks e-mail, password and (when enrolled) the second factor, and opens a server-side session.
 * Returns the cookie token (only its hash is stored), the CSRF token and the user. Wrong e-mail and
 * wrong password answer alike; consecutive failures lock the account for a while; too many
 * failures from one address are refused; every attempt is logged and audited.
 * A user whose role needs a second factor but has none yet gets a session limited to enrolment.
 */
export async function login(
  database: Database,
  input: LoginInput,
  opts: { absoluteHours: number; demoMode: boolean },
): Promise<{ token: string; csrfToken: string; user: SessionUser; mfaPending: boolean }> {
  const { email, address } = input;
  const [{ n: addressFailures }] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_attempts WHERE address = $1 AND NOT success AND at > now() - make_interval(mins => $2)`,
    [address, LOGIN_LIMITS.windowMinutes],
  );
  if (addressFailures >= LOGIN_LIMITS.addressFailures) {
    await logAttempt(database, email, address, false, 'address_rate_limited');
    throw new AppError('rate_limited', {
      nl: `Te veel mislukte pogingen vanaf dit adres. Probeer het over ${LOGIN_LIMITS.windowMinutes} minuten opnieuw.`,
      en: `Too many failed attempts from this address. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.`,
    });
  }
  const [row] = await database.query<UserRow>(`${USER_SQL} WHERE lower(u.email) = lower($1)`, [email]);
  if (!row || !row.active) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, input.password).catch(() => false);
    await logAttempt(database, email, address, false, row ? 'inactive' : 'unknown_email');
    await audit(database, { regionId: row?.region_id ?? PLATFORM_REGION, userId: row?.id ?? null, address }, {
      action: 'login', resourceType: 'session', result: 'refused', details: { reason: row ? 'inactive' : 'unknown_email' },
    });
    throw new AppError('invalid_credentials');
  }
  const actor: AuditActor = { regionId: row.region_id, userId: row.id, organisationId: row.organisation_id, role: row.roles.join(','), address };
  if (row.locked_until && new Date(row.locked_until).getTime() > Date.now()) {
    await logAttempt(database, email, address, false, 'locked');
    await audit(database, actor, { action: 'login', resourceType: 'session', result: 'refused', details: { reason: 'locked' } });
    const minutes = Math.ceil((new Date(row.locked_until).getTime() - Date.now()) / 60_000);
    throw new AppError('account_locked', {
      nl: `Dit account is na herhaalde mislukte pogingen geblokkeerd. Probeer het over ${minutes} minuten opnieuw of vraag uw beheerder.`,
      en: `This account is locked after repeated failed attempts. Try again in ${minutes} minutes or ask your administrator.`,
    });
  }
  const fail = async (reason: string, error: AppError): Promise<never> => {
    const failures = row.failed_logins + 1;
    const lock = failures >= LOGIN_LIMITS.accountFailures;
    await database.query(
      `UPDATE users SET failed_logins = $2, locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE locked_until END WHERE id = $1`,
      [row.id, lock ? 0 : failures, lock, LOGIN_LIMITS.lockMinutes],
    );
    await logAttempt(database, email, address, false, reason);
    await audit(database, actor, { action: lock ? 'account_locked' : 'login', resourceType: 'session', result: 'refused', details: { reason } });
    throw error;
  };
  if (!(await verify(row.password_hash, input.password).catch(() => false))) await fail('wrong_password', new AppError('invalid_credentials'));

  let mfaPending = false;
  if (row.totp_enabled_at && row.totp_secret) {
    if (!input.totp && !input.recoveryCode) {
      await logAttempt(database, email, address, false, 'totp_missing');
      throw new AppError('totp_required', {
        nl: 'Geef de zescijferige code uit uw authenticator-app (of een herstelcode).',
        en: 'Enter the six-digit code from your authenticator app (or a recovery code).',
      });
    }
    if (input.totp) {
      if (totpFor(row.totp_secret, row.email).validate({ token: input.totp, window: 1 }) === null) await fail('wrong_totp', new AppError('invalid_totp'));
    } else {
      const used = await database.query<{ id: string }>(
        'UPDATE recovery_codes SET used_at = now() WHERE id = (SELECT id FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL LIMIT 1) RETURNING id',
        [row.id, hashRecoveryCode(input.recoveryCode!)],
      );
      if (used.length === 0) {
        await fail('wrong_recovery_code', new AppError('invalid_totp', {
          nl: 'Deze herstelcode klopt niet of is al gebruikt.',
          en: 'This recovery code is incorrect or has been used.',
        }));
      }
    }
  } else if (totpRequired(row, opts.demoMode)) {
    mfaPending = true;
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await database.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
  await database.query(
    `INSERT INTO sessions (id, user_id, region_id, csrf_token, expires_at, user_agent, address, mfa_pending)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7, $8)`,
    [hashToken(token), row.id, row.region_id, csrfToken, opts.absoluteHours, input.userAgent?.slice(0, 300) ?? null, address, mfaPending],
  );
  await logAttempt(database, email, address, true, mfaPending ? 'mfa_enrolment_pending' : 'ok');
  await audit(database, actor, { action: 'login', resourceType: 'session', details: { mfaPending } });
  return { token, csrfToken, user: toSessionUser(row, opts.demoMode), mfaPending };
}

/** Ends the session with this id (the hash of the cookie token). */
export async function logout(database: Database, sessionId: string): Promise<void> {
  await database.query('UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
}

/** The logged-in user as stored now (roles may have changed since login). */
export async function currentUser(database: Database, userId: string, demoMode: boolean): Promise<SessionUser> {
  const [row] = await database.query<UserRow>(`${USER_SQL} WHERE u.id = $1`, [userId]);
  if (!row) throw new AppError('unauthenticated');
  return toSessionUser(row, demoMode);
}

/** The user's sessions that are still open, newest first. */
export function activeSessions(database: Database, userId: string) {
  return database.query<{ id: string; public_id: string; created_at: Date; last_seen_at: Date; user_agent: string | null; address: string | null }>(
    `SELECT id, public_id, created_at, last_seen_at, user_agent, address FROM sessions
      WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
    [userId],
  );
}

/** Ends all of the user's sessions ("log out everywhere"), or one by its public id. Returns how many ended. */
export async function endSessions(database: Database, userId: string, publicId?: string): Promise<number> {
  const ended = await database.query(
    `UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL ${publicId ? 'AND public_id = $2' : ''} RETURNING id`,
    publicId ? [userId, publicId] : [userId],
  );
  return ended.length;
}

/**
 * Starts TOTP enrolment: a new secret is stored (not yet active) and returned with its otpauth
 * URL and a QR code as SVG, for the user's authenticator app.
 */
export async function startTotpEnrolment(database: Database, userId: string) {
  const [u] = await database.query<{ email: string; totp_enabled_at: Date | null }>('SELECT email, totp_enabled_at FROM users WHERE id = $1', [userId]);
  if (u.totp_enabled_at) {
    throw new AppError('conflict', { nl: 'U heeft al een tweede factor ingesteld.', en: 'You already have a second factor.' });
  }
  const secret = new Secret({ size: 20 }).base32;
  await database.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [userId, secret]);
  const url = totpFor(secret, u.email).toString();
  return { secret, otpauthUrl: url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }) };
}

/**
 * Confirms enrolment with a code from the app: activates the second factor, issues ten recovery
 * codes (shown once; only their hashes are kept) and rotates the session, whose rights have changed.
 */
export async function confirmTotpEnrolment(
  database: Database,
  ctx: { userId: string; regionId: string; sessionId: string; address: string; organisationId: string; roles: Role[] },
  code: string,
  absoluteHours: number,
) {
  const [u] = await database.query<{ email: string; totp_secret: string | null; totp_enabled_at: Date | null }>(
    'SELECT email, totp_secret, totp_enabled_at FROM users WHERE id = $1',
    [ctx.userId],
  );
  if (u.totp_enabled_at) throw new AppError('conflict', { nl: 'U heeft al een tweede factor ingesteld.', en: 'You already have a second factor.' });
  if (!u.totp_secret) throw new AppError('conflict', { nl: 'Start eerst het instellen van de tweede factor.', en: 'Start setting up the second factor first.' });
  if (totpFor(u.totp_secret, u.email).validate({ token: code, window: 1 }) === null) {
    throw new AppError('invalid_totp', { nl: 'De code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.', en: 'The code is incorrect. Check the time on your phone and try again.' });
  }
  const codes = Array.from({ length: 10 }, () => {
    const raw = crypto.randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  // One transaction through Drizzle: on PGlite it holds the connection's transaction lock, so no
  // other request's statement can slip in between.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE users SET totp_enabled_at = now(), version = version + 1 WHERE id = ${ctx.userId}`);
    await tx.execute(sql`DELETE FROM recovery_codes WHERE user_id = ${ctx.userId}`);
    for (const c of codes) {
      await tx.execute(sql`INSERT INTO recovery_codes (region_id, id, user_id, code_hash) VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${ctx.userId}, ${hashRecoveryCode(c)})`);
    }
    await tx.execute(sql`UPDATE sessions SET ended_at = now() WHERE id = ${ctx.sessionId}`);
    await tx.execute(
      sql`INSERT INTO sessions (id, user_id, region_id, csrf_token, expires_at, address, user_agent, mfa_pending)
          SELECT ${hashToken(token)}, ${ctx.userId}, ${ctx.regionId}, ${csrfToken}, now() + make_interval(hours => ${absoluteHours}), ${ctx.address}, user_agent, false
            FROM sessions WHERE id = ${ctx.sessionId}`,
    );
  });
  await audit(database, { regionId: ctx.regionId, userId: ctx.userId, organisationId: ctx.organisationId, role: ctx.roles.join(','), address: ctx.address }, {
    action: 'totp_enrolled', resourceType: 'user', resourceId: ctx.userId,
  });
  return { recoveryCodes: codes, token, csrfToken };
}
