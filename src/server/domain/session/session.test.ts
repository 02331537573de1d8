import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
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

describe('second factor, lock-out and sessions', () => {
  const codeFor = (secret: string, offsetSteps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

  it('sends a role that sees personal data to enrolment first, then requires the code at every login', async () => {
    const region = await buildRegion(t.database, { totpRequiredRoles: ['care_worker'] });
    const email = region.emails.careWorker;
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD } });
    expect(first.statusCode).toBe(200);
    expect(first.json().mfa).toEqual({ enabled: false, required: true, pending: true });
    const pending = { cookie: `eh_session=${first.cookies[0].value}`, csrf: first.json().csrfToken };
    // Until enrolled, only enrolment, /me and logout are open.
    expect((await call(t.app, pending, 'GET', '/api/v1/units')).json().code).toBe('mfa_required');
    const start = await call(t.app, pending, 'POST', '/api/v1/me/totp-enrolments');
    expect(start.statusCode).toBe(201);
    expect(start.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(start.json().qrSvg).toContain('<svg');
    const secret = start.json().secret as string;
    expect((await call(t.app, pending, 'POST', '/api/v1/me/totp-enrolments/confirmations', { code: '000000' })).statusCode).toBe(401);
    const confirm = await call(t.app, pending, 'POST', '/api/v1/me/totp-enrolments/confirmations', { code: codeFor(secret) });
    expect(confirm.statusCode).toBe(201);
    const recoveryCodes = confirm.json().recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    // The session was rotated: the old cookie is gone, the new one has full rights.
    expect((await call(t.app, pending, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const rotated = { cookie: `eh_session=${confirm.cookies[0].value}`, csrf: confirm.json().csrfToken };
    expect((await call(t.app, rotated, 'GET', '/api/v1/units')).statusCode).toBe(200);

    const noCode = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD } });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD, totp: '123456' === codeFor(secret) ? '654321' : '123456' } });
    expect(wrong.json().code).toBe('invalid_totp');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD, totp: codeFor(secret) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfa.pending).toBe(false);
    // A recovery code works once.
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] } });
    expect(rec.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] } });
    expect(again.statusCode).toBe(401);
  });

  it('locks an account after five wrong passwords, also for the right one, and logs every attempt', async () => {
    const region = await buildRegion(t.database);
    const email = region.emails.assessor;
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: `fout-${i}` }, remoteAddress: `10.9.0.${i}` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD }, remoteAddress: '10.9.1.1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    const attempts = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM login_attempts WHERE email = $1', [email]);
    expect(attempts[0].n).toBe(6);
    const audit = await t.database.query<{ action: string; result: string }>('SELECT action, result FROM audit_events WHERE region_id = $1 ORDER BY seq', [region.regionId]);
    expect(audit.filter((a) => a.result === 'refused')).toHaveLength(6);
    expect(audit.some((a) => a.action === 'account_locked')).toBe(true);
  });

  it('refuses an address after too many failures, whichever accounts it tries', async () => {
    const address = `10.8.${Math.floor(Math.random() * 250)}.7`;
    for (let i = 0; i < 20; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: `gok${i}@test.example`, password: 'x' }, remoteAddress: address });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: r.emails.office, password: TEST_PASSWORD }, remoteAddress: address });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
  });

  it('lists my active sessions and logs out everywhere', async () => {
    const a = await loginAs(t.app, r.emails.municipality, TEST_PASSWORD);
    const b = await loginAs(t.app, r.emails.municipality, TEST_PASSWORD);
    const list = (await call(t.app, a, 'GET', '/api/v1/sessions')).json().items as { id: string; current: boolean }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await call(t.app, a, 'DELETE', `/api/v1/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await call(t.app, a, 'DELETE', '/api/v1/sessions')).statusCode).toBe(204);
    expect((await call(t.app, a, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await call(t.app, b, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a session after its absolute lifetime even when in use', async () => {
    const s = await loginAs(t.app, r.emails.admin, TEST_PASSWORD);
    await t.database.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)", [r.emails.admin]);
    expect((await call(t.app, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });
});
