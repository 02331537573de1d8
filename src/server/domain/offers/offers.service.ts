import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import type { ConsentScope, DeclineParty, DeliveryMode, OfferStatus, OfferStep, ParticipantPhase } from '../../../shared/enums.js';
import { requireConsent } from '../participants/participants.consent.js';
import { getParticipant } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { changeUnitStatus } from '../units/units.service.js';
import { effectiveRules, exclusions } from '../eligibility/eligibility.evaluate.js';
import { loadCandidates, loadRules, loadUnitFacts } from '../matching/matching.facts.js';
import { notify, type Recipients } from '../notifications/notifications.service.js';
import { PARK_AFTER_DECLINES, PARK_DAYS, PARTY_LABELS, STEP_LABELS, declineProblems, decidersOf, reviewRefusal, stepAfter, type Decider } from './offers.machine.js';
import { canOffer, decidingParts, partsOf, type OfferTarget } from './offers.policy.js';
import { onOfferSucceeded } from './offers.success.js';
import type { TenancyTerms } from '../tenancies/tenancies.service.js';
import type { CancelBody, CreateOfferBody, DecisionBody, OfferQuery, ReviewBody } from './offers.schema.js';

type Text = { nl: string; en: string };

export interface OfferRow {
  id: string;
  region_id: string;
  programme_id: string;
  unit_id: string;
  unit_label: string | null;
  rooms: number | null;
  location_name: string | null;
  municipality_name: string | null;
  participant_id: string;
  route: DeliveryMode;
  provider_id: string | null;
  provider_name: string | null;
  corporation_id: string | null;
  corporation_name: string | null;
  allocation_office_id: string | null;
  allocation_office_name: string | null;
  call_id: string | null;
  proposal_id: string | null;
  step: OfferStep;
  status: OfferStatus;
  step_entered_on: string;
  reminded_on: string | null;
  escalated_on: string | null;
  shared_on: string | null;
  decline_party: DeclineParty | null;
  decline_reason: string | null;
  decline_note: string | null;
  declined_on: string | null;
  closed_on: string | null;
  close_reason: string | null;
  version: number;
  created_at: Date;
  /** Null when the reader may not see the participant's record (the landlord side). */
  participant_code: string | null;
  participant_name: string | null;
  household_size: number | null;
}

export interface OfferEventRow {
  id: string;
  kind: string;
  step: OfferStep;
  next_step: OfferStep;
  status_after: OfferStatus;
  party: string | null;
  reason: string | null;
  outcome: string | null;
  note: string | null;
  effective_date: string;
  recorded_at: Date;
  source: string;
  recorded_by_organisation_id: string | null;
  organisation_name: string | null;
}

/** What the landlord side sees of a candidate (offer_candidates, migration 0020). */
export interface CandidateView {
  offer_id: string;
  code: string;
  given_name: string | null;
  family_name: string | null;
  household_adults: number | null;
  household_children: number | null;
  phone: string | null;
  email: string | null;
  housing_consent: boolean;
}

/** The offer with its home, parties and (where the reader may see it) the candidate. */
export const OFFER_SELECT = sql`
  SELECT o.id, o.region_id, o.programme_id, o.unit_id, u.label AS unit_label, u.rooms, l.name AS location_name, m.name AS municipality_name,
         o.participant_id, o.route, o.provider_id, pr.name AS provider_name, o.corporation_id, co.name AS corporation_name,
         o.allocation_office_id, ao.name AS allocation_office_name, o.call_id, o.proposal_id, o.step, o.status, o.step_entered_on,
         o.reminded_on, o.escalated_on, o.shared_on, o.decline_party, o.decline_reason, o.decline_note, o.declined_on, o.closed_on,
         o.close_reason, o.version, o.created_at,
         p.code AS participant_code, p.given_name || ' ' || p.family_name AS participant_name,
         p.household_adults + p.household_children AS household_size
    FROM offers o
    LEFT JOIN units u ON u.id = o.unit_id
    LEFT JOIN locations l ON l.id = u.location_id
    LEFT JOIN municipalities m ON m.id = u.municipality_id
    LEFT JOIN organisations pr ON pr.id = o.provider_id
    LEFT JOIN organisations co ON co.id = o.corporation_id
    LEFT JOIN organisations ao ON ao.id = o.allocation_office_id
    LEFT JOIN participants p ON p.id = o.participant_id`;

export const offerNotFound = () => notFound({ nl: 'Dit aanbod bestaat niet of is niet zichtbaar voor u.', en: 'This offer does not exist or is not visible to you.' });

export const targetOf = (o: Pick<OfferRow, 'route' | 'step' | 'provider_id' | 'corporation_id' | 'allocation_office_id' | 'shared_on'>): OfferTarget => ({
  route: o.route,
  step: o.step,
  providerId: o.provider_id,
  corporationId: o.corporation_id,
  allocationOfficeId: o.allocation_office_id,
  sharedOn: o.shared_on,
});

/** The running statuses, the default of the list. */
const RUNNING: OfferStatus[] = ['open', 'decline_review'];

