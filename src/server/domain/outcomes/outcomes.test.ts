import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { housed, measured, referredAgain, scaledDown } from '../../../../test/support/outcomes.js';

/**
 * The outcome figures on built histories, checked by hand (docs/outcomes.md). Date 2022-06-30.
 * Provider A (tenancies): 1 housed 2021-01-01, flipped 2021-09-01, scaled down 2021-07-01, ZRM 4
 * at m12; 2 evicted after 182 days; 3 moved on after 273 days and referred again as homeless 92
 * days later; 4 housed 2021-03-01 with a domain at 1; 5 housed 2021-03-01, moved within the
 * programme, never measured; 6 housed 2022-01-01. Provider B (placements and phase events only):
 * 7 housed 2021-02-01, returned to shelter 2021-12-01 (303 days); 8 housed 2021-02-01, ZRM 3.
 * Everyone referred 2020-10-01.
 */
let t: TestApp;
let k: Kit;
const DATE = '2022-06-30';
const ids: Record<number, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
  const A = k.r.orgs.providerA;
  const B = k.r.orgs.providerB;
  ids[1] = (await housed(k, { start: '2021-01-01', flippedOn: '2021-09-01', provider: A })).id;
  ids[2] = (await housed(k, { start: '2021-01-01', end: { date: '2021-07-02', reason: 'evicted' }, provider: A })).id;
  ids[3] = (await housed(k, { start: '2021-01-01', end: { date: '2021-10-01', reason: 'moved_on' }, provider: A })).id;
  ids[4] = (await housed(k, { start: '2021-03-01', provider: A })).id;
  ids[5] = (await housed(k, { start: '2021-03-01', movedWithinOn: '2021-09-01', provider: A })).id;
  ids[6] = (await housed(k, { start: '2022-01-01', provider: A })).id;
  ids[7] = (await housed(k, { start: '2021-02-01', end: { date: '2021-12-01', reason: 'returned_to_shelter' }, via: 'phase', provider: B })).id;
  ids[8] = (await housed(k, { start: '2021-02-01', via: 'phase', provider: B })).id;
  await measured(k, ids[1], 'm12', '2022-01-01', 4);
  await measured(k, ids[3], 'm6', '2021-07-01', 3);
  await measured(k, ids[4], 'm12', '2022-03-01', 3, { substance_use: 1 });
  await measured(k, ids[8], 'm12', '2022-02-01', 3);
  await referredAgain(k, ids[3], '2022-01-01');
  await scaledDown(k, ids[1], '2021-01-01', '2021-07-01');
});
afterAll(() => t.close());

const get = (as: string, query = '') => call(t.app, k.s[as], 'GET', `/api/v1/programmes/${k.r.programmeId}/outcomes?date=${DATE}${query}`);

