import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { ACTIVE_PHASES, WAITING_PHASES, type ParticipantPhase } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { visibleToSql } from '../participants/participants.visibility.js';
import { DEFAULT_PRIORITY, priorityKey, type PriorityFacts, type PrioritySettings } from './waitingList.priority.js';
import { PrioritySettingsShape, type FlowQuery, type PrioritySettingsBody } from './waitingList.schema.js';

export interface StoredPriority {
  programmeId: string;
  version: number;
  settings: PrioritySettings;
  note: string | null;
  createdAt: Date | null;
  createdBy: { id: string; name: string } | null;
}

/** 404 unless the programme belongs to the region. */
export async function requireProgrammeInRegion(tx: Tx, regionId: string, programmeId: string): Promise<void> {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`);
  if (!p) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
}

/** The priority settings in force for a programme: the latest version, or the default (version 0). */
export async function getPrioritySettings(tx: Tx, regionId: string, programmeId: string): Promise<StoredPriority> {
  const [row] = await rows<{ version: number; settings: unknown; note: string | null; created_at: Date; created_by: string | null; created_by_name: string | null }>(
    tx,
    sql`SELECT s.version, s.settings, s.note, s.created_at, s.created_by, u.name AS created_by_name
          FROM priority_settings s LEFT JOIN users u ON u.id = s.created_by
         WHERE s.region_id = ${regionId} AND s.programme_id = ${programmeId}
         ORDER BY s.version DESC LIMIT 1`,
  );
  if (!row) return { programmeId, version: 0, settings: DEFAULT_PRIORITY, note: null, createdAt: null, createdBy: null };
  const parsed = PrioritySettingsShape.safeParse(row.settings);
  return {
    programmeId,
    version: row.version,
    // A stored version is validated on the way in; should it ever be unreadable, the default applies.
    settings: parsed.success ? parsed.data : DEFAULT_PRIORITY,
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
  };
}

/** A per-request cache of settings by programme (lists touch a programme many times). */
export function settingsCache(tx: Tx, regionId: string) {
  const cache = new Map<string, Promise<StoredPriority>>();
  return (programmeId: string) => {
    let p = cache.get(programmeId);
    if (!p) {
      p = getPrioritySettings(tx, regionId, programmeId);
      cache.set(programmeId, p);
    }
    return p;
  };
}

interface FactsRow {
  id: string;
  code: string;
  phase: ParticipantPhase;
  waiting_list_registered_on: string | null;
  first_referred_on: string;
  target_group: PriorityFacts['targetGroup'];
  current_place: PriorityFacts['currentPlace'];
  priority_key: string;
}

const toFacts = (r: FactsRow): PriorityFacts => ({
  code: r.code,
  phase: r.phase,
  waitingListRegisteredOn: r.waiting_list_registered_on,
  firstReferredOn: r.first_referred_on,
  targetGroup: r.target_group,
  currentPlace: r.current_place,
});

/**
 * Recomputes the sort key of one participant under its programme's settings. Every change that
 * can move someone on the list (referral, phase, waiting-list date, target group, current place,
 * merge) ends with this call.
 */
export async function refreshPriorityKey(tx: Tx, regionId: string, participantId: string): Promise<void> {
  const [r] = await rows<FactsRow & { programme_id: string }>(
    tx,
    sql`SELECT id, code, phase, waiting_list_registered_on, first_referred_on, target_group, current_place, priority_key, programme_id
          FROM participants WHERE region_id = ${regionId} AND id = ${participantId}`,
  );
  if (!r) return;
  const { settings } = await getPrioritySettings(tx, regionId, r.programme_id);
  const key = priorityKey(settings, toFacts(r));
  if (key !== r.priority_key) {
    await tx.execute(sql`UPDATE participants SET priority_key = ${key} WHERE region_id = ${regionId} AND id = ${participantId}`);
  }
}

/** Recomputes every key of a programme (after its settings change): one UPDATE from a VALUES list per chunk. */
async function recomputeProgramme(tx: Tx, regionId: string, programmeId: string, settings: PrioritySettings): Promise<number> {
  const all = await rows<FactsRow>(
    tx,
    sql`SELECT id, code, phase, waiting_list_registered_on, first_referred_on, target_group, current_place, priority_key
          FROM participants WHERE region_id = ${regionId} AND programme_id = ${programmeId}`,
  );
  const changed = all.map((r) => ({ id: r.id, key: priorityKey(settings, toFacts(r)), old: r.priority_key })).filter((x) => x.key !== x.old);
  for (let i = 0; i < changed.length; i += 500) {
    const chunk = changed.slice(i, i + 500);
    await tx.execute(
      sql`UPDATE participants p SET priority_key = v.key
            FROM (VALUES ${sql.join(chunk.map((c) => sql`(${c.id}::uuid, ${c.key})`), sql`, `)}) AS v(id, key)
           WHERE p.region_id = ${regionId} AND p.id = v.id`,
    );
  }
  return changed.length;
}

/**
 * Stores a new version of a programme's priority settings and re-sorts its by-name list.
 * `baseVersion` must be the version in force (optimistic concurrency).
 */
export async function savePrioritySettings(tx: Tx, ctx: AccessContext, programmeId: string, body: z.infer<typeof PrioritySettingsBody>): Promise<void> {
  await requireProgrammeInRegion(tx, ctx.regionId, programmeId);
  // Serialise concurrent saves of one programme's settings.
  await tx.execute(sql`SELECT id FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${programmeId} FOR UPDATE`);
  const current = await getPrioritySettings(tx, ctx.regionId, programmeId);
  if (current.version !== body.baseVersion) {
    throw new AppError('version_conflict', {
      nl: `De prioriteitsregels zijn intussen gewijzigd (nu versie ${current.version}). Laad ze opnieuw.`,
      en: `The priority rules changed in the meantime (now version ${current.version}). Reload them.`,
    });
  }
  const settings: PrioritySettings = { criteria: body.criteria, targetGroupOrder: body.targetGroupOrder, currentPlaceOrder: body.currentPlaceOrder };
  await tx.execute(
    sql`INSERT INTO priority_settings (region_id, programme_id, version, settings, note, created_by)
        VALUES (${ctx.regionId}, ${programmeId}, ${current.version + 1}, ${JSON.stringify(settings)}::jsonb, ${body.note ?? null}, ${ctx.userId})`,
  );
  await recomputeProgramme(tx, ctx.regionId, programmeId, settings);
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Inflow and outflow per month from the phase history, over the participants the caller may
 * see (merged duplicates excluded: their person is counted once, under the record that stays).
 * Inflow: referrals that start an episode (`referred` events). Outflow: leaving the programme
 * (`exited`, `withdrawn`, `not_eligible`). Also per month: entries into eligible, ready and
 * housed, and the number active and waiting at the end of the month (each participant's last
 * event on or before that day).
 */
export async function flowPerMonth(tx: Tx, ctx: AccessContext, q: z.infer<typeof FlowQuery>) {
  if (q.programmeId) await requireProgrammeInRegion(tx, ctx.regionId, q.programmeId);
  const to = q.to ?? today();
  let from = q.from;
  if (!from) {
    const [p] = await rows<{ d: string | null }>(
      tx,
      sql`SELECT min(period_start)::text AS d FROM programmes WHERE region_id = ${ctx.regionId} ${q.programmeId ? sql`AND id = ${q.programmeId}` : sql``}`,
    );
    from = p?.d ?? to;
  }
  if (from > to) {
    throw new AppError('validation_failed', { nl: '“from” ligt na “to”.', en: '“from” is after “to”.' }, [
      { path: 'query.from', message: 'Ligt na “to”', messageEn: 'Is after “to”' },
    ]);
  }
  const months: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 7));
    if (months.length > 240) break;
  }
  const events = await rows<{ participant_id: string; phase: ParticipantPhase; effective_date: string; seq: number }>(
    tx,
    sql`SELECT e.participant_id, e.phase, e.effective_date, e.seq
          FROM participant_phase_events e
          JOIN participants p ON p.region_id = e.region_id AND p.id = e.participant_id
         WHERE e.region_id = ${ctx.regionId} AND p.merged_into_id IS NULL AND e.effective_date <= ${to}
           ${q.programmeId ? sql`AND p.programme_id = ${q.programmeId}` : sql``}
           AND ${visibleToSql(ctx)}
         ORDER BY e.participant_id, e.effective_date, e.seq`,
  );
  const counts = new Map(
    months.map((m) => [m, { month: m, inflow: 0, outflow: 0, eligible: 0, ready: 0, housed: 0, exited: 0, withdrawn: 0, notEligible: 0, activeAtEnd: 0, waitingAtEnd: 0 }]),
  );
  const byParticipant = new Map<string, { phase: ParticipantPhase; date: string }[]>();
  for (const e of events) {
    const list = byParticipant.get(e.participant_id) ?? [];
    list.push({ phase: e.phase, date: e.effective_date });
    byParticipant.set(e.participant_id, list);
    const c = counts.get(e.effective_date.slice(0, 7));
    if (!c || e.effective_date < from) continue;
    if (e.phase === 'referred') c.inflow += 1;
    if (e.phase === 'eligible') c.eligible += 1;
    if (e.phase === 'ready') c.ready += 1;
    if (e.phase === 'housed') c.housed += 1;
    if (e.phase === 'exited') c.exited += 1;
    if (e.phase === 'withdrawn') c.withdrawn += 1;
    if (e.phase === 'not_eligible') c.notEligible += 1;
  }
  for (const c of counts.values()) c.outflow = c.exited + c.withdrawn + c.notEligible;
  // Stock at each month end: walk each participant's (sorted) history once per month.
  const ends = months.map((m) => { const e = monthEnd(m); return e > to ? to : e; });
  for (const history of byParticipant.values()) {
    let i = 0;
    let phase: ParticipantPhase | null = null;
    ends.forEach((end, k) => {
      while (i < history.length && history[i].date <= end) phase = history[i++].phase;
      if (phase && ACTIVE_PHASES.includes(phase)) counts.get(months[k])!.activeAtEnd += 1;
      if (phase && WAITING_PHASES.includes(phase)) counts.get(months[k])!.waitingAtEnd += 1;
    });
  }
  return { from, to, months: [...counts.values()] };
}
