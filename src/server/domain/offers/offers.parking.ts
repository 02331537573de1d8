import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { recordAudit, actorOf } from '../audit/audit.service.js';

export interface ParkingRow {
  id: string;
  participant_id: string;
  code: string;
  name: string | null;
  parked_from: string;
  parked_until: string | null;
  reason: string;
  offer_id: string | null;
  ended_on: string | null;
  created_at: Date;
}

const PARKING_SELECT = sql`SELECT k.id, k.participant_id, p.code, p.given_name || ' ' || p.family_name AS name, k.parked_from, k.parked_until, k.reason,
       k.offer_id, k.ended_on, k.created_at
  FROM participant_parkings k JOIN participants p ON p.id = k.participant_id`;

/** A parking as the office sees it. */
export function presentParking(k: ParkingRow) {
  return {
    id: k.id,
    participant: { id: k.participant_id, code: k.code, name: k.name },
    parkedFrom: k.parked_from,
    parkedUntil: k.parked_until,
    reason: k.reason,
    offerId: k.offer_id,
    endedOn: k.ended_on,
  };
}

/** Parkings in force (not ended, not yet over), newest first. */
export async function listParkings(tx: Tx, ctx: AccessContext, q: { limit: number; cursor?: string }) {
  const after = requireCursor(q.cursor, 2);
  const date = today();
  const list = await rows<ParkingRow>(
    tx,
    sql`${PARKING_SELECT}
         WHERE k.region_id = ${ctx.regionId} AND k.ended_on IS NULL AND (k.parked_until IS NULL OR k.parked_until >= ${date})
           ${after ? sql`AND (k.created_at, k.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : sql``}
         ORDER BY k.created_at DESC, k.id DESC LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.map((k) => k.participant_id));
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

/** Ends a parking early: the person is matched again from that date. Returns the parking as it is now. */
export async function endParking(tx: Tx, ctx: AccessContext, id: string, b: { effectiveDate?: string; note?: string }): Promise<ParkingRow> {
  const [k] = await rows<{ id: string; participant_id: string; parked_from: string; ended_on: string | null }>(
    tx,
    sql`SELECT k.id, k.participant_id, k.parked_from, k.ended_on FROM participant_parkings k
         WHERE k.region_id = ${ctx.regionId} AND k.id = ${id} FOR UPDATE OF k`,
  );
  if (!k) throw notFound({ nl: 'Deze parkering bestaat niet of is niet zichtbaar voor u.', en: 'This parking does not exist or is not visible to you.' });
  if (k.ended_on) throw new AppError('invalid_transition', { nl: `Deze parkering is al beëindigd op ${k.ended_on}.`, en: `This parking already ended on ${k.ended_on}.` });
  const date = b.effectiveDate ?? today();
  await tx.execute(sql`UPDATE participant_parkings SET ended_on = ${date}, ended_by = ${ctx.userId} WHERE region_id = ${ctx.regionId} AND id = ${id}`);
  await recordAudit(tx, actorOf(ctx), { action: 'parking.ended', resourceType: 'parking', resourceId: id, participantId: k.participant_id, details: b.note ? { note: b.note } : null });
  await participantAccessed(tx, ctx, 'update', [k.participant_id]);
  const [after] = await rows<ParkingRow>(tx, sql`${PARKING_SELECT} WHERE k.region_id = ${ctx.regionId} AND k.id = ${id}`);
  return after;
}
