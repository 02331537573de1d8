import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import type { CallStatus, ParticipantPhase, TargetGroup, UnitStatus } from '../../../shared/enums.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { getParticipant } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { notify } from '../notifications/notifications.service.js';
import { effectiveRules, exclusions } from '../eligibility/eligibility.evaluate.js';
import { loadCandidates, loadRules, loadUnitFacts } from '../matching/matching.facts.js';
import { scoreCandidate, type Score } from '../matching/matching.score.js';
import type { CreateCallBody, NominationBody, CallQuery } from './calls.schema.js';

export interface CallRow {
  id: string;
  region_id: string;
  programme_id: string;
  title: string;
  location_id: string | null;
  location_name: string | null;
  unit_ids: string[];
  requirements: string;
  deadline: string;
  status: CallStatus;
  sent_on: string;
  closed_on: string | null;
  created_at: Date;
  nomination_count: number;
  recipient_of: boolean;
}

export interface NominationRow {
  id: string;
  call_id: string;
  participant_id: string;
  code: string | null;
  name: string | null;
  phase: ParticipantPhase | null;
  household_size: number | null;
  target_group: TargetGroup | null;
  organisation_id: string;
  organisation_name: string;
  motivation: string;
  nominated_on: string;
}

const callSelect = (ctx: AccessContext) => sql`
  SELECT c.id, c.region_id, c.programme_id, c.title, c.location_id, l.name AS location_name, c.unit_ids, c.requirements, c.deadline, c.status,
         c.sent_on, c.closed_on, c.created_at,
         (SELECT count(*)::int FROM call_nominations n WHERE n.region_id = c.region_id AND n.call_id = c.id) AS nomination_count,
         EXISTS (SELECT 1 FROM call_recipients r WHERE r.region_id = c.region_id AND r.call_id = c.id AND r.organisation_id = ${ctx.organisationId}) AS recipient_of
    FROM calls c LEFT JOIN locations l ON l.id = c.location_id`;

const callNotFound = () => notFound({ nl: 'Deze uitvraag bestaat niet of is niet aan u gericht.', en: 'This call does not exist or was not sent to you.' });

