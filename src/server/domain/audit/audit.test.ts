import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, type BuiltRegion } from '../../../../test/support/builders.js';
import { kitFor, refer, type Kit } from '../../../../test/support/participants.js';
import { verifyAudit } from './audit.service.js';

let t: TestApp;
let r: BuiltRegion;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
  k = await kitFor(t, r);
});
afterAll(() => t.close());

const auditRows = (participantId: string) =>
  t.database.query<{ action: string; user_id: string; organisation_id: string; role: string; address: string; participant_ids: string[] | null; participant_id: string | null }>(
    'SELECT action, user_id, organisation_id, role, address, participant_id, participant_ids FROM audit_events WHERE region_id = $1 AND (participant_id = $2 OR $2 = ANY(participant_ids)) ORDER BY seq',
    [r.regionId, participantId],
  );

describe('NEN 7513 access log', () => {
  it('writes an audit row for every read and write of a participant, with who, role, organisation and address', async () => {
    const p = await refer(k);
    const before = (await auditRows(p.id)).length;
    expect(before).toBeGreaterThanOrEqual(1); // the referral itself
    const read = await call(t.app, k.s.careWorker, 'GET', `/api/v1/participants/${p.id}`);
    expect(read.statusCode).toBe(200);
    const after = await auditRows(p.id);
    expect(after).toHaveLength(before + 1);
    const last = after.at(-1)!;
    expect(last).toMatchObject({ action: 'participant.read', organisation_id: r.orgs.providerA, role: 'care_worker', participant_id: p.id });
    expect(last.address).toBeTruthy();
  });

  it('logs a list page once, naming every participant it showed', async () => {
    const a = await refer(k);
    const b = await refer(k);
    const list = await call(t.app, k.s.office, 'GET', '/api/v1/participants?limit=200');
    const shown = list.json().items.map((x: { id: string }) => x.id);
    expect(shown).toEqual(expect.arrayContaining([a.id, b.id]));
    const rows = await t.database.query<{ participant_ids: string[] }>(
      "SELECT participant_ids FROM audit_events WHERE region_id = $1 AND action = 'participant.list' ORDER BY seq DESC LIMIT 1",
      [r.regionId],
    );
    expect([...rows[0].participant_ids].sort()).toEqual([...shown].sort());
  });

  it('shows the privacy officer who looked at a participant and what a user looked at, also as CSV', async () => {
    const p = await refer(k);
    await call(t.app, k.s.careWorker, 'GET', `/api/v1/participants/${p.id}`);
    await call(t.app, k.s.office, 'GET', '/api/v1/participants?limit=200');
    const who = await call(t.app, k.s.privacy, 'GET', `/api/v1/audit-events?participantId=${p.id}`);
    expect(who.statusCode, who.body).toBe(200);
    const actions = who.json().items.map((e: { action: string; role: string }) => `${e.action}:${e.role}`);
    expect(actions).toEqual(expect.arrayContaining(['participant.read:care_worker', 'participant.list:programme_office', 'participant.create:referrer']));
    expect(who.json().items[0].participants.some((x: { code: string }) => x.code === p.code)).toBe(true);
    const me = (await call(t.app, k.s.careWorker, 'GET', '/api/v1/me')).json();
    const what = (await call(t.app, k.s.privacy, 'GET', `/api/v1/audit-events?userId=${me.id}`)).json().items;
    expect(what.every((e: { user: { id: string } }) => e.user.id === me.id)).toBe(true);
    const byCode = (await call(t.app, k.s.privacy, 'GET', `/api/v1/audit-events?participantCode=${p.code}`)).json().items;
    expect(byCode.map((e: { id: string }) => e.id)).toEqual(who.json().items.map((e: { id: string }) => e.id).slice(0, byCode.length));
    const csv = await call(t.app, k.s.privacy, 'GET', `/api/v1/audit-events/export?participantId=${p.id}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('tijdstip;gebruiker');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    // Reading the log is logged too.
    const reads = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND action = 'audit.read'", [r.regionId]);
    expect(reads[0].n).toBeGreaterThanOrEqual(3);
  });

  it('refuses the log to everyone but the privacy officer', async () => {
    for (const key of ['office', 'admin', 'careWorker', 'assessor', 'researcher']) {
      expect((await call(t.app, k.s[key], 'GET', '/api/v1/audit-events')).statusCode, key).toBe(403);
    }
  });

  it('keeps the chain verifiable after all this traffic', async () => {
    const result = await verifyAudit(t.database);
    expect(result.broken).toEqual([]);
    expect(result.rows).toBeGreaterThan(5);
  });
});
