import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { notify, type Message, type Recipients } from '../notifications/notifications.service.js';
import { loadTrancheData } from '../tranches/tranches.service.js';
import { usageSeries } from '../tranches/tranches.compute.js';

/**
 * Due work (docs/tranches.md, "Due work"): what needs someone's attention by a date.
 * - guidance review: an open guidance episode whose review_due_on is within 7 days or past →
 *   the care staff of the episode's organisation;
 * - incident open too long: an incident still open more than the programme's
 *   incident_alert_days after it occurred → the programme office and the care managers of the
 *   location's provider;
 * - tranche deadline: a tranche whose deadline is within the programme's tranche_warning_days
 *   (and not past) while it has unused places → the programme office.
 * The flip checklist becoming complete is notified by the tenancies domain itself.
 */

export const REVIEW_WARNING_DAYS = 7;

export type DueKind = 'guidance_review' | 'incident_open' | 'tranche_deadline';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface ReviewRow {
  region_id: string;
  id: string;
  participant_id: string;
  code: string;
  organisation_id: string;
  review_due_on: string;
}
interface IncidentRow {
  region_id: string;
  id: string;
  location_id: string;
  location: string;
  provider_id: string | null;
  occurred_on: string;
  severity: string;
  due_on: string;
}
interface DeadlineRow {
  region_id: string;
  programme_id: string;
  id: string;
  name: string;
  deadline: string;
  capacity: number;
  used: number;
}

/** Open episodes whose review is due within 7 days of `on` or overdue. */
async function dueReviews(tx: Tx, on: string, scope: { regionId?: string; organisationId?: string }) {
  return rows<ReviewRow>(
    tx,
    sql`SELECT e.region_id, e.id, e.participant_id, p.code, e.organisation_id, e.review_due_on::text AS review_due_on
          FROM guidance_episodes e JOIN participants p ON p.id = e.participant_id
         WHERE e.end_date IS NULL AND e.review_due_on IS NOT NULL AND e.review_due_on <= ${addDays(on, REVIEW_WARNING_DAYS)}::date
               ${scope.regionId ? sql`AND e.region_id = ${scope.regionId}` : sql``}
               ${scope.organisationId ? sql`AND e.organisation_id = ${scope.organisationId}` : sql``}
         ORDER BY e.region_id, e.review_due_on, e.id`,
  );
}

/**
 * Incidents open longer than the programme's threshold: open on `on` and occurred more than
 * incident_alert_days before it. Their due date is the day the threshold was reached.
 */
async function overdueIncidents(tx: Tx, on: string, scope: { regionId?: string; providerId?: string }) {
  return rows<IncidentRow>(
    tx,
    sql`SELECT i.region_id, i.id, i.location_id, l.name AS location, l.provider_id, i.occurred_on::text AS occurred_on, i.severity,
               (i.occurred_on + pr.incident_alert_days)::text AS due_on
          FROM incidents i JOIN locations l ON l.id = i.location_id JOIN programmes pr ON pr.id = l.programme_id
         WHERE i.closed_on IS NULL AND i.occurred_on + pr.incident_alert_days < ${on}::date
               ${scope.regionId ? sql`AND i.region_id = ${scope.regionId}` : sql``}
               ${scope.providerId ? sql`AND l.provider_id = ${scope.providerId}` : sql``}
         ORDER BY i.region_id, i.occurred_on, i.id`,
  );
}

/** Tranches whose deadline lies within the warning days of `on` (not past) and that have unused places on `on`. */
async function approachingDeadlines(tx: Tx, on: string, regionId?: string): Promise<DeadlineRow[]> {
  const progs = await rows<{ region_id: string; id: string }>(
    tx,
    sql`SELECT DISTINCT pr.region_id, pr.id FROM programmes pr JOIN tranches t ON t.programme_id = pr.id
         WHERE t.deadline IS NOT NULL AND t.deadline >= ${on}::date AND t.deadline - pr.tranche_warning_days <= ${on}::date
               ${regionId ? sql`AND pr.region_id = ${regionId}` : sql``}
         ORDER BY pr.region_id, pr.id`,
  );
  const out: DeadlineRow[] = [];
  for (const p of progs) {
    const [settings] = await rows<{ days: number }>(tx, sql`SELECT tranche_warning_days AS days FROM programmes WHERE id = ${p.id}`);
    const d = await loadTrancheData(tx, p.region_id, p.id);
    const usage = usageSeries(d.tranches, d.capacityEvents, d.units, d.events, d.rollovers, [on]);
    for (const t of d.tranches) {
      if (!t.deadline || t.deadline < on || addDays(t.deadline, -settings.days) > on) continue;
      const u = usage.get(t.id)![0];
      if (u.capacity - u.used > 0) {
        out.push({ region_id: p.region_id, programme_id: p.id, id: t.id, name: t.name, deadline: t.deadline, capacity: u.capacity, used: u.used });
      }
    }
  }
  return out;
}

