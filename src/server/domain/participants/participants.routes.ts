import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import type { Tx } from '../../db/client.js';
import type { AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { PageQuery, problemResponses } from '../../http/openapi.js';
import { z } from 'zod';
import { settingsCache } from '../waitingList/waitingList.service.js';
import {
  ConsultationBody,
  CreateParticipantBody,
  DuplicateCheckBody,
  DuplicateCheckResult,
  DuplicatePairList,
  MergeBody,
  ParticipantDetail,
  ParticipantList,
  ParticipantParams,
  ParticipantQuery,
  PhaseChangeBody,
  ReReferralBody,
  UpdateParticipantBody,
} from './participants.schema.js';
import {
  addConsultation,
  changePhase,
  findDuplicates,
  getParticipant,
  listDuplicatePairs,
  listParticipants,
  mergeParticipants,
  referParticipant,
  reReferParticipant,
  targetOf,
  updateParticipant,
} from './participants.service.js';
import { loadParticipantDetail } from './participants.detail.js';
import { presentListItem, presentParticipantDetail } from './participants.present.js';
import { canParticipant } from './participants.policy.js';

/** The participant page for the caller, after a read or a write in the same transaction. */
export async function detailFor(tx: Tx, ctx: AccessContext, ref: string) {
  const p = await getParticipant(tx, ctx, ref);
  return presentParticipantDetail(await loadParticipantDetail(tx, ctx, p), ctx);
}

/** Route level: roles that never see participants get 403 before anything is looked up. */
export function requireParticipantUser(req: Parameters<typeof requireUser>[0]): AccessContext {
  const ctx = requireUser(req);
  if (!canParticipant.use(ctx)) throw forbidden();
  return ctx;
}

export function participantsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['participants'];

  r.get(
    '/api/v1/participants',
    {
      schema: {
        tags,
        summary: 'De namenlijst / the by-name list',
        description:
          'Iedereen die actief is in het programma en die u mag zien, op prioriteit (docs/priority.md), met per persoon de rang en de redenen. ' +
          'Standaard de actieve fasen (aangemeld t/m gehuisvest). / Everyone active in the programme whom you may see, in priority order, with rank and reasons.',
        querystring: ParticipantQuery,
        response: { 200: ParticipantList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      return inContext(deps.database, ctx, async (tx) => {
        const page = await listParticipants(tx, ctx, req.query);
        const settings = settingsCache(tx, ctx.regionId);
        const items = [];
        for (const p of page.items) items.push(presentListItem(p, ctx, await settings(p.programme_id)));
        return { items, nextCursor: page.nextCursor };
      });
    },
  );

  r.post(
    '/api/v1/participants',
    {
      schema: {
        tags,
        summary: 'Iemand aanmelden / refer someone',
        description:
          'Maakt het dossier met de aanmelding (fase referred). Een bekend BSN wordt geweigerd (409); dezelfde naam en geboortedatum ook, tenzij acknowledgeDuplicates. ' +
          '/ Creates the record with its referral; a known BSN is refused, a known name and birth date too unless acknowledged.',
        body: CreateParticipantBody,
        response: { 201: ParticipantDetail, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.refer(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => detailFor(tx, ctx, await referParticipant(tx, ctx, req.body)));
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/participants/duplicate-checks',
    {
      schema: {
        tags,
        summary: 'Is deze persoon al bekend? / is this person already known?',
        description: 'Zoekt op BSN en op naam met geboortedatum. Een match die u niet mag zien wordt gemeld zonder pseudoniem. / Matches you may not see are reported without their code.',
        body: DuplicateCheckBody,
        response: { 200: DuplicateCheckResult, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.refer(ctx)) throw forbidden();
      const matches = await inContext(deps.database, ctx, (tx) => findDuplicates(tx, ctx, req.body));
      return {
        matches: matches.map((m) => ({
          participant: m.visible ? { id: m.id, code: m.code, phase: m.phase } : null,
          matchedOn: [...(m.byBsn ? (['bsn'] as const) : []), ...(m.byNameAndBirthDate ? (['name_and_birth_date'] as const) : [])],
          visible: m.visible,
        })),
      };
    },
  );

  r.get(
    '/api/v1/participants/duplicates',
    {
      schema: {
        tags,
        summary: 'Mogelijke dubbele dossiers / possible duplicate records',
        querystring: z.object(PageQuery),
        response: { 200: DuplicatePairList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.listDuplicates(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => listDuplicatePairs(tx, ctx, req.query));
    },
  );

  r.get(
    '/api/v1/participants/:id',
    {
      schema: {
        tags,
        summary: 'Eén deelnemer met tijdlijn / one participant with a timeline',
        description: 'Op uuid of pseudoniem (EH-XXXXXX). Wat u ziet hangt af van uw rol en organisatie. / By uuid or pseudonym; what you see depends on your role and organisation.',
        params: ParticipantParams,
        response: { 200: ParticipantDetail, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      return inContext(deps.database, ctx, (tx) => detailFor(tx, ctx, req.params.id));
    },
  );

  r.patch(
    '/api/v1/participants/:id',
    {
      schema: {
        tags,
        summary: 'Dossier wijzigen / edit the record',
        description: 'Met version (409 bij een verouderde versie). Elke veldgroep heeft eigen rechten (403). / With version; each group of fields has its own rights.',
        params: ParticipantParams,
        body: UpdateParticipantBody,
        response: { 200: ParticipantDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireParticipantUser(req);
      return inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        if (!canParticipant.editAny(ctx, targetOf(p))) throw forbidden();
        await updateParticipant(tx, ctx, p, req.body);
        return detailFor(tx, ctx, p.id);
      });
    },
  );

  r.post(
    '/api/v1/participants/:id/phase-changes',
    {
      schema: {
        tags,
        summary: 'Faseovergang vastleggen / record a phase change',
        description:
          'referred → eligible | not_eligible (reden) → assessed → ready → matched → housed → exited; withdrawn (reden) vóór housed. ' +
          'ready vraagt een geldige beoordeling met indicatie en toestemming (bij huiselijk geweld ook een risicotaxatie); housed vraagt een woning. ' +
          'Ongeldige overgang: 409 invalid_transition met de reden.',
        params: ParticipantParams,
        body: PhaseChangeBody,
        response: { 201: ParticipantDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        if (req.body.phase !== 'referred' && !canParticipant.recordPhase(ctx, targetOf(p), req.body.phase)) throw forbidden();
        await changePhase(tx, ctx, p, req.body);
        return detailFor(tx, ctx, p.id);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/participants/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Opnieuw aanmelden / refer someone known again',
        description: 'Na terugtrekken, uitstroom of “komt niet in aanmerking”: een nieuwe aanmelding op hetzelfde dossier. / A new referral on the same record.',
        params: ParticipantParams,
        body: ReReferralBody,
        response: { 201: ParticipantDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.refer(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        await reReferParticipant(tx, ctx, p, req.body);
        return detailFor(tx, ctx, p.id);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/participants/:id/merges',
    {
      schema: {
        tags,
        summary: 'Dubbel dossier samenvoegen / merge a duplicate record',
        description:
          'Voegt duplicateId samen in dit dossier; de geschiedenis van beide blijft bewaard. / Merges duplicateId into this record, keeping the history of both.',
        params: ParticipantParams,
        body: MergeBody,
        response: { 201: ParticipantDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.merge(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        await mergeParticipants(tx, ctx, p, req.body);
        return detailFor(tx, ctx, p.id);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/participants/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Een zorgaanbieder laten meedenken / consult a care provider',
        description: 'De aanbieder mag de deelnemer daarna zien (bv. voor een instroomwoning). / The provider may see the participant afterwards.',
        params: ParticipantParams,
        body: ConsultationBody,
        response: { 201: ParticipantDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireParticipantUser(req);
      if (!canParticipant.consult(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const p = await getParticipant(tx, ctx, req.params.id, { lock: true });
        await addConsultation(tx, ctx, p, req.body);
        return detailFor(tx, ctx, p.id);
      });
      return reply.status(201).send(out);
    },
  );
}