/** Offers the caller is party to (row-level security decides which), oldest step first. */
export async function listOffers(tx: Tx, ctx: AccessContext, q: z.infer<typeof OfferQuery>) {
  const after = requireCursor(q.cursor, 2);
  const statuses = q.status === undefined ? RUNNING : Array.isArray(q.status) ? q.status : [q.status];
  const where: SQL[] = [sql`o.region_id = ${ctx.regionId}`, sql`o.status IN ${statuses}`];
  if (q.step) where.push(sql`o.step = ${q.step}`);
  if (q.route) where.push(sql`o.route = ${q.route}`);
  if (q.programmeId) where.push(sql`o.programme_id = ${q.programmeId}`);
  if (q.unitId) where.push(sql`o.unit_id = ${q.unitId}`);
  if (q.participantId) where.push(sql`o.participant_id = ${q.participantId}`);
  if (after) where.push(sql`(o.step_entered_on, o.id) > (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<OfferRow>(tx, sql`${OFFER_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY o.step_entered_on, o.id LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.map((o) => o.participant_id));
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.step_entered_on, last.id]) : null };
}

/** One offer the caller is party to, or 404. `lock` serialises decisions on the same offer. */
export async function getOffer(tx: Tx, ctx: AccessContext, id: string, opts: { lock?: boolean; audit?: boolean } = {}): Promise<OfferRow> {
  const [row] = await rows<OfferRow>(
    tx,
    sql`${OFFER_SELECT} WHERE o.region_id = ${ctx.regionId} AND o.id = ${id} ${opts.lock ? sql`FOR UPDATE OF o` : sql``}`,
  );
  if (!row) throw offerNotFound();
  if (opts.audit !== false) await participantAccessed(tx, ctx, 'read', [row.participant_id]);
  return row;
}

/**
 * Locks an offer for a decision, after its home: every path that changes offers takes the home's
 * row lock first and the offers' after it (success cancels the home's other offers), so two
 * decisions about one home queue up instead of deadlocking.
 */
export async function lockOffer(tx: Tx, ctx: AccessContext, id: string): Promise<OfferRow> {
  const first = await getOffer(tx, ctx, id, { audit: false });
  await tx.execute(sql`SELECT 1 FROM units WHERE region_id = ${ctx.regionId} AND id = ${first.unit_id} FOR UPDATE`);
  return getOffer(tx, ctx, id, { lock: true, audit: false });
}

/** The offer's history, oldest first. */
export function offerHistory(tx: Tx, regionId: string, offerId: string) {
  return rows<OfferEventRow>(
    tx,
    sql`SELECT e.id, e.kind, e.step, e.next_step, e.status_after, e.party, e.reason, e.outcome, e.note, e.effective_date, e.recorded_at,
               e.source, e.recorded_by_organisation_id, og.name AS organisation_name
          FROM offer_events e LEFT JOIN organisations og ON og.id = e.recorded_by_organisation_id
         WHERE e.region_id = ${regionId} AND e.offer_id = ${offerId} ORDER BY e.seq`,
  );
}

/** The landlord side's view of candidates (name, household size, contact; only with consent for housing). */
export async function candidatesFor(tx: Tx, ctx: AccessContext, offers: readonly OfferRow[]): Promise<Map<string, CandidateView>> {
  const landlord = offers.filter((o) => o.participant_code === null).map((o) => o.id);
  if (!landlord.length || !(ctx.roles.includes('corporation') || ctx.roles.includes('allocation_officer'))) return new Map();
  const list = await rows<CandidateView>(tx, sql`SELECT * FROM offer_candidates(${`{${landlord.join(',')}}`}::uuid[])`);
  return new Map(list.map((c) => [c.offer_id, c]));
}

/** Facts about the candidate that every party may know (phase, consent, parked), past the participant's row-level policy. */
interface ParticipantFacts {
  participant_id: string;
  phase: ParticipantPhase;
  consent_given_on: string | null;
  consent_scope: ConsentScope[];
  parked: boolean;
}
async function factsOf(tx: Tx, offerId: string, date: string): Promise<ParticipantFacts> {
  const [f] = await rows<ParticipantFacts>(tx, sql`SELECT * FROM offer_participant_facts(${`{${offerId}}`}::uuid[], ${date}::date)`);
  if (!f) throw offerNotFound();
  return f;
}

/** The constraint a failed statement violated, when it was a unique violation (both drivers). */
export function uniqueViolation(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (x.code === '23505') {
      if (typeof x.constraint === 'string') return x.constraint;
      const m = typeof x.message === 'string' ? /constraint "([^"]+)"/.exec(x.message) : null;
      return m ? m[1] : 'unknown';
    }
    e = x.cause;
  }
  return null;
}

/** The message of a raised exception (the SECURITY DEFINER functions raise coded messages). */
function raisedMessage(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (x.code === 'P0001' && typeof x.message === 'string') return x.message;
    e = x.cause;
  }
  return null;
}

