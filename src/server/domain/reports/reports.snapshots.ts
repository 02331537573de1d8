import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { inContext, rows, type AccessContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { ProgressReport } from './reports.model.js';
import { progressReport } from './reports.service.js';

/** The last day of the month that starts on `monthStart` (YYYY-MM-01). */
export function monthEnd(monthStart: string): string {
  const [y, m] = monthStart.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

/** The first day of the last month that has ended before `date`. */
export function lastCompleteMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 2, 1)).toISOString().slice(0, 10);
}

/** Every figure of a report by its code, for snapshots and CSV comparisons. */
export function reportFigures(report: ProgressReport): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const s of report.sections) for (const r of s.rows) out[`${s.key}.${r.key}`] = r.suppressed ? null : r.value;
  return out;
}

/**
 * Records the report of one month as it is known now. A month that was recorded before keeps its
 * snapshot (that is the point: what was reported then); a month that has not ended is refused.
 */
export async function takeSnapshot(
  tx: Tx,
  ctx: AccessContext,
  programmeId: string,
  monthStart: string,
  today: string,
): Promise<{ month: string; asOf: string; created: boolean }> {
  const asOf = monthEnd(monthStart);
  if (asOf >= today) {
    throw new AppError('validation_failed', {
      nl: `De maand ${monthStart.slice(0, 7)} is nog niet voorbij; een momentopname kan pas daarna.`,
      en: `The month ${monthStart.slice(0, 7)} has not ended yet; a snapshot can only be taken afterwards.`,
    });
  }
  const report = await progressReport(tx, ctx, programmeId, asOf);
  const inserted = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO programme_snapshots (region_id, id, programme_id, month, as_of, report, taken_by)
        SELECT region_id, ${randomUUID()}, id, ${monthStart}, ${asOf}, ${JSON.stringify(report)}::jsonb, ${ctx.userId || null}
          FROM programmes WHERE id = ${programmeId}
        ON CONFLICT (programme_id, month) DO NOTHING RETURNING id`,
  );
  return { month: monthStart.slice(0, 7), asOf, created: inserted.length > 0 };
}

/** The snapshots of a programme, oldest first, with every figure by its code. */
export async function listSnapshots(tx: Tx, programmeId: string) {
  const found = await rows<{ month: string; as_of: string; taken_at: Date | string; report: ProgressReport | string }>(
    tx,
    sql`SELECT month::text, as_of::text, taken_at, report FROM programme_snapshots WHERE programme_id = ${programmeId} ORDER BY month`,
  );
  return {
    items: found.map((s) => ({
      month: s.month.slice(0, 7),
      asOf: s.as_of,
      takenAt: new Date(s.taken_at).toISOString(),
      figures: reportFigures(typeof s.report === 'string' ? (JSON.parse(s.report) as ProgressReport) : s.report),
    })),
  };
}

/**
 * The monthly run (`eerstethuis snapshots take`): records last month for every programme of every
 * region, as the system (no user). Safe to run more than once.
 */
export async function snapshotAll(database: Database, today: string): Promise<{ programmes: number; created: number }> {
  const programmes = await inContext(database, null, (tx) =>
    rows<{ id: string; region_id: string }>(tx, sql`SELECT id, region_id FROM programmes ORDER BY region_id, id`),
  );
  let created = 0;
  const month = lastCompleteMonth(today);
  for (const p of programmes) {
    // The system acts as the programme office of the region; it runs past row-level security
    // (as the owner, like the other scheduled runs) and reads only aggregates.
    const system: AccessContext = {
      userId: '',
      organisationId: '',
      organisationKind: 'programme_office',
      municipalityId: null,
      regionId: p.region_id,
      roles: ['programme_office'],
      sessionId: '',
      address: 'system',
    };
    const r = await inContext(database, null, async (tx) => {
      // Past row-level security, but the aggregate functions (outcome_spells, business_case_facts)
      // still answer only within the region and for the roles the transaction carries.
      await tx.execute(sql`SELECT set_config('app.region_id', ${p.region_id}, true), set_config('app.roles', 'programme_office', true)`);
      return takeSnapshot(tx, system, p.id, month, today);
    });
    if (r.created) created++;
  }
  return { programmes: programmes.length, created };
}
