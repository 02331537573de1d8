import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { housed, measured, referredAgain } from '../../../../test/support/outcomes.js';
import { pdfText } from '../../../../test/support/pdf.js';
import { snapshotAll } from '../reports/reports.snapshots.js';

/**
 * The Living Lab overview and the report sections on a built programme (the histories of
 * outcomes.test.ts), date 2022-06-30. Housed: 3 in January 2021, 2 in February, 2 in March,
 * 1 in January 2022 → 8. Recovery under the default definition: 2 of 7 counted (too few for a
 * verdict). The business case with simple tariffs; two observations; three bottlenecks.
 */
let t: TestApp;
let k: Kit;
const DATE = '2022-06-30';

const TARIFFS = [
  ['shelter_night', 10_000],
  ['sheltered_housing_day', 20_000],
  ['guidance_hour', 7_000],
  ['neighbourhood_team_hour', 5_600],
  ['rent_arrears_covered', 100_000],
  ['one_off_per_home', 200_000],
].map(([kind, amountCents]) => ({ kind, amountCents, source: 'Testtarief', validFrom: '2020-01-01' }));
const ASSUMPTIONS = [
  ['shelter_months', 12],
  ['waiting_list_months', 6],
  ['sheltered_housing_share', 50],
  ['sheltered_housing_months', 24],
  ['street_shelter_share', 50],
  ['rent_arrears_cases_per_100', 0],
].map(([key, value]) => ({ key, value, source: 'Testaanname', validFrom: '2020-01-01' }));

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
  const A = k.r.orgs.providerA;
  const B = k.r.orgs.providerB;
  const p1 = await housed(k, { start: '2021-01-01', flippedOn: '2021-09-01', provider: A });
  await housed(k, { start: '2021-01-01', end: { date: '2021-07-02', reason: 'evicted' }, provider: A });
  const p3 = await housed(k, { start: '2021-01-01', end: { date: '2021-10-01', reason: 'moved_on' }, provider: A });
  const p4 = await housed(k, { start: '2021-03-01', provider: A });
  await housed(k, { start: '2021-03-01', movedWithinOn: '2021-09-01', provider: A });
  await housed(k, { start: '2022-01-01', provider: A });
  await housed(k, { start: '2021-02-01', end: { date: '2021-12-01', reason: 'returned_to_shelter' }, via: 'phase', provider: B });
  const p8 = await housed(k, { start: '2021-02-01', via: 'phase', provider: B });
  await measured(k, p1.id, 'm12', '2022-01-01', 4);
  await measured(k, p3.id, 'm6', '2021-07-01', 3);
  await measured(k, p4.id, 'm12', '2022-03-01', 3, { substance_use: 1 });
  await measured(k, p8.id, 'm12', '2022-02-01', 3);
  await referredAgain(k, p3.id, '2022-01-01');

  const settings = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, { tariffs: TARIFFS, assumptions: ASSUMPTIONS });
  expect(settings.statusCode, settings.body).toBe(201);

  const obs = (body: Record<string, unknown>) => call(t.app, k.s.office, 'POST', '/api/v1/observations', body);
  expect((await obs({ participantId: p1.id, theme: 'guidance', factor: 'success', tags: ['netwerk', 'vaste begeleider'], text: 'Persoonlijke tekst die niet op het overzicht komt.', observedOn: '2022-02-10' })).statusCode).toBe(201);
  const loc = await buildLocation(t.database, k.r);
  expect((await obs({ locationId: loc, theme: 'neighbourhood', factor: 'failure', tags: ['overlast'], text: 'Klachten van buren.', observedOn: '2022-03-05' })).statusCode).toBe(201);
  // After the date: not counted.
  expect((await obs({ locationId: loc, theme: 'housing', factor: 'success', tags: ['later'], text: 'Later.', observedOn: new Date().toISOString().slice(0, 10) })).statusCode).toBe(201);

  const propose = async (title: string) => {
    const res = await call(t.app, k.s.office, 'POST', '/api/v1/bottlenecks', {
      programmeId: k.r.programmeId, title, description: 'Beschrijving', area: 'housing', ownerOrganisationId: k.r.orgs.office, ownerName: 'Programmamanager',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  await propose('Te weinig eenkamerwoningen');
  const b2 = await propose('Wachttijd beschermd wonen');
  const b3 = await propose('Huurtoeslag te laat');
  expect((await call(t.app, k.s.office, 'PATCH', `/api/v1/bottlenecks/${b2.id}`, { version: b2.version, status: 'in_progress' })).statusCode).toBe(200);
  const solved = await call(t.app, k.s.office, 'PATCH', `/api/v1/bottlenecks/${b3.id}`, {
    version: b3.version, status: 'solved', solution: 'Afspraak met de Belastingdienst', solvedOn: new Date().toISOString().slice(0, 10),
  });
  expect(solved.statusCode, solved.body).toBe(200);
});
afterAll(() => t.close());

const overview = (as: string, date = DATE) => call(t.app, k.s[as], 'GET', `/api/v1/programmes/${k.r.programmeId}/living-lab?date=${date}`);

describe('GET /programmes/{id}/living-lab', () => {
  it('gives the office the three conditions with value, goal, n and verdict', async () => {
    const res = await overview('office');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.view).toBe('full');
    expect(o.participants).toMatchObject({ value: 8, goal: 200, goalSource: 'programme_target', verdict: 'not_met', suppressed: false });
    // The outcome service's figures: 2 of 7 recovered; 7 is too few for a verdict.
    expect(o.recovery).toMatchObject({ numerator: 2, denominator: 7, goal: 0.9, verdict: 'unknown', verdictMinN: 10 });
    expect(o.recovery.rate).toBeCloseTo(2 / 7, 4);
    expect(o.recovery.definition).toMatchObject({ version: 0, minHousedMonths: 12, goalPercent: 90 });
    // The business case's own figures on the date.
    const bc = (await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/business-case?date=${DATE}`)).json();
    expect(o.businessCase.savingsCents).toBe(bc.totals.savingsCents);
    expect(o.businessCase.n).toBe(bc.participants);
    expect(o.businessCase.outcome).toBe(bc.totals.verdict);
    expect(o.businessCase.verdict).toBe(bc.totals.verdict === 'positive' ? 'met' : 'not_met');
    expect(o.businessCase.perParticipantPerYear).toEqual(bc.perParticipantPerYear);
  });

  it('gives month-end participants and quarter-end recovery and business-case trends', async () => {
    const o = (await overview('office')).json();
    const p = new Map(o.participants.trend.points.map((x: { date: string; value: number }) => [x.date, x.value]));
    expect(o.participants.trend.points[0].date).toBe('2020-09-30');
    expect([p.get('2020-12-31'), p.get('2021-01-31'), p.get('2021-02-28'), p.get('2021-03-31'), p.get('2021-12-31'), p.get(DATE)]).toEqual([0, 3, 5, 7, 7, 8]);
    // Recovery can first be counted 12 months after the first housing: 2022-03-31, then the date.
    expect(o.recovery.trend.points.map((x: { date: string; source: string }) => [x.date, x.source])).toEqual([
      ['2022-03-31', 'computed'],
      [DATE, 'computed'],
    ]);
    const bcDates = o.businessCase.trend.points.map((x: { date: string }) => x.date);
    expect(bcDates.at(-1)).toBe(DATE);
    expect(bcDates).toContain('2021-03-31');
    expect(bcDates).not.toContain('2021-02-28');
    expect(o.businessCase.trend.points.at(-1).savingsCents).toBe(o.businessCase.savingsCents);
  });

  it('reads a quarter end from a monthly snapshot where one exists', async () => {
    const snap = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/snapshots`, { month: '2022-03' });
    expect(snap.statusCode, snap.body).toBe(201);
    const o = (await overview('office')).json();
    const march = o.recovery.trend.points.find((x: { date: string }) => x.date === '2022-03-31');
    const computed = (await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/outcomes?date=2022-03-31`)).json().overall.recovery;
    expect(march.source).toBe('snapshot');
    expect(march.n).toBe(computed.denominator);
    expect(march.rate).toBeCloseTo(computed.rate, 2);
  });

  it('lists success and failure factors per theme without text or participants', async () => {
    const o = (await overview('office')).json();
    expect(o.factors.available).toBe(true);
    const guidance = o.factors.themes.find((x: { theme: string }) => x.theme === 'guidance');
    expect(guidance).toMatchObject({ success: 1, failure: 0 });
    expect(guidance.tags).toEqual(expect.arrayContaining([{ factor: 'success', tag: 'netwerk', n: 1 }]));
    expect(guidance.latest).toEqual([{ factor: 'success', tags: ['netwerk', 'vaste begeleider'], month: '2022-02', about: 'participant' }]);
    expect(o.factors.themes.find((x: { theme: string }) => x.theme === 'housing')).toMatchObject({ success: 0, failure: 0, tags: [] });
    expect(JSON.stringify(o.factors)).not.toContain('Persoonlijke');
  });

  it('summarises the bottleneck register with the unsolved ones and their owner', async () => {
    const o = (await overview('office')).json();
    expect(o.bottlenecks.counts).toEqual({ open: 1, in_progress: 1, solved: 1, wont_fix: 0 });
    expect(o.bottlenecks.openTotal).toBe(2);
    expect(o.bottlenecks.open.map((b: { title: string; status: string }) => [b.title, b.status])).toEqual([
      ['Wachttijd beschermd wonen', 'in_progress'],
      ['Te weinig eenkamerwoningen', 'open'],
    ].sort((a, b) => a[1].localeCompare(b[1])));
    expect(o.bottlenecks.open[0]).toMatchObject({ ownerName: 'Programmamanager', ownerOrganisation: expect.stringContaining('office') });
  });

  it('gives a municipality and a researcher aggregates with small cells left out and no factors', async () => {
    for (const as of ['municipality', 'researcher']) {
      const res = await overview(as);
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json();
      expect(o.view).toBe('aggregate');
      expect(o.participants.value).toBe(8);
      const p = new Map(o.participants.trend.points.map((x: { date: string; value: number | null }) => [x.date, x.value]));
      // 3 housed by January 2021: fewer than 5, left out; 5 by February: shown.
      expect([p.get('2021-01-31'), p.get('2021-02-28')]).toEqual([null, 5]);
      // 7 counted is shown, but 2 recovered is a small count.
      expect(o.recovery).toMatchObject({ denominator: 7, numerator: null, suppressed: false });
      expect(o.factors).toEqual({ available: false, themes: [] });
      expect(o.bottlenecks.counts.open).toBe(1);
      for (const x of o.businessCase.trend.points) if (x.date < '2021-02-28') expect(x.savingsCents).toBeNull();
    }
  });

  it('refuses other roles and an unknown programme', async () => {
    expect((await overview('careWorker')).statusCode).toBe(403);
    expect((await overview('privacy')).statusCode).toBe(403);
    const other = await call(t.app, k.s.office, 'GET', `/api/v1/programmes/00000000-0000-4000-8000-000000000000/living-lab`);
    expect(other.statusCode).toBe(404);
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/living-lab?date=2022-02-30`)).statusCode).toBe(400);
  });
});

