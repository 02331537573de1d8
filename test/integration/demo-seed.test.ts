import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type TestApp } from '../support/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed/demo.js';

// The demo region is seeded once per database; on PostgreSQL the run shares one database, so only
// this file seeds it (the accounts' e-mail addresses are unique platform-wide).
let t: TestApp;
let programmeId: string;
beforeAll(async () => {
  t = await createTestApp({ demoMode: true });
  await seedDemo(t.database);
  const list = (await call(t.app, null, 'GET', '/api/v1/programmes?limit=200')).json().items as { id: string; name: string }[];
  programmeId = list.find((p) => p.name === 'Living Lab Eerst een Thuis')!.id;
});
afterAll(() => t.close());

describe('the demo region', () => {
  it('reads the published counter on 15 January 2021: 132 realised, 45 pipeline, 177 ambition, 200 target', async () => {
    const c = (await call(t.app, null, 'GET', `/api/v1/programmes/${programmeId}/counter?date=2021-01-15`)).json();
    expect(c).toMatchObject({ realised: 132, pipeline: 45, ambition: 177, target: 200 });
  });

  it('holds the first tranche of 114 homes of De Tussenvoorziening, with 20 scattered places unused in 2021', async () => {
    const s = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const tranches = (await call(t.app, s, 'GET', `/api/v1/programmes/${programmeId}/tranches`)).json().items;
    expect(tranches[0]).toMatchObject({ number: 1, capacity: 114, provider: 'De Tussenvoorziening' });
    const c = (await call(t.app, null, 'GET', `/api/v1/programmes/${programmeId}/counter?date=2021-12-31`)).json();
    const first = c.byTranche.find((x: { trancheId: string }) => x.trancheId === tranches[0].id);
    expect(first).toMatchObject({ realised: 94, pipeline: 20 });
  });

  it('holds Nijevelt (33 apartments, Leger des Heils with GroenWest) and the July 2021 pledges', async () => {
    const s = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const locations = (await call(t.app, s, 'GET', '/api/v1/locations?q=Nijevelt')).json().items;
    expect(locations[0]).toMatchObject({ unitCount: 33, corporation: 'GroenWest', provider: 'Leger des Heils', form: 'mixed' });
    const pledges = (await call(t.app, s, 'GET', `/api/v1/programmes/${programmeId}/pledges`)).json().items as { pledgedOn: string; places: number; partners: { name: string }[]; targetGroup: string }[];
    const july = pledges.filter((p) => p.pledgedOn === '2021-07-20');
    const portaal = july.filter((p) => p.partners.some((x) => x.name === 'Portaal'));
    const moviera = july.filter((p) => p.partners.some((x) => x.name === 'Moviera'));
    expect(portaal.reduce((n, p) => n + p.places, 0)).toBe(19);
    expect(moviera.reduce((n, p) => n + p.places, 0)).toBe(15);
    expect(moviera.every((p) => p.targetGroup === 'domestic_violence')).toBe(true);
  });

  it('has an account for every role, all with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const s = await loginAs(t.app, a.email, DEMO_PASSWORD);
      expect((await call(t.app, s, 'GET', '/api/v1/me')).json().roles).toEqual(a.roles);
    }
  });

  it('is written once: a second seed changes nothing', async () => {
    expect(await seedDemo(t.database)).toEqual({ units: 0, users: 0 });
  });
});
