import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../support/app.js';
import { buildLocation, buildRegion, TEST_PASSWORD, type BuiltRegion } from '../support/builders.js';
import { importCsv, importRow, referralBody } from '../support/participants.js';

// Two people acting on the same record at once. On PostgreSQL (api-postgres) the requests run
// truly in parallel on separate connections; on PGlite they interleave on one connection. Either
// way: one wins, the other is told so (409, problem+json), and nothing is lost or doubled.

let t: TestApp;
let r: BuiltRegion;
let office: Session;
let officeToo: Session; // the same programme office, a second person at another desk
let corporation: Session;
let assessor: Session;

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
  [office, officeToo, corporation, assessor] = await Promise.all([
    loginAs(t.app, r.emails.office, TEST_PASSWORD),
    loginAs(t.app, r.emails.office, TEST_PASSWORD),
    loginAs(t.app, r.emails.corporation, TEST_PASSWORD),
    loginAs(t.app, r.emails.assessor, TEST_PASSWORD),
  ]);
}, 300_000);
afterAll(() => t?.close());

const statuses = (rs: LightMyRequestResponse[]) => rs.map((x) => x.statusCode).sort();

function expectConflict(res: LightMyRequestResponse, code = 'version_conflict') {
  expect(res.statusCode).toBe(409);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
}

async function newUnit(over: Record<string, unknown> = {}) {
  const res = await call(t.app, office, 'POST', '/api/v1/units', {
    programmeId: r.programmeId,
    municipalityId: r.municipalities.a,
    label: `Racewoning ${Math.random().toString(36).slice(2, 8)}`,
    form: 'existing_stock',
    status: 'pledged',
    effectiveDate: '2021-01-01',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('two people editing the same record', () => {
  it('unit: the second save with the old version gets 409, the first change stays, a retry with the new version keeps both', async () => {
    const locationId = await buildLocation(t.database, r);
    const unit = await newUnit({ status: 'location_found', locationId });
    const url = `/api/v1/units/${unit.id}`;
    const [a, b] = await Promise.all([
      call(t.app, office, 'PATCH', url, { version: unit.version, label: 'Gewijzigd door het programmabureau' }),
      call(t.app, corporation, 'PATCH', url, { version: unit.version, rooms: 3 }),
    ]);
    expect(statuses([a, b])).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expectConflict(lost);
    const now = (await call(t.app, office, 'GET', url)).json();
    expect(now.version).toBe(unit.version + 1);
    expect(now).toMatchObject(won === a ? { label: 'Gewijzigd door het programmabureau' } : { rooms: 3 });
    // The loser reloads and saves again: both changes are there.
    const retry = await call(t.app, lost === a ? office : corporation, 'PATCH', url, {
      version: now.version,
      ...(lost === a ? { label: 'Gewijzigd door het programmabureau' } : { rooms: 3 }),
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ label: 'Gewijzigd door het programmabureau', rooms: 3, version: unit.version + 2 });
  });

  it('location: the same, for two people at the programme office', async () => {
    const created = await call(t.app, office, 'POST', '/api/v1/locations', {
      programmeId: r.programmeId,
      name: 'Racelocatie',
      municipalityId: r.municipalities.a,
      form: 'mixed',
      deliveryMode: 'project',
      corporationId: r.orgs.corporationA,
    });
    expect(created.statusCode, created.body).toBe(201);
    const loc = created.json();
    const url = `/api/v1/locations/${loc.id}`;
    const [a, b] = await Promise.all([
      call(t.app, office, 'PATCH', url, { version: loc.version, name: 'De Eerste Naam' }),
      call(t.app, officeToo, 'PATCH', url, { version: loc.version, address: 'Stationsstraat 1' }),
    ]);
    expect(statuses([a, b])).toEqual([200, 409]);
    expectConflict(a.statusCode === 409 ? a : b);
    const now = (await call(t.app, office, 'GET', url)).json();
    expect(now.version).toBe(loc.version + 1);
    const retry = await call(t.app, officeToo, 'PATCH', url, { version: now.version, ...(a.statusCode === 409 ? { name: 'De Eerste Naam' } : { address: 'Stationsstraat 1' }) });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ name: 'De Eerste Naam', address: 'Stationsstraat 1' });
  });

  it('participant: the same, and the refused save writes nothing', async () => {
    const created = await call(t.app, office, 'POST', '/api/v1/participants', referralBody(r));
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    const url = `/api/v1/participants/${p.id}`;
    const [a, b] = await Promise.all([
      call(t.app, office, 'PATCH', url, { version: p.version, currentPlace: 'street' }),
      call(t.app, officeToo, 'PATCH', url, { version: p.version, currentPlaceNote: 'Slaapt bij een vriend' }),
    ]);
    expect(statuses([a, b])).toEqual([200, 409]);
    expectConflict(a.statusCode === 409 ? a : b);
    const now = (await call(t.app, office, 'GET', url)).json();
    expect(now.version).toBe(p.version + 1);
    // Only the winner's change is there; the refused one wrote nothing.
    expect([now.currentPlace, now.currentPlaceNote]).toEqual(a.statusCode === 200 ? ['street', null] : ['night_shelter', 'Slaapt bij een vriend']);
  });
});

describe('concurrent status transitions of one unit', () => {
  it('of N identical requests from the same state exactly one succeeds, the rest get 409, the history has one event', async () => {
    const n = 8;
    const locationId = await buildLocation(t.database, r);
    const unit = await newUnit({ status: 'available', locationId });
    const url = `/api/v1/units/${unit.id}/status-changes`;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => call(t.app, i % 2 ? corporation : office, 'POST', url, { status: 'allocated', effectiveDate: '2021-02-01' })),
    );
    expect(results.filter((x) => x.statusCode === 201)).toHaveLength(1);
    for (const x of results.filter((y) => y.statusCode !== 201)) expectConflict(x, 'invalid_transition');
    const detail = (await call(t.app, office, 'GET', `/api/v1/units/${unit.id}`)).json();
    expect(detail.status).toBe('allocated');
    const events = await t.database.query<{ status: string }>('SELECT status FROM unit_status_events WHERE region_id = $1 AND unit_id = $2 ORDER BY seq', [r.regionId, unit.id]);
    expect(events.map((e) => e.status)).toEqual(['available', 'allocated']);
  });
});