const CONFLICTS: Record<string, Text> = {
  offers_active_unit_key: {
    nl: 'Deze woning is intussen aan een andere kandidaat toegezegd: een ander aanbod van deze woning is al aangenomen.',
    en: 'This home has meanwhile been promised to another candidate: another offer of it has already been accepted.',
  },
  offers_active_participant_key: {
    nl: 'Deze kandidaat heeft intussen een ander aanbod aangenomen.',
    en: 'This candidate has meanwhile accepted another offer.',
  },
  offers_open_pair_key: {
    nl: 'Er loopt al een aanbod van deze woning aan deze kandidaat.',
    en: 'An offer of this home to this candidate is already running.',
  },
};

/** Runs a statement that may hit one of the offers' unique indexes; a hit becomes 409 with the reason. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const c = uniqueViolation(err);
    if (c && CONFLICTS[c]) throw new AppError('conflict', CONFLICTS[c]);
    throw err;
  }
}

/** A date a step happened on: not in the future (validated by the schema), not before the step began. */
function checkDate(o: Pick<OfferRow, 'step_entered_on'>, date: string, path = 'effectiveDate') {
  if (date < o.step_entered_on) {
    throw validationError([fieldError(path, `De datum ligt vóór het begin van deze stap (${o.step_entered_on}).`, `The date is before this step began (${o.step_entered_on}).`)]);
  }
}

// —— Notifications ——

const link = (offerId: string) => `/aanbiedingen/${offerId}`;

/** The people behind a part in an offer. */
function recipientsOf(o: OfferRow, part: Decider): Recipients | null {
  switch (part) {
    case 'provider':
      return o.provider_id ? { organisationId: o.provider_id, roles: ['care_worker', 'care_manager'] } : null;
    case 'corporation':
      return o.corporation_id ? { organisationId: o.corporation_id, roles: ['corporation'] } : null;
    case 'allocation_office':
      return o.allocation_office_id ? { organisationId: o.allocation_office_id, roles: ['allocation_officer'] } : null;
    case 'office':
      return { roles: ['programme_office'] };
  }
}

/** Tells the parties of `step` (not the office when someone else decides too) that the offer waits for them. */
export async function notifyStep(tx: Tx, o: OfferRow, step: OfferStep, kind = 'offer.waiting', extra?: Text) {
  const parts = decidersOf(o.route, step);
  const who = parts.length > 1 ? parts.filter((p) => p !== 'office') : parts;
  const home = o.unit_label ?? o.unit_id;
  for (const part of who) {
    const to = recipientsOf(o, part);
    if (!to) continue;
    await notify(tx, o.region_id, to, {
      kind,
      title: { nl: `Aanbod ${home}: ${STEP_LABELS[step].waiting.nl}`, en: `Offer ${home}: ${STEP_LABELS[step].waiting.en}` },
      body: {
        nl: `Het aanbod van woning ${home} ${STEP_LABELS[step].waiting.nl}.${extra ? ` ${extra.nl}` : ''}`,
        en: `The offer of home ${home} is ${STEP_LABELS[step].waiting.en}.${extra ? ` ${extra.en}` : ''}`,
      },
      link: link(o.id),
    });
  }
}

/** Tells the given parts of an offer what happened to it. */
async function notifyParts(tx: Tx, o: OfferRow, parts: Decider[], kind: string, text: Text) {
  const home = o.unit_label ?? o.unit_id;
  for (const part of new Set(parts)) {
    const to = recipientsOf(o, part);
    if (!to) continue;
    await notify(tx, o.region_id, to, { kind, title: { nl: `Aanbod ${home}`, en: `Offer ${home}` }, body: text, link: link(o.id) });
  }
}

/** The parts that work on an offer (the landlord side only once the candidate was shared with it). */
const involved = (o: OfferRow): Decider[] => [
  'provider',
  ...(o.shared_on && o.corporation_id ? (['corporation'] as const) : []),
  ...(o.allocation_office_id ? (['allocation_office'] as const) : []),
];

// —— Events ——

interface EventSpec {
  kind: 'created' | 'accepted' | 'declined' | 'reviewed' | 'cancelled' | 'reminded' | 'escalated' | 'succeeded';
  step: OfferStep;
  nextStep: OfferStep;
  statusAfter: OfferStatus;
  party?: string | null;
  reason?: string | null;
  outcome?: string | null;
  note?: string | null;
  date: string;
  source?: 'app' | 'csv' | 'system';
}

/** Appends to an offer's history (append-only for the app role). */
export async function insertEvent(tx: Tx, regionId: string, offerId: string, actor: { userId: string | null; organisationId: string | null }, e: EventSpec) {
  await tx.execute(
    sql`INSERT INTO offer_events (region_id, id, offer_id, kind, step, next_step, status_after, party, reason, outcome, note, effective_date, source,
                                  recorded_by, recorded_by_organisation_id)
        VALUES (${regionId}, ${crypto.randomUUID()}, ${offerId}, ${e.kind}, ${e.step}, ${e.nextStep}, ${e.statusAfter}, ${e.party ?? null},
                ${e.reason ?? null}, ${e.outcome ?? null}, ${e.note ?? null}, ${e.date}, ${e.source ?? 'app'}, ${actor.userId}, ${actor.organisationId})`,
  );
}

