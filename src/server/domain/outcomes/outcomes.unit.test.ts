import { describe, expect, it } from 'vitest';
import { confidenceInterval, kaplanMeier, kaplanMeierFromCounts, survivalAt, Z_95 } from './outcomes.survival.js';
import {
  addMonths,
  DEFAULT_RECOVERY_DEFINITION,
  exitClass,
  maskCount,
  recoveryRate,
  recoveryStatus,
  returnsToHomelessness,
  suppressCell,
  type ReturnHistory,
} from './outcomes.measures.js';

/**
 * Freireich et al. (1963) 6-MP leukaemia remission data as published by Gehan (1965), 6-MP group,
 * remission times in weeks, * = censored. The Kaplan–Meier table with Greenwood standard errors is
 * printed in Kleinbaum & Klein, Survival Analysis: A Self-Learning Text (3rd ed., ch. 2) and in
 * Klein & Moeschberger, Survival Analysis (2nd ed., table 4.1A, the same data), and is what R's
 * survival::survfit prints for MASS::gehan's 6-MP arm.
 */
const SIX_MP = '6,6,6,6*,7,9*,10,10*,11*,13,16,17*,19*,20*,22,23,25*,32*,32*,34*,35*';
const sixMp = () => SIX_MP.split(',').map((s) => ({ time: Number(s.replace('*', '')), event: !s.endsWith('*') }));
/** [time, S(t), SE] as published, to three decimals. */
const PUBLISHED: [number, number, number][] = [
  [6, 0.857, 0.076],
  [7, 0.807, 0.087],
  [10, 0.753, 0.096],
  [13, 0.69, 0.107],
  [16, 0.627, 0.114],
  [22, 0.538, 0.128],
  [23, 0.448, 0.135],
];
const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe('kaplanMeier: the 6-MP textbook example (ties and censoring)', () => {
  const curve = kaplanMeier(sixMp());

  it('reproduces the published survival and Greenwood standard errors to three decimals', () => {
    for (const [time, s, se] of PUBLISHED) {
      const step = curve.steps.find((x) => x.time === time)!;
      expect(r3(step.survival), `S(${time})`).toBe(s);
      expect(r3(step.standardError), `SE(${time})`).toBe(se);
    }
  });

  it('counts ties with events before censorings: at week 6, 21 at risk, 3 events, 1 censored; at week 10, 15 at risk', () => {
    const at6 = curve.steps.find((x) => x.time === 6)!;
    expect([at6.atRisk, at6.events, at6.censored]).toEqual([21, 3, 1]);
    const at10 = curve.steps.find((x) => x.time === 10)!;
    expect([at10.atRisk, at10.events, at10.censored]).toEqual([15, 1, 1]);
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
  });

  it('survival drops only at events and stays level at censorings', () => {
    expect(r3(curve.steps.find((x) => x.time === 9)!.survival)).toBe(0.807);
    expect(r3(curve.steps.find((x) => x.time === 35)!.survival)).toBe(0.448);
  });

  it('survivalAt reads the step function: 1 before the first event, the last step between events', () => {
    expect(survivalAt(curve, 5).survival).toBe(1);
    expect(r3(survivalAt(curve, 6).survival)).toBe(0.857);
    expect(r3(survivalAt(curve, 12).survival)).toBe(0.753);
    expect(r3(survivalAt(curve, 12).standardError)).toBe(0.096);
    // 21 − 4 at 6 − 1 at 7 − 1 at 9 − 2 at 10 − 1 at 11 = 12 still followed after week 12.
    expect(survivalAt(curve, 12).atRisk).toBe(12);
    expect(survivalAt(curve, 35).reached).toBe(true);
    expect(survivalAt(curve, 36).reached).toBe(false);
  });

  it('the log-log 95 % interval at week 6 equals the hand computation', () => {
    // Greenwood's sum at week 6: 3 / (21 · 18); θ = log(−log S); SE(θ) = √g / |log S|.
    const s = 18 / 21;
    const g = 3 / (21 * 18);
    const seTheta = Math.sqrt(g) / Math.abs(Math.log(s));
    const at6 = curve.steps[0];
    expect(at6.lower).toBeCloseTo(Math.pow(s, Math.exp(Z_95 * seTheta)), 12);
    expect(at6.upper).toBeCloseTo(Math.pow(s, Math.exp(-Z_95 * seTheta)), 12);
    // As R's survfit(conf.type = "log-log") prints it for this example.
    expect(r3(at6.lower)).toBe(0.62);
    expect(r3(at6.upper)).toBe(0.952);
    expect(r3(curve.steps.find((x) => x.time === 23)!.lower)).toBe(0.188);
    expect(r3(curve.steps.find((x) => x.time === 23)!.upper)).toBe(0.68);
  });

  it('the plain Greenwood interval is S ± 1.96·SE clipped to [0, 1]', () => {
    const plain = kaplanMeier(sixMp(), 'plain');
    const at23 = plain.steps.find((x) => x.time === 23)!;
    expect(at23.lower).toBeCloseTo(at23.survival - Z_95 * at23.standardError, 12);
    expect(plain.steps[0].upper).toBe(1);
  });
});

