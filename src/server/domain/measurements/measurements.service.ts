import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound, validationError, fieldError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { ZRM_DOMAINS, ZRM_MOMENTS, ZRM_MOMENT_MONTHS, type OutcomeGroup, type ZrmDomain, type ZrmMoment } from '../../../shared/enums.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import type { ParticipantRow } from '../participants/participants.service.js';
import { addMonths, daysBetween, isSmallCell } from '../outcomes/outcomes.measures.js';
import { groupExpression, groupLabels, programmeOrNotFound } from '../outcomes/outcomes.groups.js';
import type { MeasurementBody, ScheduleQuery } from './measurements.schema.js';

/** A measurement is due from 30 days before its date; overdue when still missing 30 days after it (the grace period). */
export const DUE_WINDOW_DAYS = 30;
export const GRACE_DAYS = 30;

export interface MeasurementRow extends Record<ZrmDomain, number | null> {
  id: string;
  participant_id: string;
  code: string;
  measured_on: string;
  moment: ZrmMoment;
  housing_status: string;
  quality_of_life: number | null;
  organisation_id: string;
  organisation_name: string;
  measured_by_name: string | null;
  created_at: string;
}

const domainColumns = sql.raw(ZRM_DOMAINS.map((d) => `m.${d}`).join(', '));

/** The participant's measurements (all of them: at most one per moment), oldest first. */
export async function measurementsOf(tx: Tx, regionId: string, participantId: string, id?: string): Promise<MeasurementRow[]> {
  return rows<MeasurementRow>(
    tx,
    sql`SELECT m.id, m.participant_id, p.code, m.measured_on::text, m.moment, ${domainColumns}, m.housing_status, m.quality_of_life,
               m.organisation_id, o.name AS organisation_name, u.name AS measured_by_name, m.created_at::text
          FROM zrm_measurements m
          JOIN participants p ON p.id = m.participant_id
          JOIN organisations o ON o.id = m.organisation_id
          LEFT JOIN users u ON u.id = m.measured_by
         WHERE m.region_id = ${regionId} AND m.participant_id = ${participantId} ${id ? sql`AND m.id = ${id}` : sql``}
         ORDER BY m.measured_on, m.created_at`,
  );
}

/**
 * The participant's housing start: the first tenancy's start, or without tenancies the first
 * placement or `housed` phase date (the same rule as the outcome figures, migration 0022).
 */
export async function housingStartOf(tx: Tx, regionId: string, participantId: string): Promise<{ start: string | null; end: string | null }> {
  const [r] = await rows<{ start: string | null; end: string | null }>(
    tx,
    sql`SELECT coalesce(
              (SELECT min(t.start_date) FROM tenancies t WHERE t.region_id = ${regionId} AND t.participant_id = ${participantId}),
              (SELECT min(pl.start_date) FROM participant_placements pl WHERE pl.region_id = ${regionId} AND pl.participant_id = ${participantId}),
              (SELECT min(e.effective_date) FROM participant_phase_events e WHERE e.region_id = ${regionId} AND e.participant_id = ${participantId} AND e.phase = 'housed')
            )::text AS start,
            coalesce(
              (SELECT max(t.end_date) FROM tenancies t WHERE t.region_id = ${regionId} AND t.participant_id = ${participantId}
                 AND NOT EXISTS (SELECT 1 FROM tenancies c WHERE c.region_id = ${regionId} AND c.participant_id = ${participantId} AND c.end_date IS NULL)),
              (SELECT min(e.effective_date) FROM participant_phase_events e WHERE e.region_id = ${regionId} AND e.participant_id = ${participantId} AND e.phase = 'exited')
            )::text AS "end"`,
  );
  return r;
}

/** Status of one planned moment on `asOf`. */
export function momentStatus(dueOn: string, measured: boolean, asOf: string, endedOn: string | null): 'done' | 'due' | 'overdue' | 'upcoming' | 'not_due' {
  if (measured) return 'done';
  if (endedOn && dueOn > endedOn) return 'not_due';
  const d = daysBetween(dueOn, asOf);
  if (d > GRACE_DAYS) return 'overdue';
  if (d >= -DUE_WINDOW_DAYS) return 'due';
  return 'upcoming';
}

/** The planned moments (intake at housing start, then every 6 months up to 24) with their status. */
export function plannedMoments(start: string | null, end: string | null, measurements: { id: string; moment: ZrmMoment }[], asOf: string) {
  if (!start) return [];
  return ZRM_MOMENTS.map((moment) => {
    const dueOn = addMonths(start, ZRM_MOMENT_MONTHS[moment]);
    const m = measurements.find((x) => x.moment === moment);
    return { moment, dueOn, status: momentStatus(dueOn, !!m, asOf, end), measurementId: m?.id ?? null };
  });
}