const actor = (ctx: AccessContext) => ({ userId: ctx.userId, organisationId: ctx.organisationId });

// —— Creating offers ——

/** The allocation office of a scattered offer: the one asked for, or the region's only one. */
async function allocationOffice(tx: Tx, regionId: string, wanted: string | undefined): Promise<string> {
  const list = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM organisations WHERE region_id = ${regionId} AND kind = 'allocation_office' ${wanted ? sql`AND id = ${wanted}` : sql``} ORDER BY name`,
  );
  if (wanted && !list.length) throw validationError([fieldError('allocationOfficeId', 'Onbekend toewijzingsbureau in deze regio', 'Unknown allocation office in this region')]);
  if (!list.length) {
    throw new AppError('conflict', {
      nl: 'De regio heeft geen toewijzingsbureau (zoals Het Vierde Huis): gespikkelde aanbiedingen kunnen nergens heen.',
      en: 'The region has no allocation office (such as Het Vierde Huis): scattered offers have nowhere to go.',
    });
  }
  if (list.length > 1) throw validationError([fieldError('allocationOfficeId', 'Kies het toewijzingsbureau', 'Choose the allocation office')]);
  return list[0].id;
}

/**
 * Offers a home to a participant. The office makes offers on either route; the guiding care
 * provider proposes its own candidate on the project route (its proposal is then the first
 * step, done). The home must be available, the person `ready` and eligible under the home's
 * rules; sharing the candidate with the landlord side needs consent for housing. Several
 * offers of one home may run at once; the database keeps one per home and person.
 */
export async function createOffer(
  tx: Tx,
  ctx: AccessContext,
  b: z.infer<typeof CreateOfferBody>,
  opts: { proposalId?: string; date?: string } = {},
): Promise<string> {
  const date = opts.date ?? today();
  const isOffice = ctx.roles.includes('programme_office');
  const [unit] = await loadUnitFacts(tx, ctx.regionId, { unitIds: [b.unitId] });
  if (!unit) throw notFound({ nl: 'Deze woning bestaat niet of is niet zichtbaar voor u.', en: 'This unit does not exist or is not visible to you.' });
  const p = await getParticipant(tx, ctx, b.participantId);
  if (!isOffice && p.provider_id !== ctx.organisationId) throw forbidden();
  const route: DeliveryMode = b.route ?? unit.deliveryMode ?? 'scattered';
  if (!isOffice && route !== 'project') {
    throw new AppError('forbidden', {
      nl: 'Een zorgaanbieder draagt alleen bij projectmatige oplevering zelf voor; gespikkelde woningen lopen via het programmabureau en Het Vierde Huis.',
      en: 'A care provider proposes directly only on the project route; scattered homes go through the programme office and the allocation office.',
    });
  }
  if (unit.status !== 'available') {
    throw new AppError('conflict', { nl: `De woning heeft status ${unit.status}; alleen een beschikbare woning kan worden aangeboden.`, en: `The home has status ${unit.status}; only an available home can be offered.` });
  }
  if (route === 'project' && !unit.corporationId) {
    throw new AppError('conflict', { nl: 'De locatie van deze woning heeft geen corporatie die kan besluiten.', en: "This home's location has no corporation to decide." });
  }
  const [c] = await loadCandidates(tx, ctx.regionId, { asOf: date, participantIds: [p.id] });
  const rules = effectiveRules(unit, await loadRules(tx, ctx.regionId, unit.programmeId));
  // A manual offer may run beside an open offer elsewhere (the office decides); everything else excludes.
  const blocking = exclusions(unit, c, rules).filter((x) => x.code !== 'open_offer');
  if (blocking.length) {
    throw new AppError('conflict', {
      nl: `Deze kandidaat komt niet in aanmerking voor deze woning: ${blocking.map((x) => x.nl).join(' ')}`,
      en: `This candidate is not eligible for this home: ${blocking.map((x) => x.en).join(' ')}`,
    });
  }
  if (b.callId) {
    const [call] = await rows<{ id: string }>(tx, sql`SELECT id FROM calls WHERE region_id = ${ctx.regionId} AND id = ${b.callId}`);
    if (!call) throw validationError([fieldError('callId', 'Onbekende uitvraag', 'Unknown call')]);
  }
  const allocationOfficeId = route === 'scattered' ? await allocationOffice(tx, ctx.regionId, b.allocationOfficeId) : null;
  // The provider's own proposal, and every scattered offer, share the candidate with the landlord side at once.
  const proposesNow = route === 'project' && !isOffice;
  const sharesNow = proposesNow || route === 'scattered';
  if (sharesNow) requireConsent(p, 'landlord');
  const first: OfferStep = route === 'scattered' ? 'receipt' : 'provider_proposal';
  const step: OfferStep = proposesNow ? 'corporation_decision' : first;
  const id = crypto.randomUUID();
  await guarded(() =>
    tx.execute(
      sql`INSERT INTO offers (region_id, id, programme_id, unit_id, participant_id, route, provider_id, corporation_id, allocation_office_id,
                              call_id, proposal_id, step, status, step_entered_on, shared_on, created_by)
          VALUES (${ctx.regionId}, ${id}, ${unit.programmeId}, ${unit.id}, ${p.id}, ${route}, ${p.provider_id}, ${unit.corporationId},
                  ${allocationOfficeId}, ${b.callId ?? null}, ${opts.proposalId ?? null}, ${step}, 'open', ${date}, ${sharesNow ? date : null}, ${ctx.userId})`,
    ),
  );
  await insertEvent(tx, ctx.regionId, id, actor(ctx), { kind: 'created', step: first, nextStep: first, statusAfter: 'open', note: b.note, date });
  if (proposesNow) await insertEvent(tx, ctx.regionId, id, actor(ctx), { kind: 'accepted', step: first, nextStep: step, statusAfter: 'open', date });
  const o = await getOffer(tx, ctx, id, { audit: false });
  await notifyStep(tx, o, step);
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

// —— Moving through the steps ——

/**
 * Moves an open offer to `next` (or to success after the contract), with the gates of the
 * step entered: sharing with the corporation needs consent for housing; entering the contract
 * step makes the offer active, which needs an available home (locked) and a ready candidate,
 * and fails on the database's one-active-offer indexes when someone else was first.
 */
async function advance(tx: Tx, ctx: AccessContext, o: OfferRow, date: string, event: Omit<EventSpec, 'step' | 'nextStep' | 'statusAfter' | 'date'>, terms?: TenancyTerms) {
  const next = stepAfter(o.route, o.step);
  if (next === 'succeeded') return succeed(tx, ctx, o, date, event, terms);
  let sharedOn = o.shared_on;
  if (next === 'corporation_decision' || next === 'contract') {
    const f = await factsOf(tx, o.id, date);
    if (!sharedOn) {
      requireConsent(f, 'landlord');
      sharedOn = date;
    }
    if (next === 'contract') {
      if (f.phase !== 'ready') {
        throw new AppError('invalid_transition', {
          nl: `De kandidaat is niet meer klaar voor een woning (fase ${f.phase}); dit aanbod kan niet worden aangenomen.`,
          en: `The candidate is no longer ready for a home (phase ${f.phase}); this offer cannot be accepted.`,
        });
      }
      // The home's row lock serialises acceptances of the same home; the unique index decides.
      const [unit] = await rows<{ status: string }>(tx, sql`SELECT status FROM units WHERE region_id = ${ctx.regionId} AND id = ${o.unit_id} FOR UPDATE`);
      if (!unit || unit.status !== 'available') {
        throw new AppError('conflict', { nl: `De woning is niet meer beschikbaar (status ${unit?.status ?? 'onbekend'}).`, en: `The home is no longer available (status ${unit?.status ?? 'unknown'}).` });
      }
    }
  }
  await guarded(() =>
    tx.execute(
      sql`UPDATE offers SET step = ${next}, status = 'open', step_entered_on = ${date}, reminded_on = NULL, escalated_on = NULL, shared_on = ${sharedOn},
                            decline_party = NULL, decline_reason = NULL, decline_note = NULL, declined_on = NULL, version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND id = ${o.id}`,
    ),
  );
  await insertEvent(tx, ctx.regionId, o.id, actor(ctx), { ...event, step: o.step, nextStep: next, statusAfter: 'open', date });
  await notifyStep(tx, { ...o, step: next, shared_on: sharedOn }, next);
}

/**
 * The contract is signed: the offer succeeds, the home becomes `allocated` (a unit status event),
 * the participant `matched`, and every other open offer of the home or the person is cancelled
 * ("vacancy filled" / "housed elsewhere") — the last two past the row-level policies in
 * `settle_offer_success`, since the deciding corporation may not see those offers. Then the seam
 * for tenancies (issue 6).
 */
async function succeed(tx: Tx, ctx: AccessContext, o: OfferRow, date: string, event: Omit<EventSpec, 'step' | 'nextStep' | 'statusAfter' | 'date'>, terms?: TenancyTerms) {
  await tx.execute(
    sql`UPDATE offers SET status = 'succeeded', closed_on = ${date}, close_reason = 'contract_signed', decline_party = NULL, decline_reason = NULL,
                          decline_note = NULL, declined_on = NULL, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${o.id}`,
  );
  await insertEvent(tx, ctx.regionId, o.id, actor(ctx), { ...event, kind: 'succeeded', step: o.step, nextStep: o.step, statusAfter: 'succeeded', date });
  await changeUnitStatus(tx, ctx, o.unit_id, {
    status: 'allocated',
    effectiveDate: date,
    note: `Toegewezen via aanbod / allocated through offer ${o.id}`,
  });
  let cancelled: { offer_id: string; reason: string }[];
  try {
    cancelled = await rows<{ offer_id: string; reason: string }>(tx, sql`SELECT * FROM settle_offer_success(${o.id}::uuid, ${date}::date)`);
  } catch (err) {
    const m = raisedMessage(err);
    if (m?.startsWith('participant_not_ready:')) {
      throw new AppError('invalid_transition', {
        nl: `De kandidaat is niet meer klaar voor een woning (fase ${m.split(':')[1]}); het contract kan niet via dit aanbod worden vastgelegd.`,
        en: `The candidate is no longer ready for a home (phase ${m.split(':')[1]}); the contract cannot be recorded through this offer.`,
      });
    }
    if (m?.startsWith('date_before_last_phase:')) {
      throw validationError([fieldError('effectiveDate', `De datum ligt vóór de laatste fase van de kandidaat (${m.split(':')[1]}).`, `The date is before the candidate's last phase (${m.split(':')[1]}).`)]);
    }
    throw err;
  }
  await onOfferSucceeded(tx, ctx, { offerId: o.id, unitId: o.unit_id, participantId: o.participant_id, route: o.route, contractSignedOn: date, terms });
  await notifyParts(tx, o, [...involved(o), 'office'], 'offer.succeeded', {
    nl: `Het huurcontract voor woning ${o.unit_label ?? o.unit_id} is getekend: de woning is toegewezen.`,
    en: `The lease for home ${o.unit_label ?? o.unit_id} is signed: the home is allocated.`,
  });
  if (cancelled.length) {
    const others = await rows<OfferRow>(tx, sql`${OFFER_SELECT} WHERE o.region_id = ${ctx.regionId} AND o.id IN ${cancelled.map((c) => c.offer_id)}`);
    // Parties of the cancelled offers the caller can see hear why.
    const known = new Set(others.map((x) => x.id));
    for (const x of others) {
      await notifyParts(tx, x, involved(x), 'offer.cancelled', cancelText(x.unit_label ?? x.unit_id, x.unit_id === o.unit_id ? 'vacancy_filled' : 'housed_elsewhere'));
    }
    // Offers the caller cannot see: the office hears of them (the message names no one).
    for (const c of cancelled.filter((c) => !known.has(c.offer_id))) {
      await notify(tx, ctx.regionId, { roles: ['programme_office'] }, {
        kind: 'offer.cancelled',
        title: { nl: 'Aanbod vervallen', en: 'Offer cancelled' },
        body: cancelText('—', c.reason === 'vacancy_filled' ? 'vacancy_filled' : 'housed_elsewhere'),
        link: link(c.offer_id),
      });
    }
  }
  await participantAccessed(tx, ctx, 'phase', [o.participant_id]);
}

