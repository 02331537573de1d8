import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { DeliveryMode, OfferStep } from '../../src/shared/enums.js';
import { call } from './app.js';
import { buildParticipant, type Built, type Kit } from './participants.js';
import { randomCode } from '../../src/server/domain/participants/participants.service.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../src/server/domain/waitingList/waitingList.priority.js';

/**
 * Builders for matching and offers: available homes at a location of corporation A (or B), and
 * ready candidates guided by provider A with consent for sharing with housing.
 */

/** A location (corporation A, provider A by default) with `count` available homes; returns the unit ids. */
export async function availableUnits(
  k: Kit,
  count = 1,
  opts: { mode?: DeliveryMode; corporation?: string; municipality?: string; rooms?: number | null; district?: string; since?: string } = {},
): Promise<{ locationId: string; unitIds: string[] }> {
  const locationId = crypto.randomUUID();
  await k.t.database.query(
    `INSERT INTO locations (region_id, id, programme_id, name, municipality_id, district, form, delivery_mode, corporation_id, provider_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'existing_stock', $7, $8, $9)`,
    [
      k.r.regionId, locationId, k.r.programmeId, `Locatie ${locationId.slice(0, 6)}`, opts.municipality ?? k.r.municipalities.a, opts.district ?? null,
      opts.mode ?? 'project', opts.corporation ?? k.r.orgs.corporationA, k.r.orgs.providerA,
    ],
  );
  const unitIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const since = opts.since ?? '2021-01-01';
    await k.t.database.query(
      `INSERT INTO units (region_id, id, programme_id, location_id, municipality_id, label, form, rooms, status, status_since)
       VALUES ($1, $2, $3, $4, $5, $6, 'existing_stock', $7, 'available', $8)`,
      [k.r.regionId, id, k.r.programmeId, locationId, opts.municipality ?? k.r.municipalities.a, `Woning ${String(i + 1).padStart(2, '0')} ${id.slice(0, 4)}`,
        opts.rooms === undefined ? 1 : opts.rooms, since],
    );
    await k.t.database.query(
      `INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date, location_id) VALUES ($1, $2, $3, 'available', $4, $5)`,
      [k.r.regionId, crypto.randomUUID(), id, since, locationId],
    );
    unitIds.push(id);
  }
  return { locationId, unitIds };
}

/** A `ready` participant guided by provider A, with consent for the programme and for housing. */
export function readyCandidate(k: Kit, over: Record<string, unknown> = {}): Promise<Built> {
  return buildParticipant(k, 'ready', { consentScope: ['programme', 'housing'], phone: '0612345678', email: 'kandidaat@example.org', ...over });
}

