import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, fieldError, notFound, validationError, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import type { BottleneckArea, BottleneckStatus } from '../../../shared/livingLab.js';
import { notify } from '../notifications/notifications.service.js';
import { BOTTLENECK_TRANSITIONS } from './bottlenecks.policy.js';
import type { BottleneckQuery, CreateBottleneckBody, UpdateBottleneckBody } from './bottlenecks.schema.js';

export interface BottleneckRow {
  id: string;
  programme_id: string;
  title: string;
  description: string;
  area: BottleneckArea;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  owner_name: string | null;
  status: BottleneckStatus;
  solution: string | null;
  solved_on: string | null;
  proposed_by: string | null;
  proposed_by_name: string | null;
  proposed_by_organisation_id: string | null;
  proposed_by_organisation_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface BottleneckEventRow {
  id: string;
  kind: 'proposed' | 'status_changed' | 'edited';
  status_before: BottleneckStatus | null;
  status_after: BottleneckStatus;
  changes: Record<string, { from: unknown; to: unknown }>;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_by_organisation_id: string | null;
  recorded_by_organisation_name: string | null;
  recorded_at: Date;
}

const SELECT = sql`SELECT b.id, b.programme_id, b.title, b.description, b.area, b.owner_organisation_id, oo.name AS owner_organisation_name,
       b.owner_name, b.status, b.solution, b.solved_on, b.proposed_by, pu.name AS proposed_by_name, b.proposed_by_organisation_id,
       po.name AS proposed_by_organisation_name, b.version, b.created_at, b.updated_at
  FROM bottlenecks b
  LEFT JOIN organisations oo ON oo.id = b.owner_organisation_id
  LEFT JOIN users pu ON pu.id = b.proposed_by
  LEFT JOIN organisations po ON po.id = b.proposed_by_organisation_id`;

const bottleneckNotFound = () => notFound({ nl: 'Dit knelpunt bestaat niet of is niet zichtbaar voor u.', en: 'This bottleneck does not exist or is not visible to you.' });

/** The register of the caller's region, newest first, by status and area. */
export async function listBottlenecks(tx: Tx, ctx: AccessContext, q: z.infer<typeof BottleneckQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`b.region_id = ${ctx.regionId}`];
  if (q.programmeId) where.push(sql`b.programme_id = ${q.programmeId}`);
  if (q.status) where.push(sql`b.status = ${q.status}`);
  if (q.area) where.push(sql`b.area = ${q.area}`);
  if (after) where.push(sql`(b.created_at, b.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const list = await rows<BottleneckRow>(tx, sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY b.created_at DESC, b.id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

/** One bottleneck of the caller's region, or 404. */
export async function getBottleneck(tx: Tx, regionId: string, id: string, forUpdate = false): Promise<BottleneckRow> {
  const [row] = await rows<BottleneckRow>(tx, sql`${SELECT} WHERE b.region_id = ${regionId} AND b.id = ${id} ${forUpdate ? sql`FOR UPDATE OF b` : sql``}`);
  if (!row) throw bottleneckNotFound();
  return row;
}

/** The history of a bottleneck, oldest first. */
export function bottleneckHistory(tx: Tx, regionId: string, id: string) {
  return rows<BottleneckEventRow>(
    tx,
    sql`SELECT e.id, e.kind, e.status_before, e.status_after, e.changes, e.note, e.recorded_by, u.name AS recorded_by_name,
               e.recorded_by_organisation_id, o.name AS recorded_by_organisation_name, e.recorded_at
          FROM bottleneck_events e LEFT JOIN users u ON u.id = e.recorded_by LEFT JOIN organisations o ON o.id = e.recorded_by_organisation_id
         WHERE e.region_id = ${regionId} AND e.bottleneck_id = ${id}
         ORDER BY e.seq`,
  );
}

async function checkRefs(tx: Tx, regionId: string, refs: { programmeId?: string; ownerOrganisationId?: string | null }) {
  const errors: FieldError[] = [];
  if (refs.programmeId) {
    const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${refs.programmeId}`);
    if (!p) errors.push(fieldError('programmeId', 'Onbekend programma', 'Unknown programme'));
  }
  if (refs.ownerOrganisationId) {
    const [o] = await rows<{ id: string }>(tx, sql`SELECT id FROM organisations WHERE region_id = ${regionId} AND id = ${refs.ownerOrganisationId}`);
    if (!o) errors.push(fieldError('ownerOrganisationId', 'Onbekende organisatie in deze regio', 'Unknown organisation in this region'));
  }
  if (errors.length) throw validationError(errors);
}

