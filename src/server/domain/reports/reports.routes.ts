import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { canReadReports, canTakeSnapshot } from './reports.policy.js';
import { ProgressReportSchema, ReportParams, ReportQuery, SnapshotBody, SnapshotList, SnapshotResult } from './reports.schema.js';
import { progressReport } from './reports.service.js';
import { reportCsv } from './reports.csv.js';
import { reportPdf } from './reports.pdf.js';
import { lastCompleteMonth, listSnapshots, takeSnapshot } from './reports.snapshots.js';

const TYPES = ['application/pdf', 'text/csv', 'application/json'] as const;

/** The progress report (PDF, CSV or JSON by the Accept header) and its monthly snapshots. */
export function reportsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/programmes/:id/reports/progress',
    {
      schema: {
        tags: ['reports'],
        summary: 'Voortgangsrapportage op een peildatum / progress report on a date',
        description:
          'Teller, pijplijn, tranches, huurcontracten, uitkomsten, business case en knelpunten. `Accept: application/pdf` geeft een PDF, ' +
          '`Accept: text/csv` een CSV (puntkomma, één regel per cijfer), `application/json` de gegevens. / Answers PDF, CSV or JSON by the Accept header.',
        params: ReportParams,
        querystring: ReportQuery,
        produces: [...TYPES],
        response: { 200: ProgressReportSchema, ...problemResponses(400, 401, 403, 404, 406) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canReadReports(ctx)) throw forbidden();
      const type = req.accepts().type([...TYPES]);
      if (!type) {
        throw new AppError('not_acceptable', {
          nl: 'Vraag de rapportage op als application/pdf, text/csv of application/json.',
          en: 'Ask for the report as application/pdf, text/csv or application/json.',
        });
      }
      const date = req.query.date ?? today();
      const lang = req.query.lang ?? 'nl';
      const report = await inContext(deps.database, ctx, (tx) => progressReport(tx, ctx, req.params.id, date));
      const base = `voortgang-${date}`;
      // The response schema describes the JSON form; PDF and CSV bodies are sent as they are.
      const file = reply as unknown as FastifyReply;
      if (type === 'application/pdf') {
        return file.type('application/pdf').header('Content-Disposition', `attachment; filename="${base}.pdf"`).send(await reportPdf(report, lang));
      }
      if (type === 'text/csv') {
        return file.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${base}.csv"`).send(reportCsv(report, lang));
      }
      return report;
    },
  );

  r.get(
    '/api/v1/programmes/:id/snapshots',
    {
      schema: {
        tags: ['reports'],
        summary: 'Maandelijkse momentopnamen / monthly snapshots',
        description: 'De cijfers zoals ze toen bekend waren, per maand. / The figures as known at the time, per month.',
        params: ReportParams,
        response: { 200: SnapshotList, ...problemResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadReports(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        await getProgramme(tx, req.params.id);
        return listSnapshots(tx, req.params.id);
      });
    },
  );

  r.post(
    '/api/v1/programmes/:id/snapshots',
    {
      schema: {
        tags: ['reports'],
        summary: 'Momentopname vastleggen / record a snapshot',
        description: 'Legt een voorbije maand vast (standaard de vorige); een bestaande blijft ongewijzigd. / Records a past month; an existing one stays.',
        params: ReportParams,
        body: SnapshotBody,
        response: { 200: SnapshotResult, 201: SnapshotResult, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canTakeSnapshot(ctx)) throw forbidden();
      const now = today();
      const month = req.body.month ? `${req.body.month}-01` : lastCompleteMonth(now);
      const result = await inContext(deps.database, ctx, (tx) => takeSnapshot(tx, ctx, req.params.id, month, now));
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );
}