/** Calls the caller may see (the office all, a provider those sent to it), newest first. */
export async function listCalls(tx: Tx, ctx: AccessContext, q: z.infer<typeof CallQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`c.region_id = ${ctx.regionId}`];
  if (q.status) where.push(sql`c.status = ${q.status}`);
  if (q.programmeId) where.push(sql`c.programme_id = ${q.programmeId}`);
  if (after) where.push(sql`(c.created_at, c.id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`);
  const list = await rows<CallRow>(tx, sql`${callSelect(ctx)} WHERE ${sql.join(where, sql` AND `)} ORDER BY c.created_at DESC, c.id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
}

/** One call the caller may see (404 otherwise); `lock` for a change of its status. */
export async function getCall(tx: Tx, ctx: AccessContext, id: string, lock = false): Promise<CallRow> {
  const [c] = await rows<CallRow>(tx, sql`${callSelect(ctx)} WHERE c.region_id = ${ctx.regionId} AND c.id = ${id} ${lock ? sql`FOR UPDATE OF c` : sql``}`);
  if (!c) throw callNotFound();
  return c;
}

/** The homes a call is about: its units, or the location's units. */
export async function callUnits(tx: Tx, c: Pick<CallRow, 'region_id' | 'location_id' | 'unit_ids'>) {
  return rows<{ id: string; label: string; status: UnitStatus }>(
    tx,
    c.unit_ids.length
      ? sql`SELECT id, label, status FROM units WHERE region_id = ${c.region_id} AND id = ANY (${textArray(c.unit_ids)}::uuid[]) ORDER BY label, id`
      : sql`SELECT id, label, status FROM units WHERE region_id = ${c.region_id} AND location_id = ${c.location_id} AND status IN ('available','location_found') ORDER BY label, id`,
  );
}

/** Who was asked, with how many each nominated (the office's view). */
export async function callRecipients(tx: Tx, regionId: string, callId: string) {
  return rows<{ id: string; name: string; nominations: number }>(
    tx,
    sql`SELECT o.id, o.name, (SELECT count(*)::int FROM call_nominations n WHERE n.region_id = r.region_id AND n.call_id = r.call_id AND n.organisation_id = o.id) AS nominations
          FROM call_recipients r JOIN organisations o ON o.id = r.organisation_id
         WHERE r.region_id = ${regionId} AND r.call_id = ${callId} ORDER BY o.name`,
  );
}

/** The nominations the caller may see (the office all, a provider its own), oldest first. */
export async function listNominations(tx: Tx, ctx: AccessContext, callId: string): Promise<NominationRow[]> {
  const list = await rows<NominationRow>(
    tx,
    sql`SELECT n.id, n.call_id, n.participant_id, p.code, p.given_name || ' ' || p.family_name AS name, p.phase,
               p.household_adults + p.household_children AS household_size, p.target_group, n.organisation_id, o.name AS organisation_name,
               n.motivation, n.nominated_on
          FROM call_nominations n JOIN organisations o ON o.id = n.organisation_id LEFT JOIN participants p ON p.id = n.participant_id
         WHERE n.region_id = ${ctx.regionId} AND n.call_id = ${callId} ORDER BY n.created_at, n.id`,
  );
  await participantAccessed(tx, ctx, 'list', list.map((n) => n.participant_id));
  return list;
}

const callLink = (id: string) => `/uitvragen/${id}`;

/**
 * Sends a broad call: the homes (a location, or chosen units of the programme), what is asked,
 * a deadline, and the providers asked (every care provider of the region by default). Each gets
 * an in-app notification and an e-mail through the outbox.
 */
export async function createCall(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateCallBody>): Promise<string> {
  const date = today();
  const errors = [];
  const [found] = await rows<{ programme: boolean; location: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${b.programmeId}) AS programme,
               EXISTS (SELECT 1 FROM locations WHERE region_id = ${ctx.regionId} AND programme_id = ${b.programmeId} AND id = ${b.locationId ?? null}::uuid) AS location`,
  );
  if (!found.programme) errors.push(fieldError('programmeId', 'Onbekend programma', 'Unknown programme'));
  if (b.locationId && !found.location) errors.push(fieldError('locationId', 'Onbekende locatie in dit programma', 'Unknown location in this programme'));
  const unitIds = [...new Set(b.unitIds ?? [])];
  if (unitIds.length) {
    const known = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM units WHERE region_id = ${ctx.regionId} AND programme_id = ${b.programmeId} AND id IN ${unitIds}
            ${b.locationId ? sql`AND location_id = ${b.locationId}` : sql``}`,
    );
    if (known.length !== unitIds.length) errors.push(fieldError('unitIds', 'Onbekende woning(en) in dit programma of deze locatie', 'Unknown unit(s) in this programme or location'));
  }
  if (!b.locationId && !unitIds.length) errors.push(fieldError('locationId', 'Kies een locatie of woningen', 'Choose a location or units'));
  if (b.deadline < date) errors.push(fieldError('deadline', 'De uiterste datum ligt in het verleden', 'The deadline is in the past'));
  const providers = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM organisations WHERE region_id = ${ctx.regionId} AND kind = 'care_provider'
          ${b.recipientIds ? sql`AND id IN ${b.recipientIds}` : sql``} ORDER BY name`,
  );
  if (b.recipientIds && providers.length !== new Set(b.recipientIds).size) {
    errors.push(fieldError('recipientIds', 'Alleen zorgaanbieders van deze regio kunnen een uitvraag krijgen', 'Only care providers of this region can receive a call'));
  }
  if (!providers.length && !errors.length) errors.push(fieldError('recipientIds', 'De regio heeft geen zorgaanbieders', 'The region has no care providers'));
  if (errors.length) throw validationError(errors);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO calls (region_id, id, programme_id, title, location_id, unit_ids, requirements, deadline, status, sent_on, created_by)
        VALUES (${ctx.regionId}, ${id}, ${b.programmeId}, ${b.title}, ${b.locationId ?? null}, ${textArray(unitIds)}::uuid[], ${b.requirements},
                ${b.deadline}, 'open', ${date}, ${ctx.userId})`,
  );
  for (const p of providers) {
    await tx.execute(sql`INSERT INTO call_recipients (region_id, call_id, organisation_id) VALUES (${ctx.regionId}, ${id}, ${p.id})`);
    await notify(tx, ctx.regionId, { organisationId: p.id, roles: ['care_worker', 'care_manager'] }, {
      kind: 'call.sent',
      title: { nl: `Brede uitvraag: ${b.title}`, en: `Broad call: ${b.title}` },
      body: {
        nl: `Het programmabureau vraagt: wie kent u voor “${b.title}”? Draag kandidaten voor vóór ${b.deadline}.`,
        en: `The programme office asks: whom do you know for “${b.title}”? Nominate candidates before ${b.deadline}.`,
      },
      link: callLink(id),
    });
  }
  await recordAudit(tx, actorOf(ctx), { action: 'call.created', resourceType: 'call', resourceId: id, details: { recipients: providers.length } });
  return id;
}

/**
 * A provider nominates one of its own candidates (guided or referred by it, phase `ready`) with a
 * motivation, while the call is open and before its deadline; the office is told.
 */
export async function nominate(tx: Tx, ctx: AccessContext, callId: string, b: z.infer<typeof NominationBody>): Promise<string> {
  const c = await getCall(tx, ctx, callId, true);
  if (!c.recipient_of) throw forbidden();
  const date = today();
  if (c.status !== 'open' || date > c.deadline) {
    throw new AppError('invalid_transition', {
      nl: c.status === 'open' ? `De uiterste datum (${c.deadline}) is voorbij.` : `Deze uitvraag is ${c.status === 'closed' ? 'gesloten' : 'ingetrokken'}.`,
      en: c.status === 'open' ? `The deadline (${c.deadline}) has passed.` : `This call is ${c.status}.`,
    });
  }
  const p = await getParticipant(tx, ctx, b.participantId);
  if (!p.my_relations.some((r) => r === 'provider' || r === 'referrer')) {
    throw new AppError('forbidden', {
      nl: 'U kunt alleen iemand voordragen die uw organisatie begeleidt of heeft aangemeld.',
      en: 'You can only nominate someone your organisation guides or referred.',
    });
  }
  if (p.programme_id !== c.programme_id) throw validationError([fieldError('participantId', 'Deze deelnemer hoort bij een ander programma', 'This participant belongs to another programme')]);
  if (p.phase !== 'ready') {
    throw new AppError('invalid_transition', {
      nl: `Alleen wie klaar is voor matching kan worden voorgedragen; ${p.code} is in fase ${p.phase}.`,
      en: `Only someone ready for matching can be nominated; ${p.code} is in phase ${p.phase}.`,
    });
  }
  const [dup] = await rows<{ id: string }>(tx, sql`SELECT id FROM call_nominations WHERE region_id = ${ctx.regionId} AND call_id = ${c.id} AND participant_id = ${p.id}`);
  if (dup) throw new AppError('conflict', { nl: `${p.code} is al voorgedragen voor deze uitvraag.`, en: `${p.code} is already nominated for this call.` });
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO call_nominations (region_id, id, call_id, participant_id, organisation_id, motivation, nominated_by, nominated_on)
        VALUES (${ctx.regionId}, ${id}, ${c.id}, ${p.id}, ${ctx.organisationId}, ${b.motivation}, ${ctx.userId}, ${date})`,
  );
  await notify(tx, ctx.regionId, { roles: ['programme_office'] }, {
    kind: 'call.nominated',
    title: { nl: `Voordracht voor “${c.title}”`, en: `Nomination for “${c.title}”` },
    body: { nl: `Er is een kandidaat (${p.code}) voorgedragen voor “${c.title}”.`, en: `A candidate (${p.code}) was nominated for “${c.title}”.` },
    link: callLink(c.id),
  });
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

