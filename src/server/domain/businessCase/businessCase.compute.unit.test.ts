import { describe, expect, it } from 'vitest';
import {
  breakEven,
  computeBusinessCase,
  monthEnds,
  participantCase,
  roundCents,
  sensitivity,
  type Assumptions,
  type ParticipantFacts,
  type Tariffs,
} from './businessCase.compute.js';

const TARIFFS: Tariffs = {
  shelter_night: 10_000, // €100
  sheltered_housing_day: 20_000, // €200
  guidance_hour: 7_000, // €70
  neighbourhood_team_hour: 5_600, // €56
  rent_arrears_covered: 100_000, // €1,000 per case
  one_off_per_home: 200_000, // €2,000
};
const ASSUMPTIONS: Assumptions = {
  shelter_months: 12,
  waiting_list_months: 6,
  sheltered_housing_share: 50,
  sheltered_housing_months: 24,
  street_shelter_share: 50,
  rent_arrears_cases_per_100: 0,
};

/** In the night shelter, not on the waiting list, housed 1 Jan 2021 with 7 hours of guidance a week. */
const anna: ParticipantFacts = {
  id: 'a',
  code: 'EH-AAAAAA',
  currentPlace: 'night_shelter',
  waitingListRegisteredOn: null,
  tenancies: [{ start: '2021-01-01', end: null }],
  episodes: [{ start: '2021-01-01', end: null, hoursPerWeek: 7, neighbourhoodTeam: false, intensities: [] }],
};

describe('participantCase', () => {
  it('integrates guidance hours and counts shelter nights up to and including the date', () => {
    const c = participantCase(anna, TARIFFS, ASSUMPTIONS, '2021-01-31')!;
    // 31 days × 7 h/week ÷ 7 = 31 hours × €70 = €2,170.
    expect(c.housingFirst.guidanceHours).toBe(31);
    expect(c.housingFirst.guidanceCents).toBe(217_000);
    // One home: €2,000; no arrears assumed.
    expect(c.housingFirst.oneOffCents).toBe(200_000);
    expect(c.housingFirst.totalCents).toBe(417_000);
    // Shelter for 12 months from housing: all 31 nights × €100.
    expect(c.counterfactual.shelterNights).toBe(31);
    expect(c.counterfactual.shelterCents).toBe(310_000);
    expect(c.counterfactual.shelteredHousingCents).toBe(0);
    expect(c.savingsCents).toBe(310_000 - 417_000);
    expect(c.days).toBe(31);
  });

  it('is null before the first tenancy', () => {
    expect(participantCase(anna, TARIFFS, ASSUMPTIONS, '2020-12-31')).toBeNull();
  });

  it('on the waiting list: shelter until the wait ends, then sheltered housing for everyone', () => {
    const bert: ParticipantFacts = {
      ...anna,
      id: 'b',
      waitingListRegisteredOn: '2020-10-01',
      tenancies: [{ start: '2021-03-01', end: null }],
      episodes: [],
    };
    const c = participantCase(bert, TARIFFS, ASSUMPTIONS, '2021-04-30')!;
    // The wait ends 6 × 30.4375 = 182.625 days after 1 Oct 2020: 1 Apr 2021 + 0.625 day.
    // Shelter from 1 Mar: 31 + 0.625 = 31.625 nights × €100 = €3,162.50.
    expect(c.counterfactual.shelterNights).toBeCloseTo(31.625, 9);
    expect(c.counterfactual.shelterCents).toBe(316_250);
    // Sheltered housing from then through 30 Apr: 61 − 31.625 = 29.375 days × €200 = €5,875.
    expect(c.counterfactual.shelteredHousingCents).toBe(587_500);
    expect(c.counterfactual.totalCents).toBe(903_750);
  });

  it('follows intensity changes, hands over to the neighbourhood tariff, and stops at the end of the last tenancy', () => {
    const cees: ParticipantFacts = {
      id: 'c',
      code: 'EH-CCCCCC',
      currentPlace: 'sheltered_housing',
      waitingListRegisteredOn: null,
      tenancies: [{ start: '2021-01-01', end: '2021-03-01' }],
      episodes: [
        { start: '2021-01-01', end: '2021-02-01', hoursPerWeek: 14, neighbourhoodTeam: false, intensities: [{ from: '2021-01-15', hoursPerWeek: 7 }] },
        { start: '2021-02-01', end: null, hoursPerWeek: 2, neighbourhoodTeam: true, intensities: [] },
      ],
    };
    const c = participantCase(cees, TARIFFS, { ...ASSUMPTIONS, rent_arrears_cases_per_100: 10 }, '2021-06-30')!;
    // 1–14 Jan: 14 days at 14 h/week = 28 h; 15–31 Jan: 17 days at 7 h/week = 17 h → 45 h × €70.
    expect(c.housingFirst.guidanceHours).toBe(45);
    expect(c.housingFirst.guidanceCents).toBe(315_000);
    // Neighbourhood team 1 Feb – 28 Feb (the tenancy ended 1 Mar): 28 days × 2 h/week = 8 h × €56.
    expect(c.housingFirst.neighbourhoodTeamHours).toBe(8);
    expect(c.housingFirst.neighbourhoodTeamCents).toBe(44_800);
    // Arrears: 59 tenancy days × 10 cases per 100 per year ÷ 365 × €1,000 = 1,616.438… → 1,616 cents.
    expect(c.housingFirst.rentArrearsCents).toBe(1_616);
    // Was in sheltered housing: 59 days × €200.
    expect(c.counterfactual.shelterCents).toBe(0);
    expect(c.counterfactual.shelteredHousingCents).toBe(1_180_000);
    expect(c.days).toBe(59);
  });

  it('from the street only a share would have been in shelter', () => {
    const dirk: ParticipantFacts = { ...anna, id: 'd', currentPlace: 'street', episodes: [] };
    const c = participantCase(dirk, TARIFFS, ASSUMPTIONS, '2021-01-10')!;
    // 10 days × 50 % = 5 nights × €100.
    expect(c.counterfactual.shelterNights).toBe(5);
    expect(c.counterfactual.shelterCents).toBe(50_000);
  });

  it('uses recorded rent arrears instead of the assumption when given', () => {
    const c = participantCase({ ...anna, rentArrearsCovered: [{ on: '2021-01-20', cents: 45_000 }, { on: '2021-02-20', cents: 1 }] }, TARIFFS, { ...ASSUMPTIONS, rent_arrears_cases_per_100: 50 }, '2021-01-31')!;
    expect(c.housingFirst.rentArrearsCents).toBe(45_000);
  });
});

