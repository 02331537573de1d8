import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Built, type Kit } from '../../../../test/support/participants.js';

/**
 * Another region's and another organisation's participants answer 404 on every participant route
 * (their existence is not disclosed), and such a request changes nothing. Which roles may use a
 * route at all is the access table's concern (test/integration/access.test.ts).
 */
let t: TestApp;
let a: Kit;
let b: Kit;
let target: Built;
let frameworkId: string;
let criterionId: string;

const TABLES = ['participants', 'participant_phase_events', 'participant_organisations', 'referrals', 'care_assessments', 'risk_screenings', 'suitability_assessments', 'participant_merges'];
async function snapshot(regionId: string) {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) out[table] = (await t.database.query(`SELECT count(*)::int AS n FROM ${table} WHERE region_id = $1`, [regionId]))[0];
  out.participant = (await t.database.query('SELECT phase, version, current_place, protected_address FROM participants WHERE id = $1', [target.id]))[0];
  out.assessment = (await t.database.query('SELECT status, version FROM care_assessments WHERE id = $1', [target.assessmentId]))[0];
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await kitFor(t, await buildRegion(t.database));
  b = await kitFor(t, await buildRegion(t.database));
  target = await buildParticipant(a, 'referred', { targetGroup: 'domestic_violence' });
  const f = await call(t.app, a.s.office, 'POST', '/api/v1/suitability-frameworks', {
    programmeId: a.r.programmeId, name: 'Kader', suitableThreshold: 70, conditionalThreshold: 40, baseVersion: 0,
    criteria: [{ questionNl: 'Vraag één', questionEn: 'Question one', weight: 1, knockOut: false }],
  });
  frameworkId = f.json().id;
  criterionId = f.json().criteria[0].id;
});
afterAll(() => t.close());

type Case = [method: 'GET' | 'POST' | 'PATCH', path: () => string, body: () => unknown, otherOrg: string | null, otherRegion: string];
const p = () => `/api/v1/participants/${target.id}`;
const CASES: Record<string, Case> = {
  'GET participant': ['GET', p, () => undefined, 'careWorkerB', 'office'],
  'GET participant by code': ['GET', () => `/api/v1/participants/${target.code}`, () => undefined, 'careWorkerB', 'office'],
  'PATCH participant': ['PATCH', p, () => ({ version: 1, currentPlace: 'street' }), 'careWorkerB', 'office'],
  'POST phase change': ['POST', () => `${p()}/phase-changes`, () => ({ phase: 'withdrawn', effectiveDate: '2021-02-01', reason: 'own_choice' }), 'careWorkerB', 'office'],
  'POST referral': ['POST', () => `${p()}/referrals`, () => ({ referredOn: '2021-03-01', homelessness: 'homeless', expectedIndependent: true, motivation: 'Opnieuw aangemeld.' }), 'careWorkerB', 'office'],
  'POST merge': ['POST', () => `${p()}/merges`, () => ({ duplicateId: target.id, reason: 'Dubbel dossier.', version: 1 }), null, 'office'],
  'POST consultation': ['POST', () => `${p()}/consultations`, () => ({ organisationId: a.r.orgs.providerB }), null, 'office'],
  'POST assessment request': ['POST', () => `${p()}/assessments`, () => ({}), 'careWorkerB', 'office'],
  'POST suitability assessment': ['POST', () => `${p()}/suitability-assessments`, () => ({ frameworkId, assessedOn: '2021-02-01', answers: [{ criterionId, answer: 'yes' }] }), 'careWorkerB', 'careWorker'],
  'POST risk screening': ['POST', () => `${p()}/risk-screenings`, () => ({ screenedOn: '2021-02-01', riskLevel: 'low' }), 'careWorkerB', 'careWorker'],
  'GET assessment': ['GET', () => `/api/v1/assessments/${target.assessmentId}`, () => undefined, 'careWorkerB', 'assessor'],
  'POST assessment assignment': ['POST', () => `/api/v1/assessments/${target.assessmentId}/assignments`, () => ({ version: 1 }), null, 'assessor'],
  'POST assessment decision': ['POST', () => `/api/v1/assessments/${target.assessmentId}/decisions`, () => ({ version: 1, decidedOn: '2021-02-01', indication: 'none' }), null, 'assessor'],
};

