import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound, validationError, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { DeliveryMode, HousingForm } from '../../../shared/enums.js';
import type { CreateLocationBody, LocationQuery, UpdateLocationBody } from './locations.schema.js';

export interface LocationRow {
  id: string;
  programme_id: string;
  name: string;
  address: string | null;
  municipality_id: string;
  municipality: string;
  district: string | null;
  form: HousingForm;
  delivery_mode: DeliveryMode;
  corporation_id: string | null;
  corporation: string | null;
  provider_id: string | null;
  provider: string | null;
  expected_date: string | null;
  unit_count: number;
  version: number;
}

const LOCATION_SELECT = sql`SELECT l.id, l.programme_id, l.name, l.address, l.municipality_id, m.name AS municipality, l.district,
       l.form, l.delivery_mode, l.corporation_id, c.name AS corporation, l.provider_id, p.name AS provider, l.expected_date,
       (SELECT count(*)::int FROM units u WHERE u.region_id = l.region_id AND u.location_id = l.id) AS unit_count, l.version
  FROM locations l
  JOIN municipalities m ON m.id = l.municipality_id
  LEFT JOIN organisations c ON c.id = l.corporation_id
  LEFT JOIN organisations p ON p.id = l.provider_id`;

/** Locations of the caller's region, by name. */
export async function listLocations(tx: Tx, ctx: AccessContext, q: z.infer<typeof LocationQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`l.region_id = ${ctx.regionId}`];
  if (q.programmeId) where.push(sql`l.programme_id = ${q.programmeId}`);
  if (q.municipalityId) where.push(sql`l.municipality_id = ${q.municipalityId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(l.name ILIKE ${like} OR l.address ILIKE ${like} OR l.district ILIKE ${like})`);
  }
  if (after) where.push(sql`(l.name, l.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const list = await rows<LocationRow>(tx, sql`${LOCATION_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY l.name, l.id LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.name, last.id]) : null };
}

/** One location of the caller's region, or 404. */
export async function getLocation(tx: Tx, regionId: string, id: string): Promise<LocationRow> {
  const [row] = await rows<LocationRow>(tx, sql`${LOCATION_SELECT} WHERE l.region_id = ${regionId} AND l.id = ${id}`);
  if (!row) throw notFound({ nl: 'Deze locatie bestaat niet of is niet zichtbaar voor u.', en: 'This location does not exist or is not visible to you.' });
  return row;
}

async function checkOrganisations(tx: Tx, regionId: string, b: { municipalityId?: string; corporationId?: string | null; providerId?: string | null; programmeId?: string }) {
  const [f] = await rows<{ programme: boolean; municipality: boolean; corporation: string | null; provider: string | null }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${regionId} AND id = ${b.programmeId ?? null}::uuid) AS programme,
               EXISTS (SELECT 1 FROM municipalities WHERE region_id = ${regionId} AND id = ${b.municipalityId ?? null}::uuid) AS municipality,
               (SELECT kind FROM organisations WHERE region_id = ${regionId} AND id = ${b.corporationId ?? null}::uuid) AS corporation,
               (SELECT kind FROM organisations WHERE region_id = ${regionId} AND id = ${b.providerId ?? null}::uuid) AS provider`,
  );
  const errors: FieldError[] = [];
  if (b.programmeId && !f.programme) errors.push({ path: 'programmeId', message: 'Onbekend programma', messageEn: 'Unknown programme' });
  if (b.municipalityId && !f.municipality) errors.push({ path: 'municipalityId', message: 'Onbekende gemeente in deze regio', messageEn: 'Unknown municipality in this region' });
  if (b.corporationId && f.corporation !== 'housing_corporation') errors.push({ path: 'corporationId', message: 'Kies een woningcorporatie uit deze regio', messageEn: 'Choose a housing corporation of this region' });
  if (b.providerId && f.provider !== 'care_provider') errors.push({ path: 'providerId', message: 'Kies een zorgaanbieder uit deze regio', messageEn: 'Choose a care provider of this region' });
  if (errors.length) throw validationError(errors);
}

/** Registers a location. */
export async function createLocation(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateLocationBody>): Promise<string> {
  await checkOrganisations(tx, ctx.regionId, b);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO locations (region_id, id, programme_id, name, address, municipality_id, district, form, delivery_mode, corporation_id, provider_id, expected_date)
        VALUES (${ctx.regionId}, ${id}, ${b.programmeId}, ${b.name}, ${b.address ?? null}, ${b.municipalityId}, ${b.district ?? null},
                ${b.form}, ${b.deliveryMode}, ${b.corporationId ?? null}, ${b.providerId ?? null}, ${b.expectedDate ?? null})`,
  );
  return id;
}

/** Edits a location; `version` must match. */
export async function updateLocation(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof UpdateLocationBody>) {
  await checkOrganisations(tx, ctx.regionId, b);
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  const cols: [keyof typeof b, string][] = [
    ['name', 'name'], ['address', 'address'], ['municipalityId', 'municipality_id'], ['district', 'district'], ['form', 'form'],
    ['deliveryMode', 'delivery_mode'], ['corporationId', 'corporation_id'], ['providerId', 'provider_id'], ['expectedDate', 'expected_date'],
  ];
  for (const [key, col] of cols) if (b[key] !== undefined) sets.push(sql`${sql.identifier(col)} = ${b[key]}`);
  const done = await rows<{ id: string }>(tx, sql`UPDATE locations SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${b.version} RETURNING id`);
  if (done.length === 0) {
    throw new AppError('version_conflict', {
      nl: 'Deze locatie is intussen door iemand anders gewijzigd. Laad haar opnieuw en voer uw wijziging nog eens in.',
      en: 'Someone else changed this location in the meantime. Reload it and make your change again.',
    });
  }
}
