import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { CODEBOOK, ZRM_COLUMNS, type CodebookColumn } from './research.codebook.js';
import { MIN_CELL } from '../outcomes/outcomes.measures.js';
import { exportDate, generaliseSmallCells, newExportKey, pseudonym, shiftDays, type DateMode } from './research.pseudonymise.js';

type Cell = string | number | null;
export type Table = Record<string, Cell>[];

/** A research export as it leaves the server: the tables, the codebook and what was done to protect people. */
export interface ResearchExport {
  exportId: string;
  programmeId: string;
  createdAt: string;
  dateMode: DateMode;
  /** Rows per table; the participants table holds one row per person. */
  counts: Record<string, number>;
  /** Participants whose quasi-identifiers were generalised so that no combination is shared by fewer than 5. */
  generalised: number;
  codebook: readonly CodebookColumn[];
  tables: Record<'participants' | 'phase_events' | 'tenancies' | 'guidance' | 'measurements', Table>;
}


const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Builds a research export of a programme for the calling researcher: only participants who
 * consented to research; ids replaced by HMAC pseudonyms under a key made for this export alone
 * (and then forgotten); dates shifted per person or coarsened to months; no free text; the
 * participants' quasi-identifiers (municipality, target group, age band, household) generalised
 * until every combination holds at least 5 people. The export is recorded and audited with
 * every participant whose data left.
 */
