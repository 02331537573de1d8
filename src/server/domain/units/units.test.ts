import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';
import { UNIT_STATUSES, type UnitStatus } from '../../../shared/enums.js';
import { UNIT_TRANSITIONS } from './units.machine.js';

let t: TestApp;
let r: BuiltRegion;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
  office = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
});
afterAll(() => t.close());

const newUnit = (over: Record<string, unknown> = {}) => ({
  programmeId: r.programmeId,
  municipalityId: r.municipalities.a,
  label: 'Testwoning',
  form: 'existing_stock',
  status: 'pledged',
  effectiveDate: '2021-01-01',
  ...over,
});

const countUnits = async () =>
  (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE region_id = $1', [r.regionId]))[0].n;
const countEvents = async () =>
  (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM unit_status_events WHERE region_id = $1', [r.regionId]))[0].n;

/** Walks a fresh unit to `status` through allowed transitions, one day apart from 2021-01-01. */
async function unitIn(status: UnitStatus): Promise<string> {
  const location = await buildLocation(t.database, r);
  const created = await call(t.app, office, 'POST', '/api/v1/units', newUnit({ label: `In ${status}` }));
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const path: Record<UnitStatus, UnitStatus[]> = {
    pledged: [],
    location_found: ['location_found'],
    available: ['location_found', 'available'],
    allocated: ['location_found', 'available', 'allocated'],
    occupied: ['location_found', 'available', 'allocated', 'occupied'],
    withdrawn: ['withdrawn'],
  };
  let day = 2;
  for (const s of path[status]) {
    const res = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, {
      status: s,
      effectiveDate: `2021-01-${String(day++).padStart(2, '0')}`,
      ...(s === 'location_found' ? { locationId: location } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return id;
}

describe('units', () => {
  it('creates a unit with its first status event and shows it in the list', async () => {
    const res = await call(t.app, office, 'POST', '/api/v1/units', newUnit({ label: 'Nieuwe woning 1', rooms: 2 }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ label: 'Nieuwe woning 1', status: 'pledged', statusSince: '2021-01-01', rooms: 2, version: 1 });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ status: 'pledged', effectiveDate: '2021-01-01' });
    expect(body.history[0].recordedBy.name).toContain('office');
    const list = await call(t.app, office, 'GET', `/api/v1/units?programmeId=${r.programmeId}&q=Nieuwe%20woning%201`);
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(body.id);
  });

  it('walks the whole life cycle and keeps every step in the history', async () => {
    const id = await unitIn('occupied');
    const detail = (await call(t.app, office, 'GET', `/api/v1/units/${id}`)).json();
    expect(detail.status).toBe('occupied');
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['pledged', 'location_found', 'available', 'allocated', 'occupied']);
    expect(detail.allowedTransitions.sort()).toEqual(['available', 'withdrawn']);
  });

  describe('every transition outside the life cycle is refused with 409 and changes nothing', () => {
    const cases: [UnitStatus, UnitStatus][] = [];
    for (const from of UNIT_STATUSES) for (const to of UNIT_STATUSES) if (!UNIT_TRANSITIONS[from].includes(to)) cases.push([from, to]);
    it.each(cases)('%s → %s', async (from, to) => {
      const id = await unitIn(from);
      const before = (await call(t.app, office, 'GET', `/api/v1/units/${id}`)).json();
      const location = await buildLocation(t.database, r);
      const res = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, { status: to, effectiveDate: '2021-02-01', locationId: location });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('invalid_transition');
      expect(res.json().detail.length).toBeGreaterThan(10);
      const after = (await call(t.app, office, 'GET', `/api/v1/units/${id}`)).json();
      expect(after.history).toHaveLength(before.history.length);
      expect(after.status).toBe(from);
    });
  });

  it('refuses location_found without a location', async () => {
    const id = await unitIn('pledged');
    const res = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, { status: 'location_found', effectiveDate: '2021-02-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/locatie/i);
  });

  it('refuses a status date before the previous change or in the future', async () => {
    const id = await unitIn('available');
    const early = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, { status: 'allocated', effectiveDate: '2020-12-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('effectiveDate');
    const future = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, { status: 'allocated', effectiveDate: '2999-01-01' });
    expect(future.statusCode).toBe(400);
  });

  it('answers a stale edit with 409 and keeps the first edit', async () => {
    const id = await unitIn('pledged');
    const first = await call(t.app, office, 'PATCH', `/api/v1/units/${id}`, { version: 1, label: 'Eerste bewerking' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await call(t.app, office, 'PATCH', `/api/v1/units/${id}`, { version: 1, label: 'Tweede bewerking' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    expect((await call(t.app, office, 'GET', `/api/v1/units/${id}`)).json().label).toBe('Eerste bewerking');
  });

  it('refuses bad JSON and wrong types with 400 and writes nothing', async () => {
    const units = await countUnits();
    const events = await countEvents();
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': 'application/json' },
      payload: '{"label": "x",',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('invalid_json');
    const wrongTypes = await call(t.app, office, 'POST', '/api/v1/units', newUnit({ label: 42, rooms: 'two', effectiveDate: '15-01-2021' }));
    expect(wrongTypes.statusCode).toBe(400);
    const paths = wrongTypes.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['effectiveDate', 'label', 'rooms']);
    expect(wrongTypes.json().errors[0].messageEn).toBeTruthy();
    const unknownMunicipality = await call(t.app, office, 'POST', '/api/v1/units', newUnit({ municipalityId: crypto.randomUUID() }));
    expect(unknownMunicipality.statusCode).toBe(400);
    expect(unknownMunicipality.json().errors[0].path).toBe('municipalityId');
    const badStatus = await call(t.app, office, 'POST', '/api/v1/units', newUnit({ status: 'occupied' }));
    expect(badStatus.statusCode).toBe(400);
    expect(await countUnits()).toBe(units);
    expect(await countEvents()).toBe(events);
  });

  it('lets a corporation see and change the units of its own locations only', async () => {
    const own = await buildLocation(t.database, r, { corporation: r.orgs.corporationA });
    const other = await buildLocation(t.database, r, { corporation: r.orgs.corporationB });
    const mk = async (loc: string) =>
      (await call(t.app, office, 'POST', '/api/v1/units', newUnit({ status: 'location_found', locationId: loc }))).json().id as string;
    const ownUnit = await mk(own);
    const otherUnit = await mk(other);
    const corp = await loginAs(t.app, r.emails.corporation, TEST_PASSWORD);
    const ok = await call(t.app, corp, 'POST', `/api/v1/units/${ownUnit}/status-changes`, { status: 'available', effectiveDate: '2021-03-01' });
    expect(ok.statusCode).toBe(201);
    // Another corporation's unit does not exist for this corporation (row-level security): 404.
    const refused = await call(t.app, corp, 'POST', `/api/v1/units/${otherUnit}/status-changes`, { status: 'available', effectiveDate: '2021-03-01' });
    expect(refused.statusCode).toBe(404);
    expect((await call(t.app, corp, 'GET', `/api/v1/units/${otherUnit}`)).statusCode).toBe(404);
    const list = (await call(t.app, corp, 'GET', '/api/v1/units?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(list).toContain(ownUnit);
    expect(list).not.toContain(otherUnit);
    // The programme office sees both and may change either.
    expect((await call(t.app, office, 'GET', `/api/v1/units/${otherUnit}`)).json().abilities.changeStatus).toBe(true);
  });

  it('answers 404 for a unit of another region, also to its programme office', async () => {
    const other = await buildRegion(t.database);
    const otherOffice = await loginAs(t.app, other.emails.office, TEST_PASSWORD);
    const id = await unitIn('pledged');
    expect((await call(t.app, otherOffice, 'GET', `/api/v1/units/${id}`)).statusCode).toBe(404);
    const change = await call(t.app, otherOffice, 'POST', `/api/v1/units/${id}/status-changes`, { status: 'withdrawn', effectiveDate: '2021-03-01' });
    expect(change.statusCode).toBe(404);
    const list = (await call(t.app, otherOffice, 'GET', '/api/v1/units')).json();
    expect(list.items).toHaveLength(0);
  });

  it('pages through the list with nextCursor without repeating a unit', async () => {
    const region = await buildRegion(t.database);
    const s = await loginAs(t.app, region.emails.office, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) {
      await call(t.app, s, 'POST', '/api/v1/units', { ...newUnit(), programmeId: region.programmeId, municipalityId: region.municipalities.a, label: `P${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(t.app, s, 'GET', `/api/v1/units?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      seen.push(...body.items.map((u: { label: string }) => u.label));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect((await call(t.app, s, 'GET', '/api/v1/units?cursor=garbage')).statusCode).toBe(400);
  });
});
