import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { CreatePledgeBody, Pledge, PledgeList, ProgrammeIdParams, TrancheList } from './pledges.schema.js';
import { createPledge, listPledges, listTranches } from './pledges.service.js';
import { presentPledge, presentTranche } from './pledges.present.js';
import { canManagePledges, canReadPledges } from './pledges.policy.js';

/** Pledges and tranches of a programme (the tranche has no routes of its own yet). */
export function pledgesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes/:id/pledges',
    { schema: { tags: ['pledges'], summary: 'Toezeggingen / pledges', params: ProgrammeIdParams, response: { 200: PledgeList, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadPledges(ctx)) throw forbidden();
      const list = await inContext(deps.database, ctx, (tx) => listPledges(tx, ctx.regionId, req.params.id));
      return { items: list.map(presentPledge), nextCursor: null };
    },
  );
  r.post(
    '/api/v1/programmes/:id/pledges',
    {
      schema: {
        tags: ['pledges'],
        summary: 'Toezegging vastleggen / record a pledge',
        description: 'Maakt evenveel woningen met status pledged als er plekken zijn toegezegd. / Creates one pledged unit per place.',
        params: ProgrammeIdParams,
        body: CreatePledgeBody,
        response: { 201: Pledge, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canManagePledges(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const id = await createPledge(tx, ctx, req.params.id, req.body);
        const [p] = await listPledges(tx, ctx.regionId, req.params.id, id);
        return presentPledge(p);
      });
      return reply.status(201).send(out);
    },
  );
  r.get(
    '/api/v1/programmes/:id/tranches',
    { schema: { tags: ['tranches'], summary: 'Tranches', params: ProgrammeIdParams, response: { 200: TrancheList, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadPledges(ctx)) throw forbidden();
      const list = await inContext(deps.database, ctx, (tx) => listTranches(tx, ctx.regionId, req.params.id));
      return { items: list.map(presentTranche), nextCursor: null };
    },
  );
}