/** Records one ZRM measurement for a participant the caller guides (checked by the route). */
export async function recordMeasurement(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof MeasurementBody>): Promise<string> {
  const { start } = await housingStartOf(tx, ctx.regionId, p.id);
  if (start && body.measuredOn < addMonths(start, -3)) {
    throw validationError([fieldError('measuredOn', 'De meetdatum ligt ruim vóór de start van de huisvesting.', 'The measurement date lies well before the housing start.')]);
  }
  const [taken] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM zrm_measurements WHERE region_id = ${ctx.regionId} AND participant_id = ${p.id} AND moment = ${body.moment}`,
  );
  if (taken) {
    throw new AppError('conflict', {
      nl: 'Voor dit meetmoment is al een meting vastgelegd.',
      en: 'A measurement has already been recorded for this moment.',
    });
  }
  const id = crypto.randomUUID();
  const score = (d: ZrmDomain) => body.scores[d] ?? null;
  await tx.execute(
    sql`INSERT INTO zrm_measurements (region_id, id, participant_id, programme_id, measured_on, moment, ${sql.raw(ZRM_DOMAINS.join(', '))},
          housing_status, quality_of_life, organisation_id, measured_by)
        VALUES (${ctx.regionId}, ${id}, ${p.id}, ${p.programme_id}, ${body.measuredOn}, ${body.moment},
          ${sql.join(ZRM_DOMAINS.map((d) => sql`${score(d)}`), sql`, `)},
          ${body.housingStatus}, ${body.qualityOfLife ?? null}, ${ctx.organisationId}, ${ctx.userId})`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

interface ScheduleRow {
  participant_id: string;
  code: string;
  provider_id: string | null;
  provider_name: string | null;
  moment: ZrmMoment;
  months: number;
  start_date: string;
  due_on: string;
}

/**
 * Measurements due or overdue for the participants an organisation guides, on `date` (today):
 * for everyone still housed, each moment (intake at housing start, every 6 months up to 24)
 * without a measurement that is due within 30 days or whose date has passed (due), or that is
 * still missing 30 days after its date (overdue). Row-level security keeps care staff to the
 * participants their organisation is involved with.
 */
export async function schedule(tx: Tx, ctx: AccessContext, organisationId: string, q: z.infer<typeof ScheduleQuery>) {
  const asOf = q.date ?? today();
  const status: SQL =
    q.status === 'overdue'
      ? sql`x.due_on + ${GRACE_DAYS}::int < ${asOf}::date`
      : q.status === 'due'
        ? sql`x.due_on - ${DUE_WINDOW_DAYS}::int <= ${asOf}::date AND x.due_on + ${GRACE_DAYS}::int >= ${asOf}::date`
        : sql`x.due_on - ${DUE_WINDOW_DAYS}::int <= ${asOf}::date`;
  const cursor = decodeCursor(q.cursor, 3);
  const after = cursor ? sql`AND (x.due_on, x.code, x.months) > (${String(cursor[0])}::date, ${String(cursor[1])}, ${Number(cursor[2])})` : sql``;
  const list = await rows<ScheduleRow>(
    tx,
    // The spells are computed once (MATERIALIZED): as the inner side of a nested loop the function
    // would run again for every participant row.
    sql`WITH s AS MATERIALIZED (
          SELECT sp.* FROM programmes pr CROSS JOIN LATERAL outcome_spells(pr.id, ${asOf}::date) sp
           WHERE pr.region_id = ${ctx.regionId} AND sp.provider_id = ${organisationId} AND sp.end_date IS NULL
        )
        SELECT x.participant_id, x.code, x.provider_id, x.provider_name, x.moment, x.months, x.start_date::text, x.due_on::text FROM (
          SELECT s.participant_id, p.code, s.provider_id, o.name AS provider_name, m.moment, m.months, s.start_date,
                 (s.start_date + make_interval(months => m.months))::date AS due_on
            FROM s
            JOIN participants p ON p.id = s.participant_id
            LEFT JOIN organisations o ON o.id = s.provider_id
           CROSS JOIN (VALUES ('intake', 0), ('m6', 6), ('m12', 12), ('m18', 18), ('m24', 24)) AS m(moment, months)
           WHERE NOT EXISTS (SELECT 1 FROM zrm_measurements z
                              WHERE z.region_id = ${ctx.regionId} AND z.participant_id = s.participant_id AND z.moment = m.moment)
        ) x
        WHERE ${status} ${after}
        ORDER BY x.due_on, x.code, x.months
        LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  await participantAccessed(tx, ctx, 'list', page.map((r) => r.participant_id));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const late = daysBetween(r.due_on, asOf);
      return {
        participant: { id: r.participant_id, code: r.code },
        provider: r.provider_id ? { id: r.provider_id, name: r.provider_name ?? '' } : null,
        moment: r.moment,
        housingStart: r.start_date,
        dueOn: r.due_on,
        status: late > GRACE_DAYS ? ('overdue' as const) : ('due' as const),
        daysOverdue: Math.max(0, late),
      };
    }),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.due_on, last.code, last.months]) : null,
  };
}