const reviewMessage = (r: ReviewRow, on: string): Message => ({
  kind: 'due.guidance_review',
  title: r.review_due_on < on
    ? { nl: `Evaluatie begeleiding te laat: ${r.code}`, en: `Guidance review overdue: ${r.code}` }
    : { nl: `Evaluatie begeleiding binnenkort: ${r.code}`, en: `Guidance review due soon: ${r.code}` },
  body: {
    nl: `De evaluatie van de begeleiding van deelnemer ${r.code} staat op ${r.review_due_on}. Plan of leg de evaluatie vast.`,
    en: `The guidance review of participant ${r.code} is due on ${r.review_due_on}. Plan or record the review.`,
  },
  link: `/deelnemers/${r.participant_id}`,
});

const incidentMessage = (i: IncidentRow, on: string): Message => {
  const days = Math.round((Date.parse(on) - Date.parse(i.occurred_on)) / 86_400_000);
  return {
    kind: 'due.incident_open',
    title: { nl: `Melding al ${days} dagen open: ${i.location}`, en: `Incident open for ${days} days: ${i.location}` },
    body: {
      nl: `Een melding (ernst: ${i.severity}) van ${i.occurred_on} bij ${i.location} is nog niet afgesloten. Leg de opvolging vast of sluit de melding.`,
      en: `An incident (severity: ${i.severity}) of ${i.occurred_on} at ${i.location} is still open. Record the follow-up or close it.`,
    },
    link: `/locations/${i.location_id}`,
  };
};

const deadlineMessage = (t: DeadlineRow): Message => ({
  kind: 'due.tranche_deadline',
  title: { nl: `Deadline ${t.name} nadert: ${t.deadline}`, en: `Deadline of ${t.name} approaching: ${t.deadline}` },
  body: {
    nl: `${t.capacity - t.used} van de ${t.capacity} plekken van ${t.name} zijn nog niet benut. Plekken die op ${t.deadline} niet benut zijn, gaan naar de volgende tranche.`,
    en: `${t.capacity - t.used} of the ${t.capacity} places of ${t.name} are still unused. Places unused on ${t.deadline} move to the next tranche.`,
  },
  link: '/tranches',
});