describe('rounding', () => {
  it('rounds guidance once, half up, from the exact fraction', () => {
    const one = (hoursPerWeek: number, tariff: number) =>
      participantCase(
        { ...anna, episodes: [{ start: '2021-01-01', end: null, hoursPerWeek, neighbourhoodTeam: false, intensities: [] }] },
        { ...TARIFFS, guidance_hour: tariff },
        ASSUMPTIONS,
        '2021-01-01',
      )!.housingFirst.guidanceCents;
    // 1 day at 1 h/week = 1/7 h × 6,500 = 928.571… → 929.
    expect(one(1, 6_500)).toBe(929);
    // 0.5 h/week: 464.285… → 464.
    expect(one(0.5, 6_500)).toBe(464);
    // 0.7 h/week × 1 day = 0.1 h × 5 cents = 0.5 cent → 1 (half up).
    expect(one(0.7, 5)).toBe(1);
  });

  it('roundCents is half up and tolerant of float noise', () => {
    expect(roundCents(0.5)).toBe(1);
    expect(roundCents(0.49)).toBe(0);
    expect(roundCents(0.1 + 0.2 + 0.2)).toBe(1);
    expect(roundCents(1616.438)).toBe(1616);
  });

  it('totals equal the sum of the lines', () => {
    const bc = computeBusinessCase(
      [anna, { ...anna, id: 'x', code: 'EH-XXXXXX', episodes: [{ start: '2021-01-01', end: null, hoursPerWeek: 1, neighbourhoodTeam: false, intensities: [] }] }],
      { ...TARIFFS, guidance_hour: 6_500 },
      ASSUMPTIONS,
      '2021-01-03',
    );
    const sum = bc.lines.reduce((n, l) => n + l.housingFirst.guidanceCents, 0);
    expect(bc.totals.housingFirst.guidanceCents).toBe(sum);
  });
});

