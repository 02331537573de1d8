import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';

let t: TestApp;
let r: BuiltRegion;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ demoMode: true });
  r = await buildRegion(t.database);
  admin = await loginAs(t.app, r.emails.admin, TEST_PASSWORD);
});
afterAll(() => t.close());

/** Makes an administrator at corporation A (the builders give administrators to the office only). */
async function corporationAdmin(): Promise<Session> {
  const email = `admin.corp.${Math.random().toString(36).slice(2)}@test.example`;
  const inv = await call(t.app, admin, 'POST', '/api/v1/invitations', { email, name: 'Corp Admin', roles: ['administrator'], organisationId: r.orgs.corporationA });
  expect(inv.statusCode, inv.body).toBe(201);
  const token = await latestToken(email);
  expect((await call(t.app, null, 'POST', `/api/v1/invitations/${token}/acceptances`, { password: 'een-lang-wachtwoord' })).statusCode).toBe(201);
  return loginAs(t.app, email, 'een-lang-wachtwoord');
}

async function latestToken(email: string): Promise<string> {
  const mail = (await call(t.app, admin, 'GET', '/api/v1/outbox-messages')).json().items.find((m: { to: string }) => m.to === email);
  return /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail.body)![1];
}

describe('user administration', () => {
  it('invites by one-time link through the outbox; the invitee chooses a password and logs in', async () => {
    const email = 'nieuwe.collega@test.example';
    const res = await call(t.app, admin, 'POST', '/api/v1/invitations', { email, name: 'Nieuwe Collega', roles: ['care_worker'], organisationId: r.orgs.providerA });
    expect(res.statusCode, res.body).toBe(201);
    const token = await latestToken(email);
    expect((await call(t.app, null, 'POST', `/api/v1/invitations/${token}/acceptances`, { password: 'kort' })).statusCode).toBe(400);
    expect((await call(t.app, null, 'POST', `/api/v1/invitations/${token}/acceptances`, { password: 'een-lang-wachtwoord' })).statusCode).toBe(201);
    // Used once: the link no longer works.
    expect((await call(t.app, null, 'POST', `/api/v1/invitations/${token}/acceptances`, { password: 'een-lang-wachtwoord' })).statusCode).toBe(404);
    const s = await loginAs(t.app, email, 'een-lang-wachtwoord');
    expect((await call(t.app, s, 'GET', '/api/v1/me')).json()).toMatchObject({ roles: ['care_worker'], organisation: { id: r.orgs.providerA } });
  });

  it('refuses roles that do not fit the organisation, and an address that already has an account', async () => {
    const wrong = await call(t.app, admin, 'POST', '/api/v1/invitations', { email: 'x1@test.example', name: 'X', roles: ['assessor'], organisationId: r.orgs.corporationA });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('roles');
    const taken = await call(t.app, admin, 'POST', '/api/v1/invitations', { email: r.emails.office, name: 'X', roles: ['programme_office'] });
    expect(taken.statusCode).toBe(409);
  });

  it('lets nobody change their own roles', async () => {
    const me = (await call(t.app, admin, 'GET', '/api/v1/me')).json();
    const users = (await call(t.app, admin, 'GET', '/api/v1/users?limit=200')).json().items;
    const self = users.find((u: { id: string }) => u.id === me.id);
    const res = await call(t.app, admin, 'PATCH', `/api/v1/users/${me.id}`, { version: self.version, roles: ['administrator', 'programme_office'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/eigen/);
  });

  it('ends the sessions of a user whose roles change or who is deactivated', async () => {
    const office = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
    const users = (await call(t.app, admin, 'GET', '/api/v1/users?limit=200')).json().items;
    const target = users.find((u: { email: string }) => u.email === r.emails.office);
    const res = await call(t.app, admin, 'PATCH', `/api/v1/users/${target.id}`, { version: target.version, roles: ['programme_office', 'administrator'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['programme_office', 'administrator']);
    expect((await call(t.app, office, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const stale = await call(t.app, admin, 'PATCH', `/api/v1/users/${target.id}`, { version: target.version, active: false });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps an organisation administrator to their own organisation', async () => {
    const corpAdmin = await corporationAdmin();
    const list = (await call(t.app, corpAdmin, 'GET', '/api/v1/users?limit=200')).json().items as { organisationId: string; id: string; email: string }[];
    expect(list.every((u) => u.organisationId === r.orgs.corporationA)).toBe(true);
    const all = (await call(t.app, admin, 'GET', '/api/v1/users?limit=200')).json().items as { organisationId: string; id: string; email: string; version: number }[];
    const outsider = all.find((u) => u.email === r.emails.careWorker)!;
    expect((await call(t.app, corpAdmin, 'PATCH', `/api/v1/users/${outsider.id}`, { version: outsider.version, active: false })).statusCode).toBe(404);
    const foreign = await call(t.app, corpAdmin, 'POST', '/api/v1/invitations', { email: 'y@test.example', name: 'Y', roles: ['care_worker'], organisationId: r.orgs.providerA });
    expect(foreign.statusCode).toBe(404);
  });

  it('lets the programme office add and rename organisations, audited', async () => {
    const office = await loginAs(t.app, r.emails.office, TEST_PASSWORD);
    const created = await call(t.app, office, 'POST', '/api/v1/organisations', { name: 'Nieuwe Zorgaanbieder', kind: 'care_provider' });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await call(t.app, office, 'POST', '/api/v1/organisations', { name: 'nieuwe zorgaanbieder', kind: 'care_provider' });
    expect(dup.statusCode).toBe(409);
    const renamed = await call(t.app, office, 'PATCH', `/api/v1/organisations/${created.json().id}`, { name: 'Hernoemde Zorgaanbieder' });
    expect(renamed.json().name).toBe('Hernoemde Zorgaanbieder');
    const audit = await t.database.query<{ action: string }>("SELECT action FROM audit_events WHERE region_id = $1 AND resource_type = 'organisation' ORDER BY seq", [r.regionId]);
    expect(audit.map((a) => a.action)).toEqual(['organisation_created', 'organisation_changed']);
  });
});

describe('invitations', () => {
  it('refuses a second open invitation for the same address', async () => {
    const email = `twee.keer.${Math.random().toString(36).slice(2)}@test.example`;
    const first = await call(t.app, admin, 'POST', '/api/v1/invitations', { email, name: 'Twee', roles: ['programme_office'] });
    expect(first.statusCode).toBe(201);
    const second = await call(t.app, admin, 'POST', '/api/v1/invitations', { email: email.toUpperCase(), name: 'Twee', roles: ['programme_office'] });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors[0].path).toBe('email');
  });
});