/** The office closes a call (also done by the daily tick once the deadline has passed). */
export async function closeCall(tx: Tx, ctx: AccessContext, id: string) {
  const c = await getCall(tx, ctx, id, true);
  if (c.status !== 'open') throw new AppError('invalid_transition', { nl: `Deze uitvraag is al ${c.status}.`, en: `This call is already ${c.status}.` });
  await tx.execute(sql`UPDATE calls SET status = 'closed', closed_on = ${today()}, version = version + 1 WHERE region_id = ${ctx.regionId} AND id = ${id}`);
  await recordAudit(tx, actorOf(ctx), { action: 'call.closed', resourceType: 'call', resourceId: id });
}

/** What the daily tick did with the calls. */
export interface CallTick {
  reminded: number;
  closed: number;
}

/** Days before the deadline that providers who have not answered get a reminder. */
export const CALL_REMINDER_DAYS = 2;

/**
 * The calls' part of the scheduler's daily tick (runs as the owner, outside any request): a
 * reminder to every provider that has not nominated anyone yet, `CALL_REMINDER_DAYS` before the
 * deadline; and calls past their deadline close, with a note to the office to review them.
 */
export async function tickCalls(tx: Tx, on: string, regionId?: string): Promise<CallTick> {
  const region = regionId ? sql`AND c.region_id = ${regionId}` : sql``;
  const due = await rows<{ region_id: string; call_id: string; organisation_id: string; title: string; deadline: string }>(
    tx,
    sql`SELECT r.region_id, r.call_id, r.organisation_id, c.title, c.deadline FROM call_recipients r JOIN calls c ON c.id = r.call_id
         WHERE c.status = 'open' ${region} AND r.reminded_at IS NULL AND c.deadline >= ${on} AND c.deadline <= ${on}::date + ${CALL_REMINDER_DAYS}::int
           AND NOT EXISTS (SELECT 1 FROM call_nominations n WHERE n.call_id = r.call_id AND n.organisation_id = r.organisation_id)
         ORDER BY r.call_id, r.organisation_id`,
  );
  for (const d of due) {
    await notify(tx, d.region_id, { organisationId: d.organisation_id, roles: ['care_worker', 'care_manager'] }, {
      kind: 'call.reminder',
      title: { nl: `Herinnering: brede uitvraag “${d.title}”`, en: `Reminder: broad call “${d.title}”` },
      body: { nl: `U heeft nog niemand voorgedragen; de uitvraag sluit op ${d.deadline}.`, en: `You have not nominated anyone yet; the call closes on ${d.deadline}.` },
      link: callLink(d.call_id),
    });
    await tx.execute(sql`UPDATE call_recipients SET reminded_at = now() WHERE region_id = ${d.region_id} AND call_id = ${d.call_id} AND organisation_id = ${d.organisation_id}`);
  }
  const closing = await rows<{ id: string; region_id: string; title: string; n: number }>(
    tx,
    sql`UPDATE calls c SET status = 'closed', closed_on = ${on}, version = version + 1
         WHERE c.status = 'open' ${region} AND c.deadline < ${on}
        RETURNING c.id, c.region_id, c.title, (SELECT count(*)::int FROM call_nominations n WHERE n.call_id = c.id) AS n`,
  );
  for (const c of closing) {
    await notify(tx, c.region_id, { roles: ['programme_office'] }, {
      kind: 'call.closed',
      title: { nl: `Uitvraag gesloten: ${c.title}`, en: `Call closed: ${c.title}` },
      body: { nl: `De uitvraag “${c.title}” is gesloten met ${c.n} voordracht(en); bekijk ze naast elkaar.`, en: `The call “${c.title}” closed with ${c.n} nomination(s); review them side by side.` },
      link: callLink(c.id),
    });
  }
  return { reminded: due.length, closed: closing.length };
}

