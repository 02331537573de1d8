import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { GuidanceLevel } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { participantAccessed, visibleToSql } from '../participants/participants.visibility.js';
import { canGuidance } from './guidance.policy.js';
import type { CaseloadQuery } from './guidance.schema.js';

interface CaseloadRow {
  participant_id: string;
  code: string;
  given_name: string | null;
  family_name: string | null;
  episode_id: string;
  start_date: string;
  hours_per_week: string | number;
  level: GuidanceLevel;
  review_due_on: string | null;
  sort_review: string;
  last_contact_on: string | null;
  open_goals: number;
  lease_holder: 'provider' | 'tenant' | null;
}

/** A date past every review date: episodes without one sort last. */
const NO_REVIEW = '9999-12-31';

/**
 * The caseload of an organisation (care provider or neighbourhood team): everyone it guides now,
 * with the current episode, intensity, review date (overdue or not), last contact, open goals
 * and who holds the lease; and totals over the whole caseload. Its own care staff and the
 * programme office (any organisation) see it.
 */
export async function caseload(tx: Tx, ctx: AccessContext, q: z.infer<typeof CaseloadQuery>) {
  const organisationId = q.organisationId ?? ctx.organisationId;
  if (!canGuidance.caseload(ctx, organisationId)) throw forbidden();
  const [org] = await rows<{ id: string; name: string; kind: string }>(
    tx,
    sql`SELECT id, name, kind FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${organisationId}`,
  );
  if (!org) throw notFound({ nl: 'Deze organisatie bestaat niet.', en: 'This organisation does not exist.' });
  const now = today();
  const base = sql`FROM guidance_episodes e JOIN participants p ON p.id = e.participant_id
    WHERE e.region_id = ${ctx.regionId} AND e.organisation_id = ${organisationId} AND e.end_date IS NULL AND ${visibleToSql(ctx)}`;
  const [totals] = await rows<{ participants: number; hours: string | number | null; overdue: number }>(
    tx,
    sql`SELECT count(*)::int AS participants, coalesce(sum(e.hours_per_week), 0) AS hours,
               count(*) FILTER (WHERE e.review_due_on < ${now})::int AS overdue ${base}`,
  );
  const size = q.sort === 'review' ? 3 : 2;
  const after = requireCursor(q.cursor, size);
  const where: SQL[] = [];
  if (after && q.sort === 'review') where.push(sql`(coalesce(e.review_due_on, ${NO_REVIEW}::date), p.code, e.id) > (${String(after[0])}::date, ${String(after[1])}, ${String(after[2])}::uuid)`);
  if (after && q.sort === 'code') where.push(sql`(p.code, e.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const order = q.sort === 'review' ? sql`coalesce(e.review_due_on, ${NO_REVIEW}::date), p.code, e.id` : sql`p.code, e.id`;
  const list = await rows<CaseloadRow>(
    tx,
    sql`SELECT p.id AS participant_id, p.code, p.given_name, p.family_name, e.id AS episode_id, e.start_date, e.hours_per_week, e.level,
               e.review_due_on, coalesce(e.review_due_on, ${NO_REVIEW}::date)::text AS sort_review,
               (SELECT max(c.contact_date) FROM guidance_contacts c WHERE c.region_id = e.region_id AND c.episode_id = e.id)::text AS last_contact_on,
               (SELECT count(*) FROM guidance_goals g WHERE g.region_id = e.region_id AND g.episode_id = e.id AND g.status = 'open')::int AS open_goals,
               (SELECT t.lease_holder FROM tenancies t WHERE t.region_id = e.region_id AND t.participant_id = p.id AND t.end_date IS NULL) AS lease_holder
          ${base} ${where.length ? sql`AND ${sql.join(where, sql` AND `)}` : sql``}
         ORDER BY ${order} LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.map((r) => r.participant_id));
  return {
    organisation: org,
    items: page.map((r) => ({
      participant: { id: r.participant_id, code: r.code, name: r.given_name || r.family_name ? `${r.given_name ?? ''} ${r.family_name ?? ''}`.trim() : null },
      episodeId: r.episode_id,
      startDate: r.start_date,
      hoursPerWeek: Number(r.hours_per_week),
      level: r.level,
      reviewDueOn: r.review_due_on,
      reviewOverdue: r.review_due_on !== null && r.review_due_on < now,
      lastContactOn: r.last_contact_on,
      openGoals: r.open_goals,
      leaseHolder: r.lease_holder,
    })),
    nextCursor:
      list.length > q.limit && last
        ? encodeCursor(q.sort === 'review' ? [last.sort_review, last.code, last.episode_id] : [last.code, last.episode_id])
        : null,
    totals: { participants: totals.participants, hoursPerWeek: Number(totals.hours ?? 0), overdueReviews: totals.overdue },
  };
}
