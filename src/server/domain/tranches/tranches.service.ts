import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';
import { AppError, notFound, validationError, fieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { UnitStatus } from '../../../shared/enums.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { monthEnds } from '../counter/counter.js';
import {
  capacityOn,
  dayAfter,
  eventsByUnit,
  planRollover,
  statusOn,
  usageSeries,
  type CapacityEvent,
  type RolloverFacts,
  type StatusEvent,
  type UnitFacts,
} from './tranches.compute.js';

export interface TrancheRow {
  id: string;
  programme_id: string;
  number: number;
  name: string;
  capacity: number;
  provider_id: string | null;
  provider: string | null;
  deadline: string | null;
}

/** Everything the tranche figures of one programme are computed from (a few thousand rows at most). */
export interface TrancheData {
  programme: { id: string; period_start: string; period_end: string };
  tranches: TrancheRow[];
  capacityEvents: CapacityEvent[];
  units: (UnitFacts & { label: string; location: string | null })[];
  events: StatusEvent[];
  rollovers: RolloverFacts[];
}

const programmeNotFound = () =>
  notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
const trancheNotFound = () => notFound({ nl: 'Deze tranche bestaat niet.', en: 'This tranche does not exist.' });

/** Loads a programme's tranches, their capacity events, homes, status events and rollovers. */
export async function loadTrancheData(tx: Tx, regionId: string, programmeId: string): Promise<TrancheData> {
  const [programme] = await rows<{ id: string; period_start: string; period_end: string }>(
    tx,
    sql`SELECT id, period_start::text, period_end::text FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`,
  );
  if (!programme) throw programmeNotFound();
  const tranches = await rows<TrancheRow>(
    tx,
    sql`SELECT t.id, t.programme_id, t.number, t.name, t.capacity, t.provider_id, o.name AS provider, t.deadline::text AS deadline
          FROM tranches t LEFT JOIN organisations o ON o.id = t.provider_id
         WHERE t.region_id = ${regionId} AND t.programme_id = ${programmeId} ORDER BY t.number`,
  );
  const cap = await rows<{ tranche_id: string; effective_date: string; delta: number }>(
    tx,
    sql`SELECT e.tranche_id, e.effective_date::text AS effective_date, e.delta FROM tranche_capacity_events e
          JOIN tranches t ON t.id = e.tranche_id
         WHERE e.region_id = ${regionId} AND t.programme_id = ${programmeId} ORDER BY e.effective_date, e.recorded_at`,
  );
  const units = await rows<{ id: string; tranche_id: string | null; status: UnitStatus; label: string; location: string | null }>(
    tx,
    sql`SELECT u.id, u.tranche_id, u.status, u.label, l.name AS location
          FROM units u LEFT JOIN locations l ON l.id = u.location_id
         WHERE u.region_id = ${regionId} AND u.programme_id = ${programmeId} AND u.tranche_id IS NOT NULL
         ORDER BY u.label, u.id`,
  );
  const events = await rows<{ unit_id: string; status: UnitStatus; effective_date: string; seq: number }>(
    tx,
    sql`SELECT e.unit_id, e.status, e.effective_date::text AS effective_date, e.seq FROM unit_status_events e JOIN units u ON u.id = e.unit_id
         WHERE e.region_id = ${regionId} AND u.programme_id = ${programmeId} AND u.tranche_id IS NOT NULL`,
  );
  const rollovers = await rows<{ from_tranche_id: string; to_tranche_id: string; cutoff_date: string; unit_ids: string[] }>(
    tx,
    sql`SELECT from_tranche_id, to_tranche_id, cutoff_date::text AS cutoff_date, unit_ids::text[] AS unit_ids FROM tranche_rollovers
         WHERE region_id = ${regionId} AND programme_id = ${programmeId}`,
  );
  return {
    programme,
    tranches,
    capacityEvents: cap.map((c) => ({ trancheId: c.tranche_id, effectiveDate: c.effective_date, delta: Number(c.delta) })),
    units: units.map((u) => ({ id: u.id, trancheId: u.tranche_id, status: u.status, label: u.label, location: u.location })),
    events: events.map((e) => ({ unitId: e.unit_id, status: e.status, effectiveDate: e.effective_date, seq: Number(e.seq) })),
    rollovers: rollovers.map((r) => ({ fromTrancheId: r.from_tranche_id, toTrancheId: r.to_tranche_id, cutoffDate: r.cutoff_date, unitIds: r.unit_ids ?? [] })),
  };
}

/**
 * Capacity and used places per tranche at the end of every month from `from` to `to`, and on
 * `today` (the current figures: capacity, used, free).
 */
export async function trancheUsage(tx: Tx, regionId: string, programmeId: string, q: { from?: string; to?: string }, today: string) {
  const d = await loadTrancheData(tx, regionId, programmeId);
  const from = q.from ?? d.programme.period_start;
  const to = q.to ?? (today < d.programme.period_end ? today : d.programme.period_end);
  if (from > to) throw validationError([fieldError('query.from', 'De begindatum ligt na de einddatum', 'The start date is after the end date')]);
  const dates = monthEnds(from, to);
  if (dates.length > 240) throw validationError([fieldError('query.from', 'Kies een periode van hooguit twintig jaar', 'Choose a period of at most twenty years')]);
  const facts = d.tranches.map((t) => ({ id: t.id, number: t.number, capacity: t.capacity }));
  const series = usageSeries(facts, d.capacityEvents, d.units, d.events, d.rollovers, dates);
  const now = usageSeries(facts, d.capacityEvents, d.units, d.events, d.rollovers, [today]);
  return d.tranches.map((t) => {
    const c = now.get(t.id)![0];
    return { tranche: t, current: { ...c, free: Math.max(0, c.capacity - c.used) }, series: series.get(t.id)! };
  });
}

/** The tranche and the programme it belongs to; 404 outside the caller's region. */
async function requireTranche(tx: Tx, regionId: string, trancheId: string) {
  const [t] = await rows<{ programme_id: string }>(tx, sql`SELECT programme_id FROM tranches WHERE region_id = ${regionId} AND id = ${trancheId}`);
  if (!t) throw trancheNotFound();
  return t.programme_id;
}

export type RolloverPreviewResult = Awaited<ReturnType<typeof rolloverPreview>>;

/**
 * What a year-end rollover of a tranche at a cutoff would change, without changing anything.
 * The hash covers everything the confirmation will write: if any of it differs when the office
 * confirms, the confirmation is refused.
 */
export async function rolloverPreview(tx: Tx, regionId: string, trancheId: string, cutoffDate: string) {
  const programmeId = await requireTranche(tx, regionId, trancheId);
  const d = await loadTrancheData(tx, regionId, programmeId);
  const from = d.tranches.find((t) => t.id === trancheId)!;
  const to = d.tranches.find((t) => t.number === from.number + 1);
  if (!to) {
    throw new AppError('conflict', {
      nl: `Er is geen volgende tranche na “${from.name}” om de plekken naar over te hevelen.`,
      en: `There is no tranche after “${from.name}” to move the places to.`,
    });
  }
  const plan = planRollover({ id: from.id, number: from.number, capacity: from.capacity }, d.capacityEvents, d.units, d.events, cutoffDate);
  const effectiveDate = dayAfter(cutoffDate);
  const byUnit = eventsByUnit(d.events);
  const moving = new Set(plan.unitIds);
  const units = d.units
    .filter((u) => moving.has(u.id))
    .map((u) => ({ id: u.id, label: u.label, location: u.location, statusAtCutoff: statusOn(byUnit.get(u.id), cutoffDate), status: u.status }));
  const fromBefore = capacityOn({ id: from.id, number: from.number, capacity: from.capacity }, d.capacityEvents, effectiveDate);
  const toBefore = capacityOn({ id: to.id, number: to.number, capacity: to.capacity }, d.capacityEvents, effectiveDate);
  const [applied] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM tranche_rollovers WHERE region_id = ${regionId} AND from_tranche_id = ${trancheId} AND cutoff_date = ${cutoffDate}`,
  );
  const content = {
    fromTranche: { id: from.id, number: from.number, name: from.name },
    toTranche: { id: to.id, number: to.number, name: to.name },
    cutoffDate,
    effectiveDate,
    losingProvider: from.provider_id ? { id: from.provider_id, name: from.provider ?? '' } : null,
    capacityAtCutoff: plan.capacityAtCutoff,
    usedCount: plan.usedCount,
    places: plan.places,
    unitCount: units.length,
    unassignedPlaces: plan.unassignedPlaces,
    units,
    fromCapacity: { before: fromBefore, after: fromBefore - plan.places },
    toCapacity: { before: toBefore, after: toBefore + plan.places },
  };
  return { ...content, previewHash: hashPreview(content), appliedRolloverId: applied?.id ?? null };
}

/** SHA-256 of what the preview shows; object keys are written in a fixed order above. */
function hashPreview(content: object): string {
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Confirms a rollover: applies exactly the preview the office saw (same hash), or nothing. Moves
 * the homes to the next tranche, writes the capacity change of both tranches on the day after
 * the cutoff, keeps the preview with the rollover, writes the audit row and tells the provider
 * that loses the places and the programme office.
 */
export async function confirmRollover(tx: Tx, ctx: AccessContext, trancheId: string, body: { cutoffDate: string; previewHash: string }, today: string) {
  if (body.cutoffDate >= today) {
    throw validationError([
      fieldError('cutoffDate', 'De peildatum moet voorbij zijn: plekken schuiven pas door na het jaareinde', 'The cutoff date must have passed: places move only after the year end'),
    ]);
  }
  const p = await rolloverPreview(tx, ctx.regionId, trancheId, body.cutoffDate);
  if (p.appliedRolloverId) {
    throw new AppError('conflict', {
      nl: `De overheveling van ${p.fromTranche.name} per ${body.cutoffDate} is al bevestigd.`,
      en: `The rollover of ${p.fromTranche.name} at ${body.cutoffDate} was already confirmed.`,
    });
  }
  if (p.previewHash !== body.previewHash) {
    throw new AppError('conflict', {
      nl: 'De gegevens zijn gewijzigd sinds de voorvertoning. Bekijk de voorvertoning opnieuw en bevestig dan.',
      en: 'The data changed since the preview. Look at the preview again, then confirm.',
    });
  }
  const programmeId = await requireTranche(tx, ctx.regionId, trancheId);
  const id = crypto.randomUUID();
  const unitIds = p.units.map((u) => u.id);
  const { previewHash: _h, appliedRolloverId: _a, ...preview } = p;
  // The unique key (tranche, cutoff) refuses a second rollover also when two confirmations race.
  const inserted = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO tranche_rollovers (region_id, id, programme_id, from_tranche_id, to_tranche_id, cutoff_date, places, unit_ids, preview, confirmed_by)
        VALUES (${ctx.regionId}, ${id}, ${programmeId}, ${trancheId}, ${p.toTranche.id}, ${body.cutoffDate}, ${p.places},
                ${textArray(unitIds)}::uuid[], ${JSON.stringify({ ...preview, previewHash: p.previewHash })}::jsonb, ${ctx.userId})
        ON CONFLICT (from_tranche_id, cutoff_date) DO NOTHING RETURNING id`,
  );
  if (!inserted.length) {
    throw new AppError('conflict', { nl: 'Deze overheveling is intussen al bevestigd.', en: 'This rollover was confirmed in the meantime.' });
  }
  if (unitIds.length) {
    const moved = await rows<{ id: string }>(
      tx,
      sql`UPDATE units SET tranche_id = ${p.toTranche.id}, version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND tranche_id = ${trancheId} AND id = ANY(${textArray(unitIds)}::uuid[]) RETURNING id`,
    );
    // Someone moved a home in between: refuse the whole confirmation (the transaction rolls back).
    if (moved.length !== unitIds.length) {
      throw new AppError('conflict', {
        nl: 'De gegevens zijn gewijzigd sinds de voorvertoning. Bekijk de voorvertoning opnieuw en bevestig dan.',
        en: 'The data changed since the preview. Look at the preview again, then confirm.',
      });
    }
  }
  if (p.places > 0) {
    const note = `Jaareinde ${body.cutoffDate}: ${p.fromTranche.name} → ${p.toTranche.name}`;
    await tx.execute(
      sql`INSERT INTO tranche_capacity_events (region_id, id, tranche_id, effective_date, delta, rollover_id, note)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${trancheId}, ${p.effectiveDate}, ${-p.places}, ${id}, ${note}),
                 (${ctx.regionId}, ${crypto.randomUUID()}, ${p.toTranche.id}, ${p.effectiveDate}, ${p.places}, ${id}, ${note})`,
    );
  }
  await recordAudit(tx, actorOf(ctx), {
    action: 'tranche.rollover',
    resourceType: 'tranche',
    resourceId: trancheId,
    details: { rolloverId: id, toTrancheId: p.toTranche.id, cutoffDate: body.cutoffDate, places: p.places, units: unitIds.length, previewHash: p.previewHash },
  });
  const message = {
    kind: 'tranche.rollover',
    title: {
      nl: `${p.places} plekken van ${p.fromTranche.name} naar ${p.toTranche.name}`,
      en: `${p.places} places moved from ${p.fromTranche.name} to ${p.toTranche.name}`,
    },
    body: {
      nl: `Per ${p.effectiveDate} gaan ${p.places} plekken die op ${body.cutoffDate} niet benut waren van ${p.fromTranche.name}` +
        `${p.losingProvider ? ` (${p.losingProvider.name})` : ''} naar ${p.toTranche.name}; ${unitIds.length} woningen verhuizen mee. ` +
        `Capaciteit ${p.fromTranche.name}: ${p.fromCapacity.before} → ${p.fromCapacity.after}.`,
      en: `From ${p.effectiveDate}, ${p.places} places unused on ${body.cutoffDate} move from ${p.fromTranche.name}` +
        `${p.losingProvider ? ` (${p.losingProvider.name})` : ''} to ${p.toTranche.name}; ${unitIds.length} homes move with them. ` +
        `Capacity of ${p.fromTranche.name}: ${p.fromCapacity.before} → ${p.fromCapacity.after}.`,
    },
    link: '/tranches',
  };
  if (p.losingProvider) await notify(tx, ctx.regionId, { organisationId: p.losingProvider.id, roles: ['care_manager'] }, message);
  await notify(tx, ctx.regionId, { roles: ['programme_office'] }, message);
  const [row] = await listRollovers(tx, ctx.regionId, programmeId, { limit: 1 }, id).then((r) => r.items);
  return row;
}

