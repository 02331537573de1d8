import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { exportParticipantData } from './privacy.service.js';
import { canExportParticipantData } from './privacy.policy.js';

export function privacyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/participants/:id/data-export',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Alle gegevens van een deelnemer (AVG art. 15) / all data of a participant (GDPR art. 15)',
        description: 'Voor de functionaris gegevensbescherming; `id` is de uuid of de code (EH-…). Wordt gelogd.',
        params: z.object({ id: z.string().min(3).max(64) }),
        response: { 200: z.record(z.string(), z.unknown()), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canExportParticipantData(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, (tx) => exportParticipantData(tx, ctx, req.params.id));
      return reply.header('Content-Disposition', `attachment; filename="inzage-${String(out.participant.code ?? 'deelnemer')}.json"`).send(out);
    },
  );
}
