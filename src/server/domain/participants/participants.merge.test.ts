import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, decide, detail, kitFor, phase, refer, referralBody, requestAssessment, uniqueName, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const post = (as: string, url: string, body: unknown) => call(t.app, k.s[as], 'POST', url, body);

describe('duplicate detection', () => {
  it('refuses a referral with a known BSN, naming the record only to those who may see it', async () => {
    const first = await refer(k, { bsn: '123456782' }, {}, 'careWorker');
    const mine = await post('careWorker', '/api/v1/participants', referralBody(k.r, { bsn: '123456782' }));
    expect(mine.statusCode).toBe(409);
    expect(mine.json().detail).toContain(first.code);
    // The referral team does not see provider A's participant: it learns only that the person is known.
    const theirs = await post('referrer', '/api/v1/participants', referralBody(k.r, { bsn: '123456782' }));
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().detail).not.toContain(first.code);
    expect(theirs.json().detail).toContain('programmabureau');
    // Acknowledging does not help: one living record per BSN.
    expect((await post('referrer', '/api/v1/participants', { ...referralBody(k.r, { bsn: '123456782' }), acknowledgeDuplicates: true })).statusCode).toBe(409);
  });

  it('refuses the same name and date of birth unless acknowledged, ignoring accents, case and spacing', async () => {
    const n = uniqueName();
    await refer(k, { givenName: 'Zoë', familyName: `van ${n.familyName}`, dateOfBirth: '1979-03-03' });
    const again = referralBody(k.r, { givenName: 'zoe', familyName: `Van${n.familyName.toUpperCase()}`, dateOfBirth: '1979-03-03' });
    const res = await post('careWorker', '/api/v1/participants', again);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('dateOfBirth');
    const ack = await post('careWorker', '/api/v1/participants', { ...again, acknowledgeDuplicates: true });
    expect(ack.statusCode).toBe(201);
    // Both now show on the office's list of possible duplicates.
    const pairs = (await call(t.app, k.s.office, 'GET', '/api/v1/participants/duplicates')).json().items;
    expect(pairs.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(ack.json().id))).toBe(true);
    expect((await call(t.app, k.s.careWorker, 'GET', '/api/v1/participants/duplicates')).statusCode).toBe(403);
  });

  it('answers a duplicate check with what the caller may know', async () => {
    const known = await refer(k, { bsn: '111222333' }, {}, 'careWorker');
    const check = (as: string) =>
      post(as, '/api/v1/participants/duplicate-checks', { givenName: 'Iemand', familyName: 'Anders', dateOfBirth: '1990-01-01', bsn: '111222333' });
    const own = (await check('careWorker')).json().matches;
    expect(own).toEqual([{ participant: { id: known.id, code: known.code, phase: 'referred' }, matchedOn: ['bsn'], visible: true }]);
    const other = (await check('careWorkerB')).json().matches;
    expect(other).toEqual([{ participant: null, matchedOn: ['bsn'], visible: false }]);
    const none = (await post('careWorkerB', '/api/v1/participants/duplicate-checks', { givenName: 'Niemand', familyName: 'Bekend', dateOfBirth: '1990-01-01' })).json();
    expect(none.matches).toEqual([]);
  });
});

