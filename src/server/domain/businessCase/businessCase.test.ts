import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Kit } from '../../../../test/support/participants.js';

/**
 * The business case of a small built programme, computed by hand below and checked through the
 * API. Tenancies and guidance are written straight into their tables (their own APIs belong to
 * other domains); tariffs and assumptions go through the settings API.
 */

let t: TestApp;
let k: Kit;
let neighbourhoodTeam: string;

const TARIFFS = [
  { kind: 'shelter_night', amountCents: 10_000 }, // €100 a night
  { kind: 'sheltered_housing_day', amountCents: 20_000 }, // €200 a day
  { kind: 'guidance_hour', amountCents: 7_000 }, // €70 an hour
  { kind: 'neighbourhood_team_hour', amountCents: 5_600 }, // €56 an hour
  { kind: 'rent_arrears_covered', amountCents: 100_000 }, // €1,000 a case
  { kind: 'one_off_per_home', amountCents: 200_000 }, // €2,000 a home
].map((x) => ({ ...x, source: 'Testtarief', validFrom: '2020-01-01' }));
const ASSUMPTIONS = [
  { key: 'shelter_months', value: 12 },
  { key: 'waiting_list_months', value: 6 },
  { key: 'sheltered_housing_share', value: 50 },
  { key: 'sheltered_housing_months', value: 24 },
  { key: 'street_shelter_share', value: 50 },
  { key: 'rent_arrears_cases_per_100', value: 0 },
].map((x) => ({ ...x, source: 'Testaanname', validFrom: '2020-01-01' }));

async function tenancy(p: { id: string; unitId: string | null }, start: string, end: string | null = null): Promise<string> {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, provider_id, start_date, rent_cents, lease_holder, end_date, end_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 60000, 'provider', $8, $9)`,
    [k.r.regionId, id, k.r.programmeId, p.unitId, p.id, k.r.orgs.providerA, start, end, end ? 'returned_to_shelter' : null],
  );
  return id;
}

async function episode(participantId: string, org: string, start: string, hoursPerWeek: number, end: string | null = null, changes: [string, number][] = []) {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO guidance_episodes (region_id, id, participant_id, organisation_id, start_date, hours_per_week, level, end_date, end_reason)
     VALUES ($1, $2, $3, $4, $5, $6, 'regular', $7, $8)`,
    [k.r.regionId, id, participantId, org, start, hoursPerWeek, end, end ? 'tenancy_ended' : null],
  );
  for (const [from, hours] of changes) {
    await t.database.query(
      `INSERT INTO guidance_intensities (region_id, id, episode_id, effective_date, hours_per_week, level) VALUES ($1, $2, $3, $4, $5, 'regular')`,
      [k.r.regionId, crypto.randomUUID(), id, from, hours],
    );
  }
}

const url = (date = '2021-03-31') => `/api/v1/programmes/${k.r.programmeId}/business-case?date=${date}`;

beforeAll(async () => {
  t = await createTestApp();
  const r = await buildRegion(t.database);
  k = await kitFor(t, r);
  neighbourhoodTeam = crypto.randomUUID();
  await t.database.query(`INSERT INTO organisations (region_id, id, name, kind) VALUES ($1, $2, 'Buurtteam Test', 'neighbourhood_team')`, [r.regionId, neighbourhoodTeam]);
});
afterAll(() => t.close());

