import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import {
  Contingent,
  ContingentList,
  ContingentQuery,
  CreateContingentBody,
  IdParams,
  ListQuery,
  Rollover,
  RolloverBody,
  RolloverList,
  RolloverPreview,
  PreviewQuery,
  TrancheUsage,
  UpdateContingentBody,
  UsageQuery,
} from './tranches.schema.js';
import { can } from './tranches.policy.js';
import { confirmRollover, listRollovers, rolloverPreview, trancheUsage } from './tranches.service.js';
import { createContingent, listContingents, updateContingent } from './contingents.service.js';
import { presentContingent, presentRollover, presentUsage } from './tranches.present.js';

/**
 * Tranche figures, the year-end rollover (preview, then an audited confirmation) and the
 * providers' housing contingents. The tranche list itself is GET /programmes/{id}/tranches
 * (pledges.routes.ts).
 */
export function tranchesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes/:id/tranche-usage',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Capaciteit en benutting per tranche per maand / capacity and use per tranche per month',
        params: IdParams,
        querystring: UsageQuery,
        response: { 200: TrancheUsage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readTranches(ctx)) throw forbidden();
      const list = await inContext(deps.database, ctx, (tx) => trancheUsage(tx, ctx.regionId, req.params.id, req.query, today()));
      return { items: list.map(presentUsage), nextCursor: null };
    },
  );
  r.get(
    '/api/v1/tranches/:id/rollover-preview',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Voorvertoning overheveling bij jaareinde / preview of the year-end rollover',
        description: 'Verandert niets. / Changes nothing.',
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: RolloverPreview, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readTranches(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => rolloverPreview(tx, ctx.regionId, req.params.id, req.query.cutoffDate));
    },
  );
  r.post(
    '/api/v1/tranches/:id/rollovers',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Overheveling bevestigen / confirm the rollover',
        description:
          'Voert precies de voorvertoning uit met dezelfde previewHash, anders 409. / Applies exactly the preview with the same previewHash, else 409.',
        params: IdParams,
        body: RolloverBody,
        response: { 201: Rollover, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!can.rollOver(ctx)) throw forbidden();
      const row = await inContext(deps.database, ctx, (tx) => confirmRollover(tx, ctx, req.params.id, req.body, today()));
      return reply.status(201).send(presentRollover(row));
    },
  );
  r.get(
    '/api/v1/programmes/:id/tranche-rollovers',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Bevestigde overhevelingen / confirmed rollovers',
        params: IdParams,
        querystring: ListQuery,
        response: { 200: RolloverList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readTranches(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listRollovers(tx, ctx.regionId, req.params.id, req.query));
      return { items: page.items.map(presentRollover), nextCursor: page.nextCursor };
    },
  );
  r.get(
    '/api/v1/programmes/:id/contingents',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Woningcontingenten met instroomaandeel / housing contingents with intake share',
        params: IdParams,
        querystring: ContingentQuery,
        response: { 200: ContingentList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readContingents(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listContingents(tx, ctx, req.params.id, req.query));
      return { items: page.items.map((c) => presentContingent(c, ctx)), nextCursor: page.nextCursor };
    },
  );
  r.post(
    '/api/v1/programmes/:id/contingents',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Contingent vastleggen / record a contingent',
        params: IdParams,
        body: CreateContingentBody,
        response: { 201: Contingent, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!can.manageContingents(ctx)) throw forbidden();
      const c = await inContext(deps.database, ctx, (tx) => createContingent(tx, ctx, req.params.id, req.body));
      return reply.status(201).send(presentContingent(c, ctx));
    },
  );
  r.patch(
    '/api/v1/contingents/:id',
    {
      schema: {
        tags: ['tranches'],
        summary: 'Contingent wijzigen / edit a contingent',
        params: IdParams,
        body: UpdateContingentBody,
        response: { 200: Contingent, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.manageContingents(ctx)) throw forbidden();
      const c = await inContext(deps.database, ctx, (tx) => updateContingent(tx, ctx, req.params.id, req.body));
      return presentContingent(c, ctx);
    },
  );
}
