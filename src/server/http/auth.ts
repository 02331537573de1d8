import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import type { Role } from '../../shared/enums.js';
import { AppError } from './errors.js';
import type { AccessContext } from './context.js';

export const SESSION_COOKIE = 'eh_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route anyone may call without a session (the counter, the login). */
    public?: boolean;
  }
  interface FastifyRequest {
    ctx: AccessContext | null;
    csrfToken: string | null;
    /** The session passed the password but not yet the second factor (enrolment pending). */
    mfaPending: boolean;
  }
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

interface SessionRow {
  id: string;
  user_id: string;
  region_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  organisation_id: string;
  organisation_kind: string;
  organisation_municipality_id: string | null;
  roles: Role[];
  active: boolean;
  mfa_pending: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into an access context before any route runs, enforces idle and
 * absolute timeouts, and refuses cookie-authenticated writes without the session's CSRF token.
 * The session lookup runs outside the request transaction: it is what establishes the context.
 */
export function registerAuth(app: FastifyInstance, database: Database, config: Config) {
  app.decorateRequest('ctx', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mfaPending', false);
  app.addHook('onRequest', async (req) => {
    req.ctx = null;
    req.mfaPending = false;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const id = hashToken(token);
    const [row] = await database.query<SessionRow>(
      `SELECT s.id, s.user_id, s.region_id, s.csrf_token, s.created_at, s.last_seen_at,
              s.mfa_pending, u.organisation_id, u.roles, u.active, o.kind AS organisation_kind, o.municipality_id AS organisation_municipality_id
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE s.id = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [id],
    );
    if (!row || !row.active) return;
    const now = Date.now();
    const idleMs = config.sessionIdleMinutes * 60_000;
    if (now - new Date(row.last_seen_at).getTime() > idleMs) {
      await database.query('UPDATE sessions SET ended_at = now() WHERE id = $1', [id]);
      return;
    }
    // Touch at most once a minute: a write per request would serialise every read on PGlite.
    if (now - new Date(row.last_seen_at).getTime() > 60_000) {
      await database.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
    }
    req.ctx = {
      userId: row.user_id,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      municipalityId: row.organisation_municipality_id,
      regionId: row.region_id,
      roles: row.roles,
      sessionId: id,
      address: req.ip,
    };
    req.csrfToken = row.csrf_token;
    req.mfaPending = row.mfa_pending;
    // Logging in again while an old session cookie is still present needs no token.
    const isLogin = req.method === 'POST' && req.url.split('?')[0] === '/api/v1/session';
    if (UNSAFE.has(req.method) && !isLogin) {
      const sent = req.headers['x-csrf-token'];
      const ok =
        typeof sent === 'string' &&
        sent.length === row.csrf_token.length &&
        crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(row.csrf_token));
      if (!ok) {
        throw new AppError('csrf_failed', {
          nl: 'Stuur de X-CSRF-Token-header mee die u bij het inloggen kreeg.',
          en: 'Send the X-CSRF-Token header you received at login.',
        });
      }
    }
  });
}

/**
 * Refuses a request without a session before its input is validated, so anonymous callers learn
 * nothing about a protected route's schema. Routes mark themselves `config: { public: true }`.
 */
export function registerAuthGate(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/v1/') || req.routeOptions.config?.public) return;
    requireUser(req, { allowMfaPending: true });
  });
}

/**
 * The caller's access context, or 401 when the request has no valid session. A session that
 * still has to set up its second factor only reaches the routes that allow it (403 elsewhere).
 */
export function requireUser(req: FastifyRequest, opts: { allowMfaPending?: boolean } = {}): AccessContext {
  if (!req.ctx) {
    throw new AppError('unauthenticated', {
      nl: 'Log in om dit te bekijken.',
      en: 'Log in to see this.',
    });
  }
  if (req.mfaPending && !opts.allowMfaPending) {
    throw new AppError('mfa_required', {
      nl: 'Uw rol werkt met persoonsgegevens: stel eerst een tweede factor (authenticator-app) in.',
      en: 'Your role works with personal data: set up a second factor (authenticator app) first.',
    });
  }
  return req.ctx;
}
