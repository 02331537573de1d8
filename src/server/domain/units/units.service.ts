import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows } from '../../http/context.js';
import type { AccessContext } from '../../http/context.js';
import { AppError, fieldError, notFound, validationError, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { HousingForm, UnitStatus } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { transitionRefusal } from './units.machine.js';
import type { z } from 'zod';
import type { CreateUnitBody, StatusChangeBody, UnitQuery, UpdateUnitBody } from './units.schema.js';

export interface UnitRow {
  id: string;
  region_id: string;
  programme_id: string;
  label: string;
  status: UnitStatus;
  status_since: string;
  municipality_id: string;
  municipality: string;
  location_id: string | null;
  location: string | null;
  corporation_id: string | null;
  pledge_id: string | null;
  tranche_id: string | null;
  tranche: string | null;
  form: HousingForm;
  rooms: number | null;
  expected_date: string | null;
  version: number;
}

export interface UnitEventRow {
  id: string;
  status: UnitStatus;
  effective_date: string;
  recorded_at: Date;
  recorded_by: string | null;
  recorded_by_name: string | null;
  note: string | null;
  expected_date: string | null;
}

const unitNotFound = () => notFound({ nl: 'Deze woning bestaat niet of is niet zichtbaar voor u.', en: 'This unit does not exist or is not visible to you.' });

const UNIT_SELECT = sql`SELECT u.id, u.region_id, u.programme_id, u.label, u.status, u.status_since, u.municipality_id,
       m.name AS municipality, u.location_id, l.name AS location, l.corporation_id, u.pledge_id, u.tranche_id,
       t.name AS tranche, u.form, u.rooms, u.expected_date, u.version
  FROM units u
  JOIN municipalities m ON m.id = u.municipality_id
  LEFT JOIN locations l ON l.id = u.location_id
  LEFT JOIN tranches t ON t.id = u.tranche_id`;

/** The units of the caller's region, filtered, by label, a page at a time. */
export async function listUnits(tx: Tx, ctx: AccessContext, q: z.infer<typeof UnitQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`u.region_id = ${ctx.regionId}`];
  if (q.programmeId) where.push(sql`u.programme_id = ${q.programmeId}`);
  if (q.status) where.push(sql`u.status = ${q.status}`);
  if (q.municipalityId) where.push(sql`u.municipality_id = ${q.municipalityId}`);
  if (q.locationId) where.push(sql`u.location_id = ${q.locationId}`);
  if (q.trancheId) where.push(sql`u.tranche_id = ${q.trancheId}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(u.label ILIKE ${like} OR l.name ILIKE ${like} OR m.name ILIKE ${like})`);
  }
  if (after) where.push(sql`(u.label, u.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const list = await rows<UnitRow>(
    tx,
    sql`${UNIT_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY u.label, u.id LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.label, last.id]) : null };
}

/** One unit of the caller's region, or 404. `forUpdate` locks the row for a status change. */
export async function getUnit(tx: Tx, regionId: string, id: string, forUpdate = false): Promise<UnitRow> {
  const [row] = await rows<UnitRow>(
    tx,
    sql`${UNIT_SELECT} WHERE u.region_id = ${regionId} AND u.id = ${id} ${forUpdate ? sql`FOR UPDATE OF u` : sql``}`,
  );
  if (!row) throw unitNotFound();
  return row;
}

/** The status history of a unit, oldest first. */
export function unitHistory(tx: Tx, regionId: string, unitId: string) {
  return rows<UnitEventRow>(
    tx,
    sql`SELECT e.id, e.status, e.effective_date, e.recorded_at, e.recorded_by, us.name AS recorded_by_name, e.note, e.expected_date
          FROM unit_status_events e LEFT JOIN users us ON us.id = e.recorded_by
         WHERE e.region_id = ${regionId} AND e.unit_id = ${unitId}
         ORDER BY e.effective_date, e.seq`,
  );
}

const refused = validationError;

/**
 * Checks that referenced records exist in the caller's region and belong to the programme.
 * A reference to another region's record reads as unknown, never as "exists elsewhere".
 */
