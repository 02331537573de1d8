import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { CreateRuleBody, Rule, RuleList, RuleParams, RuleQuery } from './eligibility.schema.js';
import { createRule, getRule, listRules, removeRule } from './eligibility.service.js';
import { presentRule } from './eligibility.present.js';
import { canRules } from './eligibility.policy.js';

/** Eligibility rules of programmes, locations and units. */
export function eligibilityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];

  r.get(
    '/api/v1/eligibility-rules',
    {
      schema: {
        tags,
        summary: 'Toelatingsregels / eligibility rules',
        description: 'Regels van programma, locatie of woning; ze gelden naar beneden door, de meest specifieke van een soort wint.',
        querystring: RuleQuery,
        response: { 200: RuleList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canRules.read(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listRules(tx, ctx, req.query));
      return { items: page.items.map((x) => presentRule(x, ctx)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/v1/eligibility-rules',
    { schema: { tags, summary: 'Regel toevoegen / add a rule', body: CreateRuleBody, response: { 201: Rule, ...problemResponses(400, 401, 403, 409) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canRules.manage(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => presentRule(await getRule(tx, ctx.regionId, await createRule(tx, ctx, req.body)), ctx));
      return reply.status(201).send(out);
    },
  );

  r.delete(
    '/api/v1/eligibility-rules/:id',
    { schema: { tags, summary: 'Regel verwijderen / remove a rule', params: RuleParams, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } } },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canRules.manage(ctx)) throw forbidden();
      await inContext(deps.database, ctx, (tx) => removeRule(tx, ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