export interface RolloverRow {
  id: string;
  programme_id: string;
  from_id: string;
  from_number: number;
  from_name: string;
  to_id: string;
  to_number: number;
  to_name: string;
  cutoff_date: string;
  places: number;
  unit_ids: string[];
  losing_provider: string | null;
  confirmed_by: string | null;
  confirmed_at: Date | string;
}

/** The confirmed rollovers of a programme, newest first. */
export async function listRollovers(tx: Tx, regionId: string, programmeId: string, q: { limit: number; cursor?: string }, onlyId?: string) {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`);
  if (!p) throw programmeNotFound();
  const after = requireCursor(q.cursor, 2);
  const list = await rows<RolloverRow>(
    tx,
    sql`SELECT r.id, r.programme_id, f.id AS from_id, f.number AS from_number, f.name AS from_name, t.id AS to_id, t.number AS to_number,
               t.name AS to_name, r.cutoff_date::text AS cutoff_date, r.places, r.unit_ids::text[] AS unit_ids,
               r.preview -> 'losingProvider' ->> 'name' AS losing_provider, u.name AS confirmed_by, r.confirmed_at
          FROM tranche_rollovers r JOIN tranches f ON f.id = r.from_tranche_id JOIN tranches t ON t.id = r.to_tranche_id
          LEFT JOIN users u ON u.id = r.confirmed_by
         WHERE r.region_id = ${regionId} AND r.programme_id = ${programmeId}
               ${onlyId ? sql`AND r.id = ${onlyId}` : sql``}
               ${after ? sql`AND (r.confirmed_at, r.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : sql``}
         ORDER BY r.confirmed_at DESC, r.id DESC LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.confirmed_at).toISOString(), last.id]) : null,
  };
}
