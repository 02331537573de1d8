import crypto from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organisations, municipalities } from '../../db/schema/index.js';
import type { OrganisationKind } from '../../../shared/enums.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { AppError, notFound } from '../../http/errors.js';
import { rows, type AccessContext } from '../../http/context.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';

/** Organisations of a region, by name, optionally of one kind. */
export async function listOrganisations(
  tx: Tx,
  regionId: string,
  q: { kind?: OrganisationKind; limit: number; cursor?: string },
) {
  const after = requireCursor(q.cursor, 2);
  const rows = await tx
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, regionId),
        q.kind ? eq(organisations.kind, q.kind) : undefined,
        after
          ? or(
              gt(organisations.name, String(after[0])),
              and(eq(organisations.name, String(after[0])), gt(organisations.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null };
}

/** The municipalities of a region, by name (a few dozen at most: no paging). */
export function listMunicipalities(tx: Tx, regionId: string) {
  return tx.select().from(municipalities).where(eq(municipalities.regionId, regionId)).orderBy(asc(municipalities.name));
}

async function checkOrganisationInput(tx: Tx, regionId: string, b: { name?: string; municipalityId?: string | null }, exceptId?: string) {
  if (b.municipalityId) {
    const [m] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM municipalities WHERE region_id = ${regionId} AND id = ${b.municipalityId}`);
    if (m.n === 0) {
      throw new AppError('validation_failed', { nl: 'Onbekende gemeente in deze regio.', en: 'Unknown municipality in this region.' },
        [{ path: 'municipalityId', message: 'Onbekende gemeente', messageEn: 'Unknown municipality' }]);
    }
  }
  if (b.name) {
    const [d] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM organisations WHERE region_id = ${regionId} AND lower(name) = lower(${b.name}) AND id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid`);
    if (d.n > 0) {
      throw new AppError('conflict', { nl: 'Er is al een organisatie met deze naam in de regio.', en: 'An organisation with this name already exists in the region.' },
        [{ path: 'name', message: 'Naam al in gebruik', messageEn: 'Name already in use' }]);
    }
  }
}

/** Adds an organisation to the region (the programme office administers the coalition). */
export async function createOrganisation(tx: Tx, ctx: AccessContext, b: { name: string; kind: OrganisationKind; municipalityId?: string | null; district?: string | null }) {
  await checkOrganisationInput(tx, ctx.regionId, b);
  const id = crypto.randomUUID();
  await tx.insert(organisations).values({ regionId: ctx.regionId, id, name: b.name, kind: b.kind, municipalityId: b.municipalityId ?? null, district: b.district ?? null });
  await recordAudit(tx, actorOf(ctx), { action: 'organisation_created', resourceType: 'organisation', resourceId: id, details: { kind: b.kind } });
  return id;
}

/** Renames an organisation or changes its municipality; its kind never changes (roles depend on it). */
export async function updateOrganisation(tx: Tx, ctx: AccessContext, id: string, b: { name?: string; municipalityId?: string | null; district?: string | null }) {
  const [org] = await tx.select().from(organisations).where(and(eq(organisations.regionId, ctx.regionId), eq(organisations.id, id)));
  if (!org) throw notFound({ nl: 'Deze organisatie bestaat niet.', en: 'This organisation does not exist.' });
  await checkOrganisationInput(tx, ctx.regionId, b, id);
  await tx
    .update(organisations)
    .set({ ...(b.name !== undefined ? { name: b.name } : {}), ...(b.municipalityId !== undefined ? { municipalityId: b.municipalityId } : {}), ...(b.district !== undefined ? { district: b.district } : {}) })
    .where(and(eq(organisations.regionId, ctx.regionId), eq(organisations.id, id)));
  await recordAudit(tx, actorOf(ctx), { action: 'organisation_changed', resourceType: 'organisation', resourceId: id, details: { name: b.name ?? null } });
}

export async function getOrganisation(tx: Tx, regionId: string, id: string) {
  const [org] = await tx.select().from(organisations).where(and(eq(organisations.regionId, regionId), eq(organisations.id, id)));
  if (!org) throw notFound({ nl: 'Deze organisatie bestaat niet.', en: 'This organisation does not exist.' });
  return org;
}