describe('business case settings', () => {
  it('answers what is missing before anything is set, and computes nothing', async () => {
    const res = await call(t.app, k.s.office, 'GET', url());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totals: null, lines: [], suppressed: false });
    expect(res.json().missing).toContain('shelter_night');
  });

  it('only the office records versions; each value needs its source; percentages stay within 100', async () => {
    const body = { tariffs: TARIFFS, assumptions: ASSUMPTIONS };
    expect((await call(t.app, k.s.municipality, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, body)).statusCode).toBe(403);
    const noSource = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, {
      tariffs: [{ ...TARIFFS[0], source: ' ' }],
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().errors[0].path).toBe('tariffs.0.source');
    const over = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, {
      assumptions: [{ ...ASSUMPTIONS[2], value: 120 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].path).toBe('assumptions.0.value');
    const empty = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, {});
    expect(empty.statusCode).toBe(400);

    const ok = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    // A later version from June 2021: does not count for a date before it.
    const later = await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${k.r.programmeId}/business-case/settings`, {
      tariffs: [{ kind: 'shelter_night', amountCents: 12_000, source: 'Nieuw tarief 2021-06', validFrom: '2021-06-01' }],
    });
    expect(later.statusCode).toBe(201);
    const shelter = later.json().tariffs.find((x: { kind: string }) => x.kind === 'shelter_night');
    expect(shelter.history).toHaveLength(2);
    const onMarch = (await call(t.app, k.s.researcher, 'GET', `/api/v1/programmes/${k.r.programmeId}/business-case/settings?date=2021-03-31`)).json();
    const marchShelter = onMarch.tariffs.find((x: { kind: string }) => x.kind === 'shelter_night');
    expect(marchShelter.current).toMatchObject({ amountCents: 10_000, source: 'Testtarief' });
    expect(onMarch.abilities.edit).toBe(false);
  });
});

describe('business case of a small built programme', () => {
  it('matches the totals computed by hand', async () => {
    // P1: from the night shelter, not on the waiting list. Housed 1 Feb 2021, guidance by
    // provider A 7 h/week, from 1 March 3.5 h/week.
    const p1 = await buildParticipant(k, 'housed', { currentPlace: 'night_shelter' });
    await tenancy(p1, '2021-02-01');
    await episode(p1.id, k.r.orgs.providerA, '2021-02-01', 7, null, [['2021-03-01', 3.5]]);
    // P2: on the central waiting list since 1 Oct 2020, housed 1 March, neighbourhood team 2 h/week.
    const p2 = await buildParticipant(k, 'housed', { currentPlace: 'night_shelter', waitingListRegisteredOn: '2020-10-01' });
    await tenancy(p2, '2021-03-01');
    await episode(p2.id, neighbourhoodTeam, '2021-03-01', 2);
    // P3: came from sheltered housing, housed 1 Feb, left 1 March; 14 h/week while housed.
    const p3 = await buildParticipant(k, 'housed', { currentPlace: 'sheltered_housing' });
    await tenancy(p3, '2021-02-01', '2021-03-01');
    await episode(p3.id, k.r.orgs.providerA, '2021-02-01', 14, '2021-03-01');
    // Not housed: not in the business case.
    await buildParticipant(k, 'ready');

    const res = await call(t.app, k.s.office, 'GET', url());
    expect(res.statusCode, res.body).toBe(200);
    const bc = res.json();
    expect(bc.missing).toEqual([]);
    expect(bc.view).toBe('full');
    expect(bc.participants).toBe(3);
    const line = (id: string) => bc.lines.find((l: { participantId: string }) => l.participantId === id);

    // P1, 1 Feb – 31 Mar = 59 days.
    //   guidance: 28 days × 7/7 h = 28 h; 31 days × 3.5/7 h = 15.5 h → 43.5 h × €70 = €3,045.00
    //   one home €2,000 → Housing First €5,045.00
    //   counterfactual: 12 months of shelter, all 59 nights × €100 = €5,900.00
    expect(line(p1.id)).toMatchObject({
      days: 59,
      housingFirst: { guidanceHours: 43.5, guidanceCents: 304_500, oneOffCents: 200_000, rentArrearsCents: 0, totalCents: 504_500 },
      counterfactual: { shelterNights: 59, shelterCents: 590_000, shelteredHousingCents: 0, totalCents: 590_000 },
      savingsCents: 85_500,
    });
    // P2, 1 – 31 Mar = 31 days.
    //   neighbourhood team: 31 days × 2/7 h = 62/7 h × €56 = €496.00; one home €2,000 → €2,496.00
    //   counterfactual: the wait (6 × 30.4375 days from 1 Oct 2020) ends 1 Apr 2021, so shelter
    //   all 31 nights × €100 = €3,100.00 and no sheltered housing yet
    expect(line(p2.id)).toMatchObject({
      days: 31,
      housingFirst: { neighbourhoodTeamCents: 49_600, guidanceCents: 0, totalCents: 249_600 },
      counterfactual: { shelterCents: 310_000, shelteredHousingCents: 0, totalCents: 310_000 },
      savingsCents: 60_400,
    });
    // P3, 1 – 28 Feb = 28 days (the tenancy ended 1 March: the comparison stops there).
    //   guidance: 28 days × 14/7 h = 56 h × €70 = €3,920.00; one home €2,000 → €5,920.00
    //   counterfactual: stays in sheltered housing, 28 days × €200 = €5,600.00
    expect(line(p3.id)).toMatchObject({
      days: 28,
      housingFirst: { guidanceCents: 392_000, totalCents: 592_000 },
      counterfactual: { shelterCents: 0, shelteredHousingCents: 560_000, totalCents: 560_000 },
      savingsCents: -32_000,
    });

    // Totals: Housing First 504,500 + 249,600 + 592,000 = 1,346,100;
    // counterfactual 590,000 + 310,000 + 560,000 = 1,460,000; savings +113,900: positive.
    expect(bc.totals).toMatchObject({
      housingFirst: { totalCents: 1_346_100, guidanceCents: 696_500, neighbourhoodTeamCents: 49_600, oneOffCents: 600_000 },
      counterfactual: { totalCents: 1_460_000, shelterCents: 900_000, shelteredHousingCents: 560_000 },
      savingsCents: 113_900,
      verdict: 'positive',
    });
    // 118 participant-days = 118/365 years: 1,346,100 × 365 / 118 = 4,163,783.9 → 4,163,784;
    // 1,460,000 × 365 / 118 = 4,516,101.7 → 4,516,102; savings 352,318 per participant per year.
    expect(bc.totals.participantYears).toBeCloseTo(118 / 365, 9);
    expect(bc.perParticipantPerYear).toEqual({ housingFirstCents: 4_163_784, counterfactualCents: 4_516_102, savingsCents: 352_318 });

    // Cumulative by month. End of February: P1 28 h guidance (196,000) + home (200,000) against
    // 28 nights (280,000); P3 as above. HF 988,000, counterfactual 840,000: −148,000.
    expect(bc.monthly).toEqual([
      { month: '2021-02', date: '2021-02-28', housingFirstCents: 988_000, counterfactualCents: 840_000, savingsCents: -148_000 },
      { month: '2021-03', date: '2021-03-31', housingFirstCents: 1_346_100, counterfactualCents: 1_460_000, savingsCents: 113_900 },
    ]);
    expect(bc.breakEvenMonth).toBe('2021-03');

    // Sensitivity: savings = 713,900 − 3 × one-off; within €1,000…€3,000 it turns negative above
    // 713,900 / 3 = 237,966.67 → 237,967 cents.
    const oneOff = bc.sensitivity.find((s: { key: string }) => s.key === 'one_off_per_home');
    expect(oneOff).toMatchObject({ low: 100_000, high: 300_000, changesVerdict: true, threshold: 237_967, verdictAtHigh: 'negative' });
    expect(oneOff.savingsAtHighCents).toBe(713_900 - 3 * 300_000);

    // The office's read is logged with the participants it showed.
    const [audit] = await t.database.query<{ participant_ids: string[] }>(
      `SELECT participant_ids FROM audit_events WHERE region_id = $1 AND action = 'participant.list' ORDER BY seq DESC LIMIT 1`,
      [k.r.regionId],
    );
    expect([...audit.participant_ids].sort()).toEqual([p1.id, p2.id, p3.id].sort());
  }, 180_000);

  it('withholds the aggregate from a municipality and a researcher below five participants', async () => {
    for (const who of ['municipality', 'researcher']) {
      const res = await call(t.app, k.s[who], 'GET', url());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ view: 'aggregate', suppressed: true, totals: null, lines: [], monthly: [], participants: 3 });
    }
    for (const who of ['careWorker', 'corporation', 'referrer', 'assessor']) {
      expect((await call(t.app, k.s[who], 'GET', url())).statusCode).toBe(403);
    }
  });

  it('shows a municipality the same totals without lines from five participants on', async () => {
    // Two more from the night shelter, housed on the date itself: 1 night (€100) against a home (€2,000) each.
    for (let i = 0; i < 2; i++) {
      const p = await buildParticipant(k, 'housed');
      await tenancy(p, '2021-03-31');
    }
    const office = (await call(t.app, k.s.office, 'GET', url())).json();
    const muni = (await call(t.app, k.s.municipality, 'GET', url())).json();
    // HF 1,346,100 + 2 × 200,000 = 1,746,100; counterfactual 1,460,000 + 2 × 10,000 = 1,480,000.
    expect(office.totals).toMatchObject({ housingFirst: { totalCents: 1_746_100 }, counterfactual: { totalCents: 1_480_000 }, savingsCents: -266_100, verdict: 'negative' });
    expect(muni).toMatchObject({ view: 'aggregate', suppressed: false, lines: [], participants: 5 });
    expect(muni.totals).toEqual(office.totals);
    expect(muni.breakEvenMonth).toBeNull();
  }, 180_000);

  it("answers 404 for another region's programme", async () => {
    const other = await buildRegion(t.database);
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${other.programmeId}/business-case`)).statusCode).toBe(404);
  });
});