describe('another region', () => {
  it.each(Object.entries(CASES))('%s answers 404 and changes nothing', async (_name, [method, path, body, , otherRegion]) => {
    const before = await snapshot(a.r.regionId);
    const res = await call(t.app, b.s[otherRegion], method, path(), body());
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect(await snapshot(a.r.regionId)).toEqual(before);
  });
});

describe('another organisation of the region', () => {
  it.each(Object.entries(CASES).filter(([, c]) => c[3] !== null))('%s answers 404 and changes nothing', async (_name, [method, path, body, otherOrg]) => {
    const before = await snapshot(a.r.regionId);
    const res = await call(t.app, a.s[otherOrg!], method, path(), body());
    expect(res.statusCode, res.body).toBe(404);
    expect(await snapshot(a.r.regionId)).toEqual(before);
  });
});

describe('lists and aggregates stay within the region and the organisation', () => {
  it('shows nothing of region A to region B', async () => {
    expect((await call(t.app, b.s.office, 'GET', '/api/v1/participants?phase=referred')).json().items).toHaveLength(0);
    expect((await call(t.app, b.s.office, 'GET', '/api/v1/participants/duplicates')).json().items).toHaveLength(0);
    expect((await call(t.app, b.s.assessor, 'GET', '/api/v1/assessments/queue')).json().items).toHaveLength(0);
    expect((await call(t.app, b.s.office, 'GET', '/api/v1/suitability-frameworks')).json().items).toHaveLength(0);
    const flow = (await call(t.app, b.s.office, 'GET', '/api/v1/participants/flow?from=2021-01-01&to=2021-03-31')).json();
    expect(flow.months.every((m: { inflow: number }) => m.inflow === 0)).toBe(true);
    expect((await call(t.app, b.s.office, 'GET', `/api/v1/participants/flow?programmeId=${a.r.programmeId}`)).statusCode).toBe(404);
    const fw = await call(t.app, b.s.office, 'POST', '/api/v1/suitability-frameworks', {
      programmeId: a.r.programmeId, name: 'Indringer', suitableThreshold: 70, conditionalThreshold: 40, baseVersion: 1,
      criteria: [{ questionNl: 'Vraag één', questionEn: 'Question one', weight: 1, knockOut: false }],
    });
    expect(fw.statusCode).toBe(404);
    const referral = await call(t.app, b.s.referrer, 'POST', '/api/v1/participants', {
      programmeId: a.r.programmeId, givenName: 'Indringer', familyName: 'Test', dateOfBirth: '1980-01-01', targetGroup: 'single_adult', currentPlace: 'street',
      referral: { referredOn: '2021-01-04', homelessness: 'homeless', expectedIndependent: true, motivation: 'Een poging van buiten de regio.' },
    });
    expect(referral.statusCode).toBe(400);
    expect(referral.json().errors[0].path).toBe('programmeId');
  });

  it('does not reveal region A’s people in a duplicate check from region B', async () => {
    const d = (await call(t.app, a.s.careWorker, 'GET', `/api/v1/participants/${target.id}`)).json();
    const check = await call(t.app, b.s.referrer, 'POST', '/api/v1/participants/duplicate-checks', { givenName: d.givenName, familyName: d.familyName, dateOfBirth: d.dateOfBirth });
    expect(check.json().matches).toEqual([]);
  });

  it('documents every participant route in the OpenAPI document', async () => {
    const doc = (await call(t.app, null, 'GET', '/api/openapi.json')).json();
    for (const path of ['/api/v1/participants', '/api/v1/participants/{id}', '/api/v1/participants/{id}/phase-changes', '/api/v1/assessments/queue', '/api/v1/imports', '/api/v1/suitability-frameworks']) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
