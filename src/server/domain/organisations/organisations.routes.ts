import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { MunicipalityList, OrganisationList, OrganisationQuery } from './organisations.schema.js';
import { listMunicipalities, listOrganisations } from './organisations.service.js';
import { presentMunicipality, presentOrganisation } from './organisations.present.js';
import { canReadOrganisations } from './organisations.policy.js';

export function organisationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisaties van de regio / organisations of the region',
        querystring: OrganisationQuery,
        response: { 200: OrganisationList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canReadOrganisations(ctx)) throw forbidden();
      const page = await inContext(deps.database, ctx, (tx) => listOrganisations(tx, ctx.regionId, req.query));
      return { items: page.items.map(presentOrganisation), nextCursor: page.nextCursor };
    },
  );
  r.get(
    '/api/v1/municipalities',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Gemeenten van de regio / municipalities of the region',
        response: { 200: MunicipalityList, ...problemResponses(401) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      const items = await inContext(deps.database, ctx, (tx) => listMunicipalities(tx, ctx.regionId));
      return { items: items.map(presentMunicipality), nextCursor: null };
    },
  );
}
