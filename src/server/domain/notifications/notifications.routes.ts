import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { MarkReadBody, MarkReadResult, NotificationList, NotificationQuery } from './notifications.schema.js';
import { listNotifications, markRead } from './notifications.service.js';
import { presentNotification } from './notifications.present.js';

/** Every user reads their own notifications; nobody reads anyone else's (row-level security). */
export function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    { schema: { tags, summary: 'Mijn meldingen / my notifications', querystring: NotificationQuery, response: { 200: NotificationList, ...problemResponses(400, 401) } } },
    async (req) => {
      const ctx = requireUser(req);
      const page = await inContext(deps.database, ctx, (tx) => listNotifications(tx, ctx, req.query));
      return { items: page.items.map(presentNotification), unread: page.unread, nextCursor: page.nextCursor };
    },
  );
  r.post(
    '/api/v1/notifications/reads',
    { schema: { tags, summary: 'Meldingen als gelezen markeren / mark notifications read', body: MarkReadBody, response: { 201: MarkReadResult, ...problemResponses(400, 401) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      const marked = await inContext(deps.database, ctx, (tx) => markRead(tx, ctx, req.body.ids));
      return reply.status(201).send({ marked });
    },
  );
}