describe('kaplanMeier: edges', () => {
  it('no events: survival 1 with interval [1, 1]', () => {
    const c = kaplanMeier([{ time: 3, event: false }, { time: 5, event: false }]);
    expect(c.steps.map((s) => [s.survival, s.lower, s.upper])).toEqual([[1, 1, 1], [1, 1, 1]]);
  });
  it('everyone has the event: survival 0 with SE 0 and interval [0, 0]', () => {
    const c = kaplanMeier([{ time: 1, event: true }, { time: 2, event: true }]);
    expect(c.steps[1]).toMatchObject({ survival: 0, standardError: 0, lower: 0, upper: 0 });
  });
  it('counts per time give the same curve as individual observations (SQL hands over counts)', () => {
    const a = kaplanMeier(sixMp());
    const b = kaplanMeierFromCounts([{ time: 6, events: 3, censored: 0 }, { time: 6, events: 0, censored: 1 }, ...sixMp().filter((o) => o.time !== 6).map((o) => ({ time: o.time, events: o.event ? 1 : 0, censored: o.event ? 0 : 1 }))]);
    expect(b.steps).toEqual(a.steps);
  });
  it('an empty list gives an empty curve; survivalAt answers 1, not reached', () => {
    const c = kaplanMeier([]);
    expect(c).toMatchObject({ n: 0, events: 0, steps: [] });
    expect(survivalAt(c, 10)).toMatchObject({ survival: 1, reached: false });
  });
  it('refuses a negative time', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(RangeError);
  });
  it('confidenceInterval keeps log-log bounds inside (0, 1)', () => {
    const ci = confidenceInterval(0.95, 0.01);
    expect(ci.lower).toBeGreaterThan(0);
    expect(ci.upper).toBeLessThan(1);
  });
});

