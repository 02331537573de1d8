import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion } from '../../../../test/support/builders.js';
import { availableUnits, readyCandidatesDirect } from '../../../../test/support/offers.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const incidentBody = (locationId: string, over: Record<string, unknown> = {}) => ({
  locationId, occurredOn: '2021-06-01', source: 'neighbour', severity: 'medium', description: 'Harde muziek na middernacht in het trappenhuis.', ...over,
});

async function incident(locationId: string, over: Record<string, unknown> = {}, as = 'office') {
  const res = await call(t.app, k.s[as], 'POST', '/api/v1/incidents', incidentBody(locationId, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A tenancy written directly (the tenancies domain is built beside this one): a ready participant of provider A in a unit of a fresh location. */
async function tenancyAt(opts: { leaseHolder?: 'provider' | 'tenant'; flippedOn?: string | null; end?: string | null } = {}) {
  const { locationId, unitIds } = await availableUnits(k, 2);
  const [p] = await readyCandidatesDirect(k, 1);
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, corporation_id, provider_id, start_date, rent_cents, lease_holder, flipped_on, end_date, end_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '2021-03-01', 55000, $8, $9, $10, $11)`,
    [k.r.regionId, id, k.r.programmeId, unitIds[0], p.id, k.r.orgs.corporationA, k.r.orgs.providerA, opts.leaseHolder ?? 'provider', opts.flippedOn ?? null,
      opts.end ?? null, opts.end ? 'moved_on' : null],
  );
  return { locationId, unitIds, tenancyId: id, participantId: p.id };
}

const incidentRow = async (id: string) =>
  (await t.database.query<{ closed_on: string | null; version: number; follow_up: string | null; severity: string }>(
    'SELECT closed_on, version, follow_up, severity FROM incidents WHERE id = $1', [id]))[0];

describe('incidents', () => {
  it('records, edits and closes an incident at a location', async () => {
    const loc = await buildLocation(t.database, k.r);
    const created = await incident(loc, {}, 'careWorker');
    expect(created).toMatchObject({ locationId: loc, severity: 'medium', open: true, details: true, tenancy: null, version: 1, abilities: { edit: true, close: true } });

    const patched = await call(t.app, k.s.corporation, 'PATCH', `/api/v1/incidents/${created.id}`, { version: 1, severity: 'high', followUp: 'Gesprek met bewoner gepland.' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ severity: 'high', followUp: 'Gesprek met bewoner gepland.', version: 2 });

    const closed = await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${created.id}/closures`, { closedOn: '2021-06-10', followUp: 'Afspraken gemaakt; geen klachten meer.' });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json()).toMatchObject({ open: false, closedOn: '2021-06-10', ageDays: 9, overdue: false, abilities: { close: false } });

    const again = await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${created.id}/closures`, { closedOn: '2021-06-11', followUp: 'Nogmaals.' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a closure before the incident, a future date and a stale version, and writes nothing', async () => {
    const loc = await buildLocation(t.database, k.r);
    const created = await incident(loc);
    const before = await incidentRow(created.id);

    const early = await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${created.id}/closures`, { closedOn: '2021-05-31', followUp: 'Te vroeg.' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.map((e: { path: string }) => e.path)).toContain('closedOn');
    expect(await incidentRow(created.id)).toEqual(before);

    const future = await call(t.app, k.s.office, 'POST', '/api/v1/incidents', incidentBody(loc, { occurredOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);

    const ok = await call(t.app, k.s.office, 'PATCH', `/api/v1/incidents/${created.id}`, { version: 1, followUp: 'Eerste reactie.' });
    expect(ok.statusCode).toBe(200);
    const stale = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/incidents/${created.id}`, { version: 1, severity: 'low' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const staleClose = await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${created.id}/closures`, { closedOn: '2021-06-02', followUp: 'x', version: 1 });
    expect(staleClose.statusCode).toBe(409);
    expect(await incidentRow(created.id)).toMatchObject({ version: 2, severity: 'medium', closed_on: null, follow_up: 'Eerste reactie.' });

    const missing = await call(t.app, k.s.office, 'POST', '/api/v1/incidents', { ...incidentBody(loc), description: '' });
    expect(missing.statusCode).toBe(400);
  });

  it('links an incident to a tenancy at that location only, and logs who saw the link', async () => {
    const ten = await tenancyAt();
    const other = await buildLocation(t.database, k.r);
    const wrongPlace = await call(t.app, k.s.office, 'POST', '/api/v1/incidents', incidentBody(other, { tenancyId: ten.tenancyId }));
    expect(wrongPlace.statusCode).toBe(400);
    const beforeStart = await call(t.app, k.s.office, 'POST', '/api/v1/incidents', incidentBody(ten.locationId, { tenancyId: ten.tenancyId, occurredOn: '2021-02-01' }));
    expect(beforeStart.statusCode).toBe(400);

    const created = await incident(ten.locationId, { tenancyId: ten.tenancyId, severity: 'high' });
    expect(created.tenancy).toMatchObject({ id: ten.tenancyId });

    const audits = async () =>
      (await t.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND (participant_id = $2 OR $2 = ANY (participant_ids))`, [k.r.regionId, ten.participantId]))[0].n;
    const n0 = await audits();
    const asCorporation = await call(t.app, k.s.corporation, 'GET', `/api/v1/incidents?locationId=${ten.locationId}`);
    expect(asCorporation.json().items[0].tenancy).toMatchObject({ id: ten.tenancyId });
    expect(await audits()).toBe(n0 + 1);

    const byTenancy = await call(t.app, k.s.careWorker, 'GET', `/api/v1/incidents?tenancyId=${ten.tenancyId}`);
    expect(byTenancy.json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);

    // The municipality sees that something happened, not what or about whom; its read logs nobody.
    const asMunicipality = await call(t.app, k.s.municipality, 'GET', `/api/v1/incidents?locationId=${ten.locationId}`);
    expect(asMunicipality.statusCode).toBe(200);
    expect(asMunicipality.json().items[0]).toMatchObject({ id: created.id, severity: 'high', details: false, description: null, followUp: null, tenancy: null });
    expect(await audits()).toBe(n0 + 2);
    expect((await call(t.app, k.s.municipality, 'GET', `/api/v1/incidents?tenancyId=${ten.tenancyId}`)).statusCode).toBe(403);
    expect((await call(t.app, k.s.municipality, 'PATCH', `/api/v1/incidents/${created.id}`, { version: 1, severity: 'low' })).statusCode).toBe(403);
  });

  it('shows another corporation nothing of a location it does not own', async () => {
    const loc = await buildLocation(t.database, k.r);
    const created = await incident(loc);
    expect((await call(t.app, k.s.corporationB, 'GET', `/api/v1/locations/${loc}/neighbourhood`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.corporationB, 'GET', `/api/v1/locations/${loc}/neighbourhood-meetings`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.corporationB, 'GET', `/api/v1/incidents?locationId=${loc}`)).json().items).toEqual([]);
    expect((await call(t.app, k.s.corporationB, 'PATCH', `/api/v1/incidents/${created.id}`, { version: 1, severity: 'low' })).statusCode).toBe(404);
    expect((await call(t.app, k.s.corporationB, 'POST', '/api/v1/incidents', incidentBody(loc))).statusCode).toBe(404);
    // Care staff of another provider see the stock but not this building's neighbourhood.
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/locations/${loc}/neighbourhood`)).statusCode).toBe(403);
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/incidents?locationId=${loc}`)).json().items).toEqual([]);
    expect((await call(t.app, k.s.assessor, 'GET', '/api/v1/incidents')).statusCode).toBe(403);
  });

  it('filters by open and severity and pages with a cursor', async () => {
    const loc = await buildLocation(t.database, k.r);
    const ids: string[] = [];
    for (const [d, s] of [['2021-07-01', 'low'], ['2021-07-02', 'high'], ['2021-07-03', 'high'], ['2021-07-04', 'medium']] as const) {
      ids.push((await incident(loc, { occurredOn: d, severity: s })).id);
    }
    await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${ids[1]}/closures`, { closedOn: '2021-07-05', followUp: 'Opgelost.' });
    const high = (await call(t.app, k.s.office, 'GET', `/api/v1/incidents?locationId=${loc}&severity=high`)).json();
    expect(high.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    const openHigh = (await call(t.app, k.s.office, 'GET', `/api/v1/incidents?locationId=${loc}&severity=high&open=true`)).json();
    expect(openHigh.items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    const page1 = (await call(t.app, k.s.office, 'GET', `/api/v1/incidents?locationId=${loc}&limit=3`)).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await call(t.app, k.s.office, 'GET', `/api/v1/incidents?locationId=${loc}&limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('meetings and the mix', () => {
  it('records meeting notes and lists them latest first', async () => {
    const loc = await buildLocation(t.database, k.r);
    for (const d of ['2021-03-01', '2021-09-01']) {
      const res = await call(t.app, k.s.careWorker, 'POST', `/api/v1/locations/${loc}/neighbourhood-meetings`, { heldOn: d, attendees: 12, notes: `Bijeenkomst ${d}` });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await call(t.app, k.s.municipality, 'GET', `/api/v1/locations/${loc}/neighbourhood-meetings`);
    expect(list.json().items.map((m: { heldOn: string }) => m.heldOn)).toEqual(['2021-09-01', '2021-03-01']);
    expect((await call(t.app, k.s.municipality, 'POST', `/api/v1/locations/${loc}/neighbourhood-meetings`, { heldOn: '2021-03-01', notes: 'x' })).statusCode).toBe(403);
    expect((await call(t.app, k.s.office, 'POST', `/api/v1/locations/${loc}/neighbourhood-meetings`, { heldOn: '2999-03-01', notes: 'x' })).statusCode).toBe(400);
  });

  it('sets the regular homes of a mixed location with the location version', async () => {
    const loc = await buildLocation(t.database, k.r);
    const set = await call(t.app, k.s.corporation, 'PUT', `/api/v1/locations/${loc}/mix`, { regularHomes: 20, version: 1 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().mix).toMatchObject({ regularHomes: 20, programmePlaces: 0, total: 20 });
    expect(set.json().location.version).toBe(2);
    expect((await call(t.app, k.s.office, 'PUT', `/api/v1/locations/${loc}/mix`, { regularHomes: 21, version: 1 })).statusCode).toBe(409);
    expect((await call(t.app, k.s.careWorker, 'PUT', `/api/v1/locations/${loc}/mix`, { regularHomes: 21, version: 2 })).statusCode).toBe(403);
    expect((await call(t.app, k.s.office, 'PUT', `/api/v1/locations/${loc}/mix`, { regularHomes: -1, version: 2 })).statusCode).toBe(400);
    const { locationId } = await availableUnits(k, 1); // existing stock, not mixed
    const notMixed = await call(t.app, k.s.office, 'PUT', `/api/v1/locations/${locationId}/mix`, { regularHomes: 3, version: 1 });
    expect(notMixed.statusCode).toBe(409);
  });
});

describe('how a building is doing', () => {
  it('counts units, tenancies, incidents per month, open ages and the signal on a day', async () => {
    const ten = await tenancyAt({ leaseHolder: 'tenant', flippedOn: '2021-09-01' });
    const loc = ten.locationId;
    await t.database.query(`UPDATE locations SET form = 'mixed', regular_homes = 10 WHERE id = $1`, [loc]);
    await t.database.query(`UPDATE units SET status = 'occupied' WHERE id = $1`, [ten.unitIds[0]]);
    // An ended tenancy in the other home.
    const [p2] = await readyCandidatesDirect(k, 1);
    await t.database.query(
      `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, start_date, rent_cents, lease_holder, end_date, end_reason)
       VALUES ($1, $2, $3, $4, $5, '2021-03-01', 50000, 'provider', '2021-08-01', 'evicted')`,
      [k.r.regionId, crypto.randomUUID(), k.r.programmeId, ten.unitIds[1], p2.id],
    );
    // 2021-03 (outside the window of 2022-03), 2021-04 low, 2022-01 medium (closed), 2022-03-01 high open, 2022-03-10 low open.
    for (const d of ['2021-03-20', '2021-04-02']) {
      const old = await incident(loc, { occurredOn: d, severity: 'low' });
      await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${old.id}/closures`, { closedOn: '2021-05-01', followUp: 'Afgehandeld.' });
    }
    const jan = await incident(loc, { occurredOn: '2022-01-05', severity: 'medium' });
    await call(t.app, k.s.office, 'POST', `/api/v1/incidents/${jan.id}/closures`, { closedOn: '2022-01-20', followUp: 'Afgehandeld.' });
    await incident(loc, { occurredOn: '2022-03-01', severity: 'high', tenancyId: ten.tenancyId });
    await incident(loc, { occurredOn: '2022-03-10', severity: 'low' });

    const get = (on: string, as = 'office') => call(t.app, k.s[as], 'GET', `/api/v1/locations/${loc}/neighbourhood?on=${on}`);
    const o = (await get('2022-03-15')).json();
    expect(o.mix).toEqual({ programmePlaces: 2, regularHomes: 10, total: 12 });
    expect(o.unitsByStatus).toMatchObject({ available: 1, occupied: 1, pledged: 0 });
    expect(o.tenancies).toEqual({ current: 1, providerHeld: 0, tenantHeld: 1, flipped: 1, ended: 1 });
    expect(o.incidentsByMonth).toHaveLength(12);
    expect(o.incidentsByMonth[0]).toEqual({ month: '2021-04', low: 1, medium: 0, high: 0, total: 1 });
    expect(o.incidentsByMonth.find((m: { month: string }) => m.month === '2022-01').total).toBe(1);
    expect(o.incidentsByMonth[11]).toEqual({ month: '2022-03', low: 1, medium: 0, high: 1, total: 2 });
    expect(o.openIncidents.map((i: { ageDays: number; overdue: boolean }) => [i.ageDays, i.overdue])).toEqual([[14, false], [5, false]]);
    expect(o.signal).toBe('attention'); // one open high, not yet overdue

    const later = (await get('2022-03-16')).json();
    expect(later.overdueCount).toBe(1);
    expect(later.signal).toBe('concern'); // the high one is now open longer than 14 days

    // On 2022-01-10 only the January incident was open (closed on the 20th): calm.
    const past = (await get('2022-01-10')).json();
    expect(past.openCount).toBe(1);
    expect(past.signal).toBe('calm');

    // The municipality reads the same figures (tenancies too), without anything about a person.
    const muni = (await get('2022-03-15', 'municipality')).json();
    expect(muni.tenancies).toEqual(o.tenancies);
    expect(muni.signal).toBe('attention');
    expect(muni.abilities).toMatchObject({ incidentDetails: false, recordIncident: false, setMix: false });
    expect(JSON.stringify(muni)).not.toContain('Harde muziek');
    expect(JSON.stringify(muni)).not.toContain(ten.tenancyId);
  });
});
