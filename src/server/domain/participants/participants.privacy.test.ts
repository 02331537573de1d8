import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;
beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

describe('protected address', () => {
  it('hides where a housed person lives from everyone but the guiding provider', async () => {
    const b = await buildParticipant(k, 'housed', { protectedAddress: true });
    const guiding = (await call(t.app, k.s.careWorker, 'GET', `/api/v1/participants/${b.id}`)).json();
    expect(guiding.placement).toMatchObject({ unitId: b.unitId, addressHidden: false });
    for (const key of ['office', 'referrer', 'assessor']) {
      const d = (await call(t.app, k.s[key], 'GET', `/api/v1/participants/${b.id}`)).json();
      expect(d.placement, key).toMatchObject({ unitId: null, unit: null, location: null, addressHidden: true });
      expect(d.phaseHistory.every((h: { unitId: string | null }) => h.unitId === null), key).toBe(true);
    }
  });

  it('shows the placement of a person without a protected address to those who see them', async () => {
    const b = await buildParticipant(k, 'housed');
    const office = (await call(t.app, k.s.office, 'GET', `/api/v1/participants/${b.id}`)).json();
    expect(office.placement).toMatchObject({ unitId: b.unitId, addressHidden: false });
  });
});
