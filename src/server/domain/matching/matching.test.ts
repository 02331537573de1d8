import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { availableUnits, offerAsOffice, readyCandidate } from '../../../../test/support/offers.js';

let t: TestApp;
let k: Kit;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const get = (as: string, url: string) => call(t.app, k.s[as], 'GET', url);
const post = (as: string, url: string, body: unknown) => call(t.app, k.s[as], 'POST', url, body);
const rule = async (kk: Kit, body: Record<string, unknown>) => {
  const res = await call(t.app, kk.s.office, 'POST', '/api/v1/eligibility-rules', { programmeId: kk.r.programmeId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('the ranking for one home', () => {
  it('lists the eligible ready participants by score with its parts, and says why each excluded person is not on the list', async () => {
    const kk = await kitFor(t, await buildRegion(t.database));
    const { locationId, unitIds } = await availableUnits(kk, 1, { rooms: 1, municipality: kk.r.municipalities.a });
    const onList = await readyCandidate(kk, { waitingListRegisteredOn: '2019-03-01' });
    const plain = await readyCandidate(kk);
    const family = await readyCandidate(kk, { targetGroup: 'family', householdAdults: 2, householdChildren: 2, childrenAges: [3, 5] });
    const elsewhere = await readyCandidate(kk, { preferredMunicipalityIds: [kk.r.municipalities.b] });
    const excludedTown = await readyCandidate(kk, { excludedMunicipalityIds: [kk.r.municipalities.a], preferredMunicipalityIds: [kk.r.municipalities.b] });
    const noHousingConsent = await readyCandidate(kk, { consentScope: ['programme'] });
    const programmeRule = await rule(kk, { kind: 'target_group', params: { allowed: ['single_adult', 'young_adult'] } });
    const locationRule = await rule(kk, { kind: 'household_size', locationId, params: { maxPersonsPerRoom: 2 } });
    await rule(kk, { kind: 'municipality_exclusion' });
    await rule(kk, { kind: 'consent_housing' });

    const res = await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.rules.map((x: { kind: string; level: string }) => `${x.kind}:${x.level}`)).toEqual([
      'consent_housing:programme', 'household_size:location', 'municipality_exclusion:programme', 'target_group:programme',
    ]);
    expect(r.counts).toEqual({ candidates: 6, eligible: 3, excluded: 3 });
    expect(r.items.map((x: { participant: { id: string } }) => x.participant.id)).toEqual([onList.id, plain.id, elsewhere.id]);
    expect(r.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3]);
    for (const item of r.items) {
      expect(item.score.total).toBe(item.score.parts.reduce((n: number, p: { points: number }) => n + p.points, 0));
      expect(item.score.parts.map((p: { code: string }) => p.code)).toEqual(['waiting_list', 'waiting_time', 'home_fit', 'municipality_preference', 'nominated']);
    }
    const [first, second, third] = r.items;
    expect(first.score.parts[0]).toMatchObject({ code: 'waiting_list', points: expect.any(Number) });
    expect(first.score.parts[0].points).toBeGreaterThanOrEqual(200);
    expect(second.score.parts[0].points).toBe(0);
    expect(third.score.parts[3]).toMatchObject({ code: 'municipality_preference', points: 0 });
    const why = new Map(r.excluded.map((x: { participant: { id: string }; reasons: { code: string; ruleId: string | null; level: string }[] }) => [x.participant.id, x.reasons]));
    expect(why.get(family.id)).toEqual([
      expect.objectContaining({ code: 'household_size', ruleId: locationRule.id, level: 'location' }),
      expect.objectContaining({ code: 'target_group', ruleId: programmeRule.id, level: 'programme' }),
    ]);
    expect(why.get(excludedTown.id)).toEqual([expect.objectContaining({ code: 'municipality_exclusion' })]);
    expect(why.get(noHousingConsent.id)).toEqual([expect.objectContaining({ code: 'consent_housing' })]);

    // "Why is this person not on the list?" — also for someone who is not ready.
    const explain = (await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking?participant=${family.code}`)).json().explanation;
    expect(explain).toMatchObject({ eligible: false, rank: null, score: null, participant: { code: family.code } });
    expect(explain.reasons[0].nl).toContain('past niet');
    const onTop = (await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking?participant=${onList.id}`)).json().explanation;
    expect(onTop).toMatchObject({ eligible: true, rank: 1, reasons: [] });
    expect(onTop.score.total).toBe(first.score.total);

    // A nomination in a broad call for this home adds its part.
    const callRes = await call(t.app, kk.s.office, 'POST', '/api/v1/calls', {
      programmeId: kk.r.programmeId, title: 'Wie past hier?', locationId, requirements: 'Alleenstaand, zelfstandig binnen twee jaar.', deadline: '2099-01-01',
    });
    await call(t.app, kk.s.careWorker, 'POST', `/api/v1/calls/${callRes.json().id}/nominations`, { participantId: elsewhere.id, motivation: 'Past goed bij deze buurt en is er klaar voor.' });
    const after = (await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking`)).json();
    const nominated = after.items.find((x: { participant: { id: string } }) => x.participant.id === elsewhere.id);
    expect(nominated.score.parts[4]).toMatchObject({ code: 'nominated', points: 150 });

    // Pages continue the ranks.
    const page1 = (await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking?limit=2`)).json();
    const page2 = (await call(t.app, kk.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3]);
    expect(page2.nextCursor).toBeNull();
  });

  it('is the programme office’s: others 403, another region’s home 404', async () => {
    const { unitIds } = await availableUnits(k, 1);
    for (const who of ['careWorker', 'corporation', 'allocation', 'referrer']) expect((await get(who, `/api/v1/units/${unitIds[0]}/ranking`)).statusCode, who).toBe(403);
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.office, 'GET', `/api/v1/units/${unitIds[0]}/ranking`)).statusCode).toBe(404);
  });
});

