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

describe('referral drafts ("save as draft")', () => {
  it('are saved, listed, updated with their version and deleted — by their author only', async () => {
    const created = await call(t.app, k.s.referrer, 'POST', '/api/v1/referral-drafts', { data: { givenName: 'Half', referral: { motivation: 'nog' } } });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({ version: 1, data: { givenName: 'Half' } });
    expect((await call(t.app, k.s.referrer, 'GET', '/api/v1/referral-drafts')).json().items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    const updated = await call(t.app, k.s.referrer, 'PUT', `/api/v1/referral-drafts/${d.id}`, { version: 1, data: { givenName: 'Heel' } });
    expect(updated.json()).toMatchObject({ version: 2, data: { givenName: 'Heel' } });
    expect((await call(t.app, k.s.referrer, 'PUT', `/api/v1/referral-drafts/${d.id}`, { version: 1, data: {} })).json().code).toBe('version_conflict');
    // A colleague of another organisation, or another region, does not see it.
    expect((await call(t.app, k.s.careWorker, 'GET', `/api/v1/referral-drafts/${d.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.careWorker, 'GET', '/api/v1/referral-drafts')).json().items).toHaveLength(0);
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.referrer, 'DELETE', `/api/v1/referral-drafts/${d.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.referrer, 'DELETE', `/api/v1/referral-drafts/${d.id}`)).statusCode).toBe(204);
    expect((await call(t.app, k.s.referrer, 'GET', `/api/v1/referral-drafts/${d.id}`)).statusCode).toBe(404);
  });

  it('refuse an oversized draft and roles that do not refer', async () => {
    const big = await call(t.app, k.s.referrer, 'POST', '/api/v1/referral-drafts', { data: { notes: 'x'.repeat(70_000) } });
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].message).toContain('64 kB');
    expect((await call(t.app, k.s.assessor, 'POST', '/api/v1/referral-drafts', { data: {} })).statusCode).toBe(403);
    expect((await call(t.app, null, 'GET', '/api/v1/referral-drafts')).statusCode).toBe(401);
  });
});