export async function checkReferences(
  tx: Tx,
  regionId: string,
  refs: { programmeId: string; municipalityId?: string; locationId?: string | null; trancheId?: string | null; pledgeId?: string | null },
): Promise<{ locationMunicipalityId: string | null }> {
  const [found] = await rows<{ programme: boolean; municipality: boolean; location_municipality: string | null; location_programme: string | null; tranche: boolean; pledge: boolean }>(
    tx,
    sql`SELECT
          EXISTS (SELECT 1 FROM programmes WHERE region_id = ${regionId} AND id = ${refs.programmeId}) AS programme,
          EXISTS (SELECT 1 FROM municipalities WHERE region_id = ${regionId} AND id = ${refs.municipalityId ?? null}::uuid) AS municipality,
          (SELECT municipality_id FROM locations WHERE region_id = ${regionId} AND id = ${refs.locationId ?? null}::uuid) AS location_municipality,
          (SELECT programme_id FROM locations WHERE region_id = ${regionId} AND id = ${refs.locationId ?? null}::uuid) AS location_programme,
          EXISTS (SELECT 1 FROM tranches WHERE region_id = ${regionId} AND programme_id = ${refs.programmeId} AND id = ${refs.trancheId ?? null}::uuid) AS tranche,
          EXISTS (SELECT 1 FROM pledges WHERE region_id = ${regionId} AND programme_id = ${refs.programmeId} AND id = ${refs.pledgeId ?? null}::uuid) AS pledge`,
  );
  const errors: FieldError[] = [];
  if (!found.programme) errors.push(fieldError('programmeId', 'Onbekend programma', 'Unknown programme'));
  if (refs.municipalityId && !found.municipality) errors.push(fieldError('municipalityId', 'Onbekende gemeente in deze regio', 'Unknown municipality in this region'));
  if (refs.locationId && found.location_programme !== refs.programmeId) errors.push(fieldError('locationId', 'Onbekende locatie in dit programma', 'Unknown location in this programme'));
  if (refs.trancheId && !found.tranche) errors.push(fieldError('trancheId', 'Onbekende tranche in dit programma', 'Unknown tranche in this programme'));
  if (refs.pledgeId && !found.pledge) errors.push(fieldError('pledgeId', 'Onbekende toezegging in dit programma', 'Unknown pledge in this programme'));
  if (errors.length) throw refused(errors);
  return { locationMunicipalityId: found.location_municipality };
}

function checkEffectiveDate(date: string, notBefore: string | null) {
  if (date > today()) {
    throw refused([fieldError('effectiveDate', 'De datum ligt in de toekomst; leg een status vast als die is ingegaan.', 'The date is in the future; record a status once it has taken effect.')]);
  }
  if (notBefore && date < notBefore) {
    throw refused([fieldError('effectiveDate', `De datum ligt vóór de vorige statuswijziging (${notBefore}).`, `The date is before the previous status change (${notBefore}).`)]);
  }
}

async function insertEvent(
  tx: Tx,
  ctx: AccessContext | null,
  e: { regionId: string; unitId: string; status: UnitStatus; effectiveDate: string; expectedDate?: string | null; locationId?: string | null; note?: string | null },
) {
  await tx.execute(
    sql`INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date, expected_date, location_id, note, recorded_by)
        VALUES (${e.regionId}, ${crypto.randomUUID()}, ${e.unitId}, ${e.status}, ${e.effectiveDate}, ${e.expectedDate ?? null},
                ${e.locationId ?? null}, ${e.note ?? null}, ${ctx?.userId ?? null})`,
  );
}

