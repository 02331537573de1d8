import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { requireParticipantUser } from '../participants/participants.routes.js';

import { FlowOut, FlowQuery, PrioritySettingsBody, PrioritySettingsOut, PrioritySettingsParams } from './waitingList.schema.js';
import { flowPerMonth, getPrioritySettings, requireProgrammeInRegion, savePrioritySettings, type StoredPriority } from './waitingList.service.js';
import { canWaitingList } from './waitingList.policy.js';
import type { AccessContext } from '../../http/context.js';

const CRITERIA_TEXT = {
  waiting_list: { nl: 'eerst wie op de centrale wachtlijst staat (vroegste inschrijving eerst)', en: 'first those on the central waiting list (earliest registration first)' },
  referral_date: { nl: 'dan de langste wachttijd in het programma (vroegste aanmelding eerst)', en: 'then the longest waiting time in the programme (earliest referral first)' },
  target_group: { nl: 'dan de volgorde van doelgroepen', en: 'then the order of target groups' },
  current_place: { nl: 'dan de volgorde van verblijfplaatsen', en: 'then the order of current places' },
} as const;

function presentSettings(s: StoredPriority, ctx: AccessContext) {
  const steps = s.settings.criteria.map((c) => CRITERIA_TEXT[c]);
  return {
    programmeId: s.programmeId,
    version: s.version,
    isDefault: s.version === 0,
    criteria: s.settings.criteria,
    targetGroupOrder: s.settings.targetGroupOrder,
    currentPlaceOrder: s.settings.currentPlaceOrder,
    tieBreaker: 'code' as const,
    note: s.note,
    createdAt: s.createdAt ? new Date(s.createdAt).toISOString() : null,
    createdBy: s.createdBy,
    description: {
      nl: `Wie wacht staat vóór wie al woont; ${steps.map((x) => x.nl).join('; ')}; bij gelijke stand het pseudoniem. Geboortedatum, naam en BSN tellen nooit mee.`,
      en: `Those waiting stand before those housed; ${steps.map((x) => x.en).join('; ')}; on a tie the pseudonym. Date of birth, name and BSN never count.`,
    },
    abilities: { edit: canWaitingList.editPriority(ctx) },
  };
}

export function waitingListRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['waitingList'];

  r.get(
    '/api/v1/programmes/:id/priority-settings',
    {
      schema: {
        tags,
        summary: 'Prioriteitsregels van de namenlijst / the by-name list’s priority rules',
        params: PrioritySettingsParams,
        response: { 200: PrioritySettingsOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      return inContext(deps.database, ctx, async (tx) => {
        await requireProgrammeInRegion(tx, ctx.regionId, req.params.id);
        return presentSettings(await getPrioritySettings(tx, ctx.regionId, req.params.id), ctx);
      });
    },
  );

  r.post(
    '/api/v1/programmes/:id/priority-settings',
    {
      schema: {
        tags,
        summary: 'Nieuwe versie van de prioriteitsregels / new version of the priority rules',
        description: 'Criteria in volgorde (waiting_list, referral_date, target_group, current_place); de lijst wordt direct opnieuw gesorteerd. / The list is re-sorted at once.',
        params: PrioritySettingsParams,
        body: PrioritySettingsBody,
        response: { 201: PrioritySettingsOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      if (!canWaitingList.editPriority(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        await savePrioritySettings(tx, ctx, req.params.id, req.body);
        return presentSettings(await getPrioritySettings(tx, ctx.regionId, req.params.id), ctx);
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/participants/flow',
    {
      schema: {
        tags,
        summary: 'Instroom en uitstroom per maand / inflow and outflow per month',
        description:
          'Uit de fasegeschiedenis, over de deelnemers die u mag zien. Instroom: aanmeldingen; uitstroom: exited, withdrawn en not_eligible. ' +
          '/ From the phase history, over the participants you may see.',
        querystring: FlowQuery,
        response: { 200: FlowOut, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      const flow = await inContext(deps.database, ctx, (tx) => flowPerMonth(tx, ctx, req.query));
      return {
        ...flow,
        definitions: {
          nl: 'Instroom = aanmeldingen (fase referred) in de maand; uitstroom = exited + withdrawn + not_eligible in de maand; activeAtEnd/waitingAtEnd = stand op de laatste dag van de maand. Samengevoegde dubbele dossiers tellen niet mee.',
          en: 'Inflow = referrals (phase referred) in the month; outflow = exited + withdrawn + not_eligible in the month; activeAtEnd/waitingAtEnd = the state on the last day of the month. Merged duplicates are not counted.',
        },
      };
    },
  );
}
