import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Kit } from '../../../../test/support/participants.js';
import { purgeExpired } from './privacy.service.js';
import { verifyAudit } from '../audit/audit.service.js';

let t: TestApp;
let k: Kit;
beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

describe('access request (AVG art. 15)', () => {
  it('gives the privacy officer everything about one person, including who accessed it, and logs the export', async () => {
    const b = await buildParticipant(k, 'ready', { bsn: '111222333' });
    await call(t.app, k.s.careWorker, 'GET', `/api/v1/participants/${b.id}`);
    const res = await call(t.app, k.s.privacy, 'GET', `/api/v1/participants/${b.code}/data-export`);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.participant).toMatchObject({ code: b.code, bsn: '111222333' });
    expect(out.participant).not.toHaveProperty('region_id');
    expect(out.referrals).toHaveLength(1);
    expect(out.phaseHistory.map((e: { phase: string }) => e.phase)).toEqual(['referred', 'eligible', 'assessed', 'ready']);
    expect(out.careAssessments).toHaveLength(1);
    expect(out.accessLog.some((a: { role: string; action: string }) => a.role === 'care_worker' && a.action === 'participant.read')).toBe(true);
    const logged = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action = 'participant.data_export' AND participant_id = $1", [b.id]);
    expect(logged[0].n).toBe(1);
  });

  it('is refused to every other role', async () => {
    const b = await buildParticipant(k, 'referred');
    for (const key of ['office', 'careWorker', 'admin', 'assessor']) {
      expect((await call(t.app, k.s[key], 'GET', `/api/v1/participants/${b.id}/data-export`)).statusCode, key).toBe(403);
    }
  });
});

describe('retention purge', () => {
  it('removes personal data of records closed longer than the retention, keeps phases and the audit trail', async () => {
    const old = await buildParticipant(k, 'withdrawn', { bsn: '123456782', phone: '0612345678' });
    const recent = await buildParticipant(k, 'withdrawn');
    // The old record closed on 2021-01-05; pretend it is 2029 (more than 7 years later).
    await t.database.query("UPDATE participants SET phase_since = '2021-01-05' WHERE id = $1", [old.id]);
    await t.database.query("UPDATE participants SET phase_since = '2028-06-01' WHERE id = $1", [recent.id]);
    const dry = await purgeExpired(t.database, { dryRun: true, today: '2029-01-01' });
    expect(dry.participants.map((p) => p.code)).toContain(old.code);
    expect(dry.participants.map((p) => p.code)).not.toContain(recent.code);
    const [untouched] = await t.database.query<{ bsn: string | null }>('SELECT bsn FROM participants WHERE id = $1', [old.id]);
    expect(untouched.bsn).toBe('123456782');

    await purgeExpired(t.database, { dryRun: false, today: '2029-01-01' });
    const [p] = await t.database.query<{ given_name: string; bsn: string | null; phone: string | null; date_of_birth: string; purged_at: Date | null; phase: string }>(
      'SELECT given_name, bsn, phone, date_of_birth, purged_at, phase FROM participants WHERE id = $1',
      [old.id],
    );
    expect(p).toMatchObject({ given_name: '—', bsn: null, phone: null, date_of_birth: '1985-01-01', phase: 'withdrawn' });
    expect(p.purged_at).not.toBeNull();
    const events = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM participant_phase_events WHERE participant_id = $1', [old.id]);
    expect(events[0].n).toBe(2);
    const audit = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE participant_id = $1 AND action = 'participant.purged'", [old.id]);
    expect(audit[0].n).toBe(1);
    const [r] = await t.database.query<{ given_name: string }>('SELECT given_name FROM participants WHERE id = $1', [recent.id]);
    expect(r.given_name).not.toBe('—');
    expect((await verifyAudit(t.database)).broken).toEqual([]);
    // Purging again finds nothing new.
    expect((await purgeExpired(t.database, { dryRun: true, today: '2029-01-01' })).participants.map((x) => x.code)).not.toContain(old.code);
  });
});

describe('consent gates sharing', () => {
  it('refuses to share a record with another provider without consent for the programme, and allows it with', async () => {
    const without = await buildParticipant(k, 'referred', { consentGivenOn: null, consentScope: [] });
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/participants/${without.id}`)).json().abilities.consult).toBe(false);
    const refused = await call(t.app, k.s.office, 'POST', `/api/v1/participants/${without.id}/consultations`, { organisationId: k.r.orgs.providerB });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/toestemming/);
    const stillHidden = await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/participants/${without.id}`);
    expect(stillHidden.statusCode).toBe(404);
    const withConsent = await buildParticipant(k, 'referred');
    expect((await call(t.app, k.s.office, 'POST', `/api/v1/participants/${withConsent.id}/consultations`, { organisationId: k.r.orgs.providerB })).statusCode).toBe(201);
    expect((await call(t.app, k.s.careWorkerB, 'GET', `/api/v1/participants/${withConsent.id}`)).statusCode).toBe(200);
  });
});