describe('concurrent imports of the same list', () => {
  const people = async (names: string[]) =>
    (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE region_id = $1 AND family_name = ANY($2::text[])', [r.regionId, names]))[0].n;

  async function stage(csv: string) {
    const res = await call(t.app, assessor, 'POST', '/api/v1/imports', { programmeId: r.programmeId, fileName: 'lijst.csv', csv });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; validRows: number };
  }

  it('confirming one import twice at once imports it once', async () => {
    const rows = [importRow(), importRow(), importRow()];
    const staged = await stage(importCsv(rows));
    const url = `/api/v1/imports/${staged.id}/confirmations`;
    const results = await Promise.all([call(t.app, assessor, 'POST', url, {}), call(t.app, assessor, 'POST', url, {}), call(t.app, assessor, 'POST', url, {})]);
    expect(statuses(results)).toEqual([201, 409, 409]);
    for (const x of results.filter((y) => y.statusCode === 409)) expectConflict(x, 'invalid_transition');
    expect(await people(rows.map((x) => x.achternaam))).toBe(3);
  });

  it('two uploads of the same file confirmed at once: every person once, the other import skips them as known', async () => {
    // With and without a BSN: the BSN is unique in the database, the name and date of birth only by the rules.
    const rows = [importRow({ bsn: '249566758' }), importRow(), importRow(), importRow({ bsn: '111222333' })];
    const csv = importCsv(rows);
    const [first, second] = [await stage(csv), await stage(csv)];
    expect([first.validRows, second.validRows]).toEqual([4, 4]);
    const results = await Promise.all([
      call(t.app, assessor, 'POST', `/api/v1/imports/${first.id}/confirmations`, {}),
      call(t.app, assessor, 'POST', `/api/v1/imports/${second.id}/confirmations`, {}),
    ]);
    for (const x of results) expect(x.statusCode, x.body).toBe(201);
    expect(results.map((x) => x.json().importedRows).sort()).toEqual([0, 4]);
    expect(await people(rows.map((x) => x.achternaam))).toBe(4);
    const events = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participant_phase_events e JOIN participants p ON p.id = e.participant_id
        WHERE p.region_id = $1 AND p.family_name = ANY($2::text[])`,
      [r.regionId, rows.map((x) => x.achternaam)],
    );
    expect(events[0].n).toBe(4);
  });
});
