import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import type { DeclineParty, DeliveryMode, OfferStatus, OfferStep } from '../../../shared/enums.js';
import { ROUTE_STEPS, STEP_DEADLINES } from './offers.machine.js';
import type { DashboardQuery } from './offers.schema.js';

const daysBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface EventRow {
  offer_id: string;
  route: DeliveryMode;
  kind: string;
  step: OfferStep;
  next_step: OfferStep;
  status_after: OfferStatus;
  party: DeclineParty | null;
  reason: string | null;
  outcome: string | null;
  effective_date: string;
}

/**
 * The office's dashboard of the matching work (docs/matching.md): running offers by step and
 * age (stalled ones apart), how long each step takes (from entering to leaving it, over the
 * offers that left it forward), declines by party and reason with what the office made of
 * them, the outcomes, and homes that have stood available longer than N days.
 * Computed from the offers' event history, so it can be recomputed for any date.
 */
export async function offerDashboard(tx: Tx, ctx: AccessContext, q: z.infer<typeof DashboardQuery>) {
  const asOf = q.date ?? today();
  const scope: SQL[] = [sql`o.region_id = ${ctx.regionId}`];
  if (q.programmeId) scope.push(sql`o.programme_id = ${q.programmeId}`);
  const where = sql.join(scope, sql` AND `);

  const open = await rows<{ route: DeliveryMode; step: OfferStep; status: OfferStatus; step_entered_on: string }>(
    tx,
    sql`SELECT o.route, o.step, o.status, o.step_entered_on FROM offers o WHERE ${where} AND o.status IN ('open','decline_review')`,
  );
  const byStep = new Map<string, { route: DeliveryMode; step: OfferStep; open: number; underReview: number; stalled: number; oldestDays: number; ages: { upTo7: number; upTo14: number; upTo30: number; over30: number } }>();
  for (const route of ['project', 'scattered'] as const) {
    for (const step of ROUTE_STEPS[route]) {
      byStep.set(`${route}|${step}`, { route, step, open: 0, underReview: 0, stalled: 0, oldestDays: 0, ages: { upTo7: 0, upTo14: 0, upTo30: 0, over30: 0 } });
    }
  }
  for (const o of open) {
    const s = byStep.get(`${o.route}|${o.step}`)!;
    const age = daysBetween(o.step_entered_on, asOf);
    if (o.status === 'open') s.open += 1;
    else s.underReview += 1;
    if (o.status === 'open' && age >= STEP_DEADLINES[o.step].remind) s.stalled += 1;
    s.oldestDays = Math.max(s.oldestDays, age);
    if (age <= 7) s.ages.upTo7 += 1;
    else if (age <= 14) s.ages.upTo14 += 1;
    else if (age <= 30) s.ages.upTo30 += 1;
    else s.ages.over30 += 1;
  }

  const events = await rows<EventRow>(
    tx,
    sql`SELECT e.offer_id, o.route, e.kind, e.step, e.next_step, e.status_after, e.party, e.reason, e.outcome, e.effective_date
          FROM offer_events e JOIN offers o ON o.id = e.offer_id
         WHERE ${where} AND e.effective_date <= ${asOf}
         ORDER BY e.offer_id, e.seq`,
  );
  const durations = new Map<string, number[]>();
  const declines = new Map<string, { party: DeclineParty; reason: string; total: number; confirmed: number; overridden: number; returned: number; pending: number }>();
  let current: { offer: string; step: OfferStep; since: string } | null = null;
  let pendingDecline: string | null = null;
  for (const e of events) {
    if (!current || current.offer !== e.offer_id) {
      current = { offer: e.offer_id, step: e.step, since: e.effective_date };
      pendingDecline = null;
    }
    if (e.kind === 'declined' && e.party) {
      const key = `${e.party}|${e.reason ?? ''}`;
      const d = declines.get(key) ?? { party: e.party, reason: e.reason ?? '', total: 0, confirmed: 0, overridden: 0, returned: 0, pending: 0 };
      d.total += 1;
      d.pending += 1;
      declines.set(key, d);
      pendingDecline = key;
    }
    if (e.kind === 'reviewed' && pendingDecline) {
      const d = declines.get(pendingDecline)!;
      d.pending -= 1;
      if (e.outcome === 'confirm') d.confirmed += 1;
      else if (e.outcome === 'override') d.overridden += 1;
      else d.returned += 1;
      pendingDecline = null;
    }
    // A step is completed when the offer leaves it forward (or the contract step succeeds).
    const leaves = e.next_step !== current.step || (e.status_after === 'succeeded' && e.kind !== 'created');
    if (leaves && e.status_after !== 'cancelled' && e.status_after !== 'declined') {
      const key = `${e.route}|${current.step}`;
      durations.set(key, [...(durations.get(key) ?? []), daysBetween(current.since, e.effective_date)]);
      current = { offer: e.offer_id, step: e.next_step, since: e.effective_date };
    }
  }
  const timeBetweenSteps = [...byStep.values()].map(({ route, step }) => {
    const list = (durations.get(`${route}|${step}`) ?? []).sort((a, b) => a - b);
    return { route, step, completed: list.length, medianDays: percentile(list, 50), p90Days: percentile(list, 90), maxDays: list.at(-1) ?? 0 };
  });

  const [outcomes] = await rows<{ succeeded: number; declined: number; cancelled: number; running: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE o.status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE o.status = 'declined')::int AS declined,
               count(*) FILTER (WHERE o.status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE o.status IN ('open','decline_review'))::int AS running
          FROM offers o WHERE ${where}`,
  );

  const unitScope: SQL[] = [sql`u.region_id = ${ctx.regionId}`, sql`u.status = 'available'`, sql`u.status_since <= ${asOf}::date - ${q.vacancyDays}::int`];
  if (q.programmeId) unitScope.push(sql`u.programme_id = ${q.programmeId}`);
  const vacancies = await rows<{ id: string; label: string; location: string | null; municipality: string; status_since: string; open_offers: number }>(
    tx,
    sql`SELECT u.id, u.label, l.name AS location, m.name AS municipality, u.status_since,
               (SELECT count(*)::int FROM offers o WHERE o.region_id = u.region_id AND o.unit_id = u.id AND o.status IN ('open','decline_review')) AS open_offers
          FROM units u JOIN municipalities m ON m.id = u.municipality_id LEFT JOIN locations l ON l.id = u.location_id
         WHERE ${sql.join(unitScope, sql` AND `)}
         ORDER BY u.status_since, u.label LIMIT 200`,
  );

  return {
    asOf,
    openByStep: [...byStep.values()],
    timeBetweenSteps,
    declinesByParty: [...declines.values()].sort((a, b) => a.party.localeCompare(b.party) || b.total - a.total || a.reason.localeCompare(b.reason)),
    outcomes,
    vacancies: vacancies.map((v) => ({
      unitId: v.id,
      label: v.label,
      location: v.location,
      municipality: v.municipality,
      availableSince: v.status_since,
      days: daysBetween(v.status_since, asOf),
      openOffers: v.open_offers,
    })),
  };
}
