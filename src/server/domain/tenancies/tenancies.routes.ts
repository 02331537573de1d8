import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import type { Tx } from '../../db/client.js';
import { requireUser } from '../../http/auth.js';
import { inContext, type AccessContext } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { problemResponses } from '../../http/openapi.js';
import {
  CheckBody,
  CreateTenancyBody,
  CriteriaBody,
  CriteriaList,
  EndBody,
  Figures,
  FiguresQuery,
  FlipBody,
  MoveInBody,
  ProgrammeParams,
  RentBody,
  TenancyDetail,
  TenancyList,
  TenancyParams,
  TenancyQuery,
} from './tenancies.schema.js';
import {
  activeCriteria,
  changeRent,
  checklistOf,
  createTenancy,
  endTenancy,
  eventsOf,
  flipLease,
  getTenancy,
  leasesOf,
  listTenancies,
  moveIn,
  recordCheck,
  replaceCriteria,
  requireProgramme,
  tenancyFigures,
  tenantsFor,
  timelineFacts,
} from './tenancies.service.js';
import { presentCriterion, presentTenancy, presentTenancyDetail } from './tenancies.present.js';
import { canTenancy } from './tenancies.policy.js';

/** The tenancy page for the caller, after a read or a write in the same transaction. */
async function tenancyDetail(tx: Tx, ctx: AccessContext, id: string, audit = true) {
  const t = await getTenancy(tx, ctx, id, { audit });
  const tenant = (await tenantsFor(tx, ctx, [t])).get(t.id);
  return presentTenancyDetail(t, ctx, {
    tenant,
    leases: await leasesOf(tx, ctx.regionId, t.id),
    checklist: await checklistOf(tx, ctx, t),
    events: await eventsOf(tx, ctx.regionId, t.id),
    facts: await timelineFacts(tx, ctx.regionId, t),
  });
}

