import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { canBottlenecks } from './bottlenecks.policy.js';
import { presentBottleneck, presentBottleneckDetail } from './bottlenecks.present.js';
import { BottleneckDetail, BottleneckList, BottleneckParams, BottleneckQuery, CreateBottleneckBody, UpdateBottleneckBody } from './bottlenecks.schema.js';
import { bottleneckHistory, getBottleneck, listBottlenecks, proposeBottleneck, updateBottleneck } from './bottlenecks.service.js';

export function bottlenecksRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bottlenecks'];

  r.get(
    '/api/v1/bottlenecks',
    { schema: { tags, summary: 'Knelpuntenregister / bottleneck register', querystring: BottleneckQuery, response: { 200: BottleneckList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canBottlenecks.read(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listBottlenecks(tx, ctx, req.query));
      return { items: page.items.map((b) => presentBottleneck(b, ctx)), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/bottlenecks/:id',
    { schema: { tags, summary: 'Eén knelpunt met geschiedenis / one bottleneck with its history', params: BottleneckParams, response: { 200: BottleneckDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canBottlenecks.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) =>
        presentBottleneckDetail(await getBottleneck(tx, ctx.regionId, req.params.id), await bottleneckHistory(tx, ctx.regionId, req.params.id), ctx),
      );
    },
  );

  r.post(
    '/api/v1/bottlenecks',
    { schema: { tags, summary: 'Knelpunt voorstellen / propose a bottleneck', body: CreateBottleneckBody, response: { 201: BottleneckDetail, ...problemResponses(400, 401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canBottlenecks.propose(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const id = await proposeBottleneck(tx, ctx, req.body);
        return presentBottleneckDetail(await getBottleneck(tx, ctx.regionId, id), await bottleneckHistory(tx, ctx.regionId, id), ctx);
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/bottlenecks/:id',
    {
      schema: {
        tags,
        summary: 'Knelpunt bijwerken: status, eigenaar, oplossing / update a bottleneck',
        description: 'open ⇄ in_progress → solved | wont_fix; heropenen naar open. Opgelost vraagt oplossing en datum. / Solved needs a solution and a date.',
        params: BottleneckParams,
        body: UpdateBottleneckBody,
        response: { 200: BottleneckDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canBottlenecks.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        // Existence first: another region's bottleneck is 404 for everyone; then the role.
        await getBottleneck(tx, ctx.regionId, req.params.id);
        if (!canBottlenecks.edit(ctx)) throw forbidden();
        await updateBottleneck(tx, ctx, req.params.id, req.body);
        return presentBottleneckDetail(await getBottleneck(tx, ctx.regionId, req.params.id), await bottleneckHistory(tx, ctx.regionId, req.params.id), ctx);
      });
    },
  );
}