describe('GET /programmes/{id}/outcomes', () => {
  it('retention by Kaplan–Meier: events at 182 and 303 days, censored at the date, a neutral exit or a move within', async () => {
    const res = await get('office');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json().overall;
    expect(o.n).toBe(8);
    expect(o.retention.n).toBe(8);
    expect(o.retention.events).toBe(2);
    const [m6, m12, m24] = o.retention.at;
    // 8 at risk; censored at 180 (6); event at 182 with 7 at risk → 6/7.
    expect(m6.survival).toBeCloseTo(6 / 7, 4);
    // 273 censored (3, moved on); event at 303 with 5 at risk → 6/7 · 4/5.
    expect(m12.survival).toBeCloseTo((6 / 7) * (4 / 5), 4);
    const g = 1 / (7 * 6) + 1 / (5 * 4);
    expect(m12.standardError).toBeCloseTo((6 / 7) * (4 / 5) * Math.sqrt(g), 4);
    expect(m12.lower).toBeLessThan(m12.survival);
    expect(m12.upper).toBeGreaterThan(m12.survival);
    expect(m12.atRisk).toBe(4);
    // The longest follow-up is 545 days: 24 months is not reached.
    expect(m24).toMatchObject({ reached: false, survival: null });
  });

  it('returns, recovery, flips, scale-downs and time to keys with their n', async () => {
    const o = (await get('office')).json().overall;
    expect(o.returns).toMatchObject({ n: 1, total: 1, bands: { '0-180': 1, '181-365': 0, '366-730': 0 } });
    expect(o.returns.within[0]).toMatchObject({ months: 6, followed: 1, returns: 1 });
    // Housed by 2021-06-30: 1–5, 7, 8. Recovered: 1 and 8; 2, 3 and 7 returned; 4 a domain at 1; 5 unmeasured.
    expect(o.recovery).toMatchObject({ denominator: 7, numerator: 2, returned: 3, domainAtOne: 1, withoutMeasurement: 1, goal: 0.9, meetsGoal: false });
    expect(o.recovery.rate).toBeCloseTo(2 / 7, 4);
    expect(o.leaseFlips).toMatchObject({ n: 8, count: 1, medianDays: 243 });
    expect(o.scaleDowns).toMatchObject({ count: 1, medianDays: 181 });
    // 92, 92, 92, 123, 123, 151, 151, 457 days from referral to keys.
    expect(o.referralToKeys).toMatchObject({ n: 8, medianDays: 123 });
  });

  it('groups by provider; the office sees small groups', async () => {
    const res = (await get('office', '&groupBy=provider')).json();
    expect(res.groups.map((g: { n: number }) => g.n).sort()).toEqual([2, 6]);
    const b = res.groups.find((g: { key: string }) => g.key === k.r.orgs.providerB);
    expect(b).toMatchObject({ n: 2, suppressed: false });
    expect(b.label).toContain('providerB');
  });

  it('a municipality sees the aggregates with cells under 5 suppressed', async () => {
    const res = await get('municipality', '&groupBy=provider');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.suppressed).toBe(true);
    expect(body.overall.n).toBe(8);
    // Fewer than 5 events: the count is hidden, the curve is not.
    expect(body.overall.retention.events).toBeNull();
    // One exit: the returns cell is suppressed.
    expect(body.overall.returns).toMatchObject({ n: null, suppressed: true });
    // Recovery rests on 7: shown, but the numerator 2 is a small count.
    expect(body.overall.recovery).toMatchObject({ denominator: 7, numerator: null, suppressed: false });
    const b = body.groups.find((g: { key: string }) => g.key === k.r.orgs.providerB);
    expect(b).toMatchObject({ n: null, suppressed: true });
    expect(b.retention).toMatchObject({ n: null, curve: [], suppressed: true });
    // Curve steps with fewer than 5 at risk are not shown.
    expect(body.overall.retention.curve.every((s: { atRisk: number }) => s.atRisk >= 5)).toBe(true);
  });

  it('other roles are refused; another programme is not found', async () => {
    for (const who of ['careWorker', 'researcher', 'corporation']) expect((await get(who)).statusCode).toBe(403);
    const res = await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${crypto.randomUUID()}/outcomes`);
    expect(res.statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/v1/programmes/${k.r.programmeId}/outcomes`)).statusCode).toBe(401);
  });
});

describe('recovery definitions', () => {
  const url = () => `/api/v1/programmes/${k.r.programmeId}/recovery-definitions`;
  it('versions: the newest applies, an earlier one reproduces its figure, a stale base answers 409', async () => {
    const v1 = await call(t.app, k.s.office, 'POST', url(), { baseVersion: 0 });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, minHousedMonths: 12, goalPercent: 90, current: true });
    const v2 = await call(t.app, k.s.office, 'POST', url(), { baseVersion: 1, requireNoDomainAtOne: false, note: 'Zonder ZRM-voorwaarde' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect((await call(t.app, k.s.office, 'POST', url(), { baseVersion: 1 })).statusCode).toBe(409);
    const list = (await call(t.app, k.s.office, 'GET', url())).json().items;
    expect(list.map((d: { version: number; current: boolean }) => [d.version, d.current])).toEqual([[2, true], [1, false]]);
    // Version 2: 1, 4, 5 and 8 recovered.
    const now = (await get('office')).json();
    expect(now.definition.version).toBe(2);
    expect(now.overall.recovery).toMatchObject({ numerator: 4, denominator: 7 });
    const then = (await get('office', '&definitionVersion=1')).json();
    expect(then.overall.recovery).toMatchObject({ numerator: 2, denominator: 7 });
    expect((await call(t.app, k.s.municipality, 'POST', url(), { baseVersion: 2 })).statusCode).toBe(403);
  });
});

