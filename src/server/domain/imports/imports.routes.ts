import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';

import { ConfirmImportBody, CreateImportBody, ImportOut, ImportParams, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './imports.schema.js';
import { confirmImport, getImport, importTemplate, stageImport } from './imports.service.js';
import { presentImport } from './imports.present.js';
import { canImport } from './imports.policy.js';

export function importsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const guard = (req: Parameters<typeof requireUser>[0]) => {
    const ctx = requireUser(req);
    if (!canImport(ctx)) throw forbidden();
    return ctx;
  };

  r.get(
    '/api/v1/imports/template.csv',
    {
      schema: {
        tags,
        summary: 'Sjabloon voor een import (CSV) / import template (CSV)',
        description: 'Kop, een regel uitleg (begint met #, wordt overgeslagen) en een verzonnen voorbeeld. Scheidingsteken ; (ook , wordt gelezen); lijsten in een cel met |.',
        // A CSV text, sent as is (text/csv is not JSON-serialised).
        response: { 200: z.string(), ...problemResponses(401, 403) },
      },
    },
    async (req, reply) => {
      guard(req);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="eerstethuis-deelnemers-sjabloon.csv"')
        .send(`\uFEFF${importTemplate()}`);
    },
  );

  r.post(
    '/api/v1/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: 'Bestand controleren / validate a file',
        description: `Controleert elke rij en geeft per rij wat er mis is; er wordt nog niets geïmporteerd. Ten hoogste ${MAX_IMPORT_ROWS} rijen. / Validates every row; nothing is imported yet.`,
        body: CreateImportBody,
        response: { 201: ImportOut, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        const { head, rows } = await getImport(tx, ctx, await stageImport(tx, ctx, req.body));
        return presentImport(head, rows);
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/imports/:id',
    { schema: { tags, summary: 'Importverslag / import report', params: ImportParams, response: { 200: ImportOut, ...problemResponses(400, 401, 403, 404) } } },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, async (tx) => {
        const { head, rows } = await getImport(tx, ctx, req.params.id);
        return presentImport(head, rows);
      });
    },
  );

  r.post(
    '/api/v1/imports/:id/confirmations',
    {
      schema: {
        tags,
        summary: 'Geldige rijen importeren / import the valid rows',
        description: 'Alleen de geldige rijen worden deelnemer (fase referred); dubbelen die intussen bekend zijn worden overgeslagen. / Only valid rows are imported.',
        params: ImportParams,
        body: ConfirmImportBody,
        response: { 201: ImportOut, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await confirmImport(tx, ctx, req.params.id);
        const { head, rows } = await getImport(tx, ctx, req.params.id);
        return presentImport(head, rows);
      });
      return reply.status(201).send(out);
    },
  );
}