async function insertEvent(
  tx: Tx,
  ctx: AccessContext,
  e: { bottleneckId: string; kind: BottleneckEventRow['kind']; before: BottleneckStatus | null; after: BottleneckStatus; changes: Record<string, { from: unknown; to: unknown }>; note?: string | null },
) {
  await tx.execute(
    sql`INSERT INTO bottleneck_events (region_id, id, bottleneck_id, kind, status_before, status_after, changes, note, recorded_by, recorded_by_organisation_id)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${e.bottleneckId}, ${e.kind}, ${e.before}, ${e.after}, ${JSON.stringify(e.changes)}::jsonb,
                ${e.note ?? null}, ${ctx.userId}, ${ctx.organisationId})`,
  );
}

/**
 * Proposes a bottleneck (status open) and tells the programme office when someone else
 * proposed it.
 */
export async function proposeBottleneck(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateBottleneckBody>): Promise<string> {
  await checkRefs(tx, ctx.regionId, b);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO bottlenecks (region_id, id, programme_id, title, description, area, owner_organisation_id, owner_name, proposed_by, proposed_by_organisation_id)
        VALUES (${ctx.regionId}, ${id}, ${b.programmeId}, ${b.title}, ${b.description}, ${b.area}, ${b.ownerOrganisationId ?? null},
                ${b.ownerName ?? null}, ${ctx.userId}, ${ctx.organisationId})`,
  );
  await insertEvent(tx, ctx, { bottleneckId: id, kind: 'proposed', before: null, after: 'open', changes: {} });
  if (!ctx.roles.includes('programme_office')) {
    await notify(tx, ctx.regionId, { roles: ['programme_office'] }, {
      kind: 'bottleneck_proposed',
      title: { nl: 'Nieuw knelpunt voorgesteld', en: 'New bottleneck proposed' },
      body: { nl: `Voorgesteld knelpunt: “${b.title}”. Beoordeel het in het knelpuntenregister.`, en: `Proposed bottleneck: “${b.title}”. Review it in the bottleneck register.` },
      link: `/knelpunten/${id}`,
    });
  }
  return id;
}

const FIELDS = {
  title: 'title',
  description: 'description',
  area: 'area',
  ownerOrganisationId: 'owner_organisation_id',
  ownerName: 'owner_name',
  status: 'status',
  solution: 'solution',
  solvedOn: 'solved_on',
} as const;

/**
 * Changes a bottleneck: status along the life cycle, owner, solution. Solved needs a solution
 * and the day it was solved (not in the future, not before it was proposed); won't fix needs a
 * solution text saying why; reopening clears the solved date. `version` must match. One event
 * per change records what changed from what to what.
 */
export async function updateBottleneck(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof UpdateBottleneckBody>): Promise<void> {
  const current = await getBottleneck(tx, ctx.regionId, id, true);
  if (current.version !== b.version) {
    throw new AppError('version_conflict', {
      nl: 'Dit knelpunt is intussen door iemand anders gewijzigd. Laad het opnieuw en voer uw wijziging nog eens in.',
      en: 'Someone else changed this bottleneck in the meantime. Reload it and make your change again.',
    });
  }
  await checkRefs(tx, ctx.regionId, { ownerOrganisationId: b.ownerOrganisationId });
  const status = b.status ?? current.status;
  if (status !== current.status && !BOTTLENECK_TRANSITIONS[current.status].includes(status)) {
    throw new AppError('invalid_transition', {
      nl: `Van “${current.status}” kan een knelpunt alleen naar ${BOTTLENECK_TRANSITIONS[current.status].join(', ')}; heropen het eerst.`,
      en: `From “${current.status}” a bottleneck can only go to ${BOTTLENECK_TRANSITIONS[current.status].join(', ')}; reopen it first.`,
    });
  }
  const solution = b.solution !== undefined ? b.solution : current.solution;
  // Reopening clears the date it was solved; the solution text stays as a record.
  let solvedOn = b.solvedOn !== undefined ? b.solvedOn : current.solved_on;
  if (status !== 'solved' && b.solvedOn === undefined) solvedOn = null;
  const errors: FieldError[] = [];
  if (status === 'solved') {
    if (!solution) errors.push(fieldError('solution', 'Beschrijf de oplossing van een opgelost knelpunt.', 'Describe the solution of a solved bottleneck.'));
    if (!solvedOn) errors.push(fieldError('solvedOn', 'Geef de datum waarop het knelpunt is opgelost.', 'Give the date the bottleneck was solved.'));
    const proposed = new Date(current.created_at).toISOString().slice(0, 10);
    if (solvedOn && solvedOn > today()) errors.push(fieldError('solvedOn', 'De datum ligt in de toekomst.', 'The date is in the future.'));
    if (solvedOn && solvedOn < proposed) errors.push(fieldError('solvedOn', `De datum ligt vóór het voorstel (${proposed}).`, `The date is before the proposal (${proposed}).`));
  } else if (solvedOn) {
    errors.push(fieldError('solvedOn', 'Alleen een opgelost knelpunt heeft een datum van oplossing.', 'Only a solved bottleneck has a date solved.'));
  }
  if (status === 'wont_fix' && !solution) {
    errors.push(fieldError('solution', 'Leg uit waarom het knelpunt niet wordt opgelost.', 'Explain why the bottleneck will not be solved.'));
  }
  if (errors.length) throw validationError(errors);

  const next = {
    title: b.title ?? current.title,
    description: b.description ?? current.description,
    area: b.area ?? current.area,
    ownerOrganisationId: b.ownerOrganisationId !== undefined ? b.ownerOrganisationId : current.owner_organisation_id,
    ownerName: b.ownerName !== undefined ? b.ownerName : current.owner_name,
    status,
    solution,
    solvedOn,
  };
  const before = {
    title: current.title,
    description: current.description,
    area: current.area,
    ownerOrganisationId: current.owner_organisation_id,
    ownerName: current.owner_name,
    status: current.status,
    solution: current.solution,
    solvedOn: current.solved_on,
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    if (next[k] !== before[k]) changes[k] = { from: before[k], to: next[k] };
  }
  // Nothing changed: nothing to record.
  if (Object.keys(changes).length === 0 && !b.note) return;
  const sets = (Object.keys(changes) as (keyof typeof FIELDS)[]).map((k) => sql`${sql.raw(FIELDS[k])} = ${next[k]}`);
  await tx.execute(
    sql`UPDATE bottlenecks SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
         WHERE region_id = ${ctx.regionId} AND id = ${id}`,
  );
  await insertEvent(tx, ctx, { bottleneckId: id, kind: changes.status ? 'status_changed' : 'edited', before: current.status, after: status, changes, note: b.note ?? null });
}

/** For the Living Lab overview page: the register's counts by status and by area. */
export async function bottleneckSummary(tx: Tx, ctx: AccessContext, programmeId: string) {
  const byStatus = await rows<{ status: BottleneckStatus; n: number }>(
    tx,
    sql`SELECT status, count(*)::int AS n FROM bottlenecks WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} GROUP BY status ORDER BY status`,
  );
  const byArea = await rows<{ area: BottleneckArea; open: number; solved: number; total: number }>(
    tx,
    sql`SELECT area, count(*) FILTER (WHERE status IN ('open','in_progress'))::int AS open, count(*) FILTER (WHERE status = 'solved')::int AS solved,
               count(*)::int AS total
          FROM bottlenecks WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} GROUP BY area ORDER BY area`,
  );
  return { byStatus, byArea };
}
