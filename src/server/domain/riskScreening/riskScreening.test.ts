import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, detail, kitFor, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const screen = (as: string, id: string, body: Record<string, unknown>) =>
  call(t.app, k.s[as], 'POST', `/api/v1/participants/${id}/risk-screenings`, { screenedOn: '2021-01-08', riskLevel: 'high', ...body });

describe('risk screening for domestic-violence cases', () => {
  it('forces the protected address and limits where the person may live', async () => {
    const p = await buildParticipant(k, 'referred', { targetGroup: 'domestic_violence', preferredMunicipalityIds: [k.r.municipalities.a, k.r.municipalities.b] });
    expect((await detail(k, p.id)).protectedAddress).toBe(false);
    const res = await screen('careWorker', p.id, { excludedMunicipalityIds: [k.r.municipalities.b], excludedAreas: ['Kanaleneiland'], notes: 'Dader woont in gemeente B.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ riskLevel: 'high', excludedMunicipalities: [{ id: k.r.municipalities.b }], excludedAreas: ['Kanaleneiland'], notes: 'Dader woont in gemeente B.' });
    const d = await detail(k, p.id, 'careWorker');
    expect(d).toMatchObject({ protectedAddress: true, protectedAddressForced: true, excludedAreas: ['Kanaleneiland'] });
    expect(d.preferredMunicipalities.map((m: { id: string }) => m.id)).toEqual([k.r.municipalities.a]);
    expect(d.excludedMunicipalities).toEqual([expect.objectContaining({ id: k.r.municipalities.b, byRiskScreening: true })]);
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toContain('risk_screening');
    // The office sees where the person may not live, not the screener's notes.
    const office = await detail(k, p.id, 'office');
    expect(office.riskScreenings[0].excludedMunicipalities).toHaveLength(1);
    expect(office.riskScreenings[0]).not.toHaveProperty('notes');
  });

  it('keeps its consequences: the address cannot be unprotected, the area cannot be wished back', async () => {
    const p = await buildParticipant(k, 'referred', { targetGroup: 'domestic_violence' });
    await screen('assessor', p.id, { excludedMunicipalityIds: [k.r.municipalities.b] });
    const v = (await detail(k, p.id, 'careWorker')).version;
    const unprotect = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${p.id}`, { version: v, protectedAddress: false });
    expect(unprotect.statusCode).toBe(409);
    const wish = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${p.id}`, { version: v, preferredMunicipalityIds: [k.r.municipalities.b] });
    expect(wish.statusCode).toBe(400);
    expect(wish.json().errors[0].message).toContain('risicotaxatie');
    const drop = await call(t.app, k.s.careWorker, 'PATCH', `/api/v1/participants/${p.id}`, { version: v, excludedMunicipalityIds: [] });
    expect(drop.statusCode).toBe(400);
    expect((await detail(k, p.id, 'careWorker')).protectedAddress).toBe(true);
  });

  it('belongs to domestic-violence cases only, and to those who work with the person', async () => {
    const single = await buildParticipant(k, 'referred');
    const res = await screen('careWorker', single.id, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('huiselijk geweld');
    const dv = await buildParticipant(k, 'referred', { targetGroup: 'domestic_violence' });
    for (const who of ['office', 'referrer']) expect((await screen(who, dv.id, {})).statusCode, who).toBe(403);
    expect((await screen('careWorkerB', dv.id, {})).statusCode).toBe(404);
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.careWorker, 'POST', `/api/v1/participants/${dv.id}/risk-screenings`, { screenedOn: '2021-01-08', riskLevel: 'low' })).statusCode).toBe(404);
    const unknown = await screen('careWorker', dv.id, { excludedMunicipalityIds: [other.r.municipalities.a] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('excludedMunicipalityIds');
    expect((await screen('careWorker', dv.id, { riskLevel: 'extreme' })).statusCode).toBe(400);
  });
});
