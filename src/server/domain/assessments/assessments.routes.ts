import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { getParticipant, targetOf } from '../participants/participants.service.js';
import { canParticipant, visibleGroups } from '../participants/participants.policy.js';
import { ParticipantParams } from '../participants/participants.schema.js';
import { requireParticipantUser } from '../participants/participants.routes.js';

import { AssessmentOut, AssessmentParams, AssignBody, DecisionBody, QueueList, QueueQuery, RequestAssessmentBody } from './assessments.schema.js';
import { assessmentQueue, assignAssessment, decideAssessment, getAssessment, requestAssessment } from './assessments.service.js';
import { presentAssessment, presentQueueItem } from './assessments.present.js';
import { canAssessment } from './assessments.policy.js';
import type { Tx } from '../../db/client.js';
import type { AccessContext } from '../../http/context.js';

/** An assessment as the caller sees it, with notes when their view of the participant includes them. */
async function assessmentFor(tx: Tx, ctx: AccessContext, id: string) {
  const a = await getAssessment(tx, ctx, id);
  const p = await getParticipant(tx, ctx, a.participant_id);
  return presentAssessment(a, ctx, visibleGroups(ctx, targetOf(p)).has('assessmentNotes'));
}

export function assessmentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];

  r.post(
    '/api/v1/participants/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Zorginhoudelijke beoordeling aanvragen / request a care assessment',
        description: 'Bij de Regionale Toegang; één open aanvraag per deelnemer. / From the access office; one open request per participant.',
        params: ParticipantParams,
        body: RequestAssessmentBody,
        response: { 201: AssessmentOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        if (!canParticipant.requestAssessment(ctx, targetOf(p))) throw forbidden();
        return assessmentFor(tx, ctx, await requestAssessment(tx, ctx, p, req.body));
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/assessments/queue',
    {
      schema: {
        tags,
        summary: 'Werkvoorraad beoordelaars / the assessors’ work queue',
        description: 'Open aanvragen, oudste eerst, met hun leeftijd in dagen. / Open requests, oldest first, with their age in days.',
        querystring: QueueQuery,
        response: { 200: QueueList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canAssessment.queue(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => assessmentQueue(tx, ctx, req.query));
      return { items: page.items.map(presentQueueItem), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/v1/assessments/:id',
    {
      schema: { tags, summary: 'Eén beoordeling / one assessment', params: AssessmentParams, response: { 200: AssessmentOut, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      return inContext(deps.database, ctx, (tx) => assessmentFor(tx, ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/assessments/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Aanvraag toewijzen aan een beoordelaar / assign to an assessor',
        params: AssessmentParams,
        body: AssignBody,
        response: { 201: AssessmentOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const a = await getAssessment(tx, ctx, req.params.id, { lock: true });
        if (!canAssessment.assign(ctx, { accessOfficeId: a.access_office_id })) throw forbidden();
        await assignAssessment(tx, ctx, a, req.body);
        return assessmentFor(tx, ctx, a.id);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/assessments/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Uitkomst vastleggen / record the outcome',
        description:
          'Indicatie (beschermd_thuis, ambulant, other, none) met geldig van/tot en geadviseerde intensiteit. Een deelnemer in fase eligible gaat naar assessed. ' +
          '/ Indication with validity and advised intensity; an eligible participant moves to assessed.',
        params: AssessmentParams,
        body: DecisionBody,
        response: { 201: AssessmentOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const a = await getAssessment(tx, ctx, req.params.id, { lock: true });
        if (!canAssessment.decide(ctx, { accessOfficeId: a.access_office_id })) throw forbidden();
        await decideAssessment(tx, ctx, a, req.body);
        return assessmentFor(tx, ctx, a.id);
      });
      return reply.status(201).send(out);
    },
  );
}
