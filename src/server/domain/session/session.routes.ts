import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, Me } from './session.schema.js';
import { login, logout, currentUser } from './session.service.js';
import { presentMe } from './session.present.js';
import { requireUser, SESSION_COOKIE } from '../../http/auth.js';
import type { AppDeps } from '../../app.js';
import { problemResponses } from '../../http/openapi.js';

export function sessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Inloggen / log in',
        body: LoginBody,
        response: { 200: Me, ...problemResponses(400, 401) },
      },
    },
    async (req, reply) => {
      const { token, csrfToken, user } = await login(
        deps.database,
        { ...req.body, userAgent: req.headers['user-agent'], address: req.ip },
        deps.config.sessionAbsoluteHours,
      );
      // A new token at every login: a session fixed before login is never reused.
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: deps.config.sessionAbsoluteHours * 3600,
      });
      return presentMe(user, csrfToken);
    },
  );

  r.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Uitloggen / log out', response: { 204: z.null(), ...problemResponses(401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      await logout(deps.database, ctx.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    { schema: { tags: ['session'], summary: 'De ingelogde gebruiker / the logged-in user', response: { 200: Me, ...problemResponses(401) } } },
    async (req) => {
      const ctx = requireUser(req);
      return presentMe(await currentUser(deps.database, ctx.userId), req.csrfToken ?? '');
    },
  );
}
