import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { canLivingLab } from './livingLab.policy.js';
import { LivingLabOverview, LivingLabParams, LivingLabQuery } from './livingLab.schema.js';
import { livingLabOverview } from './livingLab.service.js';

/** The Living Lab overview: the main question with its three conditions and the sub-questions. */
export function livingLabRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes/:id/living-lab',
    {
      schema: {
        tags: ['livingLab'],
        summary: 'Het Living Lab op een peildatum / the Living Lab on a date',
        description:
          'De hoofdvraag met haar drie voorwaarden (deelnemers tegenover het doel, duurzaam herstel tegenover > 90 %, business case positief), ' +
          'elk met n, oordeel en verloop; succes- en faalfactoren per thema en het knelpuntenregister. Gemeente en onderzoeker: alleen aggregaten, ' +
          'cellen onder 5 personen weggelaten. / The main question with its three conditions, each with n, verdict and trend; the sub-questions.',
        params: LivingLabParams,
        querystring: LivingLabQuery,
        response: { 200: LivingLabOverview, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canLivingLab.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => livingLabOverview(tx, ctx, req.params.id, req.query.date ?? today()));
    },
  );
}