describe('the progress report carries the Living Lab sections', () => {
  const TODAY = new Date().toISOString().slice(0, 10);
  const report = (accept: string, query = `?date=${DATE}`) =>
    t.app.inject({ method: 'GET', url: `/api/v1/programmes/${k.r.programmeId}/reports/progress${query}`, headers: { cookie: k.s.office.cookie, accept } });
  type Json = { sections: { key: string; rows: { key: string; value: number | string | null; n?: number | null }[] }[] };
  const figure = (r: Json, section: string, row: string) => r.sections.find((s) => s.key === section)!.rows.find((x) => x.key === row)!;

  it('as JSON: outcomes, business case and bottlenecks after the counter sections', async () => {
    const r = (await report('application/json')).json() as Json;
    expect(r.sections.map((s) => s.key).slice(-3)).toEqual(['outcomes', 'businessCase', 'bottlenecks']);
    expect(figure(r, 'outcomes', 'recovery.rate')).toMatchObject({ value: 28.6, n: 7 });
    expect(figure(r, 'outcomes', 'recovery.goal').value).toBe(90);
    expect(figure(r, 'outcomes', 'retention.12m').value).toBeCloseTo((6 / 7) * (4 / 5) * 100, 1);
    expect(Number(figure(r, 'outcomes', 'retention.12m.lower').value)).toBeLessThan(Number(figure(r, 'outcomes', 'retention.12m').value));
    const bc = (await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/business-case?date=${DATE}`)).json();
    expect(figure(r, 'businessCase', 'savings.eur').value).toBe(Math.round(bc.totals.savingsCents / 100));
    // The bottlenecks were proposed today: on the date there were none.
    expect(figure(r, 'bottlenecks', 'status.open').value).toBe(0);
    // Today: one open, one in progress, one solved; the two unsolved listed with their owner.
    const now = (await report('application/json', `?date=${TODAY}`)).json() as Json;
    expect(['open', 'in_progress', 'solved', 'wont_fix'].map((st) => figure(now, 'bottlenecks', `status.${st}`).value)).toEqual([1, 1, 1, 0]);
    const open = now.sections.find((s) => s.key === 'bottlenecks')!.rows.filter((x) => x.key.startsWith('open.'));
    expect(open).toHaveLength(2);
    expect(String(open[0]!.value)).toContain('Programmamanager');
  });

  it('as PDF: the section titles and figures are in the text', async () => {
    const res = await report('application/pdf');
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Uitkomsten');
    expect(text).toMatch(/Duurzaam herstel \(%\)\s+28,6\s+\(n = 7\)/);
    expect(text).toContain('Woonbehoud na 12 maanden');
    expect(text).toContain('Business case');
    expect(text).toContain('Netto besparing');
    expect(text).toContain('Knelpunten');
    const en = await pdfText((await report('application/pdf', `?date=${TODAY}&lang=en`)).rawPayload);
    expect(en).toContain('Sustainable recovery (%)');
    expect(en).toContain('Bottlenecks');
    expect(en).toContain('Te weinig eenkamerwoningen');
  });

  it('as CSV: one line per figure under stable codes', async () => {
    const res = await report('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    const byCode = new Map(lines.map((l) => [l[1], l]));
    expect(byCode.get('outcomes.recovery.rate')?.[3]).toBe('28.6');
    expect(byCode.get('outcomes.recovery.rate')?.[4]).toBe('7');
    expect(byCode.get('businessCase.verdict')?.[0]).toBe('Business case');
    expect(byCode.get('bottlenecks.status.open')?.[3]).toBe('0');
    const now = (await report('text/csv', `?date=${TODAY}`)).body.split('\r\n').map((l) => l.split(';'));
    expect(now.filter((l) => l[1]?.startsWith('bottlenecks.open.'))).toHaveLength(2);
  });

  it('the monthly snapshot run (no user, as the owner) records the sections too', async () => {
    const res = await snapshotAll(t.database, '2022-07-15');
    expect(res.created).toBeGreaterThanOrEqual(1);
    const list = (await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/snapshots`)).json();
    const june = list.items.find((x: { month: string }) => x.month === '2022-06');
    expect(june.figures['outcomes.recovery.rate']).toBe(28.6);
    expect(june.figures['outcomes.recovery.denominator']).toBe(7);
    expect(typeof june.figures['businessCase.savings.eur']).toBe('number');
  });
});
