import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import accepts from '@fastify/accepts';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { statisticsKeeper } from './db/statistics.js';
import { frameworkErrors, registerErrorHandling, zodValidatorCompiler } from './http/errors.js';
import { registerAuth, registerAuthGate } from './http/auth.js';
import { registerSecurityHeaders } from './http/headers.js';
import { healthRoutes } from './domain/health/health.routes.js';
import { sessionRoutes } from './domain/session/session.routes.js';
import { organisationsRoutes } from './domain/organisations/organisations.routes.js';
import { programmesRoutes } from './domain/programmes/programmes.routes.js';
import { pledgesRoutes } from './domain/pledges/pledges.routes.js';
import { locationsRoutes } from './domain/locations/locations.routes.js';
import { unitsRoutes } from './domain/units/units.routes.js';
import { usersRoutes } from './domain/users/users.routes.js';
import { auditRoutes } from './domain/audit/audit.routes.js';
import { privacyRoutes } from './domain/privacy/privacy.routes.js';
import { participantsRoutes } from './domain/participants/participants.routes.js';
import { referralsRoutes } from './domain/referrals/referrals.routes.js';
import { assessmentsRoutes } from './domain/assessments/assessments.routes.js';
import { suitabilityRoutes } from './domain/suitability/suitability.routes.js';
import { riskScreeningRoutes } from './domain/riskScreening/riskScreening.routes.js';
import { waitingListRoutes } from './domain/waitingList/waitingList.routes.js';
import { importsRoutes } from './domain/imports/imports.routes.js';
import { eligibilityRoutes } from './domain/eligibility/eligibility.routes.js';
import { callsRoutes } from './domain/calls/calls.routes.js';
import { matchingRoutes } from './domain/matching/matching.routes.js';
import { offersRoutes } from './domain/offers/offers.routes.js';
import { allocationRoutes } from './domain/allocation/allocation.routes.js';
import { tenanciesRoutes } from './domain/tenancies/tenancies.routes.js';
import { notificationsRoutes } from './domain/notifications/notifications.routes.js';
import { measurementsRoutes } from './domain/measurements/measurements.routes.js';
import { outcomesRoutes } from './domain/outcomes/outcomes.routes.js';
import { businessCaseRoutes } from './domain/businessCase/businessCase.routes.js';
import { observationsRoutes } from './domain/observations/observations.routes.js';
import { bottlenecksRoutes } from './domain/bottlenecks/bottlenecks.routes.js';
import { tranchesRoutes } from './domain/tranches/tranches.routes.js';
import { dueWorkRoutes } from './domain/dueWork/dueWork.routes.js';
import { guidanceRoutes } from './domain/guidance/guidance.routes.js';
import { reportsRoutes } from './domain/reports/reports.routes.js';
import { researchRoutes } from './domain/research/research.routes.js';
import { livingLabRoutes } from './domain/livingLab/livingLab.routes.js';
import { neighbourhoodRoutes } from './domain/neighbourhood/neighbourhood.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist', 'web');

/** Builds the Fastify app: plugins, every domain's routes, the OpenAPI document and the client. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  });
  // Every route registered, for the access-matrix test: a new route without an entry fails it.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of methods) {
      if (method === 'HEAD' || hidden || !route.url.startsWith('/api/v1')) continue;
      routeTable.push({ method, url: route.url });
    }
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // Fresh planner statistics after every few hundred writes (PGlite has no autovacuum).
  const statistics = statisticsKeeper(deps.database);
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 300) statistics.noteWrite();
  });
  app.addHook('onClose', () => statistics.idle());
  registerSecurityHeaders(app, deps.config);
  await app.register(cookie);
  await app.register(accepts);
  registerAuth(app, deps.database, deps.config);
  registerAuthGate(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Eerst een Thuis API',
        version: '1',
        description:
          'De API van het Housing First-platform. Fouten zijn problem+json (RFC 9457). / The API of the Housing First platform.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'eh_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  organisationsRoutes(app, deps);
  programmesRoutes(app, deps);
  pledgesRoutes(app, deps);
  locationsRoutes(app, deps);
  unitsRoutes(app, deps);
  usersRoutes(app, deps);
  auditRoutes(app, deps);
  privacyRoutes(app, deps);
  participantsRoutes(app, deps);
  referralsRoutes(app, deps);
  assessmentsRoutes(app, deps);
  suitabilityRoutes(app, deps);
  riskScreeningRoutes(app, deps);
  waitingListRoutes(app, deps);
  importsRoutes(app, deps);
  eligibilityRoutes(app, deps);
  callsRoutes(app, deps);
  matchingRoutes(app, deps);
  offersRoutes(app, deps);
  allocationRoutes(app, deps);
  notificationsRoutes(app, deps);
  measurementsRoutes(app, deps);
  outcomesRoutes(app, deps);
  businessCaseRoutes(app, deps);
  observationsRoutes(app, deps);
  bottlenecksRoutes(app, deps);
  tenanciesRoutes(app, deps);
  tranchesRoutes(app, deps);
  dueWorkRoutes(app, deps);
  guidanceRoutes(app, deps);
  reportsRoutes(app, deps);
  researchRoutes(app, deps);
  livingLabRoutes(app, deps);
  neighbourhoodRoutes(app, deps);

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    // Client-side routes (/units/…) get the single page; unknown /api paths stay 404 problems.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
