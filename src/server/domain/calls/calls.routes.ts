import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import type { Tx } from '../../db/client.js';
import { requireUser } from '../../http/auth.js';
import { inContext, type AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { Call, CallDetail, CallList, CallParams, CallQuery, CreateCallBody, Nomination, NominationBody } from './calls.schema.js';
import { callRecipients, callUnits, closeCall, createCall, getCall, listCalls, listNominations, nominate, nominationFit } from './calls.service.js';
import { presentCall, presentNomination } from './calls.present.js';
import { canCall } from './calls.policy.js';

/** A call with its nominations as the caller may see them (the office side by side, with the fit per home). */
async function callDetail(tx: Tx, ctx: AccessContext, id: string) {
  const c = await getCall(tx, ctx, id);
  const units = await callUnits(tx, c);
  const recipients = canCall.review(ctx) ? await callRecipients(tx, ctx.regionId, c.id) : null;
  const nominations = await listNominations(tx, ctx, c.id);
  const fit = canCall.review(ctx) ? await nominationFit(tx, ctx, c, nominations) : new Map();
  return { ...presentCall(c, ctx, units, recipients), nominations: nominations.map((n) => presentNomination(n, fit.get(n.id))) };
}

/** Broad calls and nominations. */
export function callsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calls'];
  const guard = (req: Parameters<typeof requireUser>[0]) => {
    const ctx = requireUser(req);
    if (!canCall.read(ctx)) throw forbidden();
    return ctx;
  };

  r.get(
    '/api/v1/calls',
    { schema: { tags, summary: 'Brede uitvragen / broad calls', querystring: CallQuery, response: { 200: CallList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, async (tx) => {
        const page = await listCalls(tx, ctx, req.query);
        const items = [];
        for (const c of page.items) items.push(presentCall(c, ctx, await callUnits(tx, c), canCall.review(ctx) ? await callRecipients(tx, ctx.regionId, c.id) : null));
        return { items, nextCursor: page.nextCursor };
      });
    },
  );

  r.post(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'Brede uitvraag versturen / send a broad call',
        description: 'Naar alle zorgaanbieders of een keuze, met eisen en een uiterste datum; melding in de app en e-mail via de outbox.',
        body: CreateCallBody,
        response: { 201: Call, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canCall.create(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const c = await getCall(tx, ctx, await createCall(tx, ctx, req.body));
        return presentCall(c, ctx, await callUnits(tx, c), await callRecipients(tx, ctx.regionId, c.id));
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/calls/:id',
    { schema: { tags, summary: 'Eén uitvraag met voordrachten / one call with its nominations', params: CallParams, response: { 200: CallDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, (tx) => callDetail(tx, ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/calls/:id/nominations',
    {
      schema: {
        tags,
        summary: 'Kandidaat voordragen / nominate a candidate',
        description: 'Een aanbieder aan wie de uitvraag gericht is draagt een eigen kandidaat (fase ready) voor, met motivatie, vóór de uiterste datum.',
        params: CallParams,
        body: NominationBody,
        response: { 201: Nomination, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canCall.nominate(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        const id = await nominate(tx, ctx, req.params.id, req.body);
        const n = (await listNominations(tx, ctx, req.params.id)).find((x) => x.id === id)!;
        return presentNomination(n, undefined);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/calls/:id/closures',
    { schema: { tags, summary: 'Uitvraag sluiten / close a call', params: CallParams, response: { 201: CallDetail, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canCall.close(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => {
        await closeCall(tx, ctx, req.params.id);
        return callDetail(tx, ctx, req.params.id);
      });
      return reply.status(201).send(out);
    },
  );
}
