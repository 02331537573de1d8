import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { canObservations } from './observations.policy.js';
import { presentObservation } from './observations.present.js';
import { CreateObservationBody, Observation, ObservationList, ObservationQuery } from './observations.schema.js';
import { createObservation, getObservation, listObservations } from './observations.service.js';

export function observationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['observations'];

  r.get(
    '/api/v1/observations',
    {
      schema: {
        tags,
        summary: 'Succes- en faalfactoren / success and failure factors',
        description: 'Observaties over deelnemers die u ziet en locaties die u ziet. / Observations on participants and locations you see.',
        querystring: ObservationQuery,
        response: { 200: ObservationList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canObservations.use(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listObservations(tx, ctx, req.query));
      return { items: page.items.map(presentObservation), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/v1/observations',
    {
      schema: {
        tags,
        summary: 'Observatie vastleggen / record an observation',
        body: CreateObservationBody,
        response: { 201: Observation, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canObservations.use(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => presentObservation(await getObservation(tx, ctx.regionId, await createObservation(tx, ctx, req.body))));
      return reply.status(201).send(out);
    },
  );
}
