import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { CreateLocationBody, LocationDetail, LocationList, LocationParams, LocationQuery, UpdateLocationBody } from './locations.schema.js';
import { createLocation, getLocation, listLocations, updateLocation } from './locations.service.js';
import { presentLocation } from './locations.present.js';
import { canLocation } from './locations.policy.js';
import { listUnits } from '../units/units.service.js';
import { presentUnit } from '../units/units.present.js';
import type { Tx } from '../../db/client.js';
import type { AccessContext } from '../../http/context.js';

async function detail(tx: Tx, ctx: AccessContext, id: string) {
  const loc = await getLocation(tx, ctx.regionId, id);
  const units = await listUnits(tx, ctx, { locationId: id, limit: 200 });
  return { ...presentLocation(loc, ctx), units: units.items.map((u) => presentUnit(u, ctx)) };
}

export function locationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['locations'];
  r.get(
    '/api/v1/locations',
    { schema: { tags, summary: 'Locaties / locations', querystring: LocationQuery, response: { 200: LocationList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canLocation.read(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listLocations(tx, ctx, req.query));
      return { items: page.items.map((l) => presentLocation(l, ctx)), nextCursor: page.nextCursor };
    },
  );
  r.get(
    '/api/v1/locations/:id',
    { schema: { tags, summary: 'Eén locatie met woningen / one location with its units', params: LocationParams, response: { 200: LocationDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canLocation.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => detail(tx, ctx, req.params.id));
    },
  );
  r.post(
    '/api/v1/locations',
    { schema: { tags, summary: 'Locatie toevoegen / add a location', body: CreateLocationBody, response: { 201: LocationDetail, ...problemResponses(400, 401, 403) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canLocation.create(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => detail(tx, ctx, await createLocation(tx, ctx, req.body)));
      return reply.status(201).send(out);
    },
  );
  r.patch(
    '/api/v1/locations/:id',
    { schema: { tags, summary: 'Locatie wijzigen / edit a location', params: LocationParams, body: UpdateLocationBody, response: { 200: LocationDetail, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canLocation.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        const loc = await getLocation(tx, ctx.regionId, req.params.id);
        if (!canLocation.edit(ctx, { corporationId: loc.corporation_id })) throw forbidden();
        await updateLocation(tx, ctx, loc.id, req.body);
        return detail(tx, ctx, loc.id);
      });
    },
  );
}
