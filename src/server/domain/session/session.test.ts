import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';

let t: TestApp;
let r: BuiltRegion;
beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
});
afterAll(() => t.close());

describe('session', () => {
  it('logs in with e-mail and password, sets an httpOnly cookie and answers who I am', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: r.emails.careWorker.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'eh_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `eh_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ email: r.emails.careWorker, roles: ['care_worker'], organisation: { id: r.orgs.providerA, kind: 'care_provider' } });
    expect(me.json()).not.toHaveProperty('passwordHash');
    expect(me.json().abilities).toEqual({ manageUnits: false, manageLocations: false, managePledges: false });
  });

  it('answers a wrong password and an unknown e-mail alike, with 401', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: r.emails.office, password: 'fout' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'niemand@test.example', password: 'fout' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a malformed login with 400 naming the fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'geen-adres', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: s.cookie },
      payload: { programmeId: r.programmeId, municipalityId: r.municipalities.a, label: 'x', form: 'flex', effectiveDate: '2021-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const n = (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM units WHERE region_id = $1', [r.regionId]))[0].n;
    expect(n).toBe(0);
  });

  it('ends the session at logout: the cookie no longer works', async () => {
    const s = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
    expect((await call(t.app, s, 'DELETE', '/api/v1/session')).statusCode).toBe(204);
    expect((await call(t.app, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const s = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
    await t.database.query("UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE user_id = (SELECT id FROM users WHERE email = $1)", [r.emails.office]);
    expect((await call(t.app, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a deactivated user', async () => {
    const s = await loginAs(t.app, r.emails.referrer, TEST_PASSWORD);
    await t.database.query('UPDATE users SET active = false WHERE email = $1', [r.emails.referrer]);
    expect((await call(t.app, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: r.emails.referrer, password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(401);
  });
});
