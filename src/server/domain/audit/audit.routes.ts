import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { csvLine } from '../imports/imports.csv.js';
import { AuditList, AuditQuery } from './audit.schema.js';
import { listAuditEvents } from './audit.read.js';
import { AUDIT_CSV_HEADER, auditCsvValues, presentAuditEvent } from './audit.present.js';
import { canReadAudit } from './audit.policy.js';

/** The privacy officer's view of the NEN 7513 access log. */
export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Toegangslogboek (functionaris gegevensbescherming) / access log (data-protection officer)',
        description: 'Wie keek naar deze deelnemer (`participantId`), waar keek deze gebruiker naar (`userId`).',
        querystring: AuditQuery,
        response: { 200: AuditList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadAudit(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listAuditEvents(tx, ctx, req.query));
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  );
  r.get(
    '/api/v1/audit-events/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Toegangslogboek als CSV / access log as CSV',
        description: 'Dezelfde filters; tot 10 000 regels, nieuwste eerst. / Same filters; up to 10,000 lines.',
        querystring: AuditQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: z.string(), ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canReadAudit(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listAuditEvents(tx, ctx, { ...req.query, limit: 10_000 }));
      const lines = [csvLine(AUDIT_CSV_HEADER), ...page.items.map((a) => csvLine(auditCsvValues(presentAuditEvent(a))))];
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="toegangslogboek-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );
}
