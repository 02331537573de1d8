import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext, type AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import {
  Caseload,
  CaseloadQuery,
  Contact,
  ContactList,
  ContactQuery,
  CreateContactBody,
  CreateEpisodeBody,
  CreateGoalBody,
  CreateSupportBody,
  EndingBody,
  Episode,
  Goal,
  GuidanceOverview,
  HandoverBody,
  HandoverResult,
  IdParams,
  ParticipantRefParams,
  SupportItem,
  TeamList,
  TeamQuery,
  UpdateEpisodeBody,
  UpdateGoalBody,
  UpdateSupportBody,
} from './guidance.schema.js';
import {
  addContact,
  addGoal,
  addSupport,
  endEpisode,
  episodeForRead,
  getContact,
  handOver,
  listContacts,
  listTeams,
  loadGuidance,
  startEpisode,
  updateEpisode,
  updateGoal,
  updateSupport,
} from './guidance.service.js';
import { caseload } from './guidance.caseload.js';
import { episodeOf, presentContact, presentGoal, presentGuidance, presentHandover, presentSupport } from './guidance.present.js';
import { canGuidance } from './guidance.policy.js';
import type { Tx } from '../../db/client.js';
import { participantAccessed } from '../participants/participants.visibility.js';

/** The episode as the caller sees it after a write (no second access-log row: the write logged). */
async function episodeAfterWrite(tx: Tx, ctx: AccessContext, participantId: string, episodeId: string) {
  return episodeOf(await loadGuidance(tx, ctx, participantId, false), episodeId, ctx);
}