describe('merging a duplicate keeps the history of both', () => {
  async function pair(bsn: string | null) {
    const n = uniqueName();
    // The same person, referred by the referral team (further along) and by provider B.
    const a = await buildParticipant(k, 'eligible', { ...n, dateOfBirth: '1982-02-02', providerId: k.r.orgs.providerA, waitingListRegisteredOn: '2020-05-01' });
    const bBody = referralBody(k.r, { ...n, dateOfBirth: '1982-02-02', providerId: k.r.orgs.providerB, bsn, phone: '0699999999', waitingListRegisteredOn: '2019-11-01' }, { referredOn: '2020-12-01' });
    const b = (await post('careWorkerB', '/api/v1/participants', { ...bBody, acknowledgeDuplicates: true })).json();
    return { a, b };
  }

  it('moves referrals and assessments, keeps both phase histories, fills gaps and counts the earliest dates', async () => {
    const { a, b } = await pair('249566758');
    const bAssessment = await requestAssessment(k, b.id, '2020-12-05', 'careWorkerB');
    const survivor = await detail(k, a.id);
    const res = await post('office', `/api/v1/participants/${a.id}/merges`, { duplicateId: b.id, reason: 'Dezelfde persoon, twee keer aangemeld.', version: survivor.version });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.referrals).toHaveLength(2);
    expect(m.referrals.find((r: { fromParticipant: string | null }) => r.fromParticipant === b.code)).toBeTruthy();
    // Both open requests: the oldest stays, the other is cancelled.
    expect(m.assessments.map((x: { id: string; status: string }) => [x.id, x.status])).toContainEqual([bAssessment, 'requested']);
    expect(m.assessments.filter((x: { status: string }) => x.status === 'cancelled')).toHaveLength(1);
    const fromB = m.phaseHistory.filter((h: { fromParticipant: string | null }) => h.fromParticipant === b.code);
    expect(fromB.map((h: { phase: string }) => h.phase)).toEqual(['referred']);
    expect(m.phaseHistory.filter((h: { fromParticipant: string | null }) => h.fromParticipant === null).map((h: { phase: string }) => h.phase)).toEqual(['referred', 'eligible']);
    expect(m).toMatchObject({ phase: 'eligible', hasBsn: true, waitingListRegisteredOn: '2019-11-01', referredOn: '2020-12-01' });
    expect(m.merges[0]).toMatchObject({ merged: { id: b.id, code: b.code }, reason: 'Dezelfde persoon, twee keer aangemeld.' });
    expect(m.timeline.map((e: { kind: string }) => e.kind)).toContain('merge');
    // The merged record keeps its row, points at the survivor and leaves every list.
    const merged = await detail(k, b.id);
    expect(merged.mergedInto).toEqual({ id: a.id, code: a.code });
    expect(merged.phaseOptions).toEqual([]);
    const list = (await call(t.app, k.s.office, 'GET', '/api/v1/participants?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(list).toContain(a.id);
    expect(list).not.toContain(b.id);
    // Provider B referred the duplicate: it now sees the survivor with the whole history, BSN included.
    const seenByB = await detail(k, a.id, 'careWorkerB');
    expect(seenByB.bsn).toBe('249566758');
    expect(seenByB.phaseHistory).toHaveLength(3);
    // Writes to the merged record are refused.
    const w = await post('office', `/api/v1/participants/${b.id}/phase-changes`, { phase: 'withdrawn', effectiveDate: '2021-02-01', reason: 'own_choice' });
    expect(w.statusCode).toBe(409);
    expect(w.json().detail).toContain(a.code);
  });

  it('decides the next phase with the moved assessment', async () => {
    const { a, b } = await pair(null);
    const bAssessment = await requestAssessment(k, b.id, '2020-12-05', 'careWorkerB');
    await post('office', `/api/v1/participants/${a.id}/merges`, { duplicateId: b.id, reason: 'Dubbel dossier.', version: (await detail(k, a.id)).version });
    await decide(k, bAssessment, { decidedOn: '2021-01-10', validFrom: '2021-01-10' });
    expect((await detail(k, a.id)).phase).toBe('assessed');
    await phase(k, a.id, { phase: 'ready', effectiveDate: '2021-01-11' });
  });

  it('refuses merging two people with different BSNs, a housed duplicate, itself, a stale version, and others than the office', async () => {
    const x = await refer(k, { bsn: '999999990' });
    const other = await refer(k);
    const twoBsn = await refer(k, { bsn: '012345672' });
    const bsnClash = await post('office', `/api/v1/participants/${x.id}/merges`, { duplicateId: twoBsn.id, reason: 'Test samenvoegen', version: 1 });
    expect(bsnClash.statusCode).toBe(409);
    expect(bsnClash.json().detail).toContain('BSN');
    const housed = await buildParticipant(k, 'housed');
    const plain = await refer(k);
    const housedDup = await post('office', `/api/v1/participants/${plain.id}/merges`, { duplicateId: housed.id, reason: 'Test samenvoegen', version: 1 });
    expect(housedDup.statusCode).toBe(409);
    expect(housedDup.json().detail).toContain('omgekeerde');
    expect((await post('office', `/api/v1/participants/${plain.id}/merges`, { duplicateId: plain.id, reason: 'Test samenvoegen', version: 1 })).statusCode).toBe(400);
    expect((await post('office', `/api/v1/participants/${plain.id}/merges`, { duplicateId: other.id, reason: 'Test samenvoegen', version: 9 })).json().code).toBe('version_conflict');
    expect((await post('careWorker', `/api/v1/participants/${plain.id}/merges`, { duplicateId: other.id, reason: 'Test samenvoegen', version: 1 })).statusCode).toBe(403);
  });
});