/** Makes an offer through the API and expects it to be accepted. */
export async function offer(k: Kit, unitId: string, participantId: string, as = 'office', extra: Record<string, unknown> = {}) {
  const res = await call(k.t.app, k.s[as], 'POST', '/api/v1/offers', { unitId, participantId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A decision through the API; returns the raw answer. */
export function decision(k: Kit, as: string, offerId: string, step: OfferStep, d: 'accept' | 'decline', extra: Record<string, unknown> = {}) {
  return call(k.t.app, k.s[as], 'POST', `/api/v1/offers/${offerId}/decisions`, { step, decision: d, ...extra });
}

/** Accepts a step and expects it to be accepted; returns the offer after it. */
export async function accept(k: Kit, as: string, offerId: string, step: OfferStep) {
  const res = await decision(k, as, offerId, step, 'accept');
  expect(res.statusCode, `${as} accepts ${step}: ${res.body}`).toBe(201);
  return res.json();
}

/** Who accepts each step of the project route in the test region. */
export const PROJECT_ACTORS: [OfferStep, string][] = [
  ['provider_proposal', 'careWorker'],
  ['corporation_decision', 'corporation'],
  ['candidate_decision', 'careWorker'],
  ['contract', 'corporation'],
];

/** Walks a project-route offer (made by the office) to the given step. */
export async function walkProject(k: Kit, offerId: string, to: OfferStep) {
  for (const [step, as] of PROJECT_ACTORS) {
    if (step === to) return;
    await accept(k, as, offerId, step);
  }
}

/** An office offer of a fresh available home to a fresh ready candidate, walked to `to`. */
export async function offerAt(k: Kit, to: OfferStep = 'provider_proposal', opts: { mode?: DeliveryMode } = {}) {
  const { unitIds } = await availableUnits(k, 1, { mode: opts.mode });
  const p = await readyCandidate(k);
  const o = await offer(k, unitIds[0], p.id);
  if (opts.mode !== 'scattered') await walkProject(k, o.id, to);
  return { offerId: o.id as string, unitId: unitIds[0], participant: p };
}

/** An offer's current state as the office sees it. */
export async function offerAsOffice(k: Kit, offerId: string) {
  const res = await call(k.t.app, k.s.office, 'GET', `/api/v1/offers/${offerId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Many `ready` participants at once, written directly (a race needs fifty; walking each through
 * the API would take most of the test's time): guided by provider A, referred by the referral
 * team, a decided assessment, consent for programme and housing, phase events referred → ready.
 */
export async function readyCandidatesDirect(k: Kit, n: number): Promise<{ id: string; code: string }[]> {
  const out: { id: string; code: string }[] = [];
  for (let i = 0; i < n; i++) {
    const id = crypto.randomUUID();
    const code = randomCode();
    const key = priorityKey(DEFAULT_PRIORITY, { code, phase: 'ready', waitingListRegisteredOn: null, firstReferredOn: '2021-01-04', targetGroup: 'single_adult', currentPlace: 'night_shelter' });
    await k.t.database.query(
      `INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, target_group, current_place,
         consent_given_on, consent_scope, provider_id, phase, phase_since, first_referred_on, priority_key)
       VALUES ($1, $2, $3, $4, 'Snel', $5, $6, '1980-01-01', 'single_adult', 'night_shelter', '2021-01-04', '{programme,housing}', $7, 'ready', '2021-01-07', '2021-01-04', $8)`,
      [k.r.regionId, id, k.r.programmeId, code, `Kandidaat${i}`, `snel|kandidaat${id.slice(0, 8)}`, k.r.orgs.providerA, key],
    );
    await k.t.database.query(
      `INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
       VALUES ($1, $2, $3, 'provider', '2021-01-04'), ($1, $2, $4, 'referrer', '2021-01-04')`,
      [k.r.regionId, id, k.r.orgs.providerA, k.r.orgs.referral],
    );
    await k.t.database.query(
      `INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date) VALUES ($1, $2, $3, 'referred', '2021-01-04'), ($1, $4, $3, 'ready', '2021-01-07')`,
      [k.r.regionId, crypto.randomUUID(), id, crypto.randomUUID()],
    );
    out.push({ id, code });
  }
  return out;
}
/** N offers of one home to N ready candidates, each waiting for the candidate's decision (written directly: the race is the point). */
export async function offersOnOneHomeFor(k: Kit, n: number) {
  const { unitIds } = await availableUnits(k, 1);
  const unitId = unitIds[0];
  const ids: string[] = [];
  for (const p of await readyCandidatesDirect(k, n)) {
    const id = crypto.randomUUID();
    await k.t.database.query(
      `INSERT INTO offers (region_id, id, programme_id, unit_id, participant_id, route, provider_id, corporation_id, step, status, step_entered_on, shared_on)
       VALUES ($1, $2, $3, $4, $5, 'project', $6, $7, 'candidate_decision', 'open', current_date, current_date)`,
      [k.r.regionId, id, k.r.programmeId, unitId, p.id, k.r.orgs.providerA, k.r.orgs.corporationA],
    );
    await k.t.database.query(
      `INSERT INTO offer_events (region_id, id, offer_id, kind, step, next_step, status_after, effective_date) VALUES ($1, $2, $3, 'created', 'provider_proposal', 'candidate_decision', 'open', current_date)`,
      [k.r.regionId, crypto.randomUUID(), id],
    );
    ids.push(id);
  }
  return { unitId, ids };
}

