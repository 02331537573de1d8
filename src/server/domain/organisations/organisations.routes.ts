import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { requireUser } from '../../http/auth.js';
import { inContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import { CreateOrganisationBody, MunicipalityList, Organisation, OrganisationList, OrganisationParams, OrganisationQuery, UpdateOrganisationBody } from './organisations.schema.js';
import { createOrganisation, getOrganisation, listMunicipalities, listOrganisations, updateOrganisation } from './organisations.service.js';
import { canOrganisations } from '../users/users.policy.js';
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
  r.post(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisatie toevoegen (programmabureau) / add an organisation (programme office)',
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const ctx = requireUser(req);
      if (!canOrganisations.manage(ctx)) throw forbidden();
      const out = await inContext(deps.database, ctx, async (tx) => presentOrganisation(await getOrganisation(tx, ctx.regionId, await createOrganisation(tx, ctx, req.body))));
      return reply.status(201).send(out);
    },
  );
  r.patch(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Organisatie wijzigen (programmabureau) / change an organisation (programme office)',
        params: OrganisationParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const ctx = requireUser(req);
      if (!canOrganisations.manage(ctx)) throw forbidden();
      return inContext(deps.database, ctx, async (tx) => {
        await updateOrganisation(tx, ctx, req.params.id, req.body);
        return presentOrganisation(await getOrganisation(tx, ctx.regionId, req.params.id));
      });
    },
  );
}
