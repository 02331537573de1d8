import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';
import { pdfText } from '../../../../test/support/pdf.js';

let t: TestApp;
let r: BuiltRegion;
let office: Session;

/** The report in a format, as a browser or a script would fetch it. */
const fetchReport = (accept: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/programmes/${r.programmeId}/reports/progress${query}`, headers: { cookie: office.cookie, accept } });

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
  office = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
  const loc = await buildLocation(t.database, r);
  // Three homes in use since 2021 and one pledged: the counter on 2021-06-30 is 3 realised, 1 pipeline.
  for (const label of ['R-1', 'R-2', 'R-3']) {
    const res = await call(t.app, office, 'POST', '/api/v1/units', {
      programmeId: r.programmeId, municipalityId: r.municipalities.a, label, form: 'existing_stock', status: 'location_found', locationId: loc, effectiveDate: '2021-02-01',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await call(t.app, office, 'POST', '/api/v1/units', {
    programmeId: r.programmeId, municipalityId: r.municipalities.b, label: 'P-1', form: 'new_build', status: 'pledged', effectiveDate: '2021-02-01',
  });
});
afterAll(() => t.close());

describe('progress report', () => {
  it('answers JSON with the counter of the date', async () => {
    const res = await fetchReport('application/json', '?date=2021-06-30');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const counter = report.sections.find((s: { key: string }) => s.key === 'counter');
    const value = (k: string) => counter.rows.find((x: { key: string }) => x.key === k).value;
    expect([value('realised'), value('pipeline'), value('ambition')]).toEqual([3, 1, 4]);
    // Before the homes were recorded the counter is empty.
    const early = (await fetchReport('application/json', '?date=2021-01-15')).json();
    expect(early.sections[0].rows.find((x: { key: string }) => x.key === 'realised').value).toBe(0);
  });

  it('renders a PDF whose text carries the title, the date and the figures', async () => {
    const res = await fetchReport('application/pdf', '?date=2021-06-30');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Voortgangsrapportage');
    expect(text).toContain('Peildatum: 2021-06-30');
    expect(text).toMatch(/Gerealiseerd \(teller\)\s+3/);
    expect(text).toContain('Deelnemers per fase');
    const en = await pdfText((await fetchReport('application/pdf', '?date=2021-06-30&lang=en')).rawPayload);
    expect(en).toContain('Progress report');
    expect(en).toMatch(/Realised \(counter\)\s+3/);
  });

  it('answers CSV with one line per figure under a stable code', async () => {
    const res = await fetchReport('text/csv', '?date=2021-06-30');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('sectie;code;onderwerp;waarde;n;peildatum');
    const realised = lines.find((l) => l.split(';')[1] === 'counter.realised')!;
    expect(realised.split(';')[3]).toBe('3');
    expect(realised.split(';')[5]).toBe('2021-06-30');
  });

  it('refuses a format it cannot make with 406 and problem+json', async () => {
    const res = await fetchReport('image/png');
    expect(res.statusCode).toBe(406);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('not_acceptable');
  });

  it('refuses a bad date with 400', async () => {
    const res = await fetchReport('application/json', '?date=2021-13-45');
    expect(res.statusCode).toBe(400);
  });
});

describe('monthly snapshots', () => {
  it('records a past month once and keeps it as it was known then', async () => {
    const first = await call(t.app, office, 'POST', `/api/v1/programmes/${r.programmeId}/snapshots`, { month: '2021-06' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ month: '2021-06', asOf: '2021-06-30', created: true });
    // A home recorded later with an effective date in the past changes the recomputed counter…
    await call(t.app, office, 'POST', '/api/v1/units', {
      programmeId: r.programmeId, municipalityId: r.municipalities.a, label: 'Laat', form: 'flex', status: 'location_found',
      locationId: await buildLocation(t.database, r), effectiveDate: '2021-03-01',
    });
    const again = await call(t.app, office, 'POST', `/api/v1/programmes/${r.programmeId}/snapshots`, { month: '2021-06' });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    // …but the snapshot keeps what was reported then.
    const list = (await call(t.app, office, 'GET', `/api/v1/programmes/${r.programmeId}/snapshots`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].figures['counter.realised']).toBe(3);
    const now = (await fetchReport('application/json', '?date=2021-06-30')).json();
    expect(now.sections[0].rows.find((x: { key: string }) => x.key === 'realised').value).toBe(4);
  });

  it('refuses a month that has not ended', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const res = await call(t.app, office, 'POST', `/api/v1/programmes/${r.programmeId}/snapshots`, { month });
    expect(res.statusCode).toBe(400);
    const list = (await call(t.app, office, 'GET', `/api/v1/programmes/${r.programmeId}/snapshots`)).json();
    expect(list.items.map((s: { month: string }) => s.month)).not.toContain(month);
  });
});
