import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, loginAs, type TestApp } from '../support/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed/demo.js';
import { PHASE_TRANSITIONS } from '../../src/server/domain/participants/participants.machine.js';
import type { ParticipantPhase } from '../../src/shared/enums.js';

// The demo region is seeded once per database; on PostgreSQL the run shares one database, so only
// this file seeds it (the accounts' e-mail addresses are unique platform-wide).
let t: TestApp;
let programmeId: string;
beforeAll(async () => {
  t = await createTestApp({ demoMode: true });
  await seedDemo(t.database);
  const list = (await call(t.app, null, 'GET', '/api/v1/programmes?limit=200')).json().items as { id: string; name: string }[];
  programmeId = list.find((p) => p.name === 'Living Lab Eerst een Thuis')!.id;
});
afterAll(() => t.close());

describe('the demo region', () => {
  it('reads the published counter on 15 January 2021: 132 realised, 45 pipeline, 177 ambition, 200 target', async () => {
    const c = (await call(t.app, null, 'GET', `/api/v1/programmes/${programmeId}/counter?date=2021-01-15`)).json();
    expect(c).toMatchObject({ realised: 132, pipeline: 45, ambition: 177, target: 200 });
  });

  it('holds the first tranche of 114 homes of De Tussenvoorziening, with 20 scattered places unused in 2021', async () => {
    const s = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const tranches = (await call(t.app, s, 'GET', `/api/v1/programmes/${programmeId}/tranches`)).json().items;
    expect(tranches[0]).toMatchObject({ number: 1, capacity: 114, provider: 'De Tussenvoorziening' });
    const c = (await call(t.app, null, 'GET', `/api/v1/programmes/${programmeId}/counter?date=2021-12-31`)).json();
    const first = c.byTranche.find((x: { trancheId: string }) => x.trancheId === tranches[0].id);
    expect(first).toMatchObject({ realised: 94, pipeline: 20 });
  });

  it('holds Nijevelt (33 apartments, Leger des Heils with GroenWest) and the July 2021 pledges', async () => {
    const s = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const locations = (await call(t.app, s, 'GET', '/api/v1/locations?q=Nijevelt')).json().items;
    expect(locations[0]).toMatchObject({ unitCount: 33, corporation: 'GroenWest', provider: 'Leger des Heils', form: 'mixed' });
    const pledges = (await call(t.app, s, 'GET', `/api/v1/programmes/${programmeId}/pledges`)).json().items as { pledgedOn: string; places: number; partners: { name: string }[]; targetGroup: string }[];
    const july = pledges.filter((p) => p.pledgedOn === '2021-07-20');
    const portaal = july.filter((p) => p.partners.some((x) => x.name === 'Portaal'));
    const moviera = july.filter((p) => p.partners.some((x) => x.name === 'Moviera'));
    expect(portaal.reduce((n, p) => n + p.places, 0)).toBe(19);
    expect(moviera.reduce((n, p) => n + p.places, 0)).toBe(15);
    expect(moviera.every((p) => p.targetGroup === 'domestic_violence')).toBe(true);
  });

  it('has an account for every role, all with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const s = await loginAs(t.app, a.email, DEMO_PASSWORD);
      expect((await call(t.app, s, 'GET', '/api/v1/me')).json().roles).toEqual(a.roles);
    }
  });

  it('is written once: a second seed changes nothing', async () => {
    expect(await seedDemo(t.database)).toEqual({ units: 0, users: 0 });
  });
});

