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

import {
  CreateFrameworkBody,
  FrameworkList,
  FrameworkOut,
  FrameworkParams,
  FrameworkQuery,
  SuitabilityAssessmentBody,
  SuitabilityAssessmentOut,
} from './suitability.schema.js';
import { assessSuitability, createFramework, getFramework, listFrameworks, suitabilityOf } from './suitability.service.js';
import { presentFramework, presentSuitability } from './suitability.present.js';
import { canFramework } from './suitability.policy.js';

export function suitabilityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['suitability'];

  r.get(
    '/api/v1/suitability-frameworks',
    {
      schema: {
        tags,
        summary: 'Afwegingskaders, alle versies / suitability frameworks, every version',
        querystring: FrameworkQuery,
        response: { 200: FrameworkList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canFramework.read(ctx)) throw forbidden();
      const list = await inContext(deps.database, ctx, (tx) => listFrameworks(tx, ctx.regionId, req.query.programmeId));
      return { items: list.map(presentFramework), nextCursor: null };
    },
  );

  r.get(
    '/api/v1/suitability-frameworks/:id',
    {
      schema: { tags, summary: 'Eén versie van een afwegingskader / one framework version', params: FrameworkParams, response: { 200: FrameworkOut, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canFramework.read(ctx)) throw forbidden();
      return presentFramework(await inContext(deps.database, ctx, (tx) => getFramework(tx, ctx.regionId, req.params.id)));
    },
  );

  r.post(
    '/api/v1/suitability-frameworks',
    {
      schema: {
        tags,
        summary: 'Nieuwe versie van het afwegingskader / new framework version',
        description:
          'Versies worden nooit gewijzigd: eerdere afwegingen houden hun versie. baseVersion is de laatste versie (0 voor de eerste). ' +
          '/ Versions are never edited: earlier assessments keep theirs.',
        body: CreateFrameworkBody,
        response: { 201: FrameworkOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canFramework.create(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => presentFramework(await getFramework(tx, ctx.regionId, await createFramework(tx, ctx, req.body))));
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/participants/:id/suitability-assessments',
    {
      schema: {
        tags,
        summary: 'Afweging instroomwoning invullen / fill in the intake-home suitability',
        description:
          'Onder de huidige versie van het kader; elke vraag precies één keer. Uitkomst: suitable, suitable_with_conditions of not_suitable met de redenen. ' +
          '/ Under the current version; every question once. Result with its reasons.',
        params: ParticipantParams,
        body: SuitabilityAssessmentBody,
        response: { 201: SuitabilityAssessmentOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        const t = targetOf(p);
        if (!canParticipant.assessSuitability(ctx, t)) throw forbidden();
        const id = await assessSuitability(tx, ctx, p, req.body);
        const [s] = await suitabilityOf(tx, ctx.regionId, p.id, id);
        return presentSuitability(s, visibleGroups(ctx, t).has('suitabilityNotes'));
      });
      return reply.status(201).send(out);
    },
  );
}