describe('break-even', () => {
  it('is the first month after which cumulative savings stay positive', () => {
    expect(breakEven([{ month: '2021-01', savingsCents: -5 }, { month: '2021-02', savingsCents: 3 }, { month: '2021-03', savingsCents: 9 }])).toBe('2021-02');
    expect(breakEven([{ month: '2021-01', savingsCents: 1 }, { month: '2021-02', savingsCents: -1 }, { month: '2021-03', savingsCents: 2 }])).toBe('2021-03');
  });
  it('is never when savings are not positive at the end', () => {
    expect(breakEven([{ month: '2021-01', savingsCents: 5 }, { month: '2021-02', savingsCents: 0 }])).toBeNull();
    expect(breakEven([])).toBeNull();
  });
  it('month ends run from the first month through the date', () => {
    expect(monthEnds('2021-01-15', '2021-03-10')).toEqual([
      { month: '2021-01', date: '2021-01-31' },
      { month: '2021-02', date: '2021-02-28' },
      { month: '2021-03', date: '2021-03-10' },
    ]);
  });
  it('found in the monthly series: the one-off cost is earned back by shelter nights', () => {
    // Anna without guidance: −€2,000 on day one, +€100 per night → positive from night 21.
    const bc = computeBusinessCase([{ ...anna, episodes: [] }], TARIFFS, ASSUMPTIONS, '2021-03-31');
    expect(bc.monthly.map((m) => m.savingsCents)).toEqual([31 * 10_000 - 200_000, 59 * 10_000 - 200_000, 90 * 10_000 - 200_000]);
    expect(bc.breakEvenMonth).toBe('2021-01');
    const late = computeBusinessCase([anna], TARIFFS, ASSUMPTIONS, '2021-03-31');
    // With 7 h/week guidance (€70 a day) only €30 a night is left: −2,000 + 90 × 30 = +700 by 31 March.
    expect(late.monthly.map((m) => m.savingsCents)).toEqual([31 * 3_000 - 200_000, 59 * 3_000 - 200_000, 90 * 3_000 - 200_000]);
    expect(late.breakEvenMonth).toBe('2021-03');
  });
});

describe('sensitivity', () => {
  // Anna on 31 January: savings = 31 × shelter − 200,000 − 31 × guidance = 310,000 − 417,000 < 0.
  const rows = sensitivity([anna], TARIFFS, ASSUMPTIONS, '2021-01-31');
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it('finds the shelter tariff above which the verdict turns positive', () => {
    // 31 s > 417,000 ⇔ s > 13,451.6 → 13,452 cents, inside 5,000…15,000.
    expect(row('shelter_night')).toMatchObject({ low: 5_000, high: 15_000, changesVerdict: true, threshold: 13_452, verdictAtHigh: 'positive', verdictAtLow: 'negative' });
    expect(row('shelter_night').savingsAtHighCents).toBe(31 * 15_000 - 417_000);
  });

  it('finds the guidance tariff below which it turns positive', () => {
    // 310,000 − 200,000 − 31 g > 0 ⇔ g < 3,548.39 → 3,548 (31 × 3,548 = 109,988, savings +12).
    expect(row('guidance_hour')).toMatchObject({ changesVerdict: true, threshold: 3_548, verdictAtLow: 'positive' });
  });

  it('reports no threshold where the range does not flip the verdict', () => {
    // One-off: savings = 93,000 − o, negative for all o in 100,000…300,000.
    expect(row('one_off_per_home')).toMatchObject({ changesVerdict: false, threshold: null, low: 100_000, high: 300_000 });
    // Months in sheltered housing do not matter within the first year of shelter.
    expect(row('sheltered_housing_months').savingsAtLowCents).toBe(row('sheltered_housing_months').savingsAtHighCents);
  });

  it('keeps percentages within 0…100 and orders by swing', () => {
    expect(row('street_shelter_share').high).toBe(75);
    const swings = rows.map((r) => Math.abs(r.savingsAtHighCents - r.savingsAtLowCents));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });

  it('accepts own bounds', () => {
    const own = sensitivity([anna], TARIFFS, ASSUMPTIONS, '2021-01-31', { bounds: { shelter_night: [0, 20_000] } });
    expect(own.find((r) => r.key === 'shelter_night')).toMatchObject({ low: 0, high: 20_000, threshold: 13_452 });
  });
});
