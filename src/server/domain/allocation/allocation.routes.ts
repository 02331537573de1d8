import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { inOfferContext } from '../offers/offers.tx.js';
import { problemResponses } from '../../http/openapi.js';
import { ImportStepsBody, ImportStepsReport } from './allocation.schema.js';
import { exportSteps, importSteps } from './allocation.service.js';
import { canAllocation } from './allocation.policy.js';

/** The scattered route's bookkeeping with the allocation office (Het Vierde Huis) as CSV. */
export function allocationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['allocation'];

  r.get(
    '/api/v1/allocation-steps/export',
    {
      schema: {
        tags,
        summary: 'Stappen gespikkelde aanbiedingen als CSV / steps of scattered offers as CSV',
        description: 'Elke vastgelegde stap, plus per lopend aanbod een open regel voor de stap waarop het wacht (vul gebeurtenis en datum in en lees hem weer in).',
        produces: ['text/csv'],
        response: { 200: z.string(), ...problemResponses(401, 403) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canAllocation.export(ctx)) throw forbidden();
      const text = await inOfferContext(deps.database, ctx, (tx) => exportSteps(tx, ctx));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="toewijzing-stappen-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(text);
    },
  );

  r.post(
    '/api/v1/allocation-steps/imports',
    {
      schema: {
        tags,
        summary: 'Stappen inlezen uit CSV / import steps from CSV',
        description: 'Regels met gebeurtenis accepted of declined worden in volgorde toegepast; al bekende regels overgeslagen; bij een fout wordt niets ingelezen.',
        body: ImportStepsBody,
        response: { 201: ImportStepsReport, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canAllocation.import(ctx)) throw forbidden();
      const report = await inOfferContext(deps.database, ctx, (tx) => importSteps(tx, ctx, req.body.csv));
      return reply.status(201).send(report);
    },
  );
}
