import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { detail, kitFor, type Kit } from '../../../../test/support/participants.js';
import { accept, availableUnits, decision, offerAt, readyCandidate } from '../../../../test/support/offers.js';
import { TENANCY_END_REASONS } from '../../../shared/enums.js';
import { DEFAULT_CRITERIA } from './tenancies.rules.js';

// Each test walks offers and phases through the API; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let k: Kit;
let criteria: { id: string; kind: string; labelNl: string }[];

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
  const res = await call(t.app, k.s.office, 'PUT', `/api/v1/programmes/${k.r.programmeId}/lease-flip-criteria`, { items: DEFAULT_CRITERIA });
  expect(res.statusCode, res.body).toBe(200);
  criteria = res.json().items;
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);
const get = (as: string, url: string) => call(t.app, k.s[as], 'GET', url);
const post = (as: string, url: string, body: unknown) => call(t.app, k.s[as], 'POST', url, body);
const criterion = (kind: string) => criteria.find((c) => c.kind === kind)!;

/** A tenancy the office records on a fresh available project home (provider lease), moved in unless asked otherwise. */
async function tenancy(opts: { moveIn?: string | null; leaseHolder?: 'provider' | 'tenant'; startDate?: string } = {}) {
  const { unitIds, locationId } = await availableUnits(k, 1);
  const p = await readyCandidate(k);
  const res = await post('office', '/api/v1/tenancies', { unitId: unitIds[0], participantId: p.id, startDate: opts.startDate ?? '2021-02-01', leaseHolder: opts.leaseHolder, rentCents: 61234 });
  expect(res.statusCode, res.body).toBe(201);
  let out = res.json();
  if (opts.moveIn !== null) {
    const m = await post('careWorker', `/api/v1/tenancies/${out.id}/move-ins`, { date: opts.moveIn ?? '2021-02-05' });
    expect(m.statusCode, m.body).toBe(201);
    out = m.json();
  }
  return { tenancy: out, unitId: unitIds[0], locationId, participant: p };
}

const unitStatus = async (id: string) => (await get('office', `/api/v1/units/${id}`)).json().status as string;
const lastPhaseEvent = async (participantId: string) =>
  (await t.database.query<{ phase: string; reason: string | null; effective_date: string }>(
    `SELECT phase, reason, effective_date::text AS effective_date FROM participant_phase_events WHERE participant_id = $1 ORDER BY effective_date DESC, seq DESC LIMIT 1`,
    [participantId],
  ))[0];
const openPlacements = async (participantId: string) =>
  (await t.database.query<{ unit_id: string }>(`SELECT unit_id FROM participant_placements WHERE participant_id = $1 AND end_date IS NULL`, [participantId])).map((x) => x.unit_id);