/** Creates a unit with its first status event. `location_found` and later need a location. */
export async function createUnit(tx: Tx, ctx: AccessContext, body: z.infer<typeof CreateUnitBody>): Promise<string> {
  await checkReferences(tx, ctx.regionId, body);
  if (body.status !== 'pledged' && !body.locationId) {
    throw refused([fieldError('locationId', 'Een woning met een gevonden locatie heeft een locatie nodig.', 'A unit whose location is found needs a location.')]);
  }
  checkEffectiveDate(body.effectiveDate, null);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO units (region_id, id, programme_id, pledge_id, location_id, tranche_id, municipality_id, label, form, rooms, status, status_since, expected_date)
        VALUES (${ctx.regionId}, ${id}, ${body.programmeId}, ${body.pledgeId ?? null}, ${body.locationId ?? null}, ${body.trancheId ?? null},
                ${body.municipalityId}, ${body.label}, ${body.form}, ${body.rooms ?? null}, ${body.status}, ${body.effectiveDate}, ${body.expectedDate ?? null})`,
  );
  await insertEvent(tx, ctx, { regionId: ctx.regionId, unitId: id, status: body.status, effectiveDate: body.effectiveDate, expectedDate: body.expectedDate, locationId: body.locationId, note: body.note });
  return id;
}

/** Edits a unit's descriptive fields; `version` must match (optimistic concurrency). */
export async function updateUnit(tx: Tx, ctx: AccessContext, unit: UnitRow, body: z.infer<typeof UpdateUnitBody>) {
  await checkReferences(tx, ctx.regionId, { programmeId: unit.programme_id, municipalityId: body.municipalityId, locationId: body.locationId, trancheId: body.trancheId });
  if (body.locationId === null && unit.status !== 'pledged' && unit.status !== 'withdrawn') {
    throw refused([fieldError('locationId', 'Een woning met een gevonden locatie houdt een locatie.', 'A unit whose location is found keeps a location.')]);
  }
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  if (body.label !== undefined) sets.push(sql`label = ${body.label}`);
  if (body.rooms !== undefined) sets.push(sql`rooms = ${body.rooms}`);
  if (body.locationId !== undefined) sets.push(sql`location_id = ${body.locationId}`);
  if (body.trancheId !== undefined) sets.push(sql`tranche_id = ${body.trancheId}`);
  if (body.municipalityId !== undefined) sets.push(sql`municipality_id = ${body.municipalityId}`);
  if (body.form !== undefined) sets.push(sql`form = ${body.form}`);
  const updated = await rows<{ id: string }>(
    tx,
    sql`UPDATE units SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${unit.id} AND version = ${body.version} RETURNING id`,
  );
  if (updated.length === 0) {
    throw new AppError('version_conflict', {
      nl: 'Deze woning is intussen door iemand anders gewijzigd. Laad haar opnieuw en voer uw wijziging nog eens in.',
      en: 'Someone else changed this unit in the meantime. Reload it and make your change again.',
    });
  }
}

/**
 * Records a status change: checks the transition against the life cycle, the date against the
 * history, and that `location_found` has a location; then writes the event and the current
 * status together. The unit row is locked, so concurrent changes are serialised.
 */
export async function changeUnitStatus(tx: Tx, ctx: AccessContext, unitId: string, body: z.infer<typeof StatusChangeBody>) {
  const unit = await getUnit(tx, ctx.regionId, unitId, true);
  const refusal = transitionRefusal(unit.status, body.status);
  if (refusal) throw new AppError('invalid_transition', refusal);
  if (body.locationId) await checkReferences(tx, ctx.regionId, { programmeId: unit.programme_id, locationId: body.locationId });
  // Back to pledged means the location fell through: the unit no longer has one.
  const locationId = body.status === 'pledged' ? null : (body.locationId ?? unit.location_id);
  if (body.status === 'location_found' && !locationId) {
    throw new AppError('invalid_transition', {
      nl: 'Kies eerst de locatie: “locatie gevonden” kan alleen met een locatie.',
      en: 'Choose the location first: “location found” needs a location.',
    });
  }
  const [last] = await rows<{ d: string }>(tx, sql`SELECT max(effective_date) AS d FROM unit_status_events WHERE region_id = ${ctx.regionId} AND unit_id = ${unitId}`);
  checkEffectiveDate(body.effectiveDate, last?.d ?? null);
  await insertEvent(tx, ctx, { regionId: ctx.regionId, unitId, status: body.status, effectiveDate: body.effectiveDate, expectedDate: body.expectedDate, locationId, note: body.note });
  await tx.execute(
    sql`UPDATE units SET status = ${body.status}, status_since = ${body.effectiveDate}, location_id = ${locationId},
               expected_date = ${body.expectedDate ?? null}, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${unitId}`,
  );
}
