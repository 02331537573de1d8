import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Built, type Kit } from '../../../../test/support/participants.js';

let t: TestApp;
let k: Kit;
let participant: Built;
let locationA: string;
let locationB: string;

const body = (over: Record<string, unknown>) => ({
  theme: 'guidance',
  factor: 'success',
  tags: ['Vaste begeleider', 'vertrouwen'],
  text: 'Vaste begeleider vanaf dag één; de deelnemer kent één gezicht.',
  observedOn: '2021-03-01',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
  participant = await buildParticipant(k, 'housed');
  locationA = await buildLocation(t.database, k.r, { corporation: k.r.orgs.corporationA });
  locationB = await buildLocation(t.database, k.r, { corporation: k.r.orgs.corporationB });
}, 120_000);
afterAll(() => t.close());

describe('observations', () => {
  it('records an observation on a participant as participant data, seen only by those who see the participant', async () => {
    const res = await call(t.app, k.s.careWorker, 'POST', '/api/v1/observations', body({ participantId: participant.id }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ participant: { id: participant.id, code: participant.code }, tags: ['vaste begeleider', 'vertrouwen'], location: null });
    const [audit] = await t.database.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE region_id = $1 AND participant_id = $2 ORDER BY seq DESC LIMIT 1`,
      [k.r.regionId, participant.id],
    );
    expect(audit.action).toBe('participant.create');

    const seen = async (who: string) => (await call(t.app, k.s[who], 'GET', '/api/v1/observations')).json().items.map((o: { id: string }) => o.id);
    expect(await seen('office')).toContain(res.json().id);
    expect(await seen('careWorker')).toContain(res.json().id);
    // Provider B is not involved with the participant; a corporation never sees participant observations.
    expect(await seen('careWorkerB')).not.toContain(res.json().id);
    expect(await seen('corporation')).not.toContain(res.json().id);
    const list = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND action = 'participant.list' AND $2 = ANY (coalesce(participant_ids, ARRAY[participant_id]))`,
      [k.r.regionId, participant.id],
    );
    expect(list[0].n).toBeGreaterThan(0);
  });

  it('a participant the caller does not see is unknown; a corporation records only on its own locations', async () => {
    expect((await call(t.app, k.s.careWorkerB, 'POST', '/api/v1/observations', body({ participantId: participant.id }))).statusCode).toBe(400);
    expect((await call(t.app, k.s.corporation, 'POST', '/api/v1/observations', body({ participantId: participant.id }))).statusCode).toBe(403);
    expect((await call(t.app, k.s.corporation, 'POST', '/api/v1/observations', body({ locationId: locationB, theme: 'neighbourhood' }))).statusCode).toBe(400);
    const own = await call(t.app, k.s.corporation, 'POST', '/api/v1/observations', body({ locationId: locationA, theme: 'neighbourhood', factor: 'failure', tags: ['buren niet geïnformeerd'], text: 'Buren niet geïnformeerd voor de oplevering.' }));
    expect(own.statusCode, own.body).toBe(201);
    expect((await call(t.app, k.s.corporationB, 'GET', '/api/v1/observations')).json().items).toHaveLength(0);
    expect((await call(t.app, k.s.careWorkerB, 'GET', '/api/v1/observations')).json().items.map((o: { id: string }) => o.id)).toContain(own.json().id);
    // Both a participant and a location, or neither: refused.
    expect((await call(t.app, k.s.office, 'POST', '/api/v1/observations', body({ participantId: participant.id, locationId: locationA }))).statusCode).toBe(400);
    expect((await call(t.app, k.s.office, 'POST', '/api/v1/observations', body({}))).statusCode).toBe(400);
    expect((await call(t.app, k.s.office, 'POST', '/api/v1/observations', body({ locationId: locationA, observedOn: '2999-01-01' }))).statusCode).toBe(400);
    expect((await call(t.app, k.s.referrer, 'GET', '/api/v1/observations')).statusCode).toBe(403);
  });

  it('filters by theme, factor, tag, participant and location', async () => {
    const get = async (q: string) => (await call(t.app, k.s.office, 'GET', `/api/v1/observations?${q}`)).json().items as { theme: string; factor: string; tags: string[] }[];
    expect((await get('theme=neighbourhood')).every((o) => o.theme === 'neighbourhood')).toBe(true);
    expect(await get('factor=failure')).toHaveLength(1);
    expect(await get('tag=vertrouwen')).toHaveLength(1);
    expect(await get(`participantId=${participant.id}`)).toHaveLength(1);
    expect(await get(`locationId=${locationA}`)).toHaveLength(1);
    const page = (await call(t.app, k.s.office, 'GET', '/api/v1/observations?limit=1')).json();
    expect(page.items).toHaveLength(1);
    const next = (await call(t.app, k.s.office, 'GET', `/api/v1/observations?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });
});
