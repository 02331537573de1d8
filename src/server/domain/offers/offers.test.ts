import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { detail, kitFor, type Kit } from '../../../../test/support/participants.js';
import { accept, availableUnits, decision, offer, offerAsOffice, offerAt, readyCandidate, walkProject } from '../../../../test/support/offers.js';
import { tick } from './offers.tick.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const get = (as: string, url: string) => call(t.app, k.s[as], 'GET', url);
const review = (offerId: string, body: Record<string, unknown>) => call(t.app, k.s.office, 'POST', `/api/v1/offers/${offerId}/decline-reviews`, body);
const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

describe('the project route: provider proposes, corporation accepts, participant accepts, contract signed', () => {
  it('walks every step with its own party, then allocates the home, matches the participant and cancels the other offers', async () => {
    const { unitIds } = await availableUnits(k, 2);
    const [home, other] = unitIds;
    const p = await readyCandidate(k);
    const rival = await readyCandidate(k);
    const o = await offer(k, home, p.id);
    expect(o).toMatchObject({ route: 'project', step: 'provider_proposal', status: 'open', active: false, sharedOn: null });
    expect(o.participant).toMatchObject({ id: p.id, code: p.code });
    // Before the provider proposes, the corporation does not know of the offer.
    expect((await get('corporation', `/api/v1/offers/${o.id}`)).statusCode).toBe(404);
    // Parallel offers: the same home to a rival, another home to the same person.
    const sameHome = await offer(k, home, rival.id);
    const samePerson = await offer(k, other, p.id);

    // Roles per step: the office does not propose for the provider; another provider does not see it.
    expect((await decision(k, 'office', o.id, 'provider_proposal', 'accept')).statusCode).toBe(403);
    expect((await decision(k, 'careWorkerB', o.id, 'provider_proposal', 'accept')).statusCode).toBe(404);
    expect((await decision(k, 'careWorker', o.id, 'corporation_decision', 'accept')).statusCode).toBe(409);

    let now = await accept(k, 'careWorker', o.id, 'provider_proposal');
    expect(now).toMatchObject({ step: 'corporation_decision', sharedOn: today() });
    // The corporation now sees what a landlord needs, and nothing about care.
    const seen = (await get('corporation', `/api/v1/offers/${o.id}`)).json();
    expect(seen.participant).toEqual({
      id: null, code: p.code, name: expect.any(String), householdSize: 1, phone: '0612345678', email: 'kandidaat@example.org', sharedWithConsent: true,
    });
    expect(JSON.stringify(seen)).not.toMatch(/indication|assessment|beschermd|bsn/i);
    expect((await get('corporationB', `/api/v1/offers/${o.id}`)).statusCode).toBe(404);
    expect((await decision(k, 'careWorker', o.id, 'corporation_decision', 'accept')).statusCode).toBe(403);

    now = await accept(k, 'corporation', o.id, 'corporation_decision');
    expect(now.step).toBe('candidate_decision');
    now = await accept(k, 'careWorker', o.id, 'candidate_decision');
    expect(now).toMatchObject({ step: 'contract', active: true });
    // The rival's offer of the same home can no longer become active.
    await walkProject(k, sameHome.id, 'candidate_decision');
    const blocked = await decision(k, 'careWorker', sameHome.id, 'candidate_decision', 'accept');
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().detail).toContain('andere kandidaat');

    now = await accept(k, 'corporation', o.id, 'contract');
    expect(now).toMatchObject({ status: 'succeeded', closedOn: today(), closeReason: 'contract_signed', active: false });
    expect(now.history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'accepted', 'accepted', 'accepted', 'succeeded']);

    const unit = (await get('office', `/api/v1/units/${home}`)).json();
    expect(unit.status).toBe('allocated');
    expect(unit.history.at(-1)).toMatchObject({ status: 'allocated', effectiveDate: today() });
    expect((await detail(k, p.id)).phase).toBe('matched');
    const a = await offerAsOffice(k, sameHome.id);
    const b = await offerAsOffice(k, samePerson.id);
    expect(a).toMatchObject({ status: 'cancelled', closeReason: 'vacancy_filled' });
    expect(b).toMatchObject({ status: 'cancelled', closeReason: 'housed_elsewhere' });
    expect(a.history.at(-1)).toMatchObject({ kind: 'cancelled', source: 'system' });

    // Everyone concerned heard of it in the app and by e-mail.
    const notes = (await get('careWorker', '/api/v1/notifications?limit=200')).json().items as { kind: string }[];
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['offer.waiting', 'offer.succeeded', 'offer.cancelled']));
    const [mail] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE region_id = $1 AND kind = 'offer.succeeded'`, [k.r.regionId]);
    expect(mail.n).toBeGreaterThan(0);
    const [body] = await t.database.query<{ body_text: string }>(`SELECT body_text FROM outbox_messages WHERE region_id = $1 AND kind = 'offer.waiting' LIMIT 1`, [k.r.regionId]);
    expect(body.body_text).not.toContain((await detail(k, p.id)).familyName);
  });

  it('lets the guiding provider propose its own candidate directly, only with consent for housing', async () => {
    const { unitIds } = await availableUnits(k, 1);
    const p = await readyCandidate(k);
    const o = await offer(k, unitIds[0], p.id, 'careWorker');
    expect(o).toMatchObject({ step: 'corporation_decision', sharedOn: today() });
    expect(o.history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'accepted']);

    const noConsent = await readyCandidate(k, { consentScope: ['programme'] });
    const before = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM offers WHERE region_id = $1', [k.r.regionId]);
    const refused = await call(t.app, k.s.careWorker, 'POST', '/api/v1/offers', { unitId: unitIds[0], participantId: noConsent.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('housing');
    const after = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM offers WHERE region_id = $1', [k.r.regionId]);
    expect(after[0].n).toBe(before[0].n);
    // The office may make the offer (nothing is shared yet); the provider's proposal is where consent stops it.
    const o2 = await offer(k, unitIds[0], noConsent.id);
    expect((await decision(k, 'careWorker', o2.id, 'provider_proposal', 'accept')).statusCode).toBe(409);
    // A provider proposes only on the project route, and only its own candidates.
    expect((await call(t.app, k.s.careWorker, 'POST', '/api/v1/offers', { unitId: unitIds[0], participantId: p.id, route: 'scattered' })).statusCode).toBe(403);
    expect((await call(t.app, k.s.careWorkerB, 'POST', '/api/v1/offers', { unitId: unitIds[0], participantId: p.id })).statusCode).toBe(404);
  });

  it('shows the corporation only the pseudonym once the candidate withdraws consent for housing', async () => {
    const { offerId, participant } = await offerAt(k, 'corporation_decision');
    const version = (await detail(k, participant.id, 'careWorker')).version;
    const patch = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${participant.id}`, { version, consentScope: ['programme'] });
    expect(patch.statusCode, patch.body).toBe(200);
    const seen = (await get('corporation', `/api/v1/offers/${offerId}`)).json();
    expect(seen.participant).toEqual({ id: null, code: participant.code, name: null, householdSize: null, phone: null, email: null, sharedWithConsent: false });
    // The provider still sees its own candidate; the list answers the same for the corporation.
    expect((await get('careWorker', `/api/v1/offers/${offerId}`)).json().participant.name).toEqual(expect.any(String));
    const list = (await get('corporation', '/api/v1/offers?limit=200')).json().items as { id: string; participant: { name: string | null } }[];
    expect(list.find((o) => o.id === offerId)!.participant.name).toBeNull();
  });

  it('refuses an offer of a home that is not available or to someone not ready or not eligible', async () => {
    const { unitIds } = await availableUnits(k, 1, { rooms: 1 });
    await t.database.query(`UPDATE units SET status = 'occupied' WHERE id = $1`, [unitIds[0]]);
    const p = await readyCandidate(k);
    const res = await call(t.app, k.s.office, 'POST', '/api/v1/offers', { unitId: unitIds[0], participantId: p.id });
    expect(res.statusCode).toBe(409);
    const free = (await availableUnits(k, 1)).unitIds[0];
    const notReady = await readyCandidate(k);
    await call(t.app, k.s.office, 'POST', `/api/v1/participants/${notReady.id}/phase-changes`, { phase: 'assessed', effectiveDate: today() });
    const r2 = await call(t.app, k.s.office, 'POST', '/api/v1/offers', { unitId: free, participantId: notReady.id });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().detail).toContain('niet klaar');
    // A second open offer of the same home to the same person duplicates the first.
    await offer(k, free, p.id);
    const dup = await call(t.app, k.s.office, 'POST', '/api/v1/offers', { unitId: free, participantId: p.id });
    expect(dup.statusCode).toBe(409);
  });
});

