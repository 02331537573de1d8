import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { getParticipant } from '../participants/participants.service.js';
import { ParticipantParams } from '../participants/participants.schema.js';
import { ProgrammeParams } from '../programmes/programmes.schema.js';
import { canMeasure, canSeeSchedule, MEASUREMENT_ROLES, suppressFor, TRAJECTORY_ROLES } from './measurements.policy.js';
import { MeasurementBody, MeasurementList, MeasurementOut, ScheduleList, ScheduleQuery, Trajectories, TrajectoryQuery } from './measurements.schema.js';
import { housingStartOf, measurementsOf, plannedMoments, recordMeasurement, schedule, trajectories } from './measurements.service.js';
import { presentMeasurement } from './measurements.present.js';

const tags = ['measurements'];

function requireRoles(req: Parameters<typeof requireUser>[0], roles: readonly string[]) {
  const ctx = requireUser(req);
  if (!ctx.roles.some((r) => roles.includes(r))) throw forbidden();
  return ctx;
}

/** ZRM measurements (docs/outcomes.md): per participant for those who guide them, the schedule per provider, group trajectories. */
export function measurementsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/participants/:id/measurements',
    {
      schema: {
        tags,
        summary: 'ZRM-meting vastleggen / record a self-sufficiency matrix measurement',
        description: 'Domeinen zonder score zijn "niet gescoord". / Domains left out are "not scored".',
        params: ParticipantParams,
        body: MeasurementBody,
        response: { 201: MeasurementOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireRoles(req, MEASUREMENT_ROLES);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        if (!canMeasure(ctx, p.my_relations)) throw forbidden();
        const id = await recordMeasurement(tx, ctx, p, req.body);
        const [m] = await measurementsOf(tx, ctx.regionId, p.id, id);
        return presentMeasurement(m);
      });
      return reply.status(201).send(out);
    },
  );
  r.get(
    '/api/v1/participants/:id/measurements',
    {
      schema: {
        tags,
        summary: 'ZRM-metingen en meetmomenten van een deelnemer / a participant’s measurements and planned moments',
        params: ParticipantParams,
        response: { 200: MeasurementList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireRoles(req, MEASUREMENT_ROLES);
      return inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id);
        if (!canMeasure(ctx, p.my_relations)) throw forbidden();
        const list = await measurementsOf(tx, ctx.regionId, p.id);
        const { start, end } = await housingStartOf(tx, ctx.regionId, p.id);
        return {
          items: list.map(presentMeasurement),
          nextCursor: null,
          housingStart: start,
          schedule: plannedMoments(start, end, list, today()),
        };
      });
    },
  );
  r.get(
    '/api/v1/measurements/schedule',
    {
      schema: {
        tags,
        summary: 'Meetplanning per aanbieder / due and overdue measurements per provider',
        description:
          'Te doen: binnen 30 dagen of de datum is voorbij; te laat: 30 dagen na de datum nog niet gemeten. ' +
          '/ Due: within 30 days or past the date; overdue: still missing 30 days after the date.',
        querystring: ScheduleQuery,
        response: { 200: ScheduleList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireRoles(req, MEASUREMENT_ROLES);
      const organisationId = req.query.organisationId ?? ctx.organisationId;
      if (!canSeeSchedule(ctx, organisationId)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => schedule(tx, ctx, organisationId, req.query));
    },
  );
  r.get(
    '/api/v1/programmes/:id/measurements/trajectories',
    {
      schema: {
        tags,
        summary: 'ZRM-verloop per groep / group trajectories of the ZRM',
        description: 'Gemiddelde per domein per meetmoment met n; voor gemeenten cellen onder 5 personen onderdrukt. / Mean per domain per moment with n.',
        params: ProgrammeParams,
        querystring: TrajectoryQuery,
        response: { 200: Trajectories, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireRoles(req, TRAJECTORY_ROLES);
      return inContext(deps.database, ctx, (tx) => trajectories(tx, req.params.id, req.query.groupBy, req.query.date, suppressFor(ctx)));
    },
  );
}
