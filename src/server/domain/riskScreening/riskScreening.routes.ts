import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { getParticipant, targetOf } from '../participants/participants.service.js';
import { canParticipant, visibleGroups } from '../participants/participants.policy.js';
import { ParticipantParams } from '../participants/participants.schema.js';
import { requireParticipantUser } from '../participants/participants.routes.js';

import { RiskScreeningBody, RiskScreeningOut } from './riskScreening.schema.js';
import { recordScreening, screeningsOf } from './riskScreening.service.js';
import { presentScreening } from './riskScreening.present.js';

export function riskScreeningRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/participants/:id/risk-screenings',
    {
      schema: {
        tags: ['riskScreening'],
        summary: 'Risicotaxatie vastleggen / record a risk screening',
        description:
          'Alleen bij huiselijk geweld. Zet het afgeschermde adres vast aan en sluit de opgegeven gemeenten uit. ' +
          '/ Domestic-violence cases only; forces the protected address and excludes the given municipalities.',
        params: ParticipantParams,
        body: RiskScreeningBody,
        response: { 201: RiskScreeningOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        const t = targetOf(p);
        if (!canParticipant.screenRisk(ctx, t)) throw forbidden();
        const id = await recordScreening(tx, ctx, p, req.body);
        const [s] = await screeningsOf(tx, ctx.regionId, p.id, id);
        return presentScreening(s, visibleGroups(ctx, t).has('riskNotes'));
      });
      return reply.status(201).send(out);
    },
  );
}