describe('the demo participants (issue 3)', () => {
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
  const region = async () => (await q<{ id: string }>("SELECT id FROM regions WHERE code = 'U16'"))[0].id;

  it('holds 250 fictitious participants spread over the phases', async () => {
    const counts = await q<{ phase: string; n: number }>('SELECT phase, count(*)::int AS n FROM participants WHERE region_id = $1 GROUP BY phase ORDER BY phase', [await region()]);
    expect(Object.fromEntries(counts.map((c) => [c.phase, c.n]))).toEqual({
      // Six tenancies ended in 2022 (issue 6): their participants exited.
      referred: 19, eligible: 12, assessed: 14, ready: 30, housed: 149, exited: 8, not_eligible: 8, withdrawn: 10,
    });
    const codes = await q<{ code: string }>('SELECT code FROM participants WHERE region_id = $1', [await region()]);
    expect(codes.every((c) => /^EH-[A-Z0-9]{6}$/.test(c.code))).toBe(true);
  });

  it('puts exactly one housed participant in every occupied unit, referred before being matched and housed', async () => {
    const r = await region();
    const [occupied] = await q<{ n: number }>("SELECT count(*)::int AS n FROM units WHERE region_id = $1 AND status = 'occupied'", [r]);
    const placed = await q<{ unit_status: string; phase: string; start_date: string; occupied_on: string; referred_on: string; matched_on: string; n: number }>(
      `SELECT u.status AS unit_status, p.phase, pl.start_date, u.status_since AS occupied_on, p.first_referred_on AS referred_on,
              (SELECT e.effective_date FROM participant_phase_events e WHERE e.participant_id = p.id AND e.phase = 'matched') AS matched_on,
              (SELECT count(*)::int FROM participant_placements x WHERE x.unit_id = u.id AND x.end_date IS NULL) AS n
         FROM participant_placements pl JOIN units u ON u.id = pl.unit_id JOIN participants p ON p.id = pl.participant_id
        WHERE pl.region_id = $1 AND pl.end_date IS NULL`,
      [r],
    );
    expect(placed).toHaveLength(occupied.n);
    for (const x of placed) {
      expect(x).toMatchObject({ unit_status: 'occupied', phase: 'housed', n: 1 });
      expect(x.start_date).toBe(x.occupied_on);
      expect(x.referred_on < x.matched_on && x.matched_on <= x.start_date).toBe(true);
    }
    const ended = await q<{ unit_status: string; phase: string }>(
      `SELECT u.status AS unit_status, p.phase FROM participant_placements pl JOIN units u ON u.id = pl.unit_id JOIN participants p ON p.id = pl.participant_id
        WHERE pl.region_id = $1 AND pl.end_date IS NOT NULL`,
      [r],
    );
    expect(ended).toHaveLength(8);
    expect(ended.every((x) => x.unit_status === 'available' && x.phase === 'exited')).toBe(true);
  });

  it('keeps every phase history in the order of the machine, ending in the current phase', async () => {
    const events = await q<{ participant_id: string; phase: ParticipantPhase; effective_date: string; current: ParticipantPhase }>(
      `SELECT e.participant_id, e.phase, e.effective_date, p.phase AS current FROM participant_phase_events e JOIN participants p ON p.id = e.participant_id
        WHERE e.region_id = $1 ORDER BY e.participant_id, e.effective_date, e.seq`,
      [await region()],
    );
    const by = new Map<string, typeof events>();
    for (const e of events) by.set(e.participant_id, [...(by.get(e.participant_id) ?? []), e]);
    for (const list of by.values()) {
      expect(list[0].phase).toBe('referred');
      for (let i = 1; i < list.length; i++) expect(PHASE_TRANSITIONS[list[i - 1].phase]).toContain(list[i].phase);
      expect(list.at(-1)!.phase).toBe(list[0].current);
    }
  });

  it('answers the by-name list for the programme office, and a provider sees only its own participants', async () => {
    const office = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const list = await call(t.app, office, 'GET', '/api/v1/participants?limit=200');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; phase: string; priority: { rank: number } }[];
    expect(items).toHaveLength(200);
    expect(items[0].priority.rank).toBe(1);
    expect(new Set(items.map((i) => i.phase))).toContain('ready');
    const ready = await call(t.app, office, 'GET', '/api/v1/participants?phase=ready&limit=200');
    expect(ready.json().items).toHaveLength(30);
    const worker = await loginAs(t.app, 'begeleider@legerdesheils.demo', DEMO_PASSWORD);
    const own = (await call(t.app, worker, 'GET', '/api/v1/participants?limit=200')).json().items as { provider: { name: string } | null }[];
    expect(own.length).toBeGreaterThan(0);
    const corporation = await loginAs(t.app, 'corporatie@mitros.demo', DEMO_PASSWORD);
    expect((await call(t.app, corporation, 'GET', '/api/v1/participants')).statusCode).toBe(403);
  });

  it('has open requests in the assessor’s queue and two pairs of possible duplicates', async () => {
    const assessor = await loginAs(t.app, 'beoordelaar@regionaletoegang.demo', DEMO_PASSWORD);
    const queue = (await call(t.app, assessor, 'GET', '/api/v1/assessments/queue?limit=200')).json().items as { ageDays: number }[];
    expect(queue.length).toBeGreaterThanOrEqual(12);
    const office = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const pairs = (await call(t.app, office, 'GET', '/api/v1/participants/duplicates')).json().items;
    expect(pairs).toHaveLength(2);
  });
});


