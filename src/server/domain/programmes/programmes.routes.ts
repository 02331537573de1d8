import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { inContext } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import {
  Counter,
  CounterHistory,
  CounterHistoryQuery,
  CounterQuery,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeListQuery,
  ProgrammeParams,
} from './programmes.schema.js';
import { counterHistory, counterOn, getProgramme, listProgrammes } from './programmes.service.js';
import { presentProgramme, presentProgrammeDetail } from './programmes.present.js';

/**
 * Programmes and their counter are public aggregate data: these routes need no login, and they
 * answer the same to everyone — they run without the caller's row-level scope (a corporation
 * would otherwise count only its own units).
 */
export function programmesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'Programma’s / programmes',
        querystring: ProgrammeListQuery,
        response: { 200: ProgrammeList, ...problemResponses(400) },
      },
    },
    async (req) => {
      const page = await inContext(deps.database, null, (tx) => listProgrammes(tx, req.query));
      return { items: page.items.map(presentProgramme), nextCursor: page.nextCursor };
    },
  );
  r.get(
    '/api/v1/programmes/:id',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'Eén programma met evaluatiemomenten / one programme with its review moments',
        params: ProgrammeParams,
        response: { 200: ProgrammeDetail, ...problemResponses(400, 404) },
      },
    },
    async (req) => presentProgrammeDetail(await inContext(deps.database, null, (tx) => getProgramme(tx, req.params.id))),
  );
  r.get(
    '/api/v1/programmes/:id/counter',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'De teller op een peildatum / the counter on a date',
        description:
          'Berekend uit de statusgeschiedenis: gerealiseerd = locatie gevonden of later; pijplijn = toegezegd. / Computed from the status history.',
        params: ProgrammeParams,
        querystring: CounterQuery,
        response: { 200: Counter, ...problemResponses(400, 404) },
      },
    },
    async (req) =>
      inContext(deps.database, null, (tx) => counterOn(tx, req.params.id, req.query.date ?? today())),
  );
  r.get(
    '/api/v1/programmes/:id/counter/history',
    {
      config: { public: true },
      schema: {
        tags: ['programmes'],
        summary: 'De teller per maand / the counter month by month',
        params: ProgrammeParams,
        querystring: CounterHistoryQuery,
        response: { 200: CounterHistory, ...problemResponses(400, 404) },
      },
    },
    async (req) => inContext(deps.database, null, (tx) => counterHistory(tx, req.params.id, req.query, today())),
  );
}