/** Tenancies, their keys, end and lease flip, the programme's flip checklist and figures. Thin: policy, service, presenter. */
export function tenanciesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tenancies'];
  const guard = (req: Parameters<typeof requireUser>[0], may: (ctx: AccessContext) => boolean = canTenancy.use) => {
    const ctx = requireUser(req);
    if (!canTenancy.use(ctx) || !may(ctx)) throw forbidden();
    return ctx;
  };

  r.get(
    '/api/v1/tenancies',
    {
      schema: {
        tags,
        summary: 'Huurovereenkomsten / tenancies',
        description: 'De huurovereenkomsten die u mag zien (deelnemer zichtbaar, of de corporatie van de woning); nieuwste begin eerst.',
        querystring: TenancyQuery,
        response: { 200: TenancyList, ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, async (tx) => {
        const page = await listTenancies(tx, ctx, req.query);
        const tenants = await tenantsFor(tx, ctx, page.items);
        return { items: page.items.map((t) => presentTenancy(t, ctx, tenants.get(t.id))), nextCursor: page.nextCursor };
      });
    },
  );

  r.post(
    '/api/v1/tenancies',
    {
      schema: {
        tags,
        summary: 'Huurovereenkomst vastleggen / record a tenancy',
        description: 'Programmabureau: een huurovereenkomst van een woning die buiten een aanbod om is toegewezen. Huurder en huur: standaard als bij een aanbod.',
        body: CreateTenancyBody,
        response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.create);
      const out = await inContext(deps.database, ctx, async (tx) => tenancyDetail(tx, ctx, await createTenancy(tx, ctx, req.body), false));
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/tenancies/:id',
    {
      schema: {
        tags,
        summary: 'Eén huurovereenkomst / one tenancy',
        description: 'Met huurcontracten, omklapchecklist, gebeurtenissen en tijdlijn (aanbod → start → sleutels → begeleiding → afschalen → omklap → einde).',
        params: TenancyParams,
        response: { 200: TenancyDetail, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = guard(req);
      return inContext(deps.database, ctx, (tx) => tenancyDetail(tx, ctx, req.params.id));
    },
  );

  r.post(
    '/api/v1/tenancies/:id/move-ins',
    {
      schema: {
        tags,
        summary: 'Sleuteloverdracht / keys handed over',
        description: 'De woning wordt bewoond en de deelnemer gehuisvest op die datum.',
        params: TenancyParams,
        body: MoveInBody,
        response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.moveInAny);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await moveIn(tx, ctx, req.params.id, req.body);
        return tenancyDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/tenancies/:id/endings',
    {
      schema: {
        tags,
        summary: 'Huur beëindigen / end a tenancy',
        description:
          'Met datum en reden. De woning wordt weer beschikbaar of ingetrokken; de deelnemer stroomt uit met de bijbehorende reden; de begeleiding van deze huur eindigt. ' +
          'Bij verhuizing binnen het programma start een nieuwe huurovereenkomst op nextUnitId en blijft de deelnemer gehuisvest.',
        params: TenancyParams,
        body: EndBody,
        response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.endAny);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await endTenancy(tx, ctx, req.params.id, req.body);
        return tenancyDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/tenancies/:id/rents',
    {
      schema: { tags, summary: 'Huur wijzigen / change the rent', params: TenancyParams, body: RentBody, response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.rentAny);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await changeRent(tx, ctx, req.params.id, req.body);
        return tenancyDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/tenancies/:id/lease-flip-checks',
    {
      schema: {
        tags,
        summary: 'Checklistpunt beoordelen / record a checklist check',
        description: 'De laatste beoordeling per punt telt; eerdere blijven zichtbaar. “Corporatie stemt in” legt alleen de corporatie van de woning vast; “geen overlast” wordt berekend.',
        params: TenancyParams,
        body: CheckBody,
        response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.recordAny);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await recordCheck(tx, ctx, req.params.id, req.body);
        return tenancyDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.post(
    '/api/v1/tenancies/:id/lease-flips',
    {
      schema: {
        tags,
        summary: 'Huur omklappen / flip the lease',
        description: 'Vraagt een huurcontract van de zorgaanbieder, een complete checklist en de instemming van de corporatie; anders 409 met wat ontbreekt.',
        params: TenancyParams,
        body: FlipBody,
        response: { 201: TenancyDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const ctx = guard(req, canTenancy.flipAny);
      const out = await inContext(deps.database, ctx, async (tx) => {
        await flipLease(tx, ctx, req.params.id, req.body);
        return tenancyDetail(tx, ctx, req.params.id, false);
      });
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/programmes/:id/lease-flip-criteria',
    {
      schema: { tags, summary: 'Omklapchecklist van het programma / the lease flip checklist', params: ProgrammeParams, response: { 200: CriteriaList, ...problemResponses(400, 401, 403, 404) } },
    },
    async (req) => {
      const ctx = guard(req, canTenancy.readCriteria);
      return inContext(deps.database, ctx, async (tx) => {
        await requireProgramme(tx, ctx.regionId, req.params.id);
        return { programmeId: req.params.id, items: (await activeCriteria(tx, ctx.regionId, req.params.id)).map(presentCriterion) };
      });
    },
  );

  r.put(
    '/api/v1/programmes/:id/lease-flip-criteria',
    {
      schema: {
        tags,
        summary: 'Omklapchecklist instellen / configure the lease flip checklist',
        description: 'Vervangt de lijst: punten met id blijven (nieuwe tekst en volgorde), zonder id worden toegevoegd, ontbrekende vervallen (eerdere beoordelingen blijven bewaard).',
        params: ProgrammeParams,
        body: CriteriaBody,
        response: { 200: CriteriaList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = guard(req, canTenancy.editCriteria);
      return inContext(deps.database, ctx, async (tx) => {
        await replaceCriteria(tx, ctx, req.params.id, req.body);
        return { programmeId: req.params.id, items: (await activeCriteria(tx, ctx.regionId, req.params.id)).map(presentCriterion) };
      });
    },
  );

  r.get(
    '/api/v1/programmes/:id/tenancy-figures',
    {
      schema: {
        tags,
        summary: 'Cijfers huurovereenkomsten / tenancy figures',
        description: 'Lopende huur per huurder, tijd van start tot omklap (mediaan en gemiddelde in dagen), beëindigd per reden; op een datum (standaard vandaag).',
        params: ProgrammeParams,
        querystring: FiguresQuery,
        response: { 200: Figures, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const ctx = guard(req, canTenancy.figures);
      return inContext(deps.database, ctx, (tx) => tenancyFigures(tx, ctx, req.params.id, req.query.date));
    },
  );
}
