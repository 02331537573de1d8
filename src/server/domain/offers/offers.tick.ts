import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { rows } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { tickCalls, type CallTick } from '../calls/calls.service.js';
import { STEP_DEADLINES, STEP_LABELS } from './offers.machine.js';
import { OFFER_SELECT, insertEvent, notifyStep, recordDecline, type OfferRow } from './offers.service.js';

/** What one tick did. */
export interface TickResult {
  date: string;
  reminded: number;
  escalated: number;
  expired: number;
  calls: CallTick;
}

const SYSTEM = { userId: null, organisationId: null };
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The offers' part of the daily tick: per running offer, by the age of its step
 * (STEP_DEADLINES), a reminder to the step's party, then an escalation to the programme office,
 * and finally the offer expires — declined as `expired` / `deadline_passed`, to the office's
 * review like any decline. Each happens once per step (the step's clock restarts when it moves).
 */
export async function tickOffers(tx: Tx, on: string, regionId?: string) {
  const list = await rows<OfferRow>(
    tx,
    sql`${OFFER_SELECT} WHERE o.status = 'open' AND o.step_entered_on < ${on} ${regionId ? sql`AND o.region_id = ${regionId}` : sql``}
         ORDER BY o.region_id, o.step_entered_on, o.id FOR UPDATE OF o`,
  );
  let reminded = 0;
  let escalated = 0;
  let expired = 0;
  for (const o of list) {
    const age = daysBetween(o.step_entered_on, on);
    const d = STEP_DEADLINES[o.step];
    const home = o.unit_label ?? o.unit_id;
    if (age >= d.expire) {
      await recordDecline(tx, o.region_id, o, SYSTEM, { party: 'expired', reason: 'deadline_passed', note: null, date: on, source: 'system' });
      await recordAudit(tx, { regionId: o.region_id, role: 'system' }, { action: 'offer.expired', resourceType: 'offer', resourceId: o.id, participantId: o.participant_id });
      expired += 1;
      continue;
    }
    if (age >= d.remind && !o.reminded_on) {
      await tx.execute(sql`UPDATE offers SET reminded_on = ${on}, updated_at = now() WHERE region_id = ${o.region_id} AND id = ${o.id}`);
      await insertEvent(tx, o.region_id, o.id, SYSTEM, { kind: 'reminded', step: o.step, nextStep: o.step, statusAfter: 'open', date: on, source: 'system' });
      await notifyStep(tx, o, o.step, 'offer.reminder', {
        nl: `Deze stap loopt al ${age} dagen; geef een voortgangsbericht of neem een besluit.`,
        en: `This step has been waiting ${age} days; give a progress update or decide.`,
      });
      reminded += 1;
    }
    if (age >= d.escalate && !o.escalated_on) {
      await tx.execute(sql`UPDATE offers SET escalated_on = ${on}, updated_at = now() WHERE region_id = ${o.region_id} AND id = ${o.id}`);
      await insertEvent(tx, o.region_id, o.id, SYSTEM, { kind: 'escalated', step: o.step, nextStep: o.step, statusAfter: 'open', date: on, source: 'system' });
      await notify(tx, o.region_id, { roles: ['programme_office'] }, {
        kind: 'offer.escalated',
        title: { nl: `Aanbod loopt vast: ${home}`, en: `Offer stalled: ${home}` },
        body: {
          nl: `Het aanbod van woning ${home} ${STEP_LABELS[o.step].waiting.nl}, al ${age} dagen. Over ${d.expire - age} dagen vervalt het.`,
          en: `The offer of home ${home} is ${STEP_LABELS[o.step].waiting.en}, for ${age} days. It expires in ${d.expire - age} days.`,
        },
        link: `/aanbiedingen/${o.id}`,
      });
      escalated += 1;
    }
  }
  return { reminded, escalated, expired };
}

/**
 * The daily tick a scheduler runs (`eerstethuis offers tick`, e.g. from cron at night): offers'
 * reminders, escalations and expiries, and the calls' reminders and closing. One transaction,
 * as the database owner (it acts for no user; its events say `system`). `on` is injectable for
 * tests and for catching up; `regionId` limits it to one region (tests share a database).
 */
export async function tick(database: Database, opts: { on?: string; regionId?: string } = {}): Promise<TickResult> {
  const on = opts.on ?? today();
  return database.db.transaction(async (tx) => {
    const offers = await tickOffers(tx, on, opts.regionId);
    const calls = await tickCalls(tx, on, opts.regionId);
    return { date: on, ...offers, calls };
  });
}
