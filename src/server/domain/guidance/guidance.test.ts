import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { buildTeam, housedDirect, startGuidance } from '../../../../test/support/guidance.js';
import { addMonths } from './guidance.service.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const as = (who: string | Session) => (typeof who === 'string' ? k.s[who] : who);
const get = (who: string | Session, url: string) => call(t.app, as(who), 'GET', url);
const post = (who: string | Session, url: string, body: unknown) => call(t.app, as(who), 'POST', url, body);
const patch = (who: string | Session, url: string, body: unknown) => call(t.app, as(who), 'PATCH', url, body);
const guidance = async (who: string | Session, participantId: string) => {
  const res = await get(who, `/api/v1/participants/${participantId}/guidance`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const count = async (table: string, where: string, params: unknown[]) =>
  (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

describe('guidance episodes', () => {
  it('starts one episode at a time with a default review date and the first intensity', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    expect(e.organisation.id).toBe(k.r.orgs.providerA);
    expect(e.reviewDueOn).toBe('2021-07-10');
    expect(e.intensities).toEqual([expect.objectContaining({ effectiveDate: '2021-01-10', hoursPerWeek: 8, level: 'intensive' })]);
    const again = await post('careWorker', `/api/v1/participants/${p.id}/guidance-episodes`, { startDate: '2021-02-01', hoursPerWeek: 4, level: 'regular' });
    expect(again.statusCode).toBe(409);
    // Care staff start guidance only for their own organisation.
    const other = await post('careManager', `/api/v1/participants/${p.id}/guidance-episodes`, { organisationId: k.r.orgs.providerB, startDate: '2021-02-01', hoursPerWeek: 4, level: 'regular' });
    expect(other.statusCode).toBe(403);
  });

  it('keeps the intensity history and refuses a stale version or a date before the last change', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    const down = await patch('careWorker', `/api/v1/guidance-episodes/${e.id}`, { version: e.version, hoursPerWeek: 4, level: 'regular', effectiveDate: '2021-04-01' });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({ hoursPerWeek: 4, level: 'regular', version: e.version + 1 });
    expect(down.json().intensities.map((i: { hoursPerWeek: number }) => i.hoursPerWeek)).toEqual([8, 4]);
    expect((await patch('careWorker', `/api/v1/guidance-episodes/${e.id}`, { version: e.version, hoursPerWeek: 2 })).statusCode).toBe(409);
    const early = await patch('careWorker', `/api/v1/guidance-episodes/${e.id}`, { version: e.version + 1, hoursPerWeek: 2, effectiveDate: '2021-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('effectiveDate');
    // Only the review date: no new intensity.
    const review = await patch('careWorker', `/api/v1/guidance-episodes/${e.id}`, { version: e.version + 1, reviewDueOn: '2021-09-01' });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().intensities).toHaveLength(2);
    // Another provider's care worker does not see the person at all.
    expect((await patch('careWorkerB', `/api/v1/guidance-episodes/${e.id}`, { version: e.version + 2, hoursPerWeek: 1 })).statusCode).toBe(404);
  });

  it('keeps a plan with goals per life domain and their status changes', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    const goal = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/goals`, { domain: 'finances', description: 'Vaste lasten automatisch betalen', targetDate: '2021-06-01' });
    expect(goal.statusCode, goal.body).toBe(201);
    expect(goal.json()).toMatchObject({ domain: 'finances', status: 'open', statusOn: null });
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/goals`, { domain: 'astrology', description: 'Onbekend leefgebied' })).statusCode).toBe(400);
    const done = await patch('careWorker', `/api/v1/guidance-goals/${goal.json().id}`, { version: 1, status: 'achieved', statusOn: '2021-05-20' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'achieved', statusOn: '2021-05-20', version: 2 });
    expect((await patch('careWorker', `/api/v1/guidance-goals/${goal.json().id}`, { version: 1, status: 'dropped' })).statusCode).toBe(409);
    const g = await guidance('office', p.id);
    expect(g.episodes[0].goals).toHaveLength(1);
  });

  it('logs contacts whose notes only the guiding organisation and the office read', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    for (const [date, minutes] of [['2021-01-12', 60], ['2021-01-19', 45], ['2021-01-26', 30]] as const) {
      const c = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/contacts`, { contactDate: date, kind: 'home_visit', minutes, note: 'Gesprek over de huur' });
      expect(c.statusCode, c.body).toBe(201);
      expect(c.json().note).toBe('Gesprek over de huur');
    }
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/contacts`, { contactDate: '2021-01-01', kind: 'phone', minutes: 10 })).statusCode).toBe(400);
    const page1 = await get('office', `/api/v1/guidance-episodes/${e.id}/contacts?limit=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((c: { contactDate: string }) => c.contactDate)).toEqual(['2021-01-26', '2021-01-19']);
    expect(page1.json().items[0].note).toBe('Gesprek over de huur');
    const page2 = await get('office', `/api/v1/guidance-episodes/${e.id}/contacts?limit=2&cursor=${page1.json().nextCursor}`);
    expect(page2.json()).toMatchObject({ items: [expect.objectContaining({ contactDate: '2021-01-12' })], nextCursor: null });
    const g = await guidance('careWorker', p.id);
    expect(g.episodes[0]).toMatchObject({ contactCount: 3, contactMinutes: 135 });
    // Roles without guidance: 403; another provider: 404.
    expect((await get('referrer', `/api/v1/guidance-episodes/${e.id}/contacts`)).statusCode).toBe(403);
    expect((await get('careWorkerB', `/api/v1/guidance-episodes/${e.id}/contacts`)).statusCode).toBe(404);
    // Every read of the guidance is in the access log.
    expect(await count('audit_events', `participant_id = $1 AND action = 'participant.read'`, [p.id])).toBeGreaterThan(0);
  });

  it('ends an episode with a reason, once', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/endings`, { version: e.version, endDate: '2021-01-01', reason: 'goals_met' })).statusCode).toBe(400);
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/endings`, { version: e.version, endDate: '2021-08-01', reason: 'handed_over' })).statusCode).toBe(400);
    const end = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/endings`, { version: e.version, endDate: '2021-08-01', reason: 'goals_met', note: 'Zelfstandig' });
    expect(end.statusCode, end.body).toBe(201);
    expect(end.json()).toMatchObject({ endDate: '2021-08-01', endReason: 'goals_met', abilities: { edit: false, end: false } });
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/endings`, { version: end.json().version, endDate: '2021-08-02', reason: 'other' })).statusCode).toBe(409);
    // A new episode may start after the end.
    await startGuidance(k, p.id, { startDate: '2021-09-01', level: 'regular', hoursPerWeek: 3 });
  });
});

describe('scale-down to the neighbourhood team', () => {
  it('refuses a team of another kind or district and writes nothing', async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    const elsewhere = await buildTeam(t, k.r, { district: 'Zuidwijk' });
    const body = { version: e.version, handoverDate: '2021-06-01', handedOver: 'Budgetplan en contact met de huisarts' };
    const kind = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, { ...body, teamId: k.r.orgs.providerB });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0]).toMatchObject({ path: 'teamId', message: expect.stringContaining('geen buurtteam') });
    const district = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, { ...body, teamId: elsewhere.id });
    expect(district.statusCode).toBe(400);
    expect(district.json().errors[0].message).toContain('Zuidwijk');
    const team = await buildTeam(t, k.r);
    const early = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, { ...body, teamId: team.id, handoverDate: '2021-01-01' });
    expect(early.statusCode).toBe(400);
    expect(await count('guidance_handovers', 'from_episode_id = $1', [e.id])).toBe(0);
    expect(await count('guidance_episodes', 'participant_id = $1', [p.id])).toBe(1);
    expect(await count('participant_organisations', `participant_id = $1 AND relation = 'neighbourhood_team'`, [p.id])).toBe(0);
    const g = await guidance('office', p.id);
    expect(g.episodes[0]).toMatchObject({ endDate: null, version: e.version });
  });

  it("starts the team's light episode, involves the team, and lets the team's care worker read the participant", async () => {
    const p = await housedDirect(k);
    const e = await startGuidance(k, p.id);
    await post('careWorker', `/api/v1/guidance-episodes/${e.id}/contacts`, { contactDate: '2021-02-01', kind: 'office', minutes: 50, note: 'Vertrouwelijk' });
    const team = await buildTeam(t, k.r, { login: true });
    const session = team.session!;
    // Before: the team does not know the person.
    expect((await get(session, `/api/v1/participants/${p.id}`)).statusCode).toBe(404);
    const res = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, {
      version: e.version, teamId: team.id, handoverDate: '2021-06-01', handedOver: 'Budgetplan en contact met de huisarts', hoursPerWeek: 1.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.matchedOn).toBe('district');
    expect(out.handover).toMatchObject({ fromEpisodeId: e.id, team: { id: team.id }, handoverDate: '2021-06-01' });
    expect(out.episode).toMatchObject({ organisation: { id: team.id }, level: 'light', hoursPerWeek: 1.5, previousEpisodeId: e.id, startDate: '2021-06-01', reviewDueOn: '2021-12-01' });
    expect(await count('participant_organisations', `participant_id = $1 AND organisation_id = $2 AND relation = 'neighbourhood_team'`, [p.id, team.id])).toBe(1);
    // After: the team reads the participant and the guidance, but not the provider's contact notes.
    expect((await get(session, `/api/v1/participants/${p.id}`)).statusCode).toBe(200);
    const g = await guidance(session, p.id);
    expect(g.episodes.map((x: { endReason: string | null }) => x.endReason)).toEqual([null, 'handed_over']);
    expect(g.episodes[1].contacts[0]).toMatchObject({ note: null, noteHidden: true, minutes: 50 });
    expect(g.episodes[0].abilities).toMatchObject({ edit: true, readNotes: true });
    expect(g.episodes[1].abilities).toMatchObject({ edit: false, readNotes: false });
    // The provider no longer writes in the team's episode, and cannot hand over twice.
    expect((await post('careWorker', `/api/v1/guidance-episodes/${out.episode.id}/contacts`, { contactDate: '2021-06-10', kind: 'phone', minutes: 10 })).statusCode).toBe(403);
    expect((await post(session, `/api/v1/guidance-episodes/${out.episode.id}/contacts`, { contactDate: '2021-06-10', kind: 'phone', minutes: 10, note: 'Eerste kennismaking' })).statusCode).toBe(201);
    const twice = await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, { version: e.version + 1, teamId: team.id, handoverDate: '2021-06-02', handedOver: 'Nogmaals' });
    expect(twice.statusCode).toBe(409);
    // The team's care workers were told.
    expect(await count('notifications n JOIN users u ON u.id = n.user_id', `u.organisation_id = $1 AND n.kind = 'guidance_handover'`, [team.id])).toBe(1);
  });

  it('falls back to the municipality when a district is unknown, and says so', async () => {
    const p = await housedDirect(k, { district: null });
    const e = await startGuidance(k, p.id);
    const wrongTown = await buildTeam(t, k.r, { municipality: k.r.municipalities.b });
    const body = { version: e.version, handoverDate: '2021-06-01', handedOver: 'Dagbesteding en netwerk' };
    expect((await post('careWorker', `/api/v1/guidance-episodes/${e.id}/handovers`, { ...body, teamId: wrongTown.id })).statusCode).toBe(400);
    const team = await buildTeam(t, k.r);
    const res = await post('office', `/api/v1/guidance-episodes/${e.id}/handovers`, { ...body, teamId: team.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().matchedOn).toBe('municipality');
    expect(res.json().message.nl).toContain('niet bekend');
  });

  it('lists the neighbourhood teams of a district for the form', async () => {
    const team = await buildTeam(t, k.r, { district: 'Oostwijk' });
    const res = await get('careWorker', '/api/v1/neighbourhood-teams?district=oostwijk');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ id: team.id, district: 'Oostwijk' })]);
    expect((await get('corporation', '/api/v1/neighbourhood-teams')).statusCode).toBe(403);
  });
});

describe('support items', () => {
  it('adds and changes support beside guidance, with a version', async () => {
    const p = await housedDirect(k);
    await startGuidance(k, p.id);
    const add = await post('careWorker', `/api/v1/participants/${p.id}/support-items`, { kind: 'debt_assistance', organisationName: 'Schuldhulp Utrecht', startDate: '2021-02-01' });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ kind: 'debt_assistance', status: 'active', version: 1 });
    const bad = await patch('careWorker', `/api/v1/support-items/${add.json().id}`, { version: 1, endDate: '2021-01-01' });
    expect(bad.statusCode).toBe(400);
    const done = await patch('careWorker', `/api/v1/support-items/${add.json().id}`, { version: 1, status: 'completed', endDate: '2021-12-01' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', endDate: '2021-12-01', version: 2 });
    expect((await patch('careWorker', `/api/v1/support-items/${add.json().id}`, { version: 1, status: 'stopped' })).statusCode).toBe(409);
    expect((await patch('careWorkerB', `/api/v1/support-items/${add.json().id}`, { version: 2, status: 'stopped' })).statusCode).toBe(404);
    expect((await post('referrer', `/api/v1/participants/${p.id}/support-items`, { kind: 'own_network', startDate: '2021-02-01' })).statusCode).toBe(403);
    expect((await guidance('careManager', p.id)).supportItems).toHaveLength(1);
  });
});

describe('caseload', () => {
  it("shows the organisation's current participants with overdue reviews, totals and the lease holder", async () => {
    // A region of its own: the totals count only this test's people.
    const t2 = t;
    {
      const kk = await kitFor(t2, await buildRegion(t2.database));
      const a = await housedDirect(kk);
      const b = await housedDirect(kk);
      const ea = await startGuidance(kk, a.id, { hoursPerWeek: 6, reviewDueOn: '2021-03-01' });
      const eb = await startGuidance(kk, b.id, { hoursPerWeek: 3.5, level: 'regular', reviewDueOn: '2099-01-01' });
      await call(t2.app, kk.s.careWorker, 'POST', `/api/v1/guidance-episodes/${ea.id}/contacts`, { contactDate: '2021-02-15', kind: 'phone', minutes: 20 });
      await call(t2.app, kk.s.careWorker, 'POST', `/api/v1/guidance-episodes/${eb.id}/goals`, { domain: 'time_use', description: 'Dagbesteding vinden' });
      // A tenancy for one of them, written directly (the tenancies domain is another module's).
      await t2.database.query(
        `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, provider_id, start_date, rent_cents, lease_holder)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, '2021-01-09', 55000, 'provider')`,
        [kk.r.regionId, kk.r.programmeId, a.unitId, a.id, kk.r.orgs.providerA],
      );
      const res = await call(t2.app, kk.s.careWorker, 'GET', '/api/v1/caseload');
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json();
      expect(c.organisation.id).toBe(kk.r.orgs.providerA);
      expect(c.totals).toEqual({ participants: 2, hoursPerWeek: 9.5, overdueReviews: 1 });
      expect(c.items.map((x: { participant: { id: string } }) => x.participant.id)).toEqual([a.id, b.id]);
      expect(c.items[0]).toMatchObject({ reviewOverdue: true, lastContactOn: '2021-02-15', leaseHolder: 'provider', openGoals: 0 });
      expect(c.items[1]).toMatchObject({ reviewOverdue: false, lastContactOn: null, leaseHolder: null, openGoals: 1 });
      // Paging keeps the order.
      const p1 = (await call(t2.app, kk.s.careManager, 'GET', '/api/v1/caseload?limit=1')).json();
      const p2 = (await call(t2.app, kk.s.careManager, 'GET', `/api/v1/caseload?limit=1&cursor=${p1.nextCursor}`)).json();
      expect([p1.items[0].participant.id, p2.items[0].participant.id]).toEqual([a.id, b.id]);
      // Another organisation's caseload: the office only.
      expect((await call(t2.app, kk.s.careWorkerB, 'GET', `/api/v1/caseload?organisationId=${kk.r.orgs.providerA}`)).statusCode).toBe(403);
      expect((await call(t2.app, kk.s.office, 'GET', `/api/v1/caseload?organisationId=${kk.r.orgs.providerA}`)).json().totals.participants).toBe(2);
      expect((await call(t2.app, kk.s.careWorkerB, 'GET', '/api/v1/caseload')).json().items).toEqual([]);
      expect((await call(t2.app, kk.s.municipality, 'GET', '/api/v1/caseload')).statusCode).toBe(403);
      // After a scale-down the team's caseload has the person.
      const team = await buildTeam(t2, kk.r, { login: true });
      const h = await call(t2.app, kk.s.careWorker, 'POST', `/api/v1/guidance-episodes/${eb.id}/handovers`, { version: eb.version, teamId: team.id, handoverDate: '2021-06-01', handedOver: 'Dagbesteding' });
      expect(h.statusCode, h.body).toBe(201);
      const teamLoad = (await call(t2.app, team.session!, 'GET', '/api/v1/caseload')).json();
      expect(teamLoad.items.map((x: { participant: { id: string } }) => x.participant.id)).toEqual([b.id]);
      expect(teamLoad.items[0].level).toBe('light');
      expect((await call(t2.app, kk.s.careWorker, 'GET', '/api/v1/caseload')).json().totals.participants).toBe(1);
    }
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2021-01-10', 6)).toBe('2021-07-10');
  });
});
