import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, TEST_PASSWORD } from '../../../../test/support/builders.js';
import { buildParticipant, countIn, detail, kitFor, refer, referralBody, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

describe('a referral creates the participant record', () => {
  it('gives a pseudonymous code, phase referred with a dated event, and the referral', async () => {
    const d = await refer(k, { bsn: '111222333', phone: '06-12345678', householdChildren: 2, childrenAges: [3, 7], needs: ['ground_floor'] });
    expect(d.code).toMatch(/^EH-[A-Z0-9]{6}$/);
    expect(d.code).not.toContain(d.familyName.slice(0, 3).toUpperCase());
    expect(d).toMatchObject({ phase: 'referred', phaseSince: '2021-01-04', referredOn: '2021-01-04', version: 1, hasBsn: true, householdChildren: 2, childrenAges: [3, 7] });
    expect(d.phaseHistory).toHaveLength(1);
    expect(d.phaseHistory[0]).toMatchObject({ phase: 'referred', effectiveDate: '2021-01-04' });
    expect(d.referrals[0]).toMatchObject({ homelessness: 'homeless', expectedIndependent: true, organisation: { id: k.r.orgs.referral } });
    expect(d.organisations.map((o: { relation: string }) => o.relation).sort()).toEqual(['provider', 'referrer']);
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['referral', 'phase']);
    // Addressable by its code too.
    expect((await detail(k, d.code)).id).toBe(d.id);
  });

  it('normalises an 8-digit BSN with a leading zero and accepts it when the eleven-test passes', async () => {
    const d = await refer(k, { bsn: '12345672' }, {}, 'careWorker');
    expect((await detail(k, d.id, 'careWorker')).bsn).toBe('012345672');
  });

  it.each([
    ['123456789', 'elfproef'],
    ['100000009', 'elfproef'],
    ['000000000', '000000000'],
    ['12345', '9 cijfers'],
  ])('refuses BSN %s with 400, a Dutch and an English message, and writes nothing', async (bsn, words) => {
    const before = await countIn(k, 'participants');
    const res = await call(t.app, k.s.referrer, 'POST', '/api/v1/participants', referralBody(k.r, { bsn }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const err = res.json().errors.find((e: { path: string }) => e.path === 'bsn');
    expect(err.message).toContain(words);
    expect(err.messageEn).toMatch(/BSN/);
    expect(err.messageEn).not.toBe(err.message);
    expect(await countIn(k, 'participants')).toBe(before);
  });

  it('reports every failing field at once, in Dutch and English, and writes nothing', async () => {
    const counts = [await countIn(k, 'participants'), await countIn(k, 'referrals'), await countIn(k, 'participant_phase_events')];
    const res = await call(t.app, k.s.referrer, 'POST', '/api/v1/participants', {
      ...referralBody(k.r, { dateOfBirth: '2999-01-01', targetGroup: 'tourists', email: 'geen-mail' }, { motivation: 'kort', referredOn: '2999-01-01' }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['dateOfBirth', 'email', 'referral.motivation', 'referral.referredOn', 'targetGroup']);
    for (const e of res.json().errors) expect(e.message && e.messageEn).toBeTruthy();
    expect(res.json().errors.find((e: { path: string }) => e.path === 'dateOfBirth').message).toBe('De geboortedatum ligt in de toekomst.');
    expect([await countIn(k, 'participants'), await countIn(k, 'referrals'), await countIn(k, 'participant_phase_events')]).toEqual(counts);
  });

  it('refuses references outside the region and inconsistent data with 400', async () => {
    const other = await buildRegion(t.database);
    const res = await call(t.app, k.s.referrer, 'POST', '/api/v1/participants', referralBody(k.r, {
      preferredMunicipalityIds: [other.municipalities.a],
      providerId: k.r.orgs.corporationA,
      consentGivenOn: '2021-01-04',
      consentScope: [],
      waitingListRegisteredOn: '1970-01-01',
    }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['consentScope', 'preferredMunicipalityIds', 'providerId', 'waitingListRegisteredOn']);
    const clash = await call(t.app, k.s.referrer, 'POST', '/api/v1/participants', referralBody(k.r, { excludedMunicipalityIds: [k.r.municipalities.a] }));
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].path).toBe('preferredMunicipalityIds');
  });

  it('deletes the draft the referral was made from', async () => {
    const draft = (await call(t.app, k.s.referrer, 'POST', '/api/v1/referral-drafts', { data: { givenName: 'Half' } })).json();
    const res = await call(t.app, k.s.referrer, 'POST', '/api/v1/participants', { ...referralBody(k.r), draftId: draft.id });
    expect(res.statusCode).toBe(201);
    expect((await call(t.app, k.s.referrer, 'GET', `/api/v1/referral-drafts/${draft.id}`)).statusCode).toBe(404);
  });

  it('is refused to roles that do not refer', async () => {
    for (const who of ['assessor', 'corporation', 'municipality', 'researcher', 'admin']) {
      const res = await call(t.app, k.s[who], 'POST', '/api/v1/participants', referralBody(k.r));
      expect(res.statusCode, who).toBe(403);
    }
  });
});

describe('who sees which participant, and how much', () => {
  it('gives each reader the least data: no BSN or contact for the office, the whole record for the guiding provider', async () => {
    const b = await buildParticipant(k, 'referred', { bsn: '249566758', phone: '0301234567', email: 'deelnemer@example.org' });
    const office = await detail(k, b.id, 'office');
    expect(office.givenName).toBeTruthy();
    expect(office.hasBsn).toBe(true);
    for (const f of ['bsn', 'phone', 'email']) expect(office).not.toHaveProperty(f);
    expect(office.assessments[0]).not.toHaveProperty('question');
    const care = await detail(k, b.id, 'careWorker');
    expect(care).toMatchObject({ bsn: '249566758', phone: '0301234567', email: 'deelnemer@example.org' });
    expect(care.assessments[0].question).toBe('Graag een beoordeling.');
    const referrer = await detail(k, b.id, 'referrer');
    expect(referrer.bsn).toBe('249566758');
    const assessor = await detail(k, b.id, 'assessor');
    expect(assessor.bsn).toBe('249566758');
  });

  it("answers 404 to another organisation's care worker and to other regions, 403 to roles without participant access", async () => {
    const b = await buildParticipant(k, 'referred');
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/participants/${b.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/participants/${b.code}`)).statusCode).toBe(404);
    const other = await buildRegion(t.database);
    const otherOffice = await loginAs(t.app, other.emails.office, TEST_PASSWORD);
    expect((await call(t.app, otherOffice, 'GET', `/api/v1/participants/${b.id}`)).statusCode).toBe(404);
    expect((await call(t.app, otherOffice, 'GET', '/api/v1/participants')).json().items).toHaveLength(0);
    for (const who of ['corporation', 'municipality', 'researcher', 'admin']) {
      expect((await call(t.app, k.s[who], 'GET', `/api/v1/participants/${b.id}`)).statusCode, who).toBe(403);
      expect((await call(t.app, k.s[who], 'GET', '/api/v1/participants')).statusCode, who).toBe(403);
    }
    expect((await call(t.app, null, 'GET', `/api/v1/participants/${b.id}`)).statusCode).toBe(401);
  });

  it('lets the referrer see only what its organisation referred, and the assessor those referred to it or on the waiting list', async () => {
    const byProvider = await refer(k, {}, {}, 'careWorker');
    const onList = await refer(k, { waitingListRegisteredOn: '2020-01-01' }, {}, 'careWorker');
    expect((await call(t.app, k.s.referrer, 'GET', `/api/v1/participants/${byProvider.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.assessor, 'GET', `/api/v1/participants/${byProvider.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.assessor, 'GET', `/api/v1/participants/${onList.id}`)).statusCode).toBe(200);
    const referrerList = (await call(t.app, k.s.referrer, 'GET', '/api/v1/participants?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(referrerList).not.toContain(byProvider.id);
    const workerB = (await call(t.app, k.s.careWorkerB, 'GET', '/api/v1/participants?limit=200')).json().items;
    expect(workerB).toHaveLength(0);
    // Asked about the participant, provider B sees them, without contact details.
    expect((await call(t.app, k.s.office, 'POST', `/api/v1/participants/${byProvider.id}/consultations`, { organisationId: k.r.orgs.providerB })).statusCode).toBe(201);
    const consulted = await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/participants/${byProvider.id}`);
    expect(consulted.statusCode).toBe(200);
    expect(consulted.json()).not.toHaveProperty('phone');
    expect(consulted.json().timeline.map((e: { kind: string }) => e.kind)).toContain('consultation');
  });
});

describe('editing the record', () => {
  it('changes fields with the version read and refuses a stale version with 409', async () => {
    const b = await buildParticipant(k, 'referred');
    const first = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${b.id}`, { version: 1, currentPlace: 'street', phone: '0612345678' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ currentPlace: 'street', phone: '0612345678', version: 2 });
    const stale = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${b.id}`, { version: 1, currentPlace: 'other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await detail(k, b.id)).currentPlace).toBe('street');
  });

  it('refuses with 403 a field group the role may not change, and changes nothing', async () => {
    const b = await buildParticipant(k, 'referred');
    const res = await call(t.app, k.s.office, 'PATCH', `/api/v1/participants/${b.id}`, { version: 1, currentPlace: 'street', bsn: '111222333' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('bsn');
    expect((await detail(k, b.id)).currentPlace).toBe('night_shelter');
    const ok = await call(t.app, k.s.office, 'PATCH', `/api/v1/participants/${b.id}`, { version: 1, waitingListRegisteredOn: '2020-03-01' });
    expect(ok.statusCode).toBe(200);
    const referrerOnList = await call(t.app, k.s.referrer, 'PATCH', `/api/v1/participants/${b.id}`, { version: 2, waitingListRegisteredOn: '2020-01-01' });
    expect(referrerOnList.statusCode).toBe(403);
  });

  it('refuses a BSN that another record already has', async () => {
    await refer(k, { bsn: '999999990' });
    const b = await buildParticipant(k, 'referred');
    const res = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${b.id}`, { version: 1, bsn: '999999990' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('bsn');
  });
});