export async function createResearchExport(
  tx: Tx,
  ctx: AccessContext,
  programmeId: string,
  opts: { format: 'csv' | 'json'; dateMode: DateMode },
): Promise<ResearchExport> {
  await getProgramme(tx, programmeId);
  const key = newExportKey();
  const people = await rows<{
    id: string; target_group: string; age_band: string; household_adults: number; household_children: number; current_place: string;
    first_referred_on: Date | string; waiting_list_registered_on: Date | string | null; phase: string; phase_since: Date | string;
    provider: string | null; municipality: string | null;
  }>(tx, sql`SELECT * FROM research_participants(${programmeId}) ORDER BY id`);
  const shift = new Map(people.map((p) => [p.id, shiftDays(key, p.id)]));
  const pid = (id: string) => pseudonym(key, id);
  const d = (participantId: string, value: Date | string | null) => exportDate(iso(value), opts.dateMode, shift.get(participantId) ?? 0);

  const household = (a: number, c: number) => (c > 0 ? 'with_children' : a > 1 ? 'adults' : 'single');
  const raw = people.map((p) => ({
    pid: pid(p.id),
    target_group: p.target_group,
    age_band: p.age_band,
    household: household(p.household_adults, p.household_children),
    municipality: p.municipality ?? '',
    current_place: p.current_place,
    first_referred_on: d(p.id, p.first_referred_on),
    waiting_list_registered_on: d(p.id, p.waiting_list_registered_on),
    phase: p.phase,
    phase_since: d(p.id, p.phase_since),
    provider: p.provider ?? '',
  }));
  // Municipality goes first (most identifying in a small region), then the age band, then the rest.
  const { rows: participants, generalised } = generaliseSmallCells(
    raw,
    ['municipality', 'target_group', 'age_band', 'household'],
    [['municipality'], ['age_band'], ['target_group', 'household']],
    MIN_CELL,
  );
  const municipalityOf = new Map(participants.map((p) => [p.pid, p.municipality]));

  const events = await rows<{ participant_id: string; seq: number; phase: string; effective_date: Date | string; reason: string | null }>(
    tx,
    sql`SELECT * FROM research_phase_events(${programmeId}) ORDER BY participant_id, effective_date, seq`,
  );
  const order = new Map<string, number>();
  const phaseEvents = events.map((e) => {
    const n = (order.get(e.participant_id) ?? 0) + 1;
    order.set(e.participant_id, n);
    return { pid: pid(e.participant_id), order: n, phase: e.phase, effective_date: d(e.participant_id, e.effective_date), reason: e.reason ?? '' };
  });

  const tens = await rows<{
    id: string; participant_id: string; start_date: Date | string; moved_in_on: Date | string | null; flipped_on: Date | string | null;
    end_date: Date | string | null; end_reason: string | null; first_lease_holder: string; housing_form: string; delivery_mode: string | null;
    municipality: string; rent_cents: number | null;
  }>(tx, sql`SELECT * FROM research_tenancies(${programmeId}) ORDER BY participant_id, start_date`);
  const tenancies = tens.map((t) => {
    const p = pid(t.participant_id);
    return {
      tid: pseudonym(key, t.id),
      pid: p,
      start_date: d(t.participant_id, t.start_date),
      moved_in_on: d(t.participant_id, t.moved_in_on),
      flipped_on: d(t.participant_id, t.flipped_on),
      end_date: d(t.participant_id, t.end_date),
      end_reason: t.end_reason ?? '',
      first_lease_holder: t.first_lease_holder,
      housing_form: t.housing_form,
      delivery_mode: t.delivery_mode ?? '',
      // Where the participant's municipality had to be generalised, the home's goes too.
      municipality: municipalityOf.get(p) === '*' ? '*' : t.municipality,
      rent_euros: t.rent_cents === null ? null : Math.round(t.rent_cents) / 100,
    };
  });

  const eps = await rows<{
    id: string; participant_id: string; organisation_kind: string; start_date: Date | string; end_date: Date | string | null;
    end_reason: string | null; level: string; hours_per_week: string | number; contacts: number; contact_minutes: number;
  }>(tx, sql`SELECT * FROM research_guidance(${programmeId}) ORDER BY participant_id, start_date`);
  const guidance = eps.map((g) => ({
    gid: pseudonym(key, g.id),
    pid: pid(g.participant_id),
    organisation_kind: g.organisation_kind,
    start_date: d(g.participant_id, g.start_date),
    end_date: d(g.participant_id, g.end_date),
    end_reason: g.end_reason ?? '',
    level: g.level,
    hours_per_week: Number(g.hours_per_week),
    contacts: g.contacts,
    contact_minutes: g.contact_minutes,
  }));

  const zrm = await rows<Record<string, string | number | Date | null> & { participant_id: string }>(
    tx,
    sql`SELECT * FROM research_measurements(${programmeId}) ORDER BY participant_id, measured_on`,
  );
  const measurements = zrm.map((m) => {
    const row: Record<string, Cell> = {
      pid: pid(m.participant_id),
      measured_on: d(m.participant_id, m.measured_on as Date | string),
      moment: String(m.moment),
    };
    for (const z of ZRM_COLUMNS) row[z] = m[z] === null ? null : Number(m[z]);
    row.housing_status = String(m.housing_status);
    row.quality_of_life = m.quality_of_life === null ? null : Number(m.quality_of_life);
    return row;
  });

  const tables = { participants, phase_events: phaseEvents, tenancies, guidance, measurements };
  const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
  const exportId = crypto.randomUUID();
  await tx.execute(sql`
    INSERT INTO research_exports (region_id, id, programme_id, user_id, organisation_id, format, date_mode, participants, rows_per_table, generalised)
    VALUES (${ctx.regionId}, ${exportId}, ${programmeId}, ${ctx.userId}, ${ctx.organisationId}, ${opts.format}, ${opts.dateMode},
            ${people.length}, ${JSON.stringify(counts)}::jsonb, ${generalised})`);
  // NEN 7513: whose data left, to whom, in what form.
  await recordAudit(tx, actorOf(ctx), {
    action: 'research.export',
    resourceType: 'research_export',
    resourceId: exportId,
    participantIds: people.map((p) => p.id),
    details: { programmeId, format: opts.format, dateMode: opts.dateMode, counts, generalised },
  });
  return {
    exportId,
    programmeId,
    createdAt: new Date().toISOString(),
    dateMode: opts.dateMode,
    counts,
    generalised,
    codebook: CODEBOOK,
    tables: tables as ResearchExport['tables'],
  };
}

/** The exports the caller may see (row-level security: a researcher their organisation's, the office and privacy officer all). */
export async function listResearchExports(tx: Tx) {
  const found = await rows<{
    id: string; programme_id: string; user_name: string | null; organisation_name: string | null; format: string; date_mode: string;
    participants: number; rows_per_table: Record<string, number> | string; generalised: number; created_at: Date | string;
  }>(
    tx,
    sql`SELECT e.id, e.programme_id, u.name AS user_name, o.name AS organisation_name, e.format, e.date_mode, e.participants,
               e.rows_per_table, e.generalised, e.created_at
          FROM research_exports e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN organisations o ON o.id = e.organisation_id
         ORDER BY e.created_at DESC LIMIT 200`,
  );
  return {
    items: found.map((e) => ({
      id: e.id,
      programmeId: e.programme_id,
      by: e.user_name,
      organisation: e.organisation_name,
      format: e.format as 'csv' | 'json',
      dateMode: e.date_mode as DateMode,
      participants: e.participants,
      counts: typeof e.rows_per_table === 'string' ? (JSON.parse(e.rows_per_table) as Record<string, number>) : e.rows_per_table,
      generalised: e.generalised,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}

