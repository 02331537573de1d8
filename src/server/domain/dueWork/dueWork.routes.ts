import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { DueWorkList, DueWorkQuery, DueWorkSettings, ProgrammeParams, UpdateDueWorkSettingsBody } from './dueWork.schema.js';
import { can } from './dueWork.policy.js';
import { getDueWorkSettings, listDueWork, updateDueWorkSettings } from './dueWork.service.js';

/** The caller's due work and the programme's thresholds for it. */
export function dueWorkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/due-work',
    {
      schema: {
        tags: ['due-work'],
        summary: 'Mijn openstaande werk / my due work',
        querystring: DueWorkQuery,
        response: { 200: DueWorkList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.listDueWork(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => listDueWork(tx, ctx, today(), req.query));
    },
  );
  r.get(
    '/api/v1/programmes/:id/due-work-settings',
    {
      schema: {
        tags: ['due-work'],
        summary: 'Drempels voor te doen-meldingen / due-work thresholds',
        params: ProgrammeParams,
        response: { 200: DueWorkSettings, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.manageSettings(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => getDueWorkSettings(tx, ctx.regionId, req.params.id));
    },
  );
  r.patch(
    '/api/v1/programmes/:id/due-work-settings',
    {
      schema: {
        tags: ['due-work'],
        summary: 'Drempels wijzigen / change the thresholds',
        params: ProgrammeParams,
        body: UpdateDueWorkSettingsBody,
        response: { 200: DueWorkSettings, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!can.manageSettings(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => updateDueWorkSettings(tx, ctx, req.params.id, req.body));
    },
  );
}
