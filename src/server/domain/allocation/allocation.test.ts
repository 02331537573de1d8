import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { accept, availableUnits, offer, offerAsOffice, readyCandidate } from '../../../../test/support/offers.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);
const exportCsv = async (as = 'allocation') => {
  const res = await call(t.app, k.s[as], 'GET', '/api/v1/allocation-steps/export');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  return res.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
};
const importCsv = (csv: string, as = 'allocation') => call(t.app, k.s[as], 'POST', '/api/v1/allocation-steps/imports', { csv });

describe('the allocation office’s steps as CSV', () => {
  it('exports every recorded step and an open row per running offer; an import of filled-in rows applies them, twice is harmless', async () => {
    const { unitIds } = await availableUnits(k, 2, { mode: 'scattered' });
    const p1 = await readyCandidate(k);
    const p2 = await readyCandidate(k);
    const o1 = await offer(k, unitIds[0], p1.id);
    const o2 = await offer(k, unitIds[1], p2.id);
    await accept(k, 'allocation', o1.id, 'receipt');
    // A project offer does not go through the allocation office.
    const project = await offer(k, (await availableUnits(k, 1)).unitIds[0], (await readyCandidate(k)).id);

    const rows = await exportCsv();
    expect(rows[0]).toEqual(['aanbod', 'woning', 'kandidaat', 'stap', 'gebeurtenis', 'datum', 'partij', 'reden', 'toelichting', 'bron']);
    const mine = rows.slice(1).filter((r) => r[0] === o1.id);
    expect(mine.map((r) => `${r[3]}:${r[4]}`)).toEqual(['receipt:created', 'receipt:accepted', 'offer_to_candidate:']);
    expect(mine[0][2]).toBe(p1.code);
    expect(rows.some((r) => r[0] === project.id)).toBe(false);

    // Het Vierde Huis fills in what happened: o1 offered and viewed, o2 received and then declined by the candidate.
    const csv = [
      rows[0].join(';'),
      ...rows.slice(1).filter((r) => r[0] === o1.id && r[4]).map((r) => r.join(';')),
      [o1.id, '', '', 'offer_to_candidate', 'accepted', today().split('-').reverse().join('-'), '', '', 'Telefonisch aangeboden', ''].join(';'),
      [o1.id, '', '', 'viewing', 'accepted', today(), '', '', '', ''].join(';'),
      [o2.id, '', '', 'receipt', 'accepted', today(), '', '', '', ''].join(';'),
      [o2.id, '', '', 'offer_to_candidate', 'declined', today(), 'client', 'refused_unit', '', ''].join(';'),
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applied: 4, skipped: 1 });
    expect(await offerAsOffice(k, o1.id)).toMatchObject({ step: 'candidate_decision', status: 'open' });
    expect(await offerAsOffice(k, o2.id)).toMatchObject({ status: 'decline_review', decline: { party: 'client', reason: 'refused_unit' } });
    const history = (await offerAsOffice(k, o1.id)).history as { source: string; note: string | null }[];
    expect(history.filter((e) => e.source === 'csv')).toHaveLength(2);
    expect(history.find((e) => e.note === 'Telefonisch aangeboden')).toBeDefined();
    const twice = await importCsv(csv);
    expect(twice.json()).toMatchObject({ applied: 0, skipped: 5 });
    // The office can read the export too.
    expect((await exportCsv('office')).length).toBeGreaterThan(1);
  });

  it('refuses a file with bad rows naming line and column, and applies nothing when the workflow refuses a row', async () => {
    const { unitIds } = await availableUnits(k, 1, { mode: 'scattered' });
    const o = await offer(k, unitIds[0], (await readyCandidate(k)).id);
    const header = 'aanbod;stap;gebeurtenis;datum;partij;reden';
    const bad = await importCsv([header, `niet-een-id;receipt;accepted;${today()};;`, `${o.id};receipt;declined;${today()};client;`, `${o.id};receipt;accepted;2999-01-01;;`].join('\n'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['rows.2.aanbod', 'rows.3.reden', 'rows.4.datum']);
    // Row 2 is a step the offer is not at: the whole import is refused, row 1 is not applied either.
    const refused = await importCsv([header, `${o.id};receipt;accepted;${today()};;`, `${o.id};viewing;accepted;${today()};;`].join('\n'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^Regel 3:/);
    expect((await offerAsOffice(k, o.id)).step).toBe('receipt');
    expect((await importCsv('aanbod;stap\n1;2')).statusCode).toBe(400);
    expect((await importCsv([header].join('\n'), 'office')).statusCode).toBe(403);
  });
});
