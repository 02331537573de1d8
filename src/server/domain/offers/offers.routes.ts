import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import type { Tx } from '../../db/client.js';
import { requireUser } from '../../http/auth.js';
import type { AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { inOfferContext } from './offers.tx.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import {
  CancelBody,
  CreateOfferBody,
  Dashboard,
  DashboardQuery,
  DecisionBody,
  EndParkingBody,
  OfferDetail,
  OfferList,
  OfferParams,
  OfferQuery,
  Parking,
  ParkingList,
  ParkingQuery,
  ReviewBody,
} from './offers.schema.js';
import { cancelOffer, candidatesFor, createOffer, decide, getOffer, listOffers, offerHistory, parkedUntil, reviewDecline } from './offers.service.js';
import { offerDashboard } from './offers.dashboard.js';
import { endParking, listParkings, presentParking } from './offers.parking.js';
import { presentHistory, presentOffer } from './offers.present.js';
import { canOffer } from './offers.policy.js';

/** The offer page for the caller after a read or a write in the same transaction. */
async function offerDetail(tx: Tx, ctx: AccessContext, id: string, audit = true) {
  const o = await getOffer(tx, ctx, id, { audit });
  const candidate = (await candidatesFor(tx, ctx, [o])).get(o.id);
  // Whether the candidate is parked is the office's and the provider's business (they see the person).
  const parked = o.participant_code !== null ? await parkedUntil(tx, ctx.regionId, o.participant_id, today()) : null;
  return { ...presentOffer(o, ctx, candidate), history: presentHistory(await offerHistory(tx, ctx.regionId, o.id), o, ctx), parked };
}

/** Offers (both routes), the office's dashboard and parkings. Thin: policy, service, presenter. */
export function offersRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['offers'];
  const guard = (req: Parameters<typeof requireUser>[0]) => {
    const ctx = requireUser(req);
    if (!canOffer.use(ctx)) throw forbidden();
    return ctx;
  };

  r.get(
    '/api/v1/offers',
    {
      schema: {
        tags,
        summary: 'Aanbiedingen / offers',
        description: 'De aanbiedingen waar u partij in bent; standaard de lopende (open en afwijzing in beoordeling), oudste stap eerst.',
        querystring: OfferQuery,
        response: { 200: OfferList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return inOfferContext(deps.database, ctx, async (tx) => {
        const page = await listOffers(tx, ctx, req.query);
        const candidates = await candidatesFor(tx, ctx, page.items);
        return { items: page.items.map((o) => presentOffer(o, ctx, candidates.get(o.id))), nextCursor: page.nextCursor };
      });
    },
  );

  r.post(
    '/api/v1/offers',
    {
      schema: {
        tags,
        summary: 'Woning aanbieden / offer a home',
        description:
          'Programmabureau: beide routes. Zorgaanbieder: eigen kandidaat bij projectmatige oplevering (de voordracht is dan gedaan). ' +
          'De woning moet beschikbaar zijn, de kandidaat klaar en geschikt; delen met de verhuurder vraagt toestemming voor wonen.',
        body: CreateOfferBody,
        response: { 201: OfferDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canOffer.create(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => offerDetail(tx, ctx, await createOffer(tx, ctx, req.body), false));
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/offers/dashboard',
    {
      schema: {
        tags,
        summary: 'Dashboard aanbiedingen / offers dashboard',
        description: 'Lopende aanbiedingen per stap en leeftijd, doorlooptijd per stap, afwijzingen per partij en reden, woningen die langer dan N dagen leegstaan.',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      if (!canOffer.dashboard(ctx)) throw forbidden();
      return inOfferContext(deps.database, ctx, (tx) => offerDashboard(tx, ctx, req.query));
    },
  );

  r.get(
    '/api/v1/offers/:id',
    { schema: { tags, summary: 'Eén aanbod met geschiedenis / one offer with its history', params: OfferParams, response: { 200: OfferDetail, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = guard(req);
      return inOfferContext(deps.database, ctx, (tx) => offerDetail(tx, ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/offers/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Besluit over de huidige stap / decision on the current step',
        description:
          'accept: het aanbod gaat naar de volgende stap (na het contract: geslaagd, woning toegewezen, deelnemer gematcht). decline: met partij en reden ' +
          '(anders: toelichting verplicht) naar de beoordeling door het programmabureau. 409 als het aanbod niet (meer) op deze stap staat.',
        params: OfferParams,
        body: DecisionBody,
        response: { 201: OfferDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canOffer.decideAny(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => {
        await decide(tx, ctx, req.params.id, req.body);
        return offerDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/offers/:id/decline-reviews',
    {
      schema: {
        tags,
        summary: 'Afwijzing beoordelen / review a decline',
        description: 'confirm (afgewezen; eventueel parkeren), override (het aanbod gaat door; toelichting verplicht) of return (terug naar de partij; toelichting verplicht).',
        params: OfferParams,
        body: ReviewBody,
        response: { 201: OfferDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canOffer.review(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => {
        await reviewDecline(tx, ctx, req.params.id, req.body);
        return offerDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/offers/:id/cancellations',
    {
      schema: { tags, summary: 'Aanbod intrekken / withdraw an offer', params: OfferParams, body: CancelBody, response: { 201: OfferDetail, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canOffer.cancel(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => {
        await cancelOffer(tx, ctx, req.params.id, req.body);
        return offerDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/parkings',
    { schema: { tags, summary: 'Geparkeerde deelnemers / parked participants', querystring: ParkingQuery, response: { 200: ParkingList, ...problemResponses(400, 401, 403) } } },
    async (req) => {
      const ctx = guard(req);
      if (!canOffer.parkings(ctx)) throw forbidden();
      const page = await inOfferContext(deps.database, ctx, (tx) => listParkings(tx, ctx, req.query));
      return { items: page.items.map(presentParking), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/api/v1/parkings/:id/ends',
    {
      schema: { tags, summary: 'Parkeren beëindigen / end a parking', params: OfferParams, body: EndParkingBody, response: { 201: Parking, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req, reply) => {
      const ctx = guard(req);
      if (!canOffer.parkings(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => presentParking(await endParking(tx, ctx, req.params.id, req.body)));
      return reply.status(201).send(out);
    },
  );
}
