import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import type { Tx } from '../../db/client.js';
import { requireUser } from '../../http/auth.js';
import type { AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { inOfferContext } from '../offers/offers.tx.js';
import { problemResponses } from '../../http/openapi.js';
import { AcceptProposalBody, CreateProposalBody, Proposal, ProposalParams, Ranking, RankingQuery, UnitRankingParams } from './matching.schema.js';
import { acceptProposal, getProposal, proposalNames, proposeBatch, rankUnit } from './matching.service.js';
import { presentProposal } from './matching.present.js';
import { canMatch } from './matching.policy.js';

async function proposalFor(tx: Tx, ctx: AccessContext, id: string) {
  const p = await getProposal(tx, ctx, id);
  return presentProposal(p, await proposalNames(tx, ctx, p));
}

/** The ranking for one home and batch proposals for a project delivery (the programme office's). */
export function matchingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['matching'];

  r.get(
    '/api/v1/units/:id/ranking',
    {
      schema: {
        tags,
        summary: 'Rangorde voor één woning / ranking for one home',
        description:
          'De geschikte deelnemers (fase ready) op score met de opbouw per onderdeel, en per uitgesloten deelnemer de regel die uitsluit. ' +
          '?participant= legt één persoon uit. / Eligible ready participants by score with its parts, and for each excluded person the rule that excluded them.',
        params: UnitRankingParams,
        querystring: RankingQuery,
        response: { 200: Ranking, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canMatch.rank(ctx)) throw forbidden();
      return inOfferContext(deps.database, ctx, (tx) => rankUnit(tx, ctx, req.params.id, req.query));
    },
  );

  r.post(
    '/api/v1/matching-proposals',
    {
      schema: {
        tags,
        summary: 'Batchvoorstel voor een projectmatige oplevering / batch proposal for a project delivery',
        description:
          'Optimale toewijzing (meeste woningen gevuld, dan de hoogste totale score) binnen de plaatsen per aanbieder, met per paar de score en de gretige keuze ernaast.',
        body: CreateProposalBody,
        response: { 201: Proposal, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canMatch.propose(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => proposalFor(tx, ctx, await proposeBatch(tx, ctx, req.body)));
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/matching-proposals/:id',
    { schema: { tags, summary: 'Eén batchvoorstel / one batch proposal', params: ProposalParams, response: { 200: Proposal, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = requireUser(req);
      if (!canMatch.propose(ctx)) throw forbidden();
      return inOfferContext(deps.database, ctx, (tx) => proposalFor(tx, ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/matching-proposals/:id/acceptances',
    {
      schema: {
        tags,
        summary: 'Voorstel aannemen: aanbiedingen maken / accept a proposal: make the offers',
        params: ProposalParams,
        body: AcceptProposalBody,
        response: { 201: Proposal, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canMatch.propose(ctx)) throw forbidden();
      const out = await inOfferContext(deps.database, ctx, async (tx) => {
        await acceptProposal(tx, ctx, req.params.id, req.body.note);
        return proposalFor(tx, ctx, req.params.id);
      });
      return reply.status(201).send(out);
    },
  );
}