function cancelText(home: string, reason: 'vacancy_filled' | 'housed_elsewhere'): Text {
  return reason === 'vacancy_filled'
    ? { nl: `Het aanbod van woning ${home} is vervallen: de woning is aan een andere kandidaat toegewezen.`, en: `The offer of home ${home} is cancelled: the vacancy was filled by another candidate.` }
    : { nl: `Het aanbod van woning ${home} is vervallen: de kandidaat heeft een andere woning gekregen.`, en: `The offer of home ${home} is cancelled: the candidate was housed elsewhere.` };
}

/**
 * A party's decision on the offer's current step: accept (the offer moves on; after the
 * contract it succeeds) or decline with a structured reason (to the office's review). The
 * caller names the step it decides, so a decision about a step someone else already moved past
 * is refused (409) rather than applied to the next step.
 */
export async function decide(tx: Tx, ctx: AccessContext, offerId: string, b: z.infer<typeof DecisionBody>, source: 'app' | 'csv' = 'app') {
  const o = await lockOffer(tx, ctx, offerId);
  if (o.status !== 'open') throw closedRefusal(o);
  if (b.step !== o.step) {
    throw new AppError('invalid_transition', {
      nl: `Het aanbod staat op stap “${STEP_LABELS[o.step].waiting.nl}”, niet op ${b.step}: iemand is u voor geweest.`,
      en: `The offer is at step “${STEP_LABELS[o.step].waiting.en}”, not ${b.step}: someone was ahead of you.`,
    });
  }
  const t = targetOf(o);
  if (!canOffer.decide(ctx, t)) throw forbidden();
  const date = b.effectiveDate ?? today();
  checkDate(o, date);
  // The tenancy's terms are named when the contract is signed, nowhere else.
  const terms = b.leaseHolder !== undefined || b.rentCents !== undefined ? { leaseHolder: b.leaseHolder, rentCents: b.rentCents } : undefined;
  if (terms && (o.step !== 'contract' || b.decision !== 'accept')) {
    throw validationError([fieldError(b.leaseHolder !== undefined ? 'leaseHolder' : 'rentCents', 'Huurder en huur horen bij het tekenen van het contract', 'Lease holder and rent go with signing the contract')]);
  }
  if (b.decision === 'accept') {
    await advance(tx, ctx, o, date, { kind: 'accepted', note: b.note, source }, terms);
  } else {
    const allowed = canOffer.declineParties(ctx, t);
    const party = b.party ?? (allowed.length === 1 ? allowed[0] : undefined);
    if (!party) throw validationError([fieldError('party', `Wie wijst af? Kies uit: ${allowed.join(', ')}`, `Who declines? Choose from: ${allowed.join(', ')}`)]);
    if (!allowed.includes(party)) {
      throw validationError([fieldError('party', `U kunt bij deze stap alleen een afwijzing vastleggen van: ${allowed.join(', ')}`, `At this step you can only record a decline by: ${allowed.join(', ')}`)]);
    }
    const problems = declineProblems(party, b.reason, b.note);
    if (problems.length) throw validationError(problems.map((x) => fieldError(x.path, x.nl, x.en)));
    await recordDecline(tx, ctx.regionId, o, actor(ctx), { party, reason: b.reason!, note: b.note ?? null, date, source });
  }
  await participantAccessed(tx, ctx, 'update', [o.participant_id]);
}

