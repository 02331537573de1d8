import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { CreateUnitBody, StatusChangeBody, UnitDetail, UnitList, UnitParams, UnitQuery, UpdateUnitBody } from './units.schema.js';
import { changeUnitStatus, createUnit, getUnit, listUnits, unitHistory, updateUnit } from './units.service.js';
import { presentUnit, presentUnitDetail } from './units.present.js';
import { can } from './units.policy.js';

export function unitsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];

  r.get(
    '/api/v1/units',
    { schema: { tags, summary: 'Woningen / units', querystring: UnitQuery, response: { 200: UnitList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readUnits(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listUnits(tx, ctx, req.query));
      return { items: page.items.map((u) => presentUnit(u, ctx)), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/units/:id',
    { schema: { tags, summary: 'Eén woning met statusgeschiedenis / one unit with its history', params: UnitParams, response: { 200: UnitDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readUnits(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        const unit = await getUnit(tx, ctx.regionId, req.params.id);
        return presentUnitDetail(unit, await unitHistory(tx, ctx.regionId, unit.id), ctx);
      });
    },
  );

  r.post(
    '/api/v1/units',
    { schema: { tags, summary: 'Woning toevoegen / add a unit', body: CreateUnitBody, response: { 201: UnitDetail, ...problemResponses(400, 401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!can.createUnit(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const id = await createUnit(tx, ctx, req.body);
        const unit = await getUnit(tx, ctx.regionId, id);
        return presentUnitDetail(unit, await unitHistory(tx, ctx.regionId, id), ctx);
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/units/:id',
    { schema: { tags, summary: 'Woning wijzigen / edit a unit', params: UnitParams, body: UpdateUnitBody, response: { 200: UnitDetail, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.readUnits(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        const unit = await getUnit(tx, ctx.regionId, req.params.id);
        if (!can.editUnit(ctx, { corporationId: unit.corporation_id })) throw forbidden();
        await updateUnit(tx, ctx, unit, req.body);
        const after = await getUnit(tx, ctx.regionId, unit.id);
        return presentUnitDetail(after, await unitHistory(tx, ctx.regionId, unit.id), ctx);
      });
    },
  );

  r.post(
    '/api/v1/units/:id/status-changes',
    {
      schema: {
        tags,
        summary: 'Statuswijziging vastleggen / record a status change',
        description: 'Toegestaan: pledged→location_found→available→allocated→occupied; terug naar available; withdrawn vanuit elke status behalve withdrawn.',
        params: UnitParams,
        body: StatusChangeBody,
        response: { 201: UnitDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!can.readUnits(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const unit = await getUnit(tx, ctx.regionId, req.params.id);
        if (!can.changeStatus(ctx, { corporationId: unit.corporation_id })) throw forbidden();
        await changeUnitStatus(tx, ctx, unit.id, req.body);
        const after = await getUnit(tx, ctx.regionId, unit.id);
        return presentUnitDetail(after, await unitHistory(tx, ctx.regionId, unit.id), ctx);
      });
      return reply.status(201).send(out);
    },
  );
}