describe('the demo matching (issue 5)', () => {
  it('has an open broad call with nominations, offers in every step of both routes, declines with reasons and one parked participant', async () => {
    const office = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const calls = (await call(t.app, office, 'GET', '/api/v1/calls')).json().items as { id: string; status: string; nominationCount: number }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ status: 'open', nominationCount: 3 });
    const detail = (await call(t.app, office, 'GET', `/api/v1/calls/${calls[0].id}`)).json();
    expect(detail.nominations.every((n: { fit: { eligible: boolean }[] }) => n.fit.length === 9)).toBe(true);
    const offers = (await call(t.app, office, 'GET', '/api/v1/offers?status=open&status=decline_review&status=declined&limit=200')).json().items as {
      route: string; step: string; status: string; stalled: boolean;
    }[];
    expect(offers.map((o) => `${o.route}:${o.step}:${o.status}`).sort()).toEqual([
      'project:candidate_decision:declined', 'project:candidate_decision:declined', 'project:candidate_decision:open', 'project:contract:open',
      'project:corporation_decision:declined', 'project:corporation_decision:open', 'project:provider_proposal:open',
      'scattered:offer_to_candidate:decline_review', 'scattered:viewing:open',
    ]);
    expect(offers.some((o) => o.stalled)).toBe(true);
    const parked = (await call(t.app, office, 'GET', '/api/v1/parkings')).json().items;
    expect(parked).toHaveLength(1);
    expect(parked[0].reason).toBe('repeated_declines');
    const dashboard = (await call(t.app, office, 'GET', '/api/v1/offers/dashboard')).json();
    expect(dashboard.declinesByParty.map((d: { party: string }) => d.party).sort()).toEqual(['client', 'client', 'client', 'corporation']);
    expect(dashboard.vacancies.length).toBeGreaterThan(0);
    // Het Vierde Huis sees its two scattered offers; the ranking of a free home explains itself.
    const vierdeHuis = await loginAs(t.app, 'toewijzing@vierdehuis.demo', DEMO_PASSWORD);
    expect((await call(t.app, vierdeHuis, 'GET', '/api/v1/offers')).json().items).toHaveLength(2);
    const unit = (await call(t.app, office, 'GET', '/api/v1/units?status=available&q=Nijevelt&limit=1')).json().items[0];
    const ranking = (await call(t.app, office, 'GET', `/api/v1/units/${unit.id}/ranking`)).json();
    expect(ranking.items.length).toBeGreaterThan(0);
    expect(ranking.excluded.length).toBeGreaterThan(0);
    expect(ranking.rules.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the demo tenancies (issue 6)', () => {
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
  const region = async () => (await q<{ id: string }>("SELECT id FROM regions WHERE code = 'U16'"))[0].id;

  it('has a tenancy for every placement, consistent with the placement, the home and the phase', async () => {
    const r = await region();
    const rows = await q<{ t: string | null; start_date: string; moved_in_on: string; pl_start: string; end_date: string | null; pl_end: string | null; end_reason: string | null; exit_reason: string | null; unit_status: string }>(
      `SELECT t.id AS t, t.start_date::text AS start_date, t.moved_in_on::text AS moved_in_on, pl.start_date::text AS pl_start, t.end_date::text AS end_date,
              pl.end_date::text AS pl_end, t.end_reason, u.status AS unit_status,
              (SELECT e.reason FROM participant_phase_events e WHERE e.participant_id = pl.participant_id AND e.phase = 'exited') AS exit_reason
         FROM participant_placements pl JOIN units u ON u.id = pl.unit_id
         LEFT JOIN tenancies t ON t.participant_id = pl.participant_id AND t.unit_id = pl.unit_id
        WHERE pl.region_id = $1`,
      [r],
    );
    expect(rows).toHaveLength(157);
    for (const x of rows) {
      expect(x.t).not.toBeNull();
      expect(x.moved_in_on).toBe(x.pl_start);
      expect(x.start_date <= x.moved_in_on).toBe(true);
      expect(x.end_date).toBe(x.pl_end);
      expect(x.end_reason).toBe(x.exit_reason);
      expect(x.unit_status).toBe(x.end_date ? 'available' : 'occupied');
    }
    const reasons = rows.filter((x) => x.end_reason).map((x) => x.end_reason);
    expect(reasons).toEqual(expect.arrayContaining(['evicted', 'returned_to_shelter', 'left_without_notice', 'moved_on']));
    expect(rows.filter((x) => x.end_date).every((x) => x.end_date! > '2021-12-31' || x.end_date! > '2021-01-15')).toBe(true);
  });

  it('has flipped intake homes with both leases and their checks, and checklists partly done', async () => {
    const r = await region();
    const flips = await q<{ id: string; leases: number; tenant_leases: number; checks: number; flipped_on: string; start_date: string }>(
      `SELECT t.id, t.flipped_on::text AS flipped_on, t.start_date::text AS start_date,
              (SELECT count(*)::int FROM tenancy_leases x WHERE x.tenancy_id = t.id) AS leases,
              (SELECT count(*)::int FROM tenancy_leases x WHERE x.tenancy_id = t.id AND x.lease_holder = 'tenant' AND x.start_date = t.flipped_on) AS tenant_leases,
              (SELECT count(DISTINCT c.criterion_id)::int FROM lease_flip_checks c WHERE c.tenancy_id = t.id AND c.met) AS checks
         FROM tenancies t WHERE t.region_id = $1 AND t.flipped_on IS NOT NULL`,
      [r],
    );
    expect(flips.length).toBeGreaterThanOrEqual(8);
    for (const f of flips) expect(f).toMatchObject({ leases: 2, tenant_leases: 1, checks: 4 });
    const [partly] = await q<{ n: number }>(
      `SELECT count(DISTINCT t.id)::int AS n FROM tenancies t JOIN lease_flip_checks c ON c.tenancy_id = t.id WHERE t.region_id = $1 AND t.flipped_on IS NULL AND t.end_date IS NULL`,
      [r],
    );
    expect(partly.n).toBeGreaterThanOrEqual(10);
    const office = await loginAs(t.app, 'programma@eerstethuis.demo', DEMO_PASSWORD);
    const list = (await call(t.app, office, 'GET', '/api/v1/tenancies?status=current&leaseHolder=provider&limit=5')).json();
    expect(list.items).toHaveLength(5);
    const d = (await call(t.app, office, 'GET', `/api/v1/tenancies/${flips[0].id}`)).json();
    expect(d.checklist.items).toHaveLength(5);
    expect(d.timeline.map((x: { kind: string }) => x.kind)).toContain('flip');
    const figures = (await call(t.app, office, 'GET', `/api/v1/programmes/${programmeId}/tenancy-figures`)).json();
    expect(figures.flips.n).toBe(flips.length);
    expect(figures.flips.medianDays).toBeGreaterThan(365);
    expect(figures.current.total).toBe(149);
    const mitros = await loginAs(t.app, 'corporatie@mitros.demo', DEMO_PASSWORD);
    const theirs = (await call(t.app, mitros, 'GET', '/api/v1/tenancies?limit=200')).json().items as { corporation: { name: string }; participant: { id: string | null } }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((x) => x.corporation.name === 'Mitros' && x.participant.id === null)).toBe(true);
  });
});
