import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import type { Role } from '../../../shared/enums.js';
import { ProgrammeParams } from '../programmes/programmes.schema.js';
import { DEFINITION_ROLES, OUTCOME_ROLES } from './outcomes.policy.js';
import { OutcomeQuery, Outcomes, RecoveryDefinitionBody, RecoveryDefinitionList, RecoveryDefinitionOut } from './outcomes.schema.js';
import { createDefinition, definitionsOf, outcomes } from './outcomes.service.js';
import { presentDefinition } from './outcomes.present.js';
import { programmeOrNotFound } from './outcomes.groups.js';

const tags = ['outcomes'];

function requireRoles(req: Parameters<typeof requireUser>[0], roles: readonly Role[]) {
  const ctx = requireUser(req);
  if (!ctx.roles.some((r) => roles.includes(r))) throw forbidden();
  return ctx;
}

/** The outcome figures of a programme and its definition of sustainable recovery (docs/outcomes.md). */
export function outcomesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes/:id/outcomes',
    {
      schema: {
        tags,
        summary: 'Uitkomsten van een programma / outcome figures of a programme',
        description:
          'Woonbehoud (Kaplan–Meier, 95%-BI log-log), terugkeer in dakloosheid, duurzaam herstel, omklappen, afschalen, tijd tot sleutel; ' +
          'per groep en totaal, elk met n; voor gemeenten cellen onder 5 personen onderdrukt. ' +
          '/ Housing retention, returns to homelessness, sustainable recovery, lease flips, scale-downs, time to keys; per group and overall, each with n.',
        params: ProgrammeParams,
        querystring: OutcomeQuery,
        response: { 200: Outcomes, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireRoles(req, OUTCOME_ROLES);
      const suppress = !ctx.roles.includes('programme_office');
      return inContext(deps.database, ctx, (tx) => outcomes(tx, req.params.id, req.query, suppress));
    },
  );
  r.get(
    '/api/v1/programmes/:id/recovery-definitions',
    {
      schema: {
        tags,
        summary: 'Versies van de definitie van duurzaam herstel / versions of the sustainable-recovery definition',
        params: ProgrammeParams,
        response: { 200: RecoveryDefinitionList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireRoles(req, DEFINITION_ROLES);
      return inContext(deps.database, ctx, async (tx) => {
        await programmeOrNotFound(tx, req.params.id);
        const list = await definitionsOf(tx, req.params.id);
        return { items: list.map((d, i) => presentDefinition(d, i === 0)), nextCursor: null };
      });
    },
  );
  r.post(
    '/api/v1/programmes/:id/recovery-definitions',
    {
      schema: {
        tags,
        summary: 'Nieuwe versie van de definitie van duurzaam herstel / a new version of the definition',
        params: ProgrammeParams,
        body: RecoveryDefinitionBody,
        response: { 201: RecoveryDefinitionOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireRoles(req, DEFINITION_ROLES);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const id = await createDefinition(tx, ctx, req.params.id, req.body);
        const list = await definitionsOf(tx, req.params.id);
        return presentDefinition(list.find((d) => d.id === id)!, true);
      });
      return reply.status(201).send(out);
    },
  );
}
