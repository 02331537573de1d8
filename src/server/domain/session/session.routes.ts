import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, Me, SessionList, SessionParams, TotpConfirmBody, TotpConfirmed, TotpEnrolment } from './session.schema.js';
import {
  activeSessions,
  confirmTotpEnrolment,
  currentUser,
  endSessions,
  login,
  logout,
  startTotpEnrolment,
} from './session.service.js';
import { presentMe } from './session.present.js';
import { requireUser, SESSION_COOKIE } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import type { AppDeps } from '../../app.js';
import { problemResponses } from '../../http/openapi.js';

export function sessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const demoMode = deps.config.demoSeed;
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: deps.config.sessionAbsoluteHours * 3600,
    });

  r.post(
    '/api/v1/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Inloggen / log in',
        description:
          'Met tweede factor: stuur `totp` (of `recoveryCode`). Zonder die code bij een ingestelde factor: 401 `totp_required`. ' +
          'Na 5 mislukte pogingen is het account 15 minuten geblokkeerd (429 `account_locked`).',
        body: LoginBody,
        response: { 200: Me, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { token, csrfToken, user, mfaPending } = await login(
        deps.database,
        { ...req.body, userAgent: req.headers['user-agent'], address: req.ip },
        { absoluteHours: deps.config.sessionAbsoluteHours, demoMode },
      );
      // A new token at every login: a session fixed before login is never reused.
      setCookie(req, reply, token);
      return presentMe(user, csrfToken, mfaPending);
    },
  );

  r.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Uitloggen / log out', response: { 204: z.null(), ...problemResponses(401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req, { allowMfaPending: true });
      await logout(deps.database, ctx.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    { schema: { tags: ['session'], summary: 'De ingelogde gebruiker / the logged-in user', response: { 200: Me, ...problemResponses(401) } } },
    async (req) => {
      const ctx = requireUser(req, { allowMfaPending: true });
      return presentMe(await currentUser(deps.database, ctx.userId, demoMode), req.csrfToken ?? '', req.mfaPending);
    },
  );

  r.get(
    '/api/v1/sessions',
    { schema: { tags: ['session'], summary: 'Mijn actieve sessies / my active sessions', response: { 200: SessionList, ...problemResponses(401, 403) } } },
    async (req) => {
      const ctx = requireUser(req);
      const list = await activeSessions(deps.database, ctx.userId);
      return {
        items: list.map((s) => ({
          id: s.public_id,
          createdAt: new Date(s.created_at).toISOString(),
          lastSeenAt: new Date(s.last_seen_at).toISOString(),
          userAgent: s.user_agent,
          address: s.address,
          current: s.id === ctx.sessionId,
        })),
        nextCursor: null,
      };
    },
  );

  r.delete(
    '/api/v1/sessions',
    { schema: { tags: ['session'], summary: 'Overal uitloggen / log out everywhere', response: { 204: z.null(), ...problemResponses(401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req, { allowMfaPending: true });
      await endSessions(deps.database, ctx.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/api/v1/sessions/:id',
    { schema: { tags: ['session'], summary: 'Eén sessie beëindigen / end one session', params: SessionParams, response: { 204: z.null(), ...problemResponses(401, 403, 404) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      const n = await endSessions(deps.database, ctx.userId, req.params.id);
      if (n === 0) throw new AppError('not_found', { nl: 'Deze sessie bestaat niet (meer).', en: 'This session does not exist (any more).' });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/me/totp-enrolments',
    {
      schema: {
        tags: ['session'],
        summary: 'Tweede factor instellen: start / set up the second factor: start',
        response: { 201: TotpEnrolment, ...problemResponses(401, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req, { allowMfaPending: true });
      return reply.status(201).send(await startTotpEnrolment(deps.database, ctx.userId));
    },
  );

  r.post(
    '/api/v1/me/totp-enrolments/confirmations',
    {
      schema: {
        tags: ['session'],
        summary: 'Tweede factor bevestigen met een code / confirm the second factor with a code',
        description: 'Geeft tien herstelcodes (eenmalig getoond) en vernieuwt de sessie. / Returns ten recovery codes and rotates the session.',
        body: TotpConfirmBody,
        response: { 201: TotpConfirmed, ...problemResponses(400, 401, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req, { allowMfaPending: true });
      const out = await confirmTotpEnrolment(deps.database, ctx, req.body.code, deps.config.sessionAbsoluteHours);
      setCookie(req, reply, out.token);
      return reply.status(201).send({ recoveryCodes: out.recoveryCodes, csrfToken: out.csrfToken });
    },
  );
}