describe('returnsToHomelessness: band edges', () => {
  const exit = '2021-01-01';
  const window = { from: '2020-01-01', to: '2021-12-31' };
  const asOf = '2024-01-01';
  const after = (days: number) => new Date(Date.parse(exit) + days * 86_400_000).toISOString().slice(0, 10);
  const person = (days: number | null, permanent = true): ReturnHistory => ({
    exits: [{ date: exit, permanent }],
    homelessEntries: days === null ? [] : [after(days)],
  });
  const bandOf = (days: number) => returnsToHomelessness([person(days)], window, asOf);

  it.each([
    [0, '0-180'],
    [180, '0-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, '366-730'],
    [730, '366-730'],
  ] as const)('a return on day %i falls in %s', (days, band) => {
    const r = bandOf(days);
    expect(r.bands[band]).toBe(1);
    expect(r.total).toBe(1);
  });

  it('a return on day 731 is not counted', () => {
    const r = bandOf(731);
    expect(r.exits).toBe(1);
    expect(r.total).toBe(0);
  });

  it('within 6/12/24 months: cumulative, over the people followed at least that long', () => {
    const r = returnsToHomelessness([person(180), person(181), person(366), person(null)], window, asOf);
    expect(r.within).toEqual([
      { months: 6, days: 180, followed: 4, returns: 1 },
      { months: 12, days: 365, followed: 4, returns: 2 },
      { months: 24, days: 730, followed: 4, returns: 3 },
    ]);
    // Followed 200 days by the date: counts for 6 months only.
    const early = returnsToHomelessness([person(null)], window, after(200));
    expect(early.within.map((w) => w.followed)).toEqual([1, 0, 0]);
  });

  it('only the first permanent exit in the window counts; other exits and later entries are ignored', () => {
    const h: ReturnHistory = {
      exits: [{ date: '2019-06-01', permanent: true }, { date: '2021-03-01', permanent: false }, { date: '2021-05-01', permanent: true }, { date: '2021-09-01', permanent: true }],
      homelessEntries: ['2019-07-01', '2021-06-30'],
    };
    const r = returnsToHomelessness([h], window, asOf);
    expect(r.exits).toBe(1);
    expect(r.bands['0-180']).toBe(1);
    expect(returnsToHomelessness([person(10, false)], window, asOf).exits).toBe(0);
  });

  it('an entry after the date is not known yet', () => {
    expect(returnsToHomelessness([person(100)], window, after(99)).total).toBe(0);
  });
});

describe('sustainable recovery', () => {
  const def = DEFAULT_RECOVERY_DEFINITION;
  const asOf = '2022-06-30';
  it('counts only those housed at least 12 months before the date', () => {
    expect(recoveryStatus({ housingStart: '2021-07-01', exit: null, lastMinScore: 3 }, def, asOf)).toBe('not_counted');
    expect(recoveryStatus({ housingStart: '2021-06-30', exit: null, lastMinScore: 3 }, def, asOf)).toBe('recovered');
  });
  it('a return to shelter, a domain at 1 or no measurement is not recovery', () => {
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: { date: '2022-05-01', reason: 'returned_to_shelter' }, lastMinScore: 4 }, def, asOf)).toBe('returned');
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: null, lastMinScore: 1 }, def, asOf)).toBe('domain_at_one');
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: null, lastMinScore: null }, def, asOf)).toBe('no_measurement');
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: { date: '2021-08-01', reason: 'moved_on' }, lastMinScore: 2 }, def, asOf)).toBe('recovered');
  });
  it('deceased or admitted to care before the period ends: excluded', () => {
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: { date: '2021-08-01', reason: 'deceased' }, lastMinScore: 3 }, def, asOf)).toBe('excluded');
  });
  it('a definition without the ZRM condition ignores the scores', () => {
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: null, lastMinScore: null }, { ...def, requireNoDomainAtOne: false }, asOf)).toBe('recovered');
  });
  it('the rate against 90 % with numerator and denominator', () => {
    const ok = { housingStart: '2021-01-01', exit: null, lastMinScore: 3 };
    const facts = [...Array(9).fill(ok), { housingStart: '2021-01-01', exit: { date: '2021-05-01', reason: 'evicted' }, lastMinScore: 3 }, { housingStart: '2022-01-01', exit: null, lastMinScore: 3 }];
    const r = recoveryRate(facts, def, asOf);
    // The goal is *more than* 90 %: exactly 9 of 10 does not meet it, 10 of 11 does.
    expect(r).toMatchObject({ numerator: 9, denominator: 10, rate: 0.9, goal: 0.9, meetsGoal: false, returned: 1 });
    expect(recoveryRate([...facts, ok], def, asOf)).toMatchObject({ numerator: 10, denominator: 11, meetsGoal: true });
    expect(recoveryRate([], def, asOf)).toMatchObject({ rate: null, meetsGoal: null, denominator: 0 });
  });
  it('addMonths clips to the month end', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-12-15', 12)).toBe('2021-12-15');
  });
  it('classifies exits', () => {
    expect(['evicted', 'returned_to_shelter', 'left_without_notice', 'detention'].map(exitClass)).toEqual(Array(4).fill('negative'));
    expect(['moved_on', 'guidance_completed'].map(exitClass)).toEqual(['permanent', 'permanent']);
    expect(['deceased', 'admitted_to_care', 'other'].map(exitClass)).toEqual(['neutral', 'neutral', 'neutral']);
  });
});

describe('small-cell suppression', () => {
  it('suppresses a cell under 5 people for municipalities only', () => {
    expect(suppressCell<{ n: number | null; rate: number | null }>({ n: 4, rate: 0.5 }, true, { rate: null })).toEqual({ n: null, rate: null, suppressed: true });
    expect(suppressCell<{ n: number | null; rate: number | null }>({ n: 5, rate: 0.5 }, true, { rate: null })).toEqual({ n: 5, rate: 0.5, suppressed: false });
    expect(suppressCell<{ n: number | null; rate: number | null }>({ n: 1, rate: 1 }, false, { rate: null })).toEqual({ n: 1, rate: 1, suppressed: false });
  });
  it('masks counts 1–4 inside a figure; 0 and 5+ stay', () => {
    expect([0, 1, 4, 5, 12].map((c) => maskCount(c, true))).toEqual([0, null, null, 5, 12]);
    expect(maskCount(3, false)).toBe(3);
  });
});

describe('sustainable recovery: a return after a permanent exit', () => {
  it('moved on, then referred again as homeless: returned', () => {
    expect(recoveryStatus({ housingStart: '2021-01-01', exit: { date: '2021-10-01', reason: 'moved_on' }, lastMinScore: 3, returnedOn: '2022-01-01' }, DEFAULT_RECOVERY_DEFINITION, '2022-06-30')).toBe('returned');
  });
});
