import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const propose = async (as = 'referrer') => {
  const res = await call(t.app, k.s[as], 'POST', '/api/v1/bottlenecks', {
    programmeId: k.r.programmeId,
    title: 'Wachttijd indicatie Regionale Toegang',
    description: 'De beoordeling duurt zes weken; de woning staat al die tijd leeg.',
    area: 'assessment',
    ownerOrganisationId: k.r.orgs.access,
    ownerName: 'Teamleider beoordelingen',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const patch = (id: string, body: Record<string, unknown>, as = 'office') => call(t.app, k.s[as], 'PATCH', `/api/v1/bottlenecks/${id}`, body);

describe('bottleneck register', () => {
  it('any professional proposes; the office hears of it; only the office edits', async () => {
    const b = await propose();
    expect(b).toMatchObject({ status: 'open', version: 1, owner: { organisation: { id: k.r.orgs.access }, name: 'Teamleider beoordelingen' }, abilities: { edit: false } });
    expect(b.history).toMatchObject([{ kind: 'proposed', statusBefore: null, statusAfter: 'open' }]);
    const [n] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE region_id = $1 AND kind = 'bottleneck_proposed'`, [k.r.regionId]);
    expect(n.n).toBeGreaterThan(0);
    expect((await patch(b.id, { version: 1, status: 'in_progress' }, 'referrer')).statusCode).toBe(403);
    expect((await call(t.app, k.s.privacy, 'GET', '/api/v1/bottlenecks')).statusCode).toBe(403);
    for (const who of ['researcher', 'municipality', 'corporation', 'careWorker']) {
      expect((await call(t.app, k.s[who], 'GET', `/api/v1/bottlenecks/${b.id}`)).statusCode).toBe(200);
    }
  });

  it('solved needs a solution and a date; transitions follow the life cycle; history records every change', async () => {
    const b = await propose('careWorker');
    const missing = await patch(b.id, { version: 1, status: 'solved' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['solution', 'solvedOn']);
    // A date solved without being solved is refused too.
    expect((await patch(b.id, { version: 1, solvedOn: '2021-05-01' })).statusCode).toBe(400);

    const started = await patch(b.id, { version: 1, status: 'in_progress', note: 'Overleg met de Regionale Toegang gepland.' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2, allowedStatuses: ['open', 'solved', 'wont_fix'] });
    // Stale version.
    expect((await patch(b.id, { version: 1, status: 'open' })).statusCode).toBe(409);

    const today = new Date().toISOString().slice(0, 10);
    expect((await patch(b.id, { version: 2, status: 'solved', solution: 'Snelle route', solvedOn: '2999-01-01' })).statusCode).toBe(400);
    const solved = await patch(b.id, { version: 2, status: 'solved', solution: 'Snelle route: beoordeling binnen tien werkdagen.', solvedOn: today });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(solved.json()).toMatchObject({ status: 'solved', solvedOn: today, version: 3, allowedStatuses: ['open'] });

    const jump = await patch(b.id, { version: 3, status: 'wont_fix' });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('invalid_transition');

    const reopened = await patch(b.id, { version: 3, status: 'open', note: 'Wachttijd weer opgelopen.' });
    expect(reopened.json()).toMatchObject({ status: 'open', solvedOn: null, solution: 'Snelle route: beoordeling binnen tien werkdagen.', version: 4 });
    const wont = await patch(b.id, { version: 4, status: 'wont_fix', solution: null });
    expect(wont.statusCode).toBe(400);

    const detail = (await call(t.app, k.s.municipality, 'GET', `/api/v1/bottlenecks/${b.id}`)).json();
    expect(detail.history.map((e: { kind: string; statusAfter: string }) => `${e.kind}:${e.statusAfter}`)).toEqual([
      'proposed:open', 'status_changed:in_progress', 'status_changed:solved', 'status_changed:open',
    ]);
    expect(detail.history[2].changes).toMatchObject({ status: { from: 'in_progress', to: 'solved' }, solvedOn: { from: null, to: today } });
    expect(detail.history[3].note).toBe('Wachttijd weer opgelopen.');
  });

  it('edits owner and description without a status change as an edit event; lists by status', async () => {
    const b = await propose();
    const edited = await patch(b.id, { version: 1, ownerOrganisationId: null, ownerName: 'Programmabureau', area: 'regulation' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().history.at(-1)).toMatchObject({ kind: 'edited', statusAfter: 'open', changes: { area: { from: 'assessment', to: 'regulation' } } });
    const other = await buildRegion(t.database);
    expect((await patch(b.id, { version: 2, ownerOrganisationId: other.orgs.office })).statusCode).toBe(400);
    const open = (await call(t.app, k.s.office, 'GET', '/api/v1/bottlenecks?status=open')).json().items as { status: string }[];
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((x) => x.status === 'open')).toBe(true);
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/bottlenecks/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});