async function episode(participantId: string, tenancyId: string, start = '2021-02-05') {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO guidance_episodes (region_id, id, participant_id, tenancy_id, organisation_id, start_date, hours_per_week, level) VALUES ($1, $2, $3, $4, $5, $6, 4, 'intensive')`,
    [k.r.regionId, id, participantId, tenancyId, k.r.orgs.providerA, start],
  );
  return id;
}

describe('a tenancy from a successful offer', () => {
  it('starts on the contract date with the lease holder and rent named at signing, or their defaults', async () => {
    const a = await offerAt(k, 'contract');
    const named = await decision(k, 'corporation', a.offerId, 'contract', 'accept', { leaseHolder: 'tenant', rentCents: 65_000 });
    expect(named.statusCode, named.body).toBe(201);
    const [ta] = (await get('office', `/api/v1/tenancies?unitId=${a.unitId}`)).json().items;
    expect(ta).toMatchObject({ leaseHolder: 'tenant', startDate: today(), movedInOn: null, rentCents: 65_000, offerId: a.offerId, status: 'current' });
    expect(ta.participant).toMatchObject({ id: a.participant.id, code: a.participant.code });
    expect(ta.corporation.id).toBe(k.r.orgs.corporationA);
    expect(ta.provider.id).toBe(k.r.orgs.providerA);

    // Defaults: the project route means an intake home (provider lease); no default rent → unknown, not zero.
    const b = await offerAt(k, 'contract');
    await accept(k, 'corporation', b.offerId, 'contract');
    const [tb] = (await get('office', `/api/v1/tenancies?unitId=${b.unitId}`)).json().items;
    expect(tb).toMatchObject({ leaseHolder: 'provider', rentCents: null });
    const d = (await get('office', `/api/v1/tenancies/${tb.id}`)).json();
    expect(d.leases).toEqual([expect.objectContaining({ leaseHolder: 'provider', holder: expect.stringContaining('providerA'), endDate: null })]);
    expect(d.timeline.map((x: { kind: string }) => x.kind)).toEqual(['offer', 'start', 'keys', 'guidance', 'scale_down', 'flip']);
    expect(d.abilities).toMatchObject({ moveIn: true, end: false, flip: true });
  });

  it('refuses lease terms on any other step than the contract', async () => {
    const a = await offerAt(k, 'corporation_decision');
    const res = await decision(k, 'corporation', a.offerId, 'corporation_decision', 'accept', { leaseHolder: 'tenant' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('leaseHolder');
  });
});

describe('keys: the move-in', () => {
  it('makes the home occupied and the participant housed in it, once', async () => {
    const { tenancy: x, unitId, participant } = await tenancy({ moveIn: null });
    expect(await unitStatus(unitId)).toBe('allocated');
    expect((await detail(k, participant.id)).phase).toBe('matched');
    const early = await post('careWorker', `/api/v1/tenancies/${x.id}/move-ins`, { date: '2021-01-20' });
    expect(early.statusCode).toBe(400);
    expect((await post('careWorkerB', `/api/v1/tenancies/${x.id}/move-ins`, { date: '2021-02-05' })).statusCode).toBe(404);
    expect((await post('corporation', `/api/v1/tenancies/${x.id}/move-ins`, { date: '2021-02-05' })).statusCode).toBe(403);
    const ok = await post('careWorker', `/api/v1/tenancies/${x.id}/move-ins`, { date: '2021-02-05' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ movedInOn: '2021-02-05', abilities: { moveIn: false } });
    expect(await unitStatus(unitId)).toBe('occupied');
    expect(await lastPhaseEvent(participant.id)).toMatchObject({ phase: 'housed', effective_date: '2021-02-05' });
    expect(await openPlacements(participant.id)).toEqual([unitId]);
    const again = await post('careWorker', `/api/v1/tenancies/${x.id}/move-ins`, { date: '2021-02-06' });
    expect(again.statusCode).toBe(409);
  });
});

describe('the end of a tenancy', () => {
  const exits = TENANCY_END_REASONS.filter((r) => r !== 'moved_within_programme');
  it.each(exits.map((r, i) => [r, i % 2 ? 'withdrawn' : 'available'] as const))('%s: the home becomes %s, the participant exits with that reason', async (reason, unitOutcome) => {
    const { tenancy: x, unitId, participant } = await tenancy();
    const ep = await episode(participant.id, x.id);
    const res = await post('office', `/api/v1/tenancies/${x.id}/endings`, {
      endDate: '2021-09-30', reason, unitOutcome, note: reason === 'other' ? 'Naar het buitenland vertrokken.' : undefined, version: x.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'ended', endDate: '2021-09-30', endReason: reason, abilities: { end: false, flip: false } });
    expect(await unitStatus(unitId)).toBe(unitOutcome);
    expect((await detail(k, participant.id)).phase).toBe('exited');
    expect(await lastPhaseEvent(participant.id)).toMatchObject({ phase: 'exited', reason, effective_date: '2021-09-30' });
    expect(await openPlacements(participant.id)).toEqual([]);
    const [g] = await t.database.query<{ end_date: string; end_reason: string }>(`SELECT end_date::text AS end_date, end_reason FROM guidance_episodes WHERE id = $1`, [ep]);
    expect(g).toEqual({ end_date: '2021-09-30', end_reason: 'tenancy_ended' });
    const leases = res.json().leases as { endDate: string | null }[];
    expect(leases.every((l) => l.endDate === '2021-09-30')).toBe(true);
  });

  it('refuses an ended tenancy, dates before the start or the keys, a stale version, “other” without a note, and other roles', async () => {
    const { tenancy: x } = await tenancy();
    const end = (body: Record<string, unknown>, as = 'office') =>
      post(as, `/api/v1/tenancies/${x.id}/endings`, { endDate: '2021-09-30', reason: 'evicted', unitOutcome: 'available', version: x.version, ...body });
    expect((await end({ endDate: '2021-01-15' })).json().errors[0].path).toBe('endDate');
    const beforeKeys = await end({ endDate: '2021-02-03' });
    expect(beforeKeys.statusCode).toBe(400);
    expect(beforeKeys.json().detail).toContain('sleuteloverdracht');
    expect((await end({ reason: 'other' })).json().errors[0].path).toBe('note');
    expect((await end({ nextUnitId: crypto.randomUUID() })).statusCode).toBe(400);
    expect((await end({ version: x.version - 1 })).statusCode).toBe(409);
    expect((await end({}, 'careWorker')).statusCode).toBe(403);
    expect((await end({}, 'corporation')).statusCode).toBe(403);
    expect((await end({}, 'careManager')).statusCode).toBe(201);
    const again = await end({ version: x.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('al beëindigd');
  });

  it('refuses to end before the keys were handed over', async () => {
    const { tenancy: x } = await tenancy({ moveIn: null });
    const res = await post('office', `/api/v1/tenancies/${x.id}/endings`, { endDate: '2021-03-01', reason: 'moved_on', unitOutcome: 'available', version: x.version });
    expect(res.statusCode).toBe(409);
  });

  it('moved_within_programme: a new tenancy on the next home, the participant stays housed, guidance follows', async () => {
    const { tenancy: x, unitId, participant } = await tenancy();
    const ep = await episode(participant.id, x.id);
    const occupied = (await tenancy()).unitId;
    const { unitIds } = await availableUnits(k, 1);
    const end = (body: Record<string, unknown>) =>
      post('office', `/api/v1/tenancies/${x.id}/endings`, { endDate: '2021-10-01', reason: 'moved_within_programme', unitOutcome: 'available', version: x.version, ...body });
    expect((await end({})).json().errors[0].path).toBe('nextUnitId');
    expect((await end({ nextUnitId: occupied })).statusCode).toBe(409);
    const res = await end({ nextUnitId: unitIds[0] });
    expect(res.statusCode, res.body).toBe(201);
    const old = res.json();
    expect(old).toMatchObject({ endReason: 'moved_within_programme', nextTenancyId: expect.any(String) });
    expect(await unitStatus(unitId)).toBe('available');
    expect(await unitStatus(unitIds[0])).toBe('occupied');
    expect((await detail(k, participant.id)).phase).toBe('housed');
    expect(await openPlacements(participant.id)).toEqual([unitIds[0]]);
    const next = (await get('careWorker', `/api/v1/tenancies/${old.nextTenancyId}`)).json();
    expect(next).toMatchObject({ startDate: '2021-10-01', movedInOn: '2021-10-01', status: 'current', unit: { id: unitIds[0] } });
    const [g] = await t.database.query<{ tenancy_id: string; end_date: string | null }>(`SELECT tenancy_id, end_date FROM guidance_episodes WHERE id = $1`, [ep]);
    expect(g).toEqual({ tenancy_id: old.nextTenancyId, end_date: null });
  });
});

describe('the lease flip', () => {
  const check = (as: string, id: string, kind: string, body: Record<string, unknown> = {}) =>
    post(as, `/api/v1/tenancies/${id}/lease-flip-checks`, { criterionId: criterion(kind).id, met: true, checkedOn: '2022-03-01', evidence: 'Gezien.', ...body });

  it('names every missing item; needs the corporation’s own consent; flips once; keeps the provider’s lease in the history', async () => {
    const { tenancy: x, locationId } = await tenancy();
    const flip = (body: Record<string, unknown> = {}, as = 'office') => post(as, `/api/v1/tenancies/${x.id}/lease-flips`, { date: '2022-04-01', version: x.version, ...body });
    const none = await flip();
    expect(none.statusCode).toBe(409);
    for (const c of criteria.filter((c) => c.kind !== 'no_open_nuisance')) expect(none.json().detail).toContain(c.labelNl);
    expect(none.json().detail).not.toContain(criterion('no_open_nuisance').labelNl);
    expect(none.json().detailEn).toContain('Rent paid on time');

    // Rent on time for 12 months cannot be met before 12 months have passed.
    const early = await check('careWorker', x.id, 'rent_paid_on_time', { checkedOn: '2021-12-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('checkedOn');
    expect((await check('careWorker', x.id, 'rent_paid_on_time', { evidence: undefined })).json().errors[0].path).toBe('evidence');
    // Only the corporation of the home records its consent; the computed item is never recorded.
    const byOffice = await check('office', x.id, 'corporation_agrees');
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().detail).toContain('corporatie');
    expect((await check('careWorker', x.id, 'corporation_agrees')).statusCode).toBe(403);
    expect((await check('corporationB', x.id, 'corporation_agrees')).statusCode).toBe(404);
    expect((await check('office', x.id, 'no_open_nuisance')).statusCode).toBe(400);
    expect((await check('corporation', x.id, 'tenant_agrees')).statusCode).toBe(403);

    expect((await check('careWorker', x.id, 'rent_paid_on_time', { met: false, checkedOn: '2022-01-15', evidence: 'Twee maanden achterstand.' })).statusCode).toBe(201);
    expect((await check('corporation', x.id, 'rent_paid_on_time')).statusCode).toBe(201);
    expect((await check('careWorker', x.id, 'goals_met')).statusCode).toBe(201);
    expect((await check('careWorker', x.id, 'tenant_agrees', { evidence: undefined })).statusCode).toBe(201);
    const half = await flip();
    expect(half.statusCode).toBe(409);
    expect(half.json().detail).toContain(criterion('corporation_agrees').labelNl);
    expect(half.json().detail).not.toContain(criterion('rent_paid_on_time').labelNl);

    // An open incident of the tenancy makes “no open nuisance” fail.
    const incident = crypto.randomUUID();
    await t.database.query(
      `INSERT INTO incidents (region_id, id, location_id, tenancy_id, occurred_on, source, severity, description) VALUES ($1, $2, $3, $4, '2022-02-01', 'neighbour', 'medium', 'Geluidsoverlast.')`,
      [k.r.regionId, incident, locationId, x.id],
    );
    const seen = (await get('office', `/api/v1/tenancies/${x.id}`)).json().checklist;
    expect(seen).toMatchObject({ complete: false, corporationConsent: false });
    expect(seen.items.find((i: { kind: string }) => i.kind === 'no_open_nuisance')).toMatchObject({ status: 'not_met', openIncidents: 1, computed: true });
    expect(seen.items.find((i: { kind: string }) => i.kind === 'rent_paid_on_time').history).toHaveLength(2);
    expect((await flip()).json().detail).toContain(criterion('no_open_nuisance').labelNl);
    await t.database.query(`UPDATE incidents SET closed_on = '2022-02-20' WHERE id = $1`, [incident]);

    // The corporation's consent completes the checklist: the provider and the office hear of it.
    const consent = await check('corporation', x.id, 'corporation_agrees', { evidence: 'Brief van de corporatie.' });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json().checklist).toMatchObject({ complete: true, corporationConsent: true, missing: [] });
    const notes = (await get('careWorker', '/api/v1/notifications?limit=200')).json().items as { kind: string; link: string }[];
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'tenancy.checklist_complete', link: `/huurcontracten/${x.id}` }));
    const officeNotes = (await get('office', '/api/v1/notifications?limit=200')).json().items as { kind: string }[];
    expect(officeNotes.some((n) => n.kind === 'tenancy.checklist_complete')).toBe(true);

    const current = (await get('office', `/api/v1/tenancies/${x.id}`)).json();
    expect((await flip({ version: current.version - 1 })).statusCode).toBe(409);
    expect((await flip({ version: current.version }, 'careWorker')).statusCode).toBe(403);
    expect((await flip({ version: current.version, date: '2021-01-01' })).statusCode).toBe(400);
    const done = await flip({ version: current.version }, 'corporation');
    expect(done.statusCode, done.body).toBe(201);
    const d = done.json();
    expect(d).toMatchObject({ leaseHolder: 'tenant', flippedOn: '2022-04-01', abilities: { flip: false, recordChecks: false } });
    expect(d.leases).toEqual([
      expect.objectContaining({ leaseHolder: 'provider', startDate: '2021-02-01', endDate: '2022-04-01', rentCents: 61234 }),
      expect.objectContaining({ leaseHolder: 'tenant', startDate: '2022-04-01', endDate: null, rentCents: 61234 }),
    ]);
    expect(d.events.map((e: { kind: string }) => e.kind)).toContain('lease_flipped');
    expect(d.timeline.find((x: { kind: string }) => x.kind === 'flip')).toMatchObject({ date: '2022-04-01', done: true });
    const again = await flip({ version: d.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('al omgeklapt');
    expect((await check('careWorker', x.id, 'goals_met')).statusCode).toBe(409);
  });

  it('a tenant’s own lease does not flip', async () => {
    const { tenancy: x } = await tenancy({ leaseHolder: 'tenant' });
    const res = await post('office', `/api/v1/tenancies/${x.id}/lease-flips`, { date: '2022-04-01', version: x.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('eigen naam');
    expect(x.abilities.flip).toBe(false);
  });
});

describe('the checklist configuration', () => {
  it('keeps, relabels, adds and retires items; refuses duplicates and missing months', async () => {
    const k2 = await kitFor(t, await buildRegion(t.database));
    const url = `/api/v1/programmes/${k2.r.programmeId}/lease-flip-criteria`;
    const first = (await call(t.app, k2.s.office, 'PUT', url, { items: DEFAULT_CRITERIA })).json().items as { id: string; kind: string }[];
    expect(first.map((c) => c.kind)).toEqual(DEFAULT_CRITERIA.map((c) => c.kind));
    const rent = first[0];
    const res = await call(t.app, k2.s.office, 'PUT', url, {
      items: [{ ...DEFAULT_CRITERIA[0], id: rent.id, months: 6, labelNl: 'Huur 6 maanden op tijd' }, { kind: 'custom', labelNl: 'Budgetcursus gevolgd', labelEn: 'Budget course done' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: rent.id, months: 6, labelNl: 'Huur 6 maanden op tijd' }),
      expect.objectContaining({ kind: 'custom', computed: false }),
    ]);
    const bad = await call(t.app, k2.s.office, 'PUT', url, { items: [{ kind: 'rent_paid_on_time', labelNl: 'a', labelEn: 'a' }, { kind: 'goals_met', labelNl: 'b', labelEn: 'b' }, { kind: 'goals_met', labelNl: 'c', labelEn: 'c' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['items.0.months', 'items.2.kind']);
    expect((await call(t.app, k2.s.careWorker, 'PUT', url, { items: [] })).statusCode).toBe(403);
    expect((await call(t.app, k2.s.corporation, 'GET', url)).statusCode).toBe(200);
    expect((await call(t.app, k.s.office, 'GET', url)).statusCode).toBe(404);
  });
});

describe('list, detail and who sees them', () => {
  it('answers {items, nextCursor} with dates and names; another provider and another corporation get 404; the landlord sees the landlord view', async () => {
    const { tenancy: x, participant } = await tenancy();
    const list = (await get('office', `/api/v1/tenancies?participantId=${participant.id}`)).json();
    expect(list).toEqual({ items: [expect.objectContaining({ id: x.id, leaseHolder: 'provider', startDate: '2021-02-01', movedInOn: '2021-02-05', flippedOn: null, endDate: null, endReason: null })], nextCursor: null });
    expect(list.items[0]).toMatchObject({ unit: { label: expect.any(String), location: expect.any(String) }, participant: { code: participant.code }, corporation: { name: expect.any(String) }, provider: { name: expect.any(String) } });
    const page = (await get('office', '/api/v1/tenancies?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = (await get('office', `/api/v1/tenancies?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
    expect((await get('office', '/api/v1/tenancies?status=ended&leaseHolder=tenant')).json().items.every((i: { endDate: string | null; leaseHolder: string }) => i.endDate && i.leaseHolder === 'tenant')).toBe(true);

    expect((await get('careWorkerB', `/api/v1/tenancies/${x.id}`)).statusCode).toBe(404);
    expect((await get('corporationB', `/api/v1/tenancies/${x.id}`)).statusCode).toBe(404);
    expect((await get('careWorkerB', `/api/v1/tenancies?participantId=${participant.id}`)).json().items).toEqual([]);
    expect((await get('referrer', '/api/v1/tenancies')).statusCode).toBe(403);
    expect((await get('municipality', `/api/v1/tenancies/${x.id}`)).statusCode).toBe(403);

    const landlord = (await get('corporation', `/api/v1/tenancies/${x.id}`)).json();
    expect(landlord.participant).toEqual({ id: null, code: participant.code, name: expect.any(String), householdSize: 1, phone: '0612345678', email: 'kandidaat@example.org', sharedWithConsent: true });
    expect(landlord.household).toBeNull();
    expect(JSON.stringify(landlord)).not.toMatch(/indication|assessment|beschermd|bsn/i);
    const own = (await get('careWorker', `/api/v1/tenancies/${x.id}`)).json();
    expect(own.participant).toMatchObject({ id: participant.id, code: participant.code });
    const [audit] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE participant_id = $1 AND action = 'participant.read'`,
      [participant.id],
    );
    expect(audit.n).toBeGreaterThan(0);
  });

  it('reports figures: current by lease holder, days from start to flip, ended by reason', async () => {
    const k3 = await kitFor(t, await buildRegion(t.database));
    const res = await call(t.app, k3.s.office, 'GET', `/api/v1/programmes/${k3.r.programmeId}/tenancy-figures`);
    expect(res.json()).toMatchObject({ current: { total: 0 }, flips: { n: 0, medianDays: null }, ended: [] });
    const mine = (await get('office', `/api/v1/programmes/${k.r.programmeId}/tenancy-figures`)).json();
    expect(mine.current.total).toBeGreaterThan(0);
    expect(mine.current.provider + mine.current.tenant).toBe(mine.current.total);
    expect(mine.flips).toMatchObject({ n: 1, medianDays: 424, meanDays: 424 });
    expect(mine.ended.map((e: { reason: string }) => e.reason)).toEqual(expect.arrayContaining(['evicted', 'moved_on', 'moved_within_programme']));
    expect((await get('careWorker', `/api/v1/programmes/${k.r.programmeId}/tenancy-figures`)).statusCode).toBe(403);
  });
});