describe('batch matching for a project delivery', () => {
  it('assigns the homes optimally within each provider’s places, shows each pair’s parts and how much worse greedy would be, and accepts into offers', async () => {
    const kk = await kitFor(t, await buildRegion(t.database));
    const { locationId, unitIds } = await availableUnits(kk, 4, { rooms: 1 });
    // Provider A guides five candidates (three on the waiting list: they outscore everyone), provider B two.
    for (let i = 0; i < 3; i++) await readyCandidate(kk, { waitingListRegisteredOn: `2019-0${i + 1}-01` });
    for (let i = 0; i < 2; i++) await readyCandidate(kk);
    for (let i = 0; i < 2; i++) await readyCandidate(kk, { providerId: kk.r.orgs.providerB });
    const body = { programmeId: kk.r.programmeId, locationId, capacities: [{ providerId: kk.r.orgs.providerA, places: 2 }] };
    const res = await call(t.app, kk.s.office, 'POST', '/api/v1/matching-proposals', body);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'proposed', units: 4, candidates: 7, eligiblePairs: 28, optimal: { filled: 4 } });
    expect(p.capacities).toEqual([expect.objectContaining({ providerId: kk.r.orgs.providerA, places: 2, used: 2 })]);
    expect(p.pairs.filter((x: { participant: { provider: { id: string } } }) => x.participant.provider.id === kk.r.orgs.providerA)).toHaveLength(2);
    expect(p.pairs.filter((x: { participant: { provider: { id: string } } }) => x.participant.provider.id === kk.r.orgs.providerB)).toHaveLength(2);
    for (const x of p.pairs) {
      expect(x.score.total).toBe(x.score.parts.reduce((n: number, q: { points: number }) => n + q.points, 0));
      expect(x.participant.name).toEqual(expect.any(String));
      expect(x.differenceFromGreedy).toBe(x.score.total - (x.greedy.score ?? 0));
    }
    expect(p.optimal.totalScore).toBe(p.pairs.reduce((n: number, x: { score: { total: number } }) => n + x.score.total, 0));
    expect(p.greedyWorseBy).toEqual({ filled: p.optimal.filled - p.greedy.filled, totalScore: p.optimal.totalScore - p.greedy.totalScore });
    expect(p.greedyWorseBy.filled).toBeGreaterThanOrEqual(0);
    expect(p.greedyWorseBy.filled > 0 || p.greedyWorseBy.totalScore >= 0).toBe(true);
    expect(p.timings).toMatchObject({ buildMs: expect.any(Number), solveMs: expect.any(Number) });

    // Deterministic: the same delivery gives the same pairs.
    const again = (await call(t.app, kk.s.office, 'POST', '/api/v1/matching-proposals', body)).json();
    expect(again.pairs.map((x: { unit: { id: string }; participant: { id: string } }) => `${x.unit.id}>${x.participant.id}`)).toEqual(
      p.pairs.map((x: { unit: { id: string }; participant: { id: string } }) => `${x.unit.id}>${x.participant.id}`),
    );
    // Without the limit provider A's waiting-list candidates take three of the four homes.
    const free = (await call(t.app, kk.s.office, 'POST', '/api/v1/matching-proposals', { programmeId: kk.r.programmeId, unitIds })).json();
    expect(free.pairs.filter((x: { participant: { provider: { id: string } } }) => x.participant.provider.id === kk.r.orgs.providerA).length).toBeGreaterThanOrEqual(3);

    const accepted = await call(t.app, kk.s.office, 'POST', `/api/v1/matching-proposals/${p.id}/acceptances`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(accepted.json().offerIds).toHaveLength(4);
    const o = await offerAsOffice(kk, accepted.json().offerIds[0]);
    expect(o).toMatchObject({ route: 'project', step: 'provider_proposal', proposalId: p.id });
    expect((await call(t.app, kk.s.office, 'POST', `/api/v1/matching-proposals/${p.id}/acceptances`, {})).statusCode).toBe(409);
    // The homes now have open offers: the same candidates are no longer free, so the old second proposal fails whole.
    const stale = await call(t.app, kk.s.office, 'POST', `/api/v1/matching-proposals/${again.id}/acceptances`, {});
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('nieuw voorstel');
  });

  it('validates the delivery and the capacities', async () => {
    const bad = await post('office', '/api/v1/matching-proposals', { programmeId: k.r.programmeId, capacities: [{ providerId: k.r.orgs.corporationA, places: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['locationId', 'capacities']));
    const { unitIds } = await availableUnits(k, 1);
    await t.database.query(`UPDATE units SET status = 'allocated' WHERE id = $1`, [unitIds[0]]);
    expect((await post('office', '/api/v1/matching-proposals', { programmeId: k.r.programmeId, unitIds })).statusCode).toBe(409);
    expect((await post('careManager', '/api/v1/matching-proposals', { programmeId: k.r.programmeId, unitIds })).statusCode).toBe(403);
  });
});

describe('eligibility rules', () => {
  it('are added per programme, location or unit with parameters that fit their kind, one per kind and place, and removed keeping history', async () => {
    const { locationId, unitIds } = await availableUnits(k, 1);
    const a = await rule(k, { kind: 'no_pets', unitId: unitIds[0], note: 'Verhuurder staat geen huisdieren toe.' });
    expect(a).toMatchObject({ level: 'unit', unitId: unitIds[0], description: expect.stringContaining('huisdieren') });
    const dup = await post('office', '/api/v1/eligibility-rules', { programmeId: k.r.programmeId, kind: 'no_pets', unitId: unitIds[0] });
    expect(dup.statusCode).toBe(409);
    const badParams = await post('office', '/api/v1/eligibility-rules', { programmeId: k.r.programmeId, kind: 'target_group', locationId, params: { allowed: [] } });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json().errors[0].path).toMatch(/^params/);
    const both = await post('office', '/api/v1/eligibility-rules', { programmeId: k.r.programmeId, kind: 'no_pets', locationId, unitId: unitIds[0] });
    expect(both.statusCode).toBe(400);
    expect((await post('corporation', '/api/v1/eligibility-rules', { programmeId: k.r.programmeId, kind: 'no_pets', locationId })).statusCode).toBe(403);
    const list = (await get('corporation', `/api/v1/eligibility-rules?unitId=${unitIds[0]}`)).json().items;
    expect(list).toHaveLength(1);
    expect((await call(t.app, k.s.office, 'DELETE', `/api/v1/eligibility-rules/${a.id}`)).statusCode).toBe(204);
    expect((await get('office', `/api/v1/eligibility-rules?unitId=${unitIds[0]}`)).json().items).toHaveLength(0);
    const [kept] = await t.database.query<{ removed: boolean }>('SELECT removed_at IS NOT NULL AS removed FROM eligibility_rules WHERE id = $1', [a.id]);
    expect(kept.removed).toBe(true);
    expect((await call(t.app, k.s.office, 'DELETE', `/api/v1/eligibility-rules/${a.id}`)).statusCode).toBe(404);
  });
});