type DomainCell = { mean: number | null; n: number | null; suppressed: boolean };

/**
 * Group trajectories: per group and moment, the mean score and the number scored of each
 * domain, over the programme's measurements on or before `date`. Scores are ordinal: the mean is
 * a summary, the n says what it rests on. For municipalities every cell under 5 people is
 * suppressed (mean and n null).
 */
export async function trajectories(tx: Tx, programmeId: string, groupBy: OutcomeGroup | undefined, date: string | undefined, suppress: boolean) {
  const asOf = date ?? today();
  const regionId = await programmeOrNotFound(tx, programmeId);
  const g = groupBy ? groupExpression(groupBy) : sql`'all'`;
  const aggregates = sql.join(
    ZRM_DOMAINS.map((d) => sql`avg(z.${sql.raw(d)})::float8 AS ${sql.raw(`mean_${d}`)}, count(z.${sql.raw(d)})::int AS ${sql.raw(`n_${d}`)}`),
    sql`, `,
  );
  const data = await rows<Record<string, string | number | null> & { g: string | null; moment: ZrmMoment; n: number }>(
    tx,
    sql`WITH s AS MATERIALIZED (SELECT * FROM outcome_spells(${programmeId}::uuid, ${asOf}::date)),
             z AS MATERIALIZED (SELECT * FROM outcome_zrm(${programmeId}::uuid, ${asOf}::date))
        SELECT (${g})::text AS g, z.moment, count(*)::int AS n, ${aggregates}
          FROM z JOIN s ON s.participant_id = z.participant_id
         GROUP BY 1, z.moment`,
  );
  const labels = groupBy ? await groupLabels(tx, regionId, groupBy) : new Map<string, string>();
  const cell = (r: Record<string, string | number | null> | undefined, moment: ZrmMoment) => {
    const n = r ? Number(r.n) : 0;
    const hide = suppress && isSmallCell(n);
    const domains = Object.fromEntries(
      ZRM_DOMAINS.map((d): [ZrmDomain, DomainCell] => {
        const dn = r ? Number(r[`n_${d}`]) : 0;
        const mean = r && r[`mean_${d}`] !== null ? Math.round(Number(r[`mean_${d}`]) * 100) / 100 : null;
        const small = suppress && isSmallCell(dn);
        return [d, small || hide ? { mean: null, n: null, suppressed: true } : { mean, n: dn, suppressed: false }];
      }),
    ) as Record<ZrmDomain, DomainCell>;
    return { moment, n: hide ? null : n, suppressed: hide, domains };
  };
  const build = (key: string, label: string, rs: typeof data) => ({ key, label, moments: ZRM_MOMENTS.map((m) => cell(rs.find((r) => r.moment === m), m)) });
  const keys = groupBy ? [...new Set(data.map((r) => String(r.g)))] : [];
  // The overall mean of a domain is the n-weighted mean of the groups' means (exact for means).
  const overall = ZRM_MOMENTS.flatMap((moment) => {
    const rs = data.filter((r) => r.moment === moment);
    if (!rs.length) return [];
    const row: Record<string, string | number | null> & { g: string | null; moment: ZrmMoment; n: number } = { g: 'all', moment, n: rs.reduce((a, r) => a + Number(r.n), 0) };
    for (const d of ZRM_DOMAINS) {
      const n = rs.reduce((a, r) => a + Number(r[`n_${d}`]), 0);
      row[`n_${d}`] = n;
      row[`mean_${d}`] = n ? rs.reduce((a, r) => a + Number(r[`mean_${d}`] ?? 0) * Number(r[`n_${d}`]), 0) / n : null;
    }
    return [row];
  });
  return {
    programmeId,
    date: asOf,
    groupBy: groupBy ?? null,
    suppressed: suppress,
    overall: build('all', 'Totaal', overall),
    groups: keys.map((k) => build(k, labels.get(k) ?? k, data.filter((r) => r.g === k))).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

export const measurementNotFound = () => notFound({ nl: 'Meting niet gevonden.', en: 'Measurement not found.' });