/** Per nomination, per home of the call: eligible or why not, and the score with its parts (the office's side-by-side view). */
export async function nominationFit(tx: Tx, ctx: AccessContext, c: CallRow, nominations: NominationRow[]) {
  const homes = await callUnits(tx, c);
  const units = await loadUnitFacts(tx, ctx.regionId, { unitIds: homes.map((h) => h.id) });
  const rules = await loadRules(tx, ctx.regionId, c.programme_id);
  const asOf = today();
  const people = await loadCandidates(tx, ctx.regionId, { asOf, participantIds: nominations.map((n) => n.participant_id) });
  const byId = new Map(people.map((p) => [p.id, p]));
  const out = new Map<string, { unitId: string; label: string; eligible: boolean; reasons: { code: string; nl: string; en: string }[]; score: Score | null }[]>();
  for (const n of nominations) {
    const person = byId.get(n.participant_id);
    if (!person) continue;
    out.set(
      n.id,
      units.map((u) => {
        const reasons = exclusions(u, person, effectiveRules(u, rules)).map((x) => ({ code: x.code, nl: x.nl, en: x.en }));
        return { unitId: u.id, label: u.label, eligible: reasons.length === 0, reasons, score: reasons.length === 0 ? scoreCandidate(u, person, asOf) : null };
      }),
    );
  }
  return out;
}