describe('measurements', () => {
  const scores = { finances: 2, housing: 4, mental_health: 3 };
  it('care staff of the guiding provider record; a second one for the same moment is a conflict; others are refused', async () => {
    const url = `/api/v1/participants/${ids[6]}/measurements`;
    const body = { measuredOn: '2022-01-05', moment: 'intake', scores, housingStatus: 'housed_programme', qualityOfLife: 6 };
    const res = await call(t.app, k.s.careWorker, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ moment: 'intake', scores: { finances: 2, housing: 4, justice: null }, qualityOfLife: 6 });
    expect((await call(t.app, k.s.careWorker, 'POST', url, body)).statusCode).toBe(409);
    expect((await call(t.app, k.s.careWorkerB, 'POST', url, { ...body, moment: 'm6' })).statusCode).toBe(404);
    for (const who of ['referrer', 'municipality', 'researcher']) expect((await call(t.app, k.s[who], 'POST', url, { ...body, moment: 'm6' })).statusCode).toBe(403);
    const empty = await call(t.app, k.s.careWorker, 'POST', url, { ...body, moment: 'm6', scores: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toBe('Scoor minstens één domein.');
    const bad = await call(t.app, k.s.careWorker, 'POST', url, { ...body, moment: 'm6', scores: { finances: 6 } });
    expect(bad.statusCode).toBe(400);
    const [audit] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND participant_id = $2 AND action = 'participant.update'`,
      [k.r.regionId, ids[6]],
    );
    expect(audit.n).toBe(1);
  });

  it('lists a participant’s measurements with the planned moments', async () => {
    const res = await call(t.app, k.s.careWorker, 'GET', `/api/v1/participants/${ids[6]}/measurements`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.housingStart).toBe('2022-01-01');
    expect(body.items).toHaveLength(1);
    expect(body.schedule.map((s: { moment: string; dueOn: string }) => [s.moment, s.dueOn])).toEqual([
      ['intake', '2022-01-01'], ['m6', '2022-07-01'], ['m12', '2023-01-01'], ['m18', '2023-07-01'], ['m24', '2024-01-01'],
    ]);
    expect(body.schedule[0].status).toBe('done');
  });

  it('the schedule per provider: due within 30 days, overdue 30 days after the date', async () => {
    const due = await call(t.app, k.s.careWorker, 'GET', `/api/v1/measurements/schedule?status=due&date=${DATE}`);
    expect(due.statusCode, due.body).toBe(200);
    expect(due.json().items.map((i: { participant: { id: string }; moment: string }) => [i.participant.id, i.moment]).sort()).toEqual(
      [[ids[1], 'm18'], [ids[6], 'm6']].sort(),
    );
    const overdue = (await call(t.app, k.s.office, 'GET', `/api/v1/measurements/schedule?status=overdue&date=${DATE}&organisationId=${k.r.orgs.providerB}`)).json();
    expect(overdue.items.map((i: { moment: string }) => i.moment)).toEqual(['intake', 'm6']);
    expect(overdue.items[0]).toMatchObject({ participant: { id: ids[8] }, dueOn: '2021-02-01', status: 'overdue' });
    expect((await call(t.app, k.s.careWorker, 'GET', `/api/v1/measurements/schedule?organisationId=${k.r.orgs.providerB}`)).statusCode).toBe(403);
    // Paging: one at a time reaches the same items.
    const first = (await call(t.app, k.s.careWorker, 'GET', `/api/v1/measurements/schedule?status=due&date=${DATE}&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await call(t.app, k.s.careWorker, 'GET', `/api/v1/measurements/schedule?status=due&date=${DATE}&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('group trajectories: means with n; a municipality gets cells under 5 suppressed', async () => {
    const url = `/api/v1/programmes/${k.r.programmeId}/measurements/trajectories?date=${DATE}&groupBy=provider`;
    const office = (await call(t.app, k.s.office, 'GET', url)).json();
    const m12 = office.overall.moments.find((m: { moment: string }) => m.moment === 'm12');
    // m12: 1 (4s), 4 (3s, substance use 1), 8 (3s).
    expect(m12.n).toBe(3);
    expect(m12.domains.finances).toMatchObject({ mean: 3.33, n: 3 });
    expect(m12.domains.substance_use.mean).toBeCloseTo((4 + 1 + 3) / 3, 2);
    const muni = await call(t.app, k.s.municipality, 'GET', url);
    expect(muni.statusCode, muni.body).toBe(200);
    const mm12 = muni.json().overall.moments.find((m: { moment: string }) => m.moment === 'm12');
    expect(mm12).toMatchObject({ n: null, suppressed: true });
    expect(mm12.domains.finances).toEqual({ mean: null, n: null, suppressed: true });
    expect((await call(t.app, k.s.careWorker, 'GET', url)).statusCode).toBe(403);
  });
});
