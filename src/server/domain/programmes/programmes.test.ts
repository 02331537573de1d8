import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';

let t: TestApp;
let r: BuiltRegion;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database, { target: 12 });
  office = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
});
afterAll(() => t.close());

const counter = async (date: string) => {
  const res = await call(t.app, null, 'GET', `/api/v1/programmes/${r.programmeId}/counter?date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const change = async (id: string, status: string, effectiveDate: string, extra: Record<string, unknown> = {}) => {
  const res = await call(t.app, office, 'POST', `/api/v1/units/${id}/status-changes`, { status, effectiveDate, ...extra });
  expect(res.statusCode, res.body).toBe(201);
};

describe('the counter, computed from the status history', () => {
  beforeAll(async () => {
    // A pledge of 4 places in municipality A with corporation A as partner, on 2021-01-05.
    const pledge = await call(t.app, office, 'POST', `/api/v1/programmes/${r.programmeId}/pledges`, {
      municipalityId: r.municipalities.a, places: 4, targetGroup: 'single_adult', form: 'mixed', pledgedOn: '2021-01-05',
      partnerIds: [r.orgs.providerA, r.orgs.corporationA], trancheId: r.tranches.first,
    });
    expect(pledge.statusCode, pledge.body).toBe(201);
    expect(pledge.json().unitCount).toBe(4);
    const units = (await call(t.app, office, 'GET', `/api/v1/units?programmeId=${r.programmeId}`)).json().items as { id: string }[];
    const loc = await buildLocation(t.database, r);
    await change(units[0].id, 'location_found', '2021-02-01', { locationId: loc });
    await change(units[1].id, 'location_found', '2021-02-01', { locationId: loc });
    await change(units[1].id, 'available', '2021-03-01');
    await change(units[1].id, 'allocated', '2021-03-10');
    await change(units[1].id, 'occupied', '2021-04-01');
    await change(units[2].id, 'withdrawn', '2021-06-30');
    // A unit added on its own in municipality B, straight to available.
    const single = await call(t.app, office, 'POST', '/api/v1/units', {
      programmeId: r.programmeId, municipalityId: r.municipalities.b, label: 'Los', form: 'existing_stock', status: 'available',
      effectiveDate: '2021-05-01', locationId: await buildLocation(t.database, r, { municipality: r.municipalities.b }),
    });
    expect(single.statusCode).toBe(201);
  });

  it('is empty before anything was pledged', async () => {
    expect(await counter('2021-01-04')).toMatchObject({ realised: 0, pipeline: 0, ambition: 0, target: 12 });
  });

  it('reads the pledge as pipeline, then moves units to realised as locations are found', async () => {
    expect(await counter('2021-01-05')).toMatchObject({ realised: 0, pipeline: 4, ambition: 4 });
    expect(await counter('2021-02-01')).toMatchObject({ realised: 2, pipeline: 2, ambition: 4 });
    expect(await counter('2021-05-01')).toMatchObject({ realised: 3, pipeline: 2, ambition: 5 });
  });

  it('stops counting a unit withdrawn later, from the day it was withdrawn', async () => {
    expect(await counter('2021-06-29')).toMatchObject({ realised: 3, pipeline: 2, ambition: 5 });
    expect(await counter('2021-06-30')).toMatchObject({ realised: 3, pipeline: 1, ambition: 4 });
  });

  it('breaks the counter down by municipality, partner, form and tranche', async () => {
    const c = await counter('2021-06-30');
    const byMuni = Object.fromEntries(c.byMunicipality.map((m: { municipalityId: string; realised: number; pipeline: number }) => [m.municipalityId, [m.realised, m.pipeline]]));
    expect(byMuni[r.municipalities.a]).toEqual([2, 1]);
    expect(byMuni[r.municipalities.b]).toEqual([1, 0]);
    const partner = c.byPartner.find((p: { organisationId: string }) => p.organisationId === r.orgs.corporationA);
    expect(partner).toMatchObject({ realised: 3, pipeline: 1 });
    expect(c.byForm.find((f: { form: string }) => f.form === 'mixed')).toMatchObject({ realised: 2, pipeline: 1 });
    const first = c.byTranche.find((x: { trancheId: string | null }) => x.trancheId === r.tranches.first);
    expect(first).toMatchObject({ realised: 2, pipeline: 1, capacity: 10, tranche: 'Eerste tranche' });
  });

  it('gives the counter month by month', async () => {
    const res = await call(t.app, null, 'GET', `/api/v1/programmes/${r.programmeId}/counter/history?from=2021-01-01&to=2021-07-15`);
    const items = res.json().items;
    expect(items.map((i: { date: string }) => i.date)).toEqual(['2021-01-31', '2021-02-28', '2021-03-31', '2021-04-30', '2021-05-31', '2021-06-30', '2021-07-15']);
    expect(items.map((i: { realised: number }) => i.realised)).toEqual([0, 2, 2, 2, 3, 3, 3]);
    expect(items[5]).toMatchObject({ pipeline: 1, ambition: 4, target: 12 });
  });

  it('refuses a malformed date and answers 404 for an unknown programme', async () => {
    const bad = await call(t.app, null, 'GET', `/api/v1/programmes/${r.programmeId}/counter?date=15-01-2021`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.date');
    expect((await call(t.app, null, 'GET', `/api/v1/programmes/${crypto.randomUUID()}/counter`)).statusCode).toBe(404);
    expect((await call(t.app, null, 'GET', `/api/v1/programmes/not-a-uuid/counter`)).statusCode).toBe(400);
  });

  it('lists programmes publicly, with the budget in cents', async () => {
    const res = await call(t.app, null, 'GET', '/api/v1/programmes?limit=200');
    const mine = res.json().items.find((p: { id: string }) => p.id === r.programmeId);
    expect(mine).toMatchObject({ target: 12, budgetCents: 2_240_000_000, periodStart: '2020-09-01' });
    const detail = await call(t.app, null, 'GET', `/api/v1/programmes/${r.programmeId}`);
    expect(detail.json().reviewMoments).toEqual([]);
  });
});

describe('pledges', () => {
  it('refuses a pledge with unknown partners and creates no units', async () => {
    const before = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE region_id = $1', [r.regionId]))[0].n;
    const res = await call(t.app, office, 'POST', `/api/v1/programmes/${r.programmeId}/pledges`, {
      municipalityId: r.municipalities.a, places: 3, targetGroup: 'family', form: 'flex', pledgedOn: '2021-01-05', partnerIds: [crypto.randomUUID()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('partnerIds');
    const after = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE region_id = $1', [r.regionId]))[0].n;
    expect(after).toBe(before);
  });

  it('lists pledges with partners, and tranches with their units', async () => {
    const pledges = (await call(t.app, office, 'GET', `/api/v1/programmes/${r.programmeId}/pledges`)).json().items;
    expect(pledges[0].partners.map((p: { id: string }) => p.id).sort()).toEqual([r.orgs.providerA, r.orgs.corporationA].sort());
    const tranches = (await call(t.app, office, 'GET', `/api/v1/programmes/${r.programmeId}/tranches`)).json().items;
    expect(tranches.map((x: { number: number }) => x.number)).toEqual([1, 2]);
    expect(tranches[0].unitCount).toBe(3);
  });
});

describe('the counter is the same for everyone', () => {
  it('answers a logged-in corporation, municipality and privacy officer exactly as an anonymous caller', async () => {
    const anonymous = (await call(t.app, null, 'GET', `/api/v1/programmes/${r.programmeId}/counter?date=2021-06-30`)).json();
    for (const key of ['corporation', 'municipality', 'privacy', 'researcher']) {
      const s = await loginAs(t.app, r.emails[key], TEST_PASSWORD);
      const mine = (await call(t.app, s, 'GET', `/api/v1/programmes/${r.programmeId}/counter?date=2021-06-30`)).json();
      expect(mine, key).toEqual(anonymous);
    }
  });
});
