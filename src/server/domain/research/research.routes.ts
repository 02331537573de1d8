import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { canExportResearch, canListResearchExports } from './research.policy.js';
import { ResearchExportBody, ResearchExportJson, ResearchExportList, ResearchParams } from './research.schema.js';
import { createResearchExport, listResearchExports } from './research.service.js';
import { researchZip } from './research.files.js';

/** The researcher's pseudonymised export and the list of exports made. */
export function researchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/programmes/:id/research-exports',
    {
      schema: {
        tags: ['research'],
        summary: 'Onderzoeksexport maken / make a research export',
        description:
          'Gepseudonimiseerd (HMAC met een sleutel per export), datums verschoven per persoon of afgerond op maanden, zonder vrije tekst, ' +
          'kleine cellen gegeneraliseerd; `csv` geeft een zip met CSV-bestanden en een codeboek, `json` één document. Elke export wordt gelogd. ' +
          '/ Pseudonymised, dates shifted or coarsened, no free text, small cells generalised; every export is audited.',
        params: ResearchParams,
        body: ResearchExportBody,
        produces: ['application/zip', 'application/json'],
        response: { 201: ResearchExportJson, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canExportResearch(ctx)) throw forbidden();
      const e = await inContext(deps.database, ctx, (tx) => createResearchExport(tx, ctx, req.params.id, req.body));
      if (req.body.format === 'json') return reply.code(201).send(e);
      // The response schema describes the JSON form; the zip is sent as it is.
      return (reply as unknown as FastifyReply)
        .code(201)
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="onderzoeksexport-${e.createdAt.slice(0, 10)}-${e.exportId.slice(0, 8)}.zip"`)
        .send(researchZip(e));
    },
  );
  r.get(
    '/api/v1/research-exports',
    {
      schema: {
        tags: ['research'],
        summary: 'Gemaakte onderzoeksexports / research exports made',
        response: { 200: ResearchExportList, ...problemResponses(401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canListResearchExports(ctx)) throw forbidden();
      return inContext(deps.database, ctx, (tx) => listResearchExports(tx));
    },
  );
}
