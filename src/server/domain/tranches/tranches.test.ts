import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildLocation, buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Kit } from '../../../../test/support/participants.js';
import type { UnitStatus } from '../../../shared/enums.js';
import { runDueWork } from '../dueWork/dueWork.service.js';

let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
});

async function newKit(): Promise<Kit> {
  return kitFor(t, await buildRegion(t.database));
}

/** A home of a tranche with its status history, inserted directly. */
async function unit(k: Kit, trancheId: string, steps: [string, UnitStatus][], label = 'Woning'): Promise<string> {
  const id = crypto.randomUUID();
  const last = steps.at(-1)!;
  await t.database.query(
    `INSERT INTO units (region_id, id, programme_id, tranche_id, municipality_id, label, form, status, status_since)
     VALUES ($1, $2, $3, $4, $5, $6, 'existing_stock', $7, $8)`,
    [k.r.regionId, id, k.r.programmeId, trancheId, k.r.municipalities.a, `${label} ${id.slice(0, 6)}`, last[1], last[0]],
  );
  for (const [date, status] of steps) {
    await t.database.query(
      'INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date) VALUES ($1, $2, $3, $4, $5)',
      [k.r.regionId, crypto.randomUUID(), id, status, date],
    );
  }
  return id;
}

const USED: [string, UnitStatus][] = [['2021-01-01', 'pledged'], ['2021-02-01', 'available'], ['2021-03-01', 'allocated'], ['2021-03-15', 'occupied']];

/**
 * The first tranche (capacity 10, provider A): 3 homes used, 1 used and vacated in 2022, 2
 * available and 1 pledged never used, 1 withdrawn, 1 allocated only after the cutoff. Used 4 →
 * 6 places move, with the 4 unused homes (2 places without a home).
 */
async function scenario(k: Kit) {
  const first = k.r.tranches.first;
  const used = [await unit(k, first, USED), await unit(k, first, USED), await unit(k, first, USED)];
  used.push(await unit(k, first, [...USED, ['2022-02-01', 'available']]));
  const unused = [
    await unit(k, first, [['2021-01-01', 'pledged'], ['2021-05-01', 'available']]),
    await unit(k, first, [['2021-01-01', 'pledged'], ['2021-05-01', 'available']]),
    await unit(k, first, [['2021-01-01', 'pledged']]),
    await unit(k, first, [['2021-01-01', 'pledged'], ['2021-05-01', 'available'], ['2022-01-15', 'allocated']]),
  ];
  const withdrawn = await unit(k, first, [['2021-01-01', 'pledged'], ['2021-06-01', 'withdrawn']]);
  return { used, unused, withdrawn };
}

/** Everything a rollover may change, to compare before and after. */
async function snapshot(k: Kit) {
  const q = (s: string) => t.database.query(s, [k.r.regionId]);
  return {
    units: await q('SELECT id, tranche_id, version FROM units WHERE region_id = $1 ORDER BY id'),
    tranches: await q('SELECT id, capacity, deadline::text FROM tranches WHERE region_id = $1 ORDER BY id'),
    capacity: await q('SELECT tranche_id, delta FROM tranche_capacity_events WHERE region_id = $1 ORDER BY tranche_id'),
    rollovers: await q('SELECT id FROM tranche_rollovers WHERE region_id = $1'),
    notifications: await q('SELECT count(*)::int AS n FROM notifications WHERE region_id = $1'),
  };
}

const preview = (k: Kit, as = 'office', cutoff = '2021-12-31') =>
  call(t.app, k.s[as], 'GET', `/api/v1/tranches/${k.r.tranches.first}/rollover-preview?cutoffDate=${cutoff}`);
const confirm = (k: Kit, previewHash: string, as = 'office', cutoffDate = '2021-12-31') =>
  call(t.app, k.s[as], 'POST', `/api/v1/tranches/${k.r.tranches.first}/rollovers`, { cutoffDate, previewHash });