/** Puts an offer under the office's review with the decline's party and reason (also used by the expiry tick). */
export async function recordDecline(
  tx: Tx,
  regionId: string,
  o: OfferRow,
  by: { userId: string | null; organisationId: string | null },
  d: { party: DeclineParty; reason: string; note: string | null; date: string; source: 'app' | 'csv' | 'system' },
) {
  await tx.execute(
    sql`UPDATE offers SET status = 'decline_review', decline_party = ${d.party}, decline_reason = ${d.reason}, decline_note = ${d.note},
                          declined_on = ${d.date}, version = version + 1, updated_at = now()
         WHERE region_id = ${regionId} AND id = ${o.id}`,
  );
  await insertEvent(tx, regionId, o.id, by, { kind: 'declined', step: o.step, nextStep: o.step, statusAfter: 'decline_review', party: d.party, reason: d.reason, note: d.note, date: d.date, source: d.source });
  await notify(tx, regionId, { roles: ['programme_office'] }, {
    kind: 'offer.declined',
    title: { nl: `Afwijzing te beoordelen: ${o.unit_label ?? o.unit_id}`, en: `Decline to review: ${o.unit_label ?? o.unit_id}` },
    body: {
      nl: `Het aanbod van woning ${o.unit_label ?? o.unit_id} is afgewezen door ${PARTY_LABELS[d.party].nl} (${d.reason}). Bevestig, overrule of stuur terug.`,
      en: `The offer of home ${o.unit_label ?? o.unit_id} was declined by ${PARTY_LABELS[d.party].en} (${d.reason}). Confirm, override or return it.`,
    },
    link: link(o.id),
  });
}