describe('the scattered route through the allocation office', () => {
  it('is recorded step by step by Het Vierde Huis: received, offered, viewing, accepted, contract signed', async () => {
    const { unitIds } = await availableUnits(k, 1, { mode: 'scattered' });
    const p = await readyCandidate(k);
    const o = await offer(k, unitIds[0], p.id);
    expect(o).toMatchObject({ route: 'scattered', step: 'receipt', allocationOffice: { id: k.r.orgs.allocation } });
    // The allocation office sees what a landlord needs; the care provider still sees its own candidate.
    const seen = (await get('allocation', `/api/v1/offers/${o.id}`)).json();
    expect(seen.participant).toMatchObject({ code: p.code, householdSize: 1, sharedWithConsent: true });
    expect((await get('careWorker', `/api/v1/offers/${o.id}`)).json().participant.id).toBe(p.id);
    // Only the allocation office records the steps of this route.
    expect((await decision(k, 'careWorker', o.id, 'receipt', 'accept')).statusCode).toBe(403);
    expect((await decision(k, 'corporation', o.id, 'receipt', 'accept')).statusCode).toBe(403);
    for (const step of ['receipt', 'offer_to_candidate', 'viewing', 'candidate_decision'] as const) await accept(k, 'allocation', o.id, step);
    const done = await accept(k, 'allocation', o.id, 'contract');
    expect(done.status).toBe('succeeded');
    expect(done.history.map((e: { step: string }) => e.step)).toEqual(['receipt', 'receipt', 'offer_to_candidate', 'viewing', 'candidate_decision', 'contract']);
    expect((await get('office', `/api/v1/units/${unitIds[0]}`)).json().status).toBe('allocated');
  });
});