/** Guidance, its scale-down to the neighbourhood team, support items and the caseload. Thin: policy, service, presenter. */
export function guidanceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['guidance'];
  const guard = (req: Parameters<typeof requireUser>[0]) => {
    const ctx = requireUser(req);
    if (!canGuidance.use(ctx)) throw forbidden();
    return ctx;
  };
  const run = <T>(ctx: AccessContext, fn: (tx: Tx) => Promise<T>) => inContext(deps.database, ctx, fn);

  r.get(
    '/api/v1/participants/:id/guidance',
    {
      schema: {
        tags,
        summary: 'Begeleiding van een deelnemer / guidance of a participant',
        description:
          'Trajecten met intensiteit door de tijd, het plan per leefgebied, de laatste contacten, overdrachten en ondersteuning ernaast. ' +
          'Notities bij contacten alleen voor de begeleidende organisatie en het programmabureau.',
        params: ParticipantRefParams,
        response: { 200: GuidanceOverview, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, async (tx) => presentGuidance(await loadGuidance(tx, ctx, req.params.id), ctx));
    },
  );

  r.post(
    '/api/v1/participants/:id/guidance-episodes',
    {
      schema: {
        tags,
        summary: 'Begeleiding starten / start guidance',
        description: 'Eén lopend traject per deelnemer; evaluatiedatum standaard start + guidance_review_months van het programma.',
        params: ParticipantRefParams,
        body: CreateEpisodeBody,
        response: { 201: Episode, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        const id = await startEpisode(tx, ctx, req.params.id, req.body);
        return episodeAfterWrite(tx, ctx, req.params.id, id);
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/guidance-episodes/:id',
    {
      schema: {
        tags,
        summary: 'Intensiteit of evaluatiedatum wijzigen / change intensity or review date',
        description: 'Een andere intensiteit wordt aan de geschiedenis toegevoegd (ingangsdatum standaard vandaag). 409 bij een verouderde versie.',
        params: IdParams,
        body: UpdateEpisodeBody,
        response: { 200: Episode, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, async (tx) => {
        await updateEpisode(tx, ctx, req.params.id, req.body);
        const { e } = await episodeForRead(tx, ctx, req.params.id);
        return episodeAfterWrite(tx, ctx, e.participant_id, e.id);
      });
    },
  );

  r.post(
    '/api/v1/guidance-episodes/:id/endings',
    {
      schema: { tags, summary: 'Begeleiding beëindigen / end guidance', params: IdParams, body: EndingBody, response: { 201: Episode, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        await endEpisode(tx, ctx, req.params.id, req.body);
        const { e } = await episodeForRead(tx, ctx, req.params.id);
        return episodeAfterWrite(tx, ctx, e.participant_id, e.id);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/guidance-episodes/:id/handovers',
    {
      schema: {
        tags,
        summary: 'Afschalen naar het buurtteam / scale down to the neighbourhood team',
        description:
          'Het buurtteam moet een buurtteam zijn van dezelfde wijk als de woning (bij een onbekende wijk: dezelfde gemeente, en dat staat in het antwoord). ' +
          'Beëindigt het traject (handed_over), start een licht traject bij het team en betrekt het team bij de deelnemer.',
        params: IdParams,
        body: HandoverBody,
        response: { 201: HandoverResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        const h = await handOver(tx, ctx, req.params.id, req.body);
        const d = await loadGuidance(tx, ctx, h.participantId, false);
        const handover = d.handovers.find((x) => x.id === h.handoverId);
        if (!handover) throw new Error('hand-over missing after insert');
        return { handover: presentHandover(handover), episode: episodeOf(d, h.toEpisodeId, ctx), matchedOn: h.matchedOn, message: h.message };
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/guidance-episodes/:id/goals',
    { schema: { tags, summary: 'Doel toevoegen / add a goal', params: IdParams, body: CreateGoalBody, response: { 201: Goal, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        const id = await addGoal(tx, ctx, req.params.id, req.body);
        const { e, p } = await episodeForRead(tx, ctx, req.params.id);
        const goal = (await loadGuidance(tx, ctx, p.id, false)).goals.find((g) => g.id === id && g.episode_id === e.id);
        if (!goal) throw new Error('goal missing after insert');
        return presentGoal(goal);
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/guidance-goals/:id',
    {
      schema: {
        tags,
        summary: 'Doel wijzigen (status: open, bereikt, vervallen) / change a goal',
        params: IdParams,
        body: UpdateGoalBody,
        response: { 200: Goal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, async (tx) => presentGoal(await updateGoal(tx, ctx, req.params.id, req.body)));
    },
  );

  r.post(
    '/api/v1/guidance-episodes/:id/contacts',
    {
      schema: { tags, summary: 'Contact vastleggen / log a contact', params: IdParams, body: CreateContactBody, response: { 201: Contact, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        const id = await addContact(tx, ctx, req.params.id, req.body);
        const { e } = await episodeForRead(tx, ctx, req.params.id);
        return presentContact(await getContact(tx, ctx.regionId, id), ctx, e.organisation_id);
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/guidance-episodes/:id/contacts',
    {
      schema: { tags, summary: 'Contacten van een traject / contacts of an episode', params: IdParams, querystring: ContactQuery, response: { 200: ContactList, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, async (tx) => {
        const { e, p } = await episodeForRead(tx, ctx, req.params.id);
        await participantAccessed(tx, ctx, 'read', [p.id]);
        const page = await listContacts(tx, ctx, e.id, req.query);
        return { items: page.items.map((c) => presentContact(c, ctx, e.organisation_id)), nextCursor: page.nextCursor };
      });
    },
  );

  r.post(
    '/api/v1/participants/:id/support-items',
    {
      schema: {
        tags,
        summary: 'Ondersteuning toevoegen / add support',
        description: 'Schuldhulpverlening, dagbesteding, inkomen en budgettering, eigen netwerk.',
        params: ParticipantRefParams,
        body: CreateSupportBody,
        response: { 201: SupportItem, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await run(ctx, async (tx) => {
        const id = await addSupport(tx, ctx, req.params.id, req.body);
        const s = (await loadGuidance(tx, ctx, req.params.id, false)).support.find((x) => x.id === id);
        if (!s) throw new Error('support item missing after insert');
        return presentSupport(s);
      });
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/support-items/:id',
    { schema: { tags, summary: 'Ondersteuning wijzigen / change support', params: IdParams, body: UpdateSupportBody, response: { 200: SupportItem, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, async (tx) => presentSupport(await updateSupport(tx, ctx, req.params.id, req.body)));
    },
  );

  r.get(
    '/api/v1/neighbourhood-teams',
    {
      schema: {
        tags,
        summary: 'Buurtteams / neighbourhood teams',
        description: 'Voor het overdrachtsformulier: de buurtteams van de regio, eventueel van één wijk of gemeente.',
        querystring: TeamQuery,
        response: { 200: TeamList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      const items = await run(ctx, (tx) => listTeams(tx, ctx, req.query));
      return {
        items: items.map((t) => ({ id: t.id, name: t.name, district: t.district, municipalityId: t.municipality_id, municipality: t.municipality })),
        nextCursor: null,
      };
    },
  );

  r.get(
    '/api/v1/caseload',
    {
      schema: {
        tags,
        summary: 'Caseload van een organisatie / caseload of an organisation',
        description:
          'Wie de organisatie nu begeleidt, met intensiteit, evaluatiedatum (verlopen of niet), laatste contact, open doelen en huurcontracthouder; ' +
          'met totalen. Standaard de eigen organisatie; het programmabureau kiest elke organisatie.',
        querystring: CaseloadQuery,
        response: { 200: Caseload, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return run(ctx, (tx) => caseload(tx, ctx, req.query));
    },
  );
}