describe('year-end rollover', () => {
  it('previews which places move and which provider loses them, and changes nothing', async () => {
    const k = await newKit();
    const s = await scenario(k);
    const before = await snapshot(k);
    const a = await preview(k);
    expect(a.statusCode, a.body).toBe(200);
    const b = await preview(k, 'careManager');
    expect(b.statusCode, b.body).toBe(200);
    expect(await snapshot(k)).toEqual(before);
    const p = a.json();
    expect(b.json().previewHash).toBe(p.previewHash);
    expect(p.toTranche.id).toBe(k.r.tranches.second);
    expect(p.losingProvider.id).toBe(k.r.orgs.providerA);
    expect(p).toMatchObject({ capacityAtCutoff: 10, usedCount: 4, places: 6, unitCount: 4, unassignedPlaces: 2, effectiveDate: '2022-01-01' });
    expect(p.fromCapacity).toEqual({ before: 10, after: 4 });
    expect(p.toCapacity).toEqual({ before: 10, after: 16 });
    expect(p.units.map((u: { id: string }) => u.id).sort()).toEqual([...s.unused].sort());
    expect(p.appliedRolloverId).toBeNull();
  });

  it('applies exactly what the preview showed, once, audited and notified', async () => {
    const k = await newKit();
    await scenario(k);
    const p = (await preview(k)).json();
    const res = await confirm(k, p.previewHash);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.places).toBe(6);
    expect([...r.unitIds].sort()).toEqual(p.units.map((u: { id: string }) => u.id).sort());
    const moved = await t.database.query<{ id: string }>('SELECT id FROM units WHERE region_id = $1 AND tranche_id = $2 ORDER BY id', [k.r.regionId, k.r.tranches.second]);
    expect(moved.map((u) => u.id)).toEqual([...r.unitIds].sort());
    const cap = await t.database.query<{ tranche_id: string; delta: number; effective_date: string; rollover_id: string }>(
      'SELECT tranche_id, delta, effective_date::text, rollover_id FROM tranche_capacity_events WHERE region_id = $1 ORDER BY delta',
      [k.r.regionId],
    );
    expect(cap).toEqual([
      { tranche_id: k.r.tranches.first, delta: -6, effective_date: '2022-01-01', rollover_id: r.id },
      { tranche_id: k.r.tranches.second, delta: 6, effective_date: '2022-01-01', rollover_id: r.id },
    ]);
    const [row] = await t.database.query<{ preview: { previewHash: string; places: number } }>('SELECT preview FROM tranche_rollovers WHERE id = $1', [r.id]);
    expect(row.preview.previewHash).toBe(p.previewHash);
    expect(row.preview.places).toBe(6);
    const [audit] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND action = 'tranche.rollover' AND resource_id = $2",
      [k.r.regionId, k.r.tranches.first],
    );
    expect(audit.n).toBe(1);
    const told = await t.database.query<{ organisation_id: string }>(
      "SELECT u.organisation_id FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.region_id = $1 AND n.kind = 'tranche.rollover'",
      [k.r.regionId],
    );
    expect(told.map((x) => x.organisation_id).sort()).toEqual([k.r.orgs.office, k.r.orgs.providerA].sort());
    const mail = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox_messages WHERE region_id = $1 AND kind = 'tranche.rollover'", [k.r.regionId]);
    expect(mail[0].n).toBe(2);

    // The preview now says it was applied, and a second confirmation is refused.
    const again = (await preview(k)).json();
    expect(again.appliedRolloverId).toBe(r.id);
    const before = await snapshot(k);
    const second = await confirm(k, again.previewHash);
    expect(second.statusCode, second.body).toBe(409);
    expect(await snapshot(k)).toEqual(before);

    // History and usage over time follow the rollover.
    const hist = (await call(t.app, k.s.careManager, 'GET', `/api/v1/programmes/${k.r.programmeId}/tranche-rollovers`)).json();
    expect(hist.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const usage = await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${k.r.programmeId}/tranche-usage?from=2021-11-01&to=2022-01-31`);
    expect(usage.statusCode, usage.body).toBe(200);
    const first = usage.json().items.find((x: { trancheId: string }) => x.trancheId === k.r.tranches.first);
    const secondT = usage.json().items.find((x: { trancheId: string }) => x.trancheId === k.r.tranches.second);
    expect(first.series.map((x: { date: string }) => x.date)).toEqual(['2021-11-30', '2021-12-31', '2022-01-31']);
    // Dec 2021: all 8 homes (not withdrawn) still in the first tranche, 4 occupied; Jan 2022: 4 homes moved, one allocated.
    expect(first.series[1]).toEqual({ date: '2021-12-31', capacity: 10, used: 4, units: 8 });
    expect(first.series[2]).toEqual({ date: '2022-01-31', capacity: 4, used: 4, units: 4 });
    expect(secondT.series[1]).toEqual({ date: '2021-12-31', capacity: 10, used: 0, units: 0 });
    expect(secondT.series[2]).toEqual({ date: '2022-01-31', capacity: 16, used: 1, units: 4 });
    expect(first.originalCapacity).toBe(10);
  });

  it('refuses a stale preview (409) and changes nothing', async () => {
    const k = await newKit();
    await scenario(k);
    const p = (await preview(k)).json();
    // Someone adds an unused home to the tranche after the preview.
    await unit(k, k.r.tranches.first, [['2021-01-01', 'pledged']]);
    const before = await snapshot(k);
    const res = await confirm(k, p.previewHash);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(await snapshot(k)).toEqual(before);
    const fresh = (await preview(k)).json();
    expect(fresh.previewHash).not.toBe(p.previewHash);
    expect(fresh.unitCount).toBe(5);
  });

  it('is for the programme office only, and not before the cutoff has passed', async () => {
    const k = await newKit();
    await scenario(k);
    const p = (await preview(k)).json();
    const before = await snapshot(k);
    for (const as of ['careManager', 'careWorker', 'corporation', 'municipality', 'admin']) {
      const res = await confirm(k, p.previewHash, as);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(403);
    }
    expect((await preview(k, 'corporation')).statusCode).toBe(403);
    const future = (await preview(k, 'office', '2099-12-31')).json();
    const res = await confirm(k, future.previewHash, 'office', '2099-12-31');
    expect(res.statusCode, res.body).toBe(400);
    expect(await snapshot(k)).toEqual(before);
  });

  it('answers 409 when there is no next tranche', async () => {
    const k = await newKit();
    const res = await call(t.app, k.s.office, 'GET', `/api/v1/tranches/${k.r.tranches.second}/rollover-preview?cutoffDate=2021-12-31`);
    expect(res.statusCode, res.body).toBe(409);
  });
});

/** A tenancy of provider A, inserted directly (the tenancies domain is another module's). */
async function tenancy(k: Kit, start: string, opts: { leaseHolder: 'provider' | 'tenant'; flippedOn?: string; leases?: ['provider' | 'tenant', string][] }) {
  const p = await buildParticipant(k, 'referred');
  const u = await unit(k, k.r.tranches.second, USED);
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, provider_id, start_date, rent_cents, lease_holder, flipped_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 60000, $8, $9)`,
    [k.r.regionId, id, k.r.programmeId, u, p.id, k.r.orgs.providerA, start, opts.leaseHolder, opts.flippedOn ?? null],
  );
  for (const [holder, from] of opts.leases ?? []) {
    await t.database.query(
      'INSERT INTO tenancy_leases (region_id, id, tenancy_id, lease_holder, start_date, rent_cents) VALUES ($1, $2, $3, $4, $5, 60000)',
      [k.r.regionId, crypto.randomUUID(), id, holder, from],
    );
  }
}

describe('contingents', () => {
  it('records a contingent and shows the actual intake share against the target', async () => {
    const k = await newKit();
    // 2021: intake (provider lease, not flipped), intake flipped later (lease history), intake
    // flipped without lease rows, own name from the start; 2022: one more intake (other year).
    await tenancy(k, '2021-03-01', { leaseHolder: 'provider' });
    await tenancy(k, '2021-04-01', { leaseHolder: 'tenant', flippedOn: '2021-10-01', leases: [['provider', '2021-04-01'], ['tenant', '2021-10-01']] });
    await tenancy(k, '2021-05-01', { leaseHolder: 'tenant', flippedOn: '2021-11-01' });
    await tenancy(k, '2021-06-01', { leaseHolder: 'tenant' });
    await tenancy(k, '2022-02-01', { leaseHolder: 'provider' });
    const url = `/api/v1/programmes/${k.r.programmeId}/contingents`;
    const created = await call(t.app, k.s.office, 'POST', url, { providerId: k.r.orgs.providerA, year: 2021, homes: 10 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2021, homes: 10, intakeTargetPercent: 30, tenanciesStarted: 4, intakeHomes: 3, sharePercent: 30, targetHomes: 3, gapHomes: 0, onTrack: true, version: 1,
    });
    const c = created.json();
    const patched = await call(t.app, k.s.office, 'PATCH', `/api/v1/contingents/${c.id}`, { version: 1, homes: 20 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ homes: 20, sharePercent: 15, targetHomes: 6, gapHomes: 3, onTrack: false, version: 2 });
    const stale = await call(t.app, k.s.office, 'PATCH', `/api/v1/contingents/${c.id}`, { version: 1, homes: 5 });
    expect(stale.statusCode).toBe(409);
    const dup = await call(t.app, k.s.office, 'POST', url, { providerId: k.r.orgs.providerA, year: 2021, homes: 5 });
    expect(dup.statusCode).toBe(409);
    const notProvider = await call(t.app, k.s.office, 'POST', url, { providerId: k.r.orgs.corporationA, year: 2021, homes: 5 });
    expect(notProvider.statusCode).toBe(400);
    await call(t.app, k.s.office, 'POST', url, { providerId: k.r.orgs.providerB, year: 2021, homes: 4, intakeTargetPercent: 25 });
    // The office sees both; provider A's care manager only its own; others may not.
    expect((await call(t.app, k.s.office, 'GET', url)).json().items).toHaveLength(2);
    const mine = (await call(t.app, k.s.careManager, 'GET', url)).json().items;
    expect(mine.map((x: { providerId: string }) => x.providerId)).toEqual([k.r.orgs.providerA]);
    expect(mine[0].abilities.edit).toBe(false);
    expect((await call(t.app, k.s.corporation, 'GET', url)).statusCode).toBe(403);
    expect((await call(t.app, k.s.careManager, 'PATCH', `/api/v1/contingents/${c.id}`, { version: 2, homes: 1 })).statusCode).toBe(403);
  });
});

describe('due work', () => {
  it('notifies each due item once, per its threshold', async () => {
    const k = await newKit();
    const r = k.r;
    // A guidance review due in 5 days (open episode of provider A), one due in 30 days (not yet).
    const today = '2021-12-01';
    const p1 = await buildParticipant(k, 'referred');
    const p2 = await buildParticipant(k, 'referred');
    for (const [p, due] of [[p1.id, '2021-12-06'], [p2.id, '2021-12-31']]) {
      await t.database.query(
        `INSERT INTO guidance_episodes (region_id, id, participant_id, organisation_id, start_date, hours_per_week, level, review_due_on)
         VALUES ($1, $2, $3, $4, '2021-06-01', 6, 'intensive', $5)`,
        [r.regionId, crypto.randomUUID(), p, r.orgs.providerA, due],
      );
    }
    // An incident open 10 days (threshold 14: not yet), at a location guided by provider A.
    const loc = await buildLocation(t.database, r);
    await t.database.query(
      `INSERT INTO incidents (region_id, id, location_id, occurred_on, source, severity, description) VALUES ($1, $2, $3, '2021-11-21', 'neighbour', 'medium', 'Geluidsoverlast')`,
      [r.regionId, crypto.randomUUID(), loc],
    );
    // The first tranche (deadline 2021-12-31, warning 60 days) has unused places.
    await unit(k, r.tranches.first, USED);
    const count = async (kind: string) =>
      (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE region_id = $1 AND kind = $2', [r.regionId, kind]))[0].n;

    const first = await runDueWork(t.database, today, { regionId: r.regionId });
    expect(first).toEqual({ date: today, guidanceReviews: 1, incidents: 0, trancheDeadlines: 1 });
    // Provider A has one care worker and one care manager; the office one programme office account.
    expect(await count('due.guidance_review')).toBe(2);
    expect(await count('due.tranche_deadline')).toBe(1);
    const again = await runDueWork(t.database, today, { regionId: r.regionId });
    expect(again).toEqual({ date: today, guidanceReviews: 0, incidents: 0, trancheDeadlines: 0 });
    expect(await count('due.guidance_review')).toBe(2);

    // Lower the incident threshold: now the incident is overdue, once.
    const res = await call(t.app, k.s.office, 'PATCH', `/api/v1/programmes/${r.programmeId}/due-work-settings`, { incidentAlertDays: 5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ incidentAlertDays: 5, guidanceReviewMonths: 6, trancheWarningDays: 60 });
    expect((await call(t.app, k.s.careManager, 'PATCH', `/api/v1/programmes/${r.programmeId}/due-work-settings`, { incidentAlertDays: 5 })).statusCode).toBe(403);
    expect((await runDueWork(t.database, today, { regionId: r.regionId })).incidents).toBe(1);
    expect((await runDueWork(t.database, today, { regionId: r.regionId })).incidents).toBe(0);
    // Office + provider A's care manager.
    expect(await count('due.incident_open')).toBe(2);
    const mail = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox_messages WHERE region_id = $1 AND kind LIKE 'due.%'", [r.regionId]);
    expect(mail[0].n).toBe(5);

    // A later day: the second review comes within 7 days and is alerted; the first is not repeated.
    const later = await runDueWork(t.database, '2021-12-26', { regionId: r.regionId });
    expect(later.guidanceReviews).toBe(1);

    // A tranche warning respects its threshold: 10 days makes 2021-12-01 too early.
    const k2 = await newKit();
    await unit(k2, k2.r.tranches.first, USED);
    await call(t.app, k2.s.office, 'PATCH', `/api/v1/programmes/${k2.r.programmeId}/due-work-settings`, { trancheWarningDays: 10 });
    expect((await runDueWork(t.database, today, { regionId: k2.r.regionId })).trancheDeadlines).toBe(0);
    expect((await runDueWork(t.database, '2021-12-22', { regionId: k2.r.regionId })).trancheDeadlines).toBe(1);
  });

  it('lists the caller’s open due items: care staff their organisation’s, the office all', async () => {
    const k = await newKit();
    const r = k.r;
    const p = await buildParticipant(k, 'referred');
    // Review long overdue (relative to the real today), for provider A.
    await t.database.query(
      `INSERT INTO guidance_episodes (region_id, id, participant_id, organisation_id, start_date, hours_per_week, level, review_due_on)
       VALUES ($1, $2, $3, $4, '2021-06-01', 6, 'intensive', '2021-12-06')`,
      [r.regionId, crypto.randomUUID(), p.id, r.orgs.providerA],
    );
    const office = await call(t.app, k.s.office, 'GET', '/api/v1/due-work');
    expect(office.statusCode, office.body).toBe(200);
    expect(office.json().items.map((i: { kind: string }) => i.kind)).toContain('guidance_review');
    const care = (await call(t.app, k.s.careWorker, 'GET', '/api/v1/due-work')).json().items;
    expect(care).toHaveLength(1);
    expect(care[0]).toMatchObject({ kind: 'guidance_review', dueOn: '2021-12-06', overdue: true, link: `/deelnemers/${p.id}` });
    expect((await call(t.app, k.s.careWorkerB, 'GET', '/api/v1/due-work')).json().items).toHaveLength(0);
    expect((await call(t.app, k.s.corporation, 'GET', '/api/v1/due-work')).statusCode).toBe(403);
    const [logged] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE region_id = $1 AND action = 'participant.list' AND participant_id = $2",
      [r.regionId, p.id],
    );
    expect(logged.n).toBeGreaterThanOrEqual(2);
  });
});
