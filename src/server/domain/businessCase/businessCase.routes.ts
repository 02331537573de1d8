import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { canBusinessCase } from './businessCase.policy.js';
import { presentBusinessCase, presentSettings } from './businessCase.present.js';
import { BusinessCaseOut, BusinessCaseQuery, ProgrammeParams, SettingsBody, SettingsOut } from './businessCase.schema.js';
import { getBusinessCase, requireProgramme, saveSettings, settingsHistory } from './businessCase.service.js';

export function businessCaseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['businessCase'];

  r.get(
    '/api/v1/programmes/:id/business-case',
    {
      schema: {
        tags,
        summary: 'Business case op een peildatum / the business case on a date',
        description:
          'Housing First (begeleidingsuren, eenmalige kosten, huurachterstand) tegenover de huidige route (opvang, beschermd wonen). ' +
          'Programmabureau: met een regel per deelnemer; gemeente en onderzoeker: alleen totalen, niets onder 5 deelnemers. ' +
          '/ Office: a line per participant; municipality and researcher: aggregate only.',
        params: ProgrammeParams,
        querystring: BusinessCaseQuery,
        response: { 200: BusinessCaseOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canBusinessCase.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) =>
        presentBusinessCase(await getBusinessCase(tx, ctx, req.params.id, req.query.date ?? today(), { spreadPercent: req.query.spread })),
      );
    },
  );

  r.get(
    '/api/v1/programmes/:id/business-case/settings',
    {
      schema: {
        tags,
        summary: 'Tarieven en aannames met bron / tariffs and assumptions with their sources',
        params: ProgrammeParams,
        querystring: BusinessCaseQuery.pick({ date: true }),
        response: { 200: SettingsOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canBusinessCase.read(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        await requireProgramme(tx, ctx.regionId, req.params.id);
        return presentSettings(req.params.id, await settingsHistory(tx, ctx.regionId, req.params.id), req.query.date ?? today(), ctx);
      });
    },
  );

  r.post(
    '/api/v1/programmes/:id/business-case/settings',
    {
      schema: {
        tags,
        summary: 'Nieuwe versies van tarieven en aannames / new versions of tariffs and assumptions',
        description: 'Elke waarde met haar bron; eerdere versies blijven bewaard. / Each value with its source; earlier versions are kept.',
        params: ProgrammeParams,
        body: SettingsBody,
        response: { 201: SettingsOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canBusinessCase.editSettings(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        await saveSettings(tx, ctx, req.params.id, req.body);
        return presentSettings(req.params.id, await settingsHistory(tx, ctx.regionId, req.params.id), today(), ctx);
      });
      return reply.status(201).send(out);
    },
  );
}