describe('declines and the office’s review', () => {
  it('takes a reason from the list of the declining party; “other” needs a note', async () => {
    const { offerId } = await offerAt(k, 'corporation_decision');
    const wrongList = await decision(k, 'corporation', offerId, 'corporation_decision', 'decline', { reason: 'in_treatment' });
    expect(wrongList.statusCode).toBe(400);
    expect(wrongList.json().errors[0].path).toBe('reason');
    const noParty = await decision(k, 'corporation', offerId, 'corporation_decision', 'decline', { party: 'client', reason: 'refused_unit' });
    expect(noParty.statusCode).toBe(400);
    const other = await decision(k, 'corporation', offerId, 'corporation_decision', 'decline', { reason: 'other' });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('note');
    const ok = await decision(k, 'corporation', offerId, 'corporation_decision', 'decline', { reason: 'not_affordable' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'decline_review', decline: { party: 'corporation', reason: 'not_affordable' } });
    // Waiting for the office: no party can decide meanwhile.
    expect((await decision(k, 'corporation', offerId, 'corporation_decision', 'accept')).statusCode).toBe(409);
    const notes = (await get('office', '/api/v1/notifications?unread=true&limit=200')).json().items as { kind: string }[];
    expect(notes.some((n) => n.kind === 'offer.declined')).toBe(true);
  });

  it('confirm closes the offer as declined', async () => {
    const { offerId } = await offerAt(k, 'candidate_decision');
    await decision(k, 'careWorker', offerId, 'candidate_decision', 'decline', { party: 'client', reason: 'unwilling_neighbourhood' });
    expect((await call(t.app, k.s.careWorker, 'POST', `/api/v1/offers/${offerId}/decline-reviews`, { outcome: 'confirm' })).statusCode).toBe(403);
    const res = await review(offerId, { outcome: 'confirm' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'declined', decline: { party: 'client', reason: 'unwilling_neighbourhood' }, closedOn: today() });
    expect((await review(offerId, { outcome: 'confirm' })).statusCode).toBe(409);
  });

  it('override sets the decline aside and the offer moves on (with a note)', async () => {
    const { offerId } = await offerAt(k, 'provider_proposal');
    await decision(k, 'careWorker', offerId, 'provider_proposal', 'decline', { party: 'provider', reason: 'needs_higher_level_of_care' });
    expect((await review(offerId, { outcome: 'override' })).statusCode).toBe(400);
    const res = await review(offerId, { outcome: 'override', note: 'De indicatie is recent herzien; begeleiding past.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', step: 'corporation_decision', decline: null });
    expect(res.json().history.at(-1)).toMatchObject({ kind: 'reviewed', outcome: 'override', step: 'provider_proposal', nextStep: 'corporation_decision' });
    // The corporation does not read the provider's (care) reason.
    const corp = (await get('corporation', `/api/v1/offers/${offerId}`)).json();
    expect(corp.history.find((e: { kind: string }) => e.kind === 'declined')).toMatchObject({ party: 'provider', reason: null, note: null });
  });

  it('return sends the decline back to the party with a fresh deadline; a lease cannot be overridden', async () => {
    const { offerId } = await offerAt(k, 'contract');
    await decision(k, 'corporation', offerId, 'contract', 'decline', { reason: 'unit_not_available' });
    expect((await review(offerId, { outcome: 'override', note: 'Toch doorgaan.' })).statusCode).toBe(409);
    const res = await review(offerId, { outcome: 'return', note: 'De reparatie is klaar; graag opnieuw besluiten.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', step: 'contract', active: true, stepEnteredOn: today() });
  });

  it('the office cancels a running offer; a cancelled offer takes no more decisions', async () => {
    const { offerId } = await offerAt(k, 'corporation_decision');
    const bad = await call(t.app, k.s.office, 'POST', `/api/v1/offers/${offerId}/cancellations`, { reason: 'other' });
    expect(bad.statusCode).toBe(400);
    const res = await call(t.app, k.s.office, 'POST', `/api/v1/offers/${offerId}/cancellations`, { reason: 'participant_unavailable' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'cancelled', closeReason: 'participant_unavailable' });
    expect((await decision(k, 'corporation', offerId, 'corporation_decision', 'accept')).statusCode).toBe(409);
  });
});

