import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, countIn, detail, kitFor, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const post = (as: string, url: string, body: unknown) => call(t.app, k.s[as], 'POST', url, body);

const V1 = [
  { questionNl: 'Accepteert begeleiding in de woning', questionEn: 'Accepts guidance in the home', weight: 5, knockOut: true },
  { questionNl: 'Kan de huur betalen', questionEn: 'Can pay the rent', weight: 3, knockOut: false },
  { questionNl: 'Wil in deze wijk blijven', questionEn: 'Wants to stay in this neighbourhood', weight: 2, knockOut: false },
];
const framework = (baseVersion: number, criteria = V1) => ({
  programmeId: k.r.programmeId, name: 'Afwegingskader instroomwoning', suitableThreshold: 70, conditionalThreshold: 40, baseVersion, criteria,
});
type Criterion = { id: string; position: number };
const answers = (criteria: Criterion[], values: string[]) => criteria.map((c, i) => ({ criterionId: c.id, answer: values[i], note: `notitie ${i + 1}` }));

describe('the suitability framework', () => {
  let v1: { id: string; criteria: Criterion[] };

  it('is created by the office as version 1 and read by those who work with participants', async () => {
    expect((await post('careManager', '/api/v1/suitability-frameworks', framework(0))).statusCode).toBe(403);
    const bad = await post('office', '/api/v1/suitability-frameworks', { ...framework(0), conditionalThreshold: 90, criteria: [{ ...V1[0], weight: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { message: string }) => e.message).sort()).toEqual(['De gewichten tellen op tot 0.', 'De ondergrens ligt boven de drempel voor geschikt.']);
    const res = await post('office', '/api/v1/suitability-frameworks', framework(0));
    expect(res.statusCode, res.body).toBe(201);
    v1 = res.json();
    expect(res.json()).toMatchObject({ version: 1, current: true, criteria: [{ position: 1, knockOut: true, weight: 5 }, { position: 2 }, { position: 3 }] });
    expect((await call(t.app, k.s.careWorker, 'GET', `/api/v1/suitability-frameworks/${v1.id}`)).statusCode).toBe(200);
    expect((await call(t.app, k.s.corporation, 'GET', '/api/v1/suitability-frameworks')).statusCode).toBe(403);
  });

  it('computes the result from weights and knock-outs, with the reasons it rests on', async () => {
    const p = await buildParticipant(k, 'assessed');
    const url = `/api/v1/participants/${p.id}/suitability-assessments`;
    const suitable = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-02-01', answers: answers(v1.criteria, ['yes', 'yes', 'no']) });
    expect(suitable.statusCode, suitable.body).toBe(201);
    expect(suitable.json()).toMatchObject({ result: 'suitable', score: 8, maxScore: 10, percentage: 80, framework: { version: 1, current: true } });
    expect(suitable.json().reasons.map((r: { code: string }) => r.code)).toEqual(['score_suitable', 'weak_point']);
    const knockOut = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-02-02', answers: answers(v1.criteria, ['no', 'yes', 'yes']) });
    expect(knockOut.json()).toMatchObject({ result: 'not_suitable', percentage: 50 });
    expect(knockOut.json().reasons[0]).toMatchObject({ code: 'knock_out', criterionId: v1.criteria[0].id });
    expect(knockOut.json().reasons[0].nl).toContain('Accepteert begeleiding');
    const conditions = await post('careManager', url, { frameworkId: v1.id, assessedOn: '2021-02-03', answers: answers(v1.criteria, ['partly', 'yes', 'yes']) });
    expect(conditions.json()).toMatchObject({ result: 'suitable_with_conditions', score: 7.5, percentage: 75 });
  });

  it('refuses incomplete or foreign answers with 400, writing nothing', async () => {
    const p = await buildParticipant(k, 'referred');
    const before = await countIn(k, 'suitability_assessments');
    const url = `/api/v1/participants/${p.id}/suitability-assessments`;
    const missing = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-02-01', answers: answers(v1.criteria.slice(0, 2), ['yes', 'yes']) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: 'answers' });
    expect(missing.json().errors[0].message).toContain('3');
    const twice = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-02-01', answers: [...answers(v1.criteria, ['yes', 'yes', 'yes']), { criterionId: v1.criteria[0].id, answer: 'no' }] });
    expect(twice.statusCode).toBe(400);
    const badAnswer = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-02-01', answers: answers(v1.criteria, ['yes', 'misschien', 'yes']) });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().errors[0].path).toBe('answers.1.answer');
    expect(await countIn(k, 'suitability_assessments')).toBe(before);
  });

  it('keeps old answers under the version they were given, and takes new ones only under the current version', async () => {
    const p = await buildParticipant(k, 'assessed');
    const url = `/api/v1/participants/${p.id}/suitability-assessments`;
    const old = (await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-03-01', answers: answers(v1.criteria, ['yes', 'partly', 'yes']) })).json();
    expect((await post('office', '/api/v1/suitability-frameworks', framework(0))).json().code).toBe('version_conflict');
    const v2res = await post('office', '/api/v1/suitability-frameworks', framework(1, [...V1, { questionNl: 'Buurt is veilig', questionEn: 'Neighbourhood is safe', weight: 4, knockOut: true }]));
    expect(v2res.statusCode).toBe(201);
    const v2 = v2res.json();
    expect(v2).toMatchObject({ version: 2, current: true });
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/suitability-frameworks/${v1.id}`)).json()).toMatchObject({ version: 1, current: false, assessmentCount: 4 });
    const stale = await post('careWorker', url, { frameworkId: v1.id, assessedOn: '2021-03-02', answers: answers(v1.criteria, ['yes', 'yes', 'yes']) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('versie 2');
    const fresh = await post('careWorker', url, { frameworkId: v2.id, assessedOn: '2021-03-02', answers: answers(v2.criteria, ['yes', 'yes', 'yes', 'no']) });
    expect(fresh.json()).toMatchObject({ result: 'not_suitable', framework: { version: 2 } });
    const d = await detail(k, p.id, 'careWorker');
    const first = d.suitabilityAssessments.find((s: { id: string }) => s.id === old.id);
    expect(first.framework).toMatchObject({ version: 1, current: false });
    expect(first.answers).toHaveLength(3);
    expect(first.answers.map((a: { questionNl: string }) => a.questionNl)).toEqual(V1.map((c) => c.questionNl));
    expect(first).toMatchObject({ result: 'suitable', percentage: 85 });
    // The list of versions, newest first.
    const list = (await call(t.app, k.s.referrer, 'GET', `/api/v1/suitability-frameworks?programmeId=${k.r.programmeId}`)).json().items;
    expect(list.map((f: { version: number }) => f.version)).toEqual([2, 1]);
  });

  it('is filled in by a provider (guiding, or consulted), and its notes are not for the office', async () => {
    const p = await buildParticipant(k, 'assessed');
    const current = (await call(t.app, k.s.office, 'GET', `/api/v1/suitability-frameworks?programmeId=${k.r.programmeId}`)).json().items[0];
    const body = { frameworkId: current.id, assessedOn: '2021-03-05', answers: answers(current.criteria, ['yes', 'yes', 'yes', 'yes']) };
    const url = `/api/v1/participants/${p.id}/suitability-assessments`;
    for (const who of ['office', 'assessor', 'referrer']) expect((await post(who, url, body)).statusCode, who).toBe(403);
    expect((await post('careWorkerB', url, body)).statusCode).toBe(404);
    await post('office', `/api/v1/participants/${p.id}/consultations`, { organisationId: k.r.orgs.providerB });
    const consulted = await post('careWorkerB', url, body);
    expect(consulted.statusCode).toBe(201);
    expect(consulted.json().organisation.id).toBe(k.r.orgs.providerB);
    expect(consulted.json().answers[0].note).toBe('notitie 1');
    const office = await detail(k, p.id, 'office');
    expect(office.suitabilityAssessments[0].answers[0]).not.toHaveProperty('note');
    expect(office.suitabilityAssessments[0].result).toBe('suitable');
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.office, 'GET', `/api/v1/suitability-frameworks/${current.id}`)).statusCode).toBe(404);
  });
});
