import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { PageQuery, problemResponses } from '../../http/openapi.js';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  Invitation,
  InvitationTokenParams,
  OutboxList,
  UpdateUserBody,
  User,
  UserList,
  UserParams,
  UserQuery,
} from './users.schema.js';
import { acceptInvitation, createInvitation, getManagedUser, listOutbox, listUsers, updateUser } from './users.service.js';
import { presentOutboxMessage, presentUser } from './users.present.js';
import { canReadOutbox, canUsers } from './users.policy.js';

/** User administration: administrators invite, assign roles and deactivate; nobody raises their own rights. */
export function usersRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get(
    '/api/v1/users',
    { schema: { tags, summary: 'Gebruikers beheren / manage users', querystring: UserQuery, response: { 200: UserList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canUsers.list(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listUsers(tx, ctx, req.query));
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Rollen, naam of actief wijzigen / change roles, name or active',
        description: 'Een rolwijziging of deactivering beëindigt de sessies van de gebruiker. Niemand wijzigt het eigen account.',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: User, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canUsers.list(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        const target = await getManagedUser(tx, ctx, req.params.id);
        await updateUser(tx, ctx, target, req.body);
        return presentUser(await getManagedUser(tx, ctx, target.id));
      });
    },
  );
  r.post(
    '/api/v1/invitations',
    {
      schema: {
        tags,
        summary: 'Iemand uitnodigen / invite someone',
        description: 'Stuurt een eenmalige link via de uitgaande post (7 dagen geldig).',
        body: CreateInvitationBody,
        response: { 201: Invitation, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canUsers.list(ctx)) throw forbidden();
      const base = `${req.protocol}://${req.host}`;
      const out = await inContext(deps.database, ctx, (tx) => createInvitation(tx, ctx, req.body, base));
      return reply.status(201).send(out);
    },
  );
  r.post(
    '/api/v1/invitations/:token/acceptances',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Uitnodiging aannemen en wachtwoord kiezen / accept an invitation and choose a password',
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 201: z.object({ email: z.string() }), ...problemResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const out = await inContext(deps.database, null, (tx) => acceptInvitation(tx, req.params.token, req.body.password, req.ip));
      return reply.status(201).send(out);
    },
  );
  r.get(
    '/api/v1/outbox-messages',
    {
      schema: {
        tags,
        summary: 'Uitgaande post (alleen in demomodus) / outgoing mail (demo mode only)',
        querystring: z.object({ ...PageQuery }),
        response: { 200: OutboxList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadOutbox(ctx)) throw forbidden();
      if (!deps.config.demoSeed) {
        throw new AppError('not_found', { nl: 'De postviewer bestaat alleen in demomodus.', en: 'The mail viewer exists in demo mode only.' });
      }
      const page = await inContext(deps.database, ctx, (tx) => listOutbox(tx, ctx, req.query));
      return { items: page.items.map(presentOutboxMessage), nextCursor: page.nextCursor };
    },
  );
}
