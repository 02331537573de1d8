import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, buildUnit, countIn, decide, detail, kitFor, phase, refer, requestAssessment, type Kit } from '../../../../test/support/participants.js';
import { PARTICIPANT_PHASES, type ParticipantPhase } from '../../../shared/enums.js';
import { PHASE_TRANSITIONS } from './participants.machine.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const change = (id: string, body: Record<string, unknown>, as = 'office') => call(t.app, k.s[as], 'POST', `/api/v1/participants/${id}/phase-changes`, body);

/** A valid body for entering `to` (reason, unit) on a date after every builder date. */
async function bodyFor(to: ParticipantPhase): Promise<Record<string, unknown>> {
  const base: Record<string, unknown> = { phase: to, effectiveDate: '2021-07-01' };
  if (to === 'not_eligible') base.reason = 'not_homeless';
  if (to === 'withdrawn') base.reason = 'own_choice';
  if (to === 'exited') base.reason = 'moved_on';
  if (to === 'housed') base.unitId = await buildUnit(k);
  if (to === 'eligible') base.note = 'Heroverwogen';
  return base;
}

describe('the phase order', () => {
  it('walks referred → eligible → assessed → ready → matched → housed → exited, each step dated in the history', async () => {
    const b = await buildParticipant(k, 'exited');
    const d = await detail(k, b.id);
    expect(d.phaseHistory.map((h: { phase: string; effectiveDate: string }) => [h.phase, h.effectiveDate])).toEqual([
      ['referred', '2021-01-04'],
      ['eligible', '2021-01-05'],
      ['assessed', '2021-01-06'],
      ['ready', '2021-01-07'],
      ['matched', '2021-01-08'],
      ['housed', '2021-01-09'],
      ['exited', '2021-06-01'],
    ]);
    expect(d.phaseHistory.find((h: { phase: string }) => h.phase === 'housed').unitId).toBe(b.unitId);
    expect(d.placement).toBeNull();
    expect(d.phaseOptions).toEqual([]);
  });

  const reachable: ParticipantPhase[] = ['referred', 'eligible', 'assessed', 'ready', 'matched', 'housed', 'exited', 'withdrawn', 'not_eligible'];
  const cases: [ParticipantPhase, ParticipantPhase][] = [];
  for (const from of reachable) for (const to of PARTICIPANT_PHASES) if (!PHASE_TRANSITIONS[from].includes(to) && to !== 'referred') cases.push([from, to]);
  it.each(cases)('refuses %s → %s with 409 invalid_transition and a reason, writing nothing', async (from, to) => {
    const b = await buildParticipant(k, from);
    const events = await countIn(k, 'participant_phase_events');
    const res = await change(b.id, await bodyFor(to));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    expect(res.json().detail.length).toBeGreaterThan(15);
    expect(res.json().detailEn).not.toBe(res.json().detail);
    expect(await countIn(k, 'participant_phase_events')).toBe(events);
    expect((await detail(k, b.id)).phase).toBe(from);
  });

  it('says in words that withdrawal ends at housed', async () => {
    const b = await buildParticipant(k, 'housed');
    const res = await change(b.id, { phase: 'withdrawn', effectiveDate: '2021-07-01', reason: 'own_choice' });
    expect(res.json().detail).toContain('gehuisvest');
    expect(res.json().detailEn).toContain('housed');
  });

  it.each(['referred', 'eligible', 'assessed', 'ready', 'matched'] as const)('allows withdrawal from %s, with a reason', async (from) => {
    const b = await buildParticipant(k, from);
    const noReason = await change(b.id, { phase: 'withdrawn', effectiveDate: '2021-07-01' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const other = await change(b.id, { phase: 'withdrawn', effectiveDate: '2021-07-01', reason: 'other' });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('note');
    const ok = await change(b.id, { phase: 'withdrawn', effectiveDate: '2021-07-01', reason: 'housed_elsewhere' }, 'careWorker');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().phaseHistory.at(-1)).toMatchObject({ phase: 'withdrawn', reason: 'housed_elsewhere' });
  });

  it('refuses a reason code that belongs to another phase, and a date before the previous step or in the future', async () => {
    const b = await buildParticipant(k, 'referred');
    expect((await change(b.id, { phase: 'not_eligible', effectiveDate: '2021-02-01', reason: 'moved_on' })).statusCode).toBe(400);
    const early = await change(b.id, { phase: 'eligible', effectiveDate: '2020-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'effectiveDate' });
    expect(early.json().errors[0].message).toContain('2021-01-04');
    expect((await change(b.id, { phase: 'eligible', effectiveDate: '2999-01-01' })).statusCode).toBe(400);
  });

  it('moves someone who comes back after withdrawal into a new episode with a new referral', async () => {
    const b = await buildParticipant(k, 'withdrawn');
    const res = await call(t.app, k.s.referrer, 'POST', `/api/v1/participants/${b.id}/referrals`, {
      referredOn: '2021-09-01', homelessness: 'homeless', expectedIndependent: true, motivation: 'Weer dakloos geraakt en gemotiveerd.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ phase: 'referred', phaseSince: '2021-09-01', referredOn: '2021-09-01' });
    expect(res.json().referrals).toHaveLength(2);
    const active = await buildParticipant(k, 'eligible');
    const refused = await call(t.app, k.s.referrer, 'POST', `/api/v1/participants/${active.id}/referrals`, {
      referredOn: '2021-09-01', homelessness: 'homeless', expectedIndependent: true, motivation: 'Nog een keer aangemeld.',
    });
    expect(refused.statusCode).toBe(409);
    expect((await change(b.id, { phase: 'referred', effectiveDate: '2021-10-01' })).statusCode).toBe(409);
  });

  it('lets not_eligible be reconsidered to eligible only with an explanation', async () => {
    const b = await buildParticipant(k, 'referred');
    await phase(k, b.id, { phase: 'not_eligible', effectiveDate: '2021-01-05', reason: 'outside_target_group' });
    expect((await change(b.id, { phase: 'eligible', effectiveDate: '2021-02-01' })).statusCode).toBe(400);
    expect((await change(b.id, { phase: 'eligible', effectiveDate: '2021-02-01', note: 'Bezwaar toegekend' })).statusCode).toBe(201);
  });
});

describe('the preconditions', () => {
  it('refuses eligible when the referral says the person is not homeless or not expected to live independently', async () => {
    const d = await refer(k, {}, { homelessness: 'no', expectedIndependent: false });
    const res = await change(d.id, { phase: 'eligible', effectiveDate: '2021-01-05' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('niet dakloos');
    expect(res.json().detail).toContain('twee jaar');
    expect((await change(d.id, { phase: 'not_eligible', effectiveDate: '2021-01-05', reason: 'not_homeless' })).statusCode).toBe(201);
  });

  it('refuses assessed before the access office decided an assessment', async () => {
    const b = await buildParticipant(k, 'eligible');
    const res = await change(b.id, { phase: 'assessed', effectiveDate: '2021-01-06' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('beoordeling');
  });

  it('refuses ready without a valid assessment on the date, and says why', async () => {
    const b = await buildParticipant(k, 'eligible');
    await decide(k, b.assessmentId!, { validFrom: '2021-01-06', validTo: '2021-03-31' });
    expect((await detail(k, b.id)).phase).toBe('assessed');
    const expired = await change(b.id, { phase: 'ready', effectiveDate: '2021-04-01' });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().detail).toContain('geldige beoordeling');
    expect(expired.json().detailEn).toContain('valid assessment');
    expect((await change(b.id, { phase: 'ready', effectiveDate: '2021-03-31' })).statusCode).toBe(201);
  });

  it('refuses ready when the indication is "none"', async () => {
    const b = await buildParticipant(k, 'eligible');
    await decide(k, b.assessmentId!, { indication: 'none', validFrom: undefined, validTo: undefined, guidanceIntensity: undefined });
    const res = await change(b.id, { phase: 'ready', effectiveDate: '2021-02-01' });
    expect(res.statusCode).toBe(409);
  });

  it('refuses ready without recorded consent, and allows it once consent is recorded', async () => {
    const d = await refer(k, { consentGivenOn: null, consentScope: [] });
    await phase(k, d.id, { phase: 'eligible', effectiveDate: '2021-01-05' });
    await decide(k, await requestAssessment(k, d.id));
    const before = await detail(k, d.id, 'careWorker');
    const option = before.phaseOptions.find((o: { phase: string }) => o.phase === 'ready');
    expect(option.allowed).toBe(false);
    expect(option.reasons.map((r: { en: string }) => r.en).join(' ')).toContain('consent');
    const res = await change(d.id, { phase: 'ready', effectiveDate: '2021-01-07' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('toestemming');
    const v = before.version;
    expect((await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${d.id}`, { version: v, consentGivenOn: '2021-01-07', consentScope: ['programme'] })).statusCode).toBe(200);
    expect((await change(d.id, { phase: 'ready', effectiveDate: '2021-01-07' }, 'careWorker')).statusCode).toBe(201);
  });

  it('refuses ready for a domestic-violence case without a risk screening', async () => {
    const b = await buildParticipant(k, 'assessed', { targetGroup: 'domestic_violence' });
    const res = await change(b.id, { phase: 'ready', effectiveDate: '2021-01-07' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('risicotaxatie');
    const s = await call(t.app, k.s.careWorker, 'POST', `/api/v1/participants/${b.id}/risk-screenings`, { screenedOn: '2021-01-07', riskLevel: 'medium' });
    expect(s.statusCode, s.body).toBe(201);
    expect((await change(b.id, { phase: 'ready', effectiveDate: '2021-01-07' })).statusCode).toBe(201);
  });

  it('houses only in an allocated or occupied unit of the programme that no one else lives in', async () => {
    const a = await buildParticipant(k, 'matched');
    const missing = await change(a.id, { phase: 'housed', effectiveDate: '2021-01-09' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('unitId');
    const available = await buildUnit(k, 'available');
    expect((await change(a.id, { phase: 'housed', effectiveDate: '2021-01-09', unitId: available })).statusCode).toBe(409);
    expect((await change(a.id, { phase: 'housed', effectiveDate: '2021-01-09', unitId: crypto.randomUUID() })).statusCode).toBe(400);
    const housed = await buildParticipant(k, 'housed');
    const taken = await change(a.id, { phase: 'housed', effectiveDate: '2021-01-09', unitId: housed.unitId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toContain(housed.code);
    const unit = await buildUnit(k, 'occupied');
    const ok = await change(a.id, { phase: 'housed', effectiveDate: '2021-01-09', unitId: unit });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().placement).toMatchObject({ unitId: unit, startDate: '2021-01-09' });
  });
});

describe('who records which phase', () => {
  it('leaves eligibility to the office and the access office, matching and housing to the office', async () => {
    const b = await buildParticipant(k, 'referred');
    for (const who of ['careWorker', 'careManager', 'referrer']) expect((await change(b.id, { phase: 'eligible', effectiveDate: '2021-01-05' }, who)).statusCode, who).toBe(403);
    expect((await change(b.id, { phase: 'eligible', effectiveDate: '2021-01-05' }, 'assessor')).statusCode).toBe(201);
    const r = await buildParticipant(k, 'ready');
    for (const who of ['careWorker', 'assessor', 'referrer']) expect((await change(r.id, { phase: 'matched', effectiveDate: '2021-01-08' }, who)).statusCode, who).toBe(403);
    expect((await change(r.id, { phase: 'assessed', effectiveDate: '2021-01-08', note: 'Indicatie loopt af' }, 'referrer')).statusCode).toBe(403);
    expect((await change(r.id, { phase: 'matched', effectiveDate: '2021-01-08' }, 'office')).statusCode).toBe(201);
  });

  it('refuses a stale version when one is sent', async () => {
    const b = await buildParticipant(k, 'referred');
    const res = await change(b.id, { phase: 'eligible', effectiveDate: '2021-01-05', version: 7 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
  });
});
