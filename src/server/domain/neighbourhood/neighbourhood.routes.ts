import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { canNeighbourhood } from './neighbourhood.policy.js';
import { presentIncident, presentMeeting, presentOverview } from './neighbourhood.present.js';
import {
  ClosureBody, CreateIncidentBody, Incident, IncidentList, IncidentParams, IncidentQuery, LocationIdParams, Meeting, MeetingBody, MeetingList,
  MeetingQuery, MixBody, Overview, OverviewQuery, PatchIncidentBody,
} from './neighbourhood.schema.js';
import { closeIncident, createIncident, createMeeting, listIncidents, listMeetings, overview, patchIncident, setMix } from './neighbourhood.service.js';

/** The neighbourhood of a building: mix, meetings, incidents and the overview (issue 6, part 4). */
export function neighbourhoodRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['neighbourhood'];

  r.get(
    '/api/v1/locations/:id/neighbourhood',
    {
      schema: {
        tags, summary: 'Hoe gaat het met het gebouw / how a building is doing', params: LocationIdParams, querystring: OverviewQuery,
        response: { 200: Overview, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.readAny(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => presentOverview(await overview(tx, ctx, req.params.id, req.query.on)));
    },
  );

  r.put(
    '/api/v1/locations/:id/mix',
    {
      schema: {
        tags, summary: 'Mix van gemengd wonen instellen / set the mix of a mixed-living location', params: LocationIdParams, body: MixBody,
        response: { 200: Overview, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.setMixAny(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        await setMix(tx, ctx, req.params.id, req.body);
        return presentOverview(await overview(tx, ctx, req.params.id));
      });
    },
  );

  r.get(
    '/api/v1/locations/:id/neighbourhood-meetings',
    {
      schema: {
        tags, summary: 'Buurtbijeenkomsten / neighbourhood meetings', params: LocationIdParams, querystring: MeetingQuery,
        response: { 200: MeetingList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.readAny(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listMeetings(tx, ctx, req.params.id, req.query));
      return { items: page.items.map(presentMeeting), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/v1/locations/:id/neighbourhood-meetings',
    {
      schema: {
        tags, summary: 'Verslag van een buurtbijeenkomst vastleggen / record a neighbourhood meeting', params: LocationIdParams, body: MeetingBody,
        response: { 201: Meeting, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.writeAny(ctx)) throw forbidden();
      const row = await inContext(deps.database, ctx, (tx) => createMeeting(tx, ctx, req.params.id, req.body));
      return reply.status(201).send(presentMeeting(row));
    },
  );

  r.get(
    '/api/v1/incidents',
    {
      schema: {
        tags, summary: 'Incidenten en overlastmeldingen / incidents and nuisance reports', querystring: IncidentQuery,
        response: { 200: IncidentList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.readAny(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listIncidents(tx, ctx, req.query));
      return { items: page.items.map((i) => presentIncident(i, ctx)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/v1/incidents',
    {
      schema: {
        tags, summary: 'Incident of overlast melden / record an incident', body: CreateIncidentBody,
        response: { 201: Incident, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.writeAny(ctx)) throw forbidden();
      const row = await inContext(deps.database, ctx, (tx) => createIncident(tx, ctx, req.body));
      return reply.status(201).send(presentIncident(row, ctx));
    },
  );

  r.patch(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags, summary: 'Ernst of vervolg wijzigen / change severity or follow-up', params: IncidentParams, body: PatchIncidentBody,
        response: { 200: Incident, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.writeAny(ctx)) throw forbidden();
      const row = await inContext(deps.database, ctx, (tx) => patchIncident(tx, ctx, req.params.id, req.body));
      return presentIncident(row, ctx);
    },
  );

  r.post(
    '/api/v1/incidents/:id/closures',
    {
      schema: {
        tags, summary: 'Incident afsluiten / close an incident', params: IncidentParams, body: ClosureBody,
        response: { 201: Incident, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canNeighbourhood.writeAny(ctx)) throw forbidden();
      const row = await inContext(deps.database, ctx, (tx) => closeIncident(tx, ctx, req.params.id, req.body));
      return reply.status(201).send(presentIncident(row, ctx));
    },
  );
}