function closedRefusal(o: OfferRow): AppError {
  if (o.status === 'decline_review') {
    return new AppError('invalid_transition', {
      nl: 'Dit aanbod is afgewezen en wacht op de beoordeling door het programmabureau.',
      en: "This offer was declined and waits for the programme office's review.",
    });
  }
  return new AppError('invalid_transition', { nl: `Dit aanbod is afgesloten (${o.status}).`, en: `This offer is closed (${o.status}).` });
}

/** Parks a participant from `date`: for `days`, or indefinitely (days null). */
async function park(tx: Tx, ctx: AccessContext, participantId: string, date: string, days: number | null, reason: string, offerId: string) {
  const until = days === null ? null : new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  await tx.execute(
    sql`INSERT INTO participant_parkings (region_id, id, participant_id, parked_from, parked_until, reason, offer_id, created_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${participantId}, ${date}, ${until}, ${reason}, ${offerId}, ${ctx.userId})`,
  );
  return until;
}

/**
 * The office's review of a decline: confirm it (the offer closes as declined; a candidate who
 * declined repeatedly is parked), override it (the decline is set aside and the offer moves on
 * as if accepted; a note is required), or return it to the party (the step starts again with a
 * fresh deadline).
 */
export async function reviewDecline(tx: Tx, ctx: AccessContext, offerId: string, b: z.infer<typeof ReviewBody>): Promise<{ parkedUntil?: string | null }> {
  const o = await lockOffer(tx, ctx, offerId);
  if (o.status !== 'decline_review') {
    throw new AppError('invalid_transition', { nl: 'Er is geen afwijzing van dit aanbod te beoordelen.', en: 'There is no decline of this offer to review.' });
  }
  const date = b.effectiveDate ?? today();
  if (o.declined_on && date < o.declined_on) {
    throw validationError([fieldError('effectiveDate', `De datum ligt vóór de afwijzing (${o.declined_on}).`, `The date is before the decline (${o.declined_on}).`)]);
  }
  const refusal = reviewRefusal(o.route, o.step, b.outcome);
  if (refusal) throw new AppError('invalid_transition', refusal);
  if (b.park && b.outcome !== 'confirm') throw validationError([fieldError('park', 'Parkeren kan alleen bij het bevestigen van een afwijzing', 'Parking goes only with confirming a decline')]);
  if ((b.outcome === 'override' || b.outcome === 'return') && !b.note) {
    throw validationError([fieldError('note', 'Licht toe waarom de afwijzing niet geldt', 'Explain why the decline does not stand')]);
  }
  const ev = { party: o.decline_party, reason: o.decline_reason, outcome: b.outcome, note: b.note ?? null };
  const out: { parkedUntil?: string | null } = {};
  if (b.outcome === 'confirm') {
    await tx.execute(
      sql`UPDATE offers SET status = 'declined', closed_on = ${date}, close_reason = 'declined', version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND id = ${o.id}`,
    );
    await insertEvent(tx, ctx.regionId, o.id, actor(ctx), { kind: 'reviewed', step: o.step, nextStep: o.step, statusAfter: 'declined', date, ...ev });
    const [already] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM participant_parkings WHERE region_id = ${ctx.regionId} AND participant_id = ${o.participant_id}
           AND ended_on IS NULL AND parked_from <= ${date} AND (parked_until IS NULL OR parked_until >= ${date})`,
    );
    if (b.park?.indefinitely || b.park?.days) {
      out.parkedUntil = await park(tx, ctx, o.participant_id, date, b.park.indefinitely ? null : b.park.days!, 'office_decision', o.id);
    } else if (o.decline_party === 'client' && already.n === 0) {
      const [n] = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM offers WHERE region_id = ${ctx.regionId} AND participant_id = ${o.participant_id}
             AND status = 'declined' AND decline_party = 'client' AND closed_on > ${date}::date - 365`,
      );
      if (n.n >= PARK_AFTER_DECLINES) out.parkedUntil = await park(tx, ctx, o.participant_id, date, PARK_DAYS, 'repeated_declines', o.id);
    }
    const parked = out.parkedUntil !== undefined;
    await notifyParts(tx, o, involved(o), 'offer.declined_confirmed', {
      nl: `De afwijzing van het aanbod van woning ${o.unit_label ?? o.unit_id} is bevestigd.${parked ? ` De kandidaat is geparkeerd${out.parkedUntil ? ` tot ${out.parkedUntil}` : ''}.` : ''}`,
      en: `The decline of the offer of home ${o.unit_label ?? o.unit_id} is confirmed.${parked ? ` The candidate is parked${out.parkedUntil ? ` until ${out.parkedUntil}` : ''}.` : ''}`,
    });
  } else if (b.outcome === 'override') {
    await advance(tx, ctx, { ...o, status: 'open' }, date, { kind: 'reviewed', ...ev });
  } else {
    await tx.execute(
      sql`UPDATE offers SET status = 'open', step_entered_on = ${date}, reminded_on = NULL, escalated_on = NULL, decline_party = NULL, decline_reason = NULL,
                            decline_note = NULL, declined_on = NULL, version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND id = ${o.id}`,
    );
    await insertEvent(tx, ctx.regionId, o.id, actor(ctx), { kind: 'reviewed', step: o.step, nextStep: o.step, statusAfter: 'open', date, ...ev });
    await notifyStep(tx, o, o.step, 'offer.returned', { nl: `Het programmabureau stuurt de afwijzing terug: ${b.note}`, en: `The programme office returns the decline: ${b.note}` });
  }
  await participantAccessed(tx, ctx, 'update', [o.participant_id]);
  return out;
}