/** Records the alert once; returns false when it was already sent for this subject and due date. */
async function claim(tx: Tx, regionId: string, kind: DueKind, subjectId: string, dueOn: string, on: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO due_work_alerts (region_id, id, kind, subject_id, due_on, alerted_on)
        VALUES (${regionId}, ${crypto.randomUUID()}, ${kind}, ${subjectId}, ${dueOn}, ${on})
        ON CONFLICT (region_id, kind, subject_id, due_on) DO NOTHING RETURNING id`,
  );
  return row?.id ?? null;
}

async function send(tx: Tx, regionId: string, alertId: string, to: Recipients[], m: Message) {
  let n = 0;
  for (const r of to) n += await notify(tx, regionId, r, m);
  await tx.execute(sql`UPDATE due_work_alerts SET recipients = ${n} WHERE region_id = ${regionId} AND id = ${alertId}`);
}

/** What one scan sent. */
export interface DueWorkResult {
  date: string;
  guidanceReviews: number;
  incidents: number;
  trancheDeadlines: number;
}

/**
 * The daily due-work scan (`eerstethuis due-work tick`): notifies, in the app and by e-mail,
 * every due item not yet alerted for its due date. One transaction as the database owner (it
 * acts for no user); `regionId` limits it to one region (tests share a database).
 */
export async function runDueWork(database: Database, today: string, opts: { regionId?: string } = {}): Promise<DueWorkResult> {
  return database.db.transaction(async (tx) => {
    const result: DueWorkResult = { date: today, guidanceReviews: 0, incidents: 0, trancheDeadlines: 0 };
    for (const r of await dueReviews(tx, today, { regionId: opts.regionId })) {
      const alert = await claim(tx, r.region_id, 'guidance_review', r.id, r.review_due_on, today);
      if (!alert) continue;
      await send(tx, r.region_id, alert, [{ organisationId: r.organisation_id, roles: ['care_worker', 'care_manager'] }], reviewMessage(r, today));
      result.guidanceReviews += 1;
    }
    for (const i of await overdueIncidents(tx, today, { regionId: opts.regionId })) {
      const alert = await claim(tx, i.region_id, 'incident_open', i.id, i.due_on, today);
      if (!alert) continue;
      const to: Recipients[] = [{ roles: ['programme_office'] }];
      if (i.provider_id) to.push({ organisationId: i.provider_id, roles: ['care_manager'] });
      await send(tx, i.region_id, alert, to, incidentMessage(i, today));
      result.incidents += 1;
    }
    for (const t of await approachingDeadlines(tx, today, opts.regionId)) {
      const alert = await claim(tx, t.region_id, 'tranche_deadline', t.id, t.deadline, today);
      if (!alert) continue;
      await send(tx, t.region_id, alert, [{ roles: ['programme_office'] }], deadlineMessage(t));
      result.trancheDeadlines += 1;
    }
    return result;
  });
}

export interface DueItem {
  kind: DueKind;
  subjectId: string;
  dueOn: string;
  overdue: boolean;
  title: { nl: string; en: string };
  body: { nl: string; en: string };
  link: string | null;
}

/**
 * The caller's open due items on `on`: care staff those of their organisation (its guidance
 * episodes, incidents at the locations it guides), the programme office all of them. Sorted by
 * due date; cursor paging over (due date, kind, subject).
 */
export async function listDueWork(tx: Tx, ctx: AccessContext, on: string, q: { limit: number; cursor?: string }) {
  const office = ctx.roles.includes('programme_office');
  const scope = office ? {} : { organisationId: ctx.organisationId };
  const items: DueItem[] = [];
  const reviews = await dueReviews(tx, on, { regionId: ctx.regionId, ...scope });
  for (const r of reviews) items.push({ kind: 'guidance_review', subjectId: r.id, dueOn: r.review_due_on, overdue: r.review_due_on < on, ...msg(reviewMessage(r, on)) });
  const incidents = await overdueIncidents(tx, on, { regionId: ctx.regionId, providerId: office ? undefined : ctx.organisationId });
  for (const i of incidents) items.push({ kind: 'incident_open', subjectId: i.id, dueOn: i.due_on, overdue: true, ...msg(incidentMessage(i, on)) });
  if (office) {
    for (const t of await approachingDeadlines(tx, on, ctx.regionId)) {
      items.push({ kind: 'tranche_deadline', subjectId: t.id, dueOn: t.deadline, overdue: false, ...msg(deadlineMessage(t)) });
    }
  }
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.subjectId.localeCompare(b.subjectId));
  const after = requireCursor(q.cursor, 3);
  const rest = after
    ? items.filter((i) => [i.dueOn, i.kind, i.subjectId].join('\u0000') > [String(after[0]), String(after[1]), String(after[2])].join('\u0000'))
    : items;
  const page = rest.slice(0, q.limit);
  const last = page.at(-1);
  // The guidance items name participants by their code: that is reading their data.
  const shown = new Set(page.filter((i) => i.kind === 'guidance_review').map((i) => i.subjectId));
  await participantAccessed(tx, ctx, 'list', reviews.filter((r) => shown.has(r.id)).map((r) => r.participant_id));
  return { items: page, nextCursor: rest.length > q.limit && last ? encodeCursor([last.dueOn, last.kind, last.subjectId]) : null };
}

const msg = (m: Message) => ({ title: m.title, body: m.body, link: m.link });

export interface DueWorkSettings {
  programmeId: string;
  incidentAlertDays: number;
  guidanceReviewMonths: number;
  trancheWarningDays: number;
}

/** The thresholds of a programme's due work. */
export async function getDueWorkSettings(tx: Tx, regionId: string, programmeId: string): Promise<DueWorkSettings> {
  const [p] = await rows<{ incident_alert_days: number; guidance_review_months: number; tranche_warning_days: number }>(
    tx,
    sql`SELECT incident_alert_days, guidance_review_months, tranche_warning_days FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`,
  );
  if (!p) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
  return { programmeId, incidentAlertDays: p.incident_alert_days, guidanceReviewMonths: p.guidance_review_months, trancheWarningDays: p.tranche_warning_days };
}

/** Changes the thresholds (the programme office); audited. */
export async function updateDueWorkSettings(
  tx: Tx,
  ctx: AccessContext,
  programmeId: string,
  b: { incidentAlertDays?: number; guidanceReviewMonths?: number; trancheWarningDays?: number },
): Promise<DueWorkSettings> {
  const before = await getDueWorkSettings(tx, ctx.regionId, programmeId);
  await tx.execute(
    sql`UPDATE programmes
           SET incident_alert_days = ${b.incidentAlertDays ?? before.incidentAlertDays},
               guidance_review_months = ${b.guidanceReviewMonths ?? before.guidanceReviewMonths},
               tranche_warning_days = ${b.trancheWarningDays ?? before.trancheWarningDays}
         WHERE region_id = ${ctx.regionId} AND id = ${programmeId}`,
  );
  await recordAudit(tx, actorOf(ctx), { action: 'programme.due_work_settings', resourceType: 'programme', resourceId: programmeId, details: { before, change: b } });
  return getDueWorkSettings(tx, ctx.regionId, programmeId);
}
