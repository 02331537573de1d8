import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { canParticipant } from '../participants/participants.policy.js';
import { requireParticipantUser } from '../participants/participants.routes.js';

import { CreateDraftBody, DraftList, DraftOut, DraftParams, UpdateDraftBody } from './referrals.schema.js';
import { createDraft, deleteDraft, getDraft, listDrafts, updateDraft } from './referrals.service.js';
import { presentDraft } from './referrals.present.js';

/** Drafts of the referral form ("save as draft"): private to their author, removed when the referral is sent. */
export function referralsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  const guard = (req: Parameters<typeof requireParticipantUser>[0]) => {
    const ctx = requireParticipantUser(req);
    if (!canParticipant.refer(ctx)) throw forbidden();
    return ctx;
  };

  r.get(
    '/api/v1/referral-drafts',
    { schema: { tags, summary: 'Mijn concept-aanmeldingen / my referral drafts', response: { 200: DraftList, ...problemResponses(401, 403) } } },
    async (req) => {
      const ctx = guard(req);
      const list = await inContext(deps.database, ctx, (tx) => listDrafts(tx, ctx));
      return { items: list.map(presentDraft), nextCursor: null };
    },
  );

  r.post(
    '/api/v1/referral-drafts',
    { schema: { tags, summary: 'Concept opslaan / save a draft', body: CreateDraftBody, response: { 201: DraftOut, ...problemResponses(400, 401, 403) } } },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await inContext(deps.database, ctx, async (tx) => presentDraft(await getDraft(tx, ctx, await createDraft(tx, ctx, req.body))));
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/referral-drafts/:id',
    { schema: { tags, summary: 'Eén concept / one draft', params: DraftParams, response: { 200: DraftOut, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = guard(req);
      return presentDraft(await inContext(deps.database, ctx, (tx) => getDraft(tx, ctx, req.params.id)));
    },
  );

  r.put(
    '/api/v1/referral-drafts/:id',
    {
      schema: { tags, summary: 'Concept bijwerken / update a draft', params: DraftParams, body: UpdateDraftBody, response: { 200: DraftOut, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, async (tx) => {
        await updateDraft(tx, ctx, req.params.id, req.body);
        return presentDraft(await getDraft(tx, ctx, req.params.id));
      });
    },
  );

  r.delete(
    '/api/v1/referral-drafts/:id',
    { schema: { tags, summary: 'Concept verwijderen / delete a draft', params: DraftParams, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } } },
    async (req, reply) => {
      const ctx = guard(req);
      await inContext(deps.database, ctx, (tx) => deleteDraft(tx, ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