/** The office withdraws a running offer (the home or the person is no longer available, or another reason). */
export async function cancelOffer(tx: Tx, ctx: AccessContext, offerId: string, b: z.infer<typeof CancelBody>) {
  const o = await lockOffer(tx, ctx, offerId);
  if (o.status !== 'open' && o.status !== 'decline_review') throw closedRefusal(o);
  if (b.reason === 'other' && !b.note) throw validationError([fieldError('note', 'Licht de reden “anders” toe', 'Explain the reason “other”')]);
  const date = b.effectiveDate ?? today();
  checkDate(o, date);
  await tx.execute(
    sql`UPDATE offers SET status = 'cancelled', closed_on = ${date}, close_reason = ${b.reason}, close_note = ${b.note ?? null},
                          decline_party = NULL, decline_reason = NULL, decline_note = NULL, declined_on = NULL, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${o.id}`,
  );
  await insertEvent(tx, ctx.regionId, o.id, actor(ctx), { kind: 'cancelled', step: o.step, nextStep: o.step, statusAfter: 'cancelled', reason: b.reason, note: b.note, date });
  await notifyParts(tx, o, involved(o), 'offer.cancelled', {
    nl: `Het programmabureau heeft het aanbod van woning ${o.unit_label ?? o.unit_id} ingetrokken (${b.reason}).`,
    en: `The programme office withdrew the offer of home ${o.unit_label ?? o.unit_id} (${b.reason}).`,
  });
  await participantAccessed(tx, ctx, 'update', [o.participant_id]);
}

/** The parts the caller plays (for the presenter's abilities). */
export const partsFor = (ctx: AccessContext, o: OfferRow) => partsOf(ctx, targetOf(o));
export const decidingFor = (ctx: AccessContext, o: OfferRow) => decidingParts(ctx, targetOf(o));

/** Whether the participant is parked on a date (for the detail page). */
export async function parkedUntil(tx: Tx, regionId: string, participantId: string, date: string): Promise<{ until: string | null } | null> {
  const [k] = await rows<{ until: string | null; indefinite: boolean }>(
    tx,
    sql`SELECT max(parked_until)::text AS until, bool_or(parked_until IS NULL) AS indefinite FROM participant_parkings
         WHERE region_id = ${regionId} AND participant_id = ${participantId} AND ended_on IS NULL
           AND parked_from <= ${date} AND (parked_until IS NULL OR parked_until >= ${date})
         HAVING count(*) > 0`,
  );
  return k ? { until: k.indefinite ? null : k.until } : null;
}
