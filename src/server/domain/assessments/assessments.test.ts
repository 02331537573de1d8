import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, TEST_PASSWORD } from '../../../../test/support/builders.js';
import { hashPassword } from '../session/session.service.js';
import { buildParticipant, countIn, decide, detail, kitFor, refer, requestAssessment, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const get = (as: string, url: string) => call(t.app, k.s[as], 'GET', url);
const post = (as: string, url: string, body: unknown) => call(t.app, k.s[as], 'POST', url, body);

describe('care assessments', () => {
  it('are requested once at a time, after which the access office sees the participant', async () => {
    const d = await refer(k, {}, {}, 'careWorker');
    expect((await get('assessor', `/api/v1/participants/${d.id}`)).statusCode).toBe(404);
    const res = await post('careWorker', `/api/v1/participants/${d.id}/assessments`, { requestedOn: '2021-01-06', question: 'Past Beschermd Thuis?' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'requested', requestedOn: '2021-01-06', accessOffice: { id: k.r.orgs.access }, question: 'Past Beschermd Thuis?' });
    expect((await get('assessor', `/api/v1/participants/${d.id}`)).statusCode).toBe(200);
    const again = await post('careWorker', `/api/v1/participants/${d.id}/assessments`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const unknownOffice = await refer(k);
    const bad = await post('referrer', `/api/v1/participants/${unknownOffice.id}/assessments`, { accessOfficeId: k.r.orgs.providerA });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('accessOfficeId');
  });

  it('make a work queue, oldest first with their age, scoped to the assessor’s own access office', async () => {
    const region = await buildRegion(t.database);
    const q = await kitFor(t, region);
    // A second access office with its own assessor.
    const secondOffice = crypto.randomUUID();
    await t.database.query("INSERT INTO organisations (region_id, id, name, kind) VALUES ($1, $2, 'Tweede toegang', 'access_office')", [region.regionId, secondOffice]);
    const email = `assessor2.${secondOffice.slice(0, 8)}@test.example`;
    await t.database.query('INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      region.regionId, crypto.randomUUID(), secondOffice, email, 'Tweede beoordelaar', await hashPassword(TEST_PASSWORD), ['assessor'],
    ]);
    const other: Session = await loginAs(t.app, email, TEST_PASSWORD);
    const a = await refer(q);
    const b = await refer(q);
    const c = await refer(q);
    await call(t.app, q.s.referrer, 'POST', `/api/v1/participants/${b.id}/assessments`, { requestedOn: '2021-02-01', accessOfficeId: region.orgs.access });
    await call(t.app, q.s.referrer, 'POST', `/api/v1/participants/${a.id}/assessments`, { requestedOn: '2021-01-10', accessOfficeId: region.orgs.access });
    await call(t.app, q.s.referrer, 'POST', `/api/v1/participants/${c.id}/assessments`, { requestedOn: '2021-01-20', accessOfficeId: secondOffice });
    const queue = (await call(t.app, q.s.assessor, 'GET', '/api/v1/assessments/queue')).json().items;
    expect(queue.map((i: { participant: { id: string } }) => i.participant.id)).toEqual([a.id, b.id]);
    const days = Math.round((Date.now() - Date.parse('2021-01-10')) / 86_400_000);
    expect(Math.abs(queue[0].ageDays - days)).toBeLessThanOrEqual(1);
    expect(queue[0].participant.name).toBeTruthy();
    const theirs = (await call(t.app, other, 'GET', '/api/v1/assessments/queue')).json().items;
    expect(theirs.map((i: { participant: { id: string } }) => i.participant.id)).toEqual([c.id]);
    // The programme office watches every queue; care staff have none.
    expect((await call(t.app, q.s.office, 'GET', '/api/v1/assessments/queue')).json().items).toHaveLength(3);
    expect((await call(t.app, q.s.careWorker, 'GET', '/api/v1/assessments/queue')).statusCode).toBe(403);
    // Paging keeps the order.
    const first = (await call(t.app, q.s.office, 'GET', '/api/v1/assessments/queue?limit=2')).json();
    const rest = (await call(t.app, q.s.office, 'GET', `/api/v1/assessments/queue?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...rest.items].map((i: { participant: { id: string } }) => i.participant.id)).toEqual([a.id, c.id, b.id]);
    // Another office's assessor cannot take or decide this office's request.
    const aReq = queue[0].id;
    expect((await call(t.app, other, 'POST', `/api/v1/assessments/${aReq}/assignments`, { version: 1 })).statusCode).toBe(404);
  });

  it('are assigned to an assessor of the office and listed as theirs', async () => {
    const b = await buildParticipant(k, 'eligible');
    const notAssessor = await post('assessor', `/api/v1/assessments/${b.assessmentId}/assignments`, { version: 1, assessorId: crypto.randomUUID() });
    expect(notAssessor.statusCode).toBe(400);
    const res = await post('assessor', `/api/v1/assessments/${b.assessmentId}/assignments`, { version: 1 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'assigned', assessor: { name: expect.stringContaining('assessor') }, version: 2 });
    const mine = (await get('assessor', '/api/v1/assessments/queue?assessorId=me')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toContain(b.assessmentId);
    expect((await post('careWorker', `/api/v1/assessments/${b.assessmentId}/assignments`, { version: 2 })).statusCode).toBe(403);
    expect((await post('assessor', `/api/v1/assessments/${b.assessmentId}/assignments`, { version: 1 })).json().code).toBe('version_conflict');
  });

  it('are decided with an indication and its validity; an eligible participant becomes assessed on that date', async () => {
    const b = await buildParticipant(k, 'eligible');
    const events = await countIn(k, 'participant_phase_events');
    const bad = await post('assessor', `/api/v1/assessments/${b.assessmentId}/decisions`, {
      version: 1, decidedOn: '2021-02-01', indication: 'beschermd_thuis', validFrom: '2021-02-01', validTo: '2021-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const messages = bad.json().errors.map((e: { message: string; messageEn: string }) => `${e.message} | ${e.messageEn}`).join(' ');
    expect(messages).toContain('Geldig tot ligt vóór geldig van.');
    expect(messages).toContain('Give the advised guidance intensity.');
    const early = await post('assessor', `/api/v1/assessments/${b.assessmentId}/decisions`, {
      version: 1, decidedOn: '2021-01-01', indication: 'ambulant', validFrom: '2021-01-01', validTo: '2022-01-01', guidanceIntensity: 'light',
    });
    expect(early.statusCode).toBe(400);
    expect(await countIn(k, 'participant_phase_events')).toBe(events);
    const res = await decide(k, b.assessmentId!, { decidedOn: '2021-02-01', validFrom: '2021-02-01', validTo: '2024-01-31', notes: 'Intensieve begeleiding nodig.' });
    expect(res).toMatchObject({ status: 'decided', indication: 'beschermd_thuis', validTo: '2024-01-31', guidanceIntensity: 'intensive' });
    const d = await detail(k, b.id);
    expect(d.phase).toBe('assessed');
    expect(d.phaseHistory.at(-1)).toMatchObject({ phase: 'assessed', effectiveDate: '2021-02-01' });
    // The notes are health data: not for the office, yes for the guiding provider.
    expect(d.assessments[0]).not.toHaveProperty('notes');
    expect((await detail(k, b.id, 'careWorker')).assessments[0].notes).toBe('Intensieve begeleiding nodig.');
    const twice = await post('assessor', `/api/v1/assessments/${b.assessmentId}/decisions`, { version: res.version, decidedOn: '2021-02-02', indication: 'none' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');
    expect((await post('office', `/api/v1/assessments/${b.assessmentId}/decisions`, { version: res.version, decidedOn: '2021-02-02', indication: 'none' })).statusCode).toBe(403);
  });

  it('leave the phase alone when the participant is not eligible yet, and allow "none" without dates', async () => {
    const d = await refer(k);
    const id = await requestAssessment(k, d.id);
    await decide(k, id, { indication: 'none', validFrom: undefined, validTo: undefined, guidanceIntensity: undefined });
    expect((await detail(k, d.id)).phase).toBe('referred');
  });

  it('answer 404 in another region and for another organisation, 401 without a session', async () => {
    const b = await buildParticipant(k, 'referred');
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.assessor, 'GET', `/api/v1/assessments/${b.assessmentId}`)).statusCode).toBe(404);
    expect((await call(t.app, other.s.assessor, 'POST', `/api/v1/assessments/${b.assessmentId}/decisions`, { version: 1, decidedOn: '2021-02-02', indication: 'none' })).statusCode).toBe(404);
    expect((await call(t.app, other.s.referrer, 'POST', `/api/v1/participants/${b.id}/assessments`, {})).statusCode).toBe(404);
    expect((await get('careWorkerB', `/api/v1/assessments/${b.assessmentId}`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', '/api/v1/assessments/queue')).statusCode).toBe(401);
  });
});