describe('parking after repeated declines', () => {
  it('parks a candidate who declined twice (confirmed) for 90 days: no new offers, out of the ranking; the office can end it', async () => {
    const p = await readyCandidate(k);
    for (let i = 0; i < 2; i++) {
      const { unitIds } = await availableUnits(k, 1);
      const o = await offer(k, unitIds[0], p.id);
      await walkProject(k, o.id, 'candidate_decision');
      await decision(k, 'careWorker', o.id, 'candidate_decision', 'decline', { party: 'client', reason: 'refused_unit' });
      const r = (await review(o.id, { outcome: 'confirm' })).json();
      expect(r.parked === null ? null : r.parked?.until ?? 'x').toBe(i === 0 ? null : addDays(90));
    }
    const parkings = (await get('office', '/api/v1/parkings')).json().items as { id: string; participant: { id: string }; reason: string; parkedUntil: string }[];
    const mine = parkings.find((x) => x.participant.id === p.id)!;
    expect(mine).toMatchObject({ reason: 'repeated_declines', parkedUntil: addDays(90) });
    const { unitIds } = await availableUnits(k, 1);
    const refused = await call(t.app, k.s.office, 'POST', '/api/v1/offers', { unitId: unitIds[0], participantId: p.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Geparkeerd');
    const ranking = (await get('office', `/api/v1/units/${unitIds[0]}/ranking?participant=${p.code}`)).json();
    expect(ranking.explanation).toMatchObject({ eligible: false, reasons: [expect.objectContaining({ code: 'parked' })] });
    const ended = await call(t.app, k.s.office, 'POST', `/api/v1/parkings/${mine.id}/ends`, {});
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.json().endedOn).toBe(today());
    await offer(k, unitIds[0], p.id);
  });

  it('parks on the office’s decision when confirming, for a chosen period or indefinitely', async () => {
    const { offerId, participant } = await offerAt(k, 'candidate_decision');
    await decision(k, 'careWorker', offerId, 'candidate_decision', 'decline', { party: 'client', reason: 'does_not_want_housing_now' });
    expect((await review(offerId, { outcome: 'confirm', park: { days: 45 } })).statusCode).toBe(400);
    const res = await review(offerId, { outcome: 'confirm', park: { indefinitely: true } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().parked).toEqual({ until: null });
    const parkings = (await get('office', '/api/v1/parkings')).json().items as { participant: { id: string }; parkedUntil: string | null }[];
    expect(parkings.find((x) => x.participant.id === participant.id)!.parkedUntil).toBeNull();
  });
});

describe('deadlines: stalled → reminder, escalation, expiry (the daily tick)', () => {
  it('reminds the party after 7 days, escalates to the office after 10, expires after 14 into the office’s review', async () => {
    const r = await buildRegion(t.database);
    const kk = await kitFor(t, r);
    const { offerId } = await offerAt(kk, 'provider_proposal');
    // The offer was made 20 days ago; the scheduler's tick is run for the days since (an injected date).
    await t.database.query('UPDATE offers SET step_entered_on = $2 WHERE id = $1', [offerId, addDays(-20)]);
    const run = (days: number) => tick(t.database, { on: addDays(-20 + days), regionId: r.regionId });
    expect(await run(3)).toMatchObject({ reminded: 0, escalated: 0, expired: 0 });
    expect(await run(7)).toMatchObject({ reminded: 1, escalated: 0, expired: 0 });
    expect(await run(8)).toMatchObject({ reminded: 0 });
    expect(await run(10)).toMatchObject({ escalated: 1 });
    expect(await run(13)).toMatchObject({ expired: 0 });
    expect(await run(14)).toMatchObject({ expired: 1 });
    expect(await run(15)).toMatchObject({ reminded: 0, escalated: 0, expired: 0 });
    const o = await offerAsOffice(kk, offerId);
    expect(o).toMatchObject({ status: 'decline_review', decline: { party: 'expired', reason: 'deadline_passed', declinedOn: addDays(-6) } });
    expect(o.history.map((e: { kind: string; source: string }) => `${e.kind}:${e.source}`)).toEqual(['created:app', 'reminded:system', 'escalated:system', 'declined:system']);
    const provider = (await call(t.app, kk.s.careWorker, 'GET', '/api/v1/notifications')).json().items as { kind: string }[];
    expect(provider.map((n) => n.kind)).toContain('offer.reminder');
    const office = (await call(t.app, kk.s.office, 'GET', '/api/v1/notifications')).json().items as { kind: string }[];
    expect(office.map((n) => n.kind)).toEqual(expect.arrayContaining(['offer.escalated', 'offer.declined']));
    // Returned, the step starts again with a fresh deadline.
    const back = await call(t.app, kk.s.office, 'POST', `/api/v1/offers/${offerId}/decline-reviews`, { outcome: 'return', note: 'Graag alsnog besluiten.' });
    expect(back.json()).toMatchObject({ status: 'open', step: 'provider_proposal', stepEnteredOn: today(), stalled: false });
  });
});

describe('the dashboard', () => {
  it('shows open offers by step and age, time per step, declines by party and long vacancies', async () => {
    const r = await buildRegion(t.database);
    const kk = await kitFor(t, r);
    await offerAt(kk, 'corporation_decision');
    const declined = await offerAt(kk, 'candidate_decision');
    await decision(kk, 'careWorker', declined.offerId, 'candidate_decision', 'decline', { party: 'client', reason: 'other_housing_option' });
    await availableUnits(kk, 1, { since: '2021-01-01' });
    const res = await call(t.app, kk.s.office, 'GET', '/api/v1/offers/dashboard?vacancyDays=30');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.openByStep.find((x: { step: string; route: string }) => x.route === 'project' && x.step === 'corporation_decision')).toMatchObject({ open: 1, ages: { upTo7: 1 } });
    expect(d.openByStep.find((x: { step: string; route: string }) => x.route === 'project' && x.step === 'candidate_decision')).toMatchObject({ underReview: 1 });
    expect(d.timeBetweenSteps.find((x: { step: string; route: string }) => x.route === 'project' && x.step === 'provider_proposal')).toMatchObject({ completed: 2, medianDays: 0 });
    expect(d.declinesByParty).toEqual([{ party: 'client', reason: 'other_housing_option', total: 1, confirmed: 0, overridden: 0, returned: 0, pending: 1 }]);
    expect(d.outcomes).toMatchObject({ running: 2 });
    expect(d.vacancies.length).toBe(3);
    expect(d.vacancies.every((v: { days: number }) => v.days > 30)).toBe(true);
    expect((await call(t.app, kk.s.careWorker, 'GET', '/api/v1/offers/dashboard')).statusCode).toBe(403);
  });
});
