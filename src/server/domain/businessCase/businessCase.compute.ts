/**
 * The Living Lab's business case as a pure computation (no database, no clock): what Housing
 * First actually cost per participant, against what the current route — shelter (MO) and then
 * sheltered housing (BW) — would have cost for the same people over the same time.
 * The model, its assumptions and their limits are described in docs/business-case.md.
 *
 * Money is in integer euro cents. Rounding: every cost component of every participant is
 * computed exactly (guidance: integers of tenth-hours × days; the rest in floating point on
 * cents) and rounded half up to a whole cent once, per participant and component. Totals are
 * sums of those rounded amounts, so a total always equals the sum of its lines.
 */

import { ASSUMPTION_KEYS, ASSUMPTION_UNITS, TARIFF_KINDS, type AssumptionKey, type TariffKind } from '../../../shared/livingLab.js';

export { ASSUMPTION_KEYS, ASSUMPTION_UNITS, TARIFF_KINDS, type AssumptionKey, type TariffKind };

/** Tariffs in cents. */
export type Tariffs = Record<TariffKind, number>;
export type Assumptions = Record<AssumptionKey, number>;

export type PlaceAtReferral = 'street' | 'night_shelter' | 'shelter_24h' | 'sheltered_housing' | 'with_friends' | 'other';

/** What the computation needs of one participant. Dates are ISO dates ('YYYY-MM-DD'). */
export interface ParticipantFacts {
  id: string;
  code: string;
  /** Where they stayed when referred: decides the counterfactual route. */
  currentPlace: PlaceAtReferral;
  /** Registration on the access office's central waiting list, if any. */
  waitingListRegisteredOn: string | null;
  /** Tenancies in the programme; `end` is the day the tenancy ended (not lived in any more). */
  tenancies: { start: string; end: string | null }[];
  /** Guidance episodes; `end` is the first day without this episode. */
  episodes: {
    start: string;
    end: string | null;
    /** Hours per week before the first recorded intensity. */
    hoursPerWeek: number;
    /** Guidance by a neighbourhood team (after the scale-down): the neighbourhood tariff. */
    neighbourhoodTeam: boolean;
    /** Intensity changes: from that day on, so many hours per week. */
    intensities: { from: string; hoursPerWeek: number }[];
  }[];
  /** Rent arrears the programme actually covered; when given, replaces the assumption. */
  rentArrearsCovered?: { on: string; cents: number }[];
}

export interface HousingFirstCost {
  guidanceHours: number;
  guidanceCents: number;
  neighbourhoodTeamHours: number;
  neighbourhoodTeamCents: number;
  oneOffCents: number;
  rentArrearsCents: number;
  totalCents: number;
}

export interface CounterfactualCost {
  shelterNights: number;
  shelterCents: number;
  shelteredHousingDays: number;
  shelteredHousingCents: number;
  totalCents: number;
}

export interface ParticipantCase {
  id: string;
  code: string;
  housedOn: string;
  /** Days from the first tenancy's start to the end of the comparison window. */
  days: number;
  housingFirst: HousingFirstCost;
  counterfactual: CounterfactualCost;
  /** Counterfactual minus Housing First: positive means Housing First was cheaper. */
  savingsCents: number;
}

export type Verdict = 'positive' | 'negative' | 'unknown';

export interface Totals {
  participants: number;
  participantYears: number;
  housingFirst: HousingFirstCost;
  counterfactual: CounterfactualCost;
  savingsCents: number;
  verdict: Verdict;
}

export interface MonthPoint {
  month: string;
  date: string;
  housingFirstCents: number;
  counterfactualCents: number;
  savingsCents: number;
}

export interface SensitivityRow {
  kind: 'tariff' | 'assumption';
  key: TariffKind | AssumptionKey;
  base: number;
  low: number;
  high: number;
  savingsAtLowCents: number;
  savingsAtHighCents: number;
  verdictAtLow: Verdict;
  verdictAtHigh: Verdict;
  /** Whether some value in [low, high] gives another verdict than the base. */
  changesVerdict: boolean;
  /** The value (nearest to the base) at which the verdict flips; null if it does not in the range. */
  threshold: number | null;
}

export interface BusinessCase {
  date: string;
  totals: Totals;
  perParticipantPerYear: { housingFirstCents: number; counterfactualCents: number; savingsCents: number } | null;
  monthly: MonthPoint[];
  /** The first month after which cumulative savings stay positive up to the date; null: never. */
  breakEvenMonth: string | null;
  sensitivity: SensitivityRow[];
  lines: ParticipantCase[];
}

// —— Dates as day numbers ——

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** A month as the model counts it: the average Gregorian month, 365.25 / 12 days. */
export const MONTH_DAYS = 365.25 / 12;
/** Days in the year used for "per participant per year". */
export const YEAR_DAYS = 365;

/** Rounds a non-negative amount of cents half up to a whole cent (tolerant of float noise). */
export function roundCents(x: number): number {
  return Math.floor(x + 0.5 + 1e-6);
}

/** Length of the overlap of the half-open intervals [a0, a1) and [b0, b1), in days (may be fractional). */
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

const SHELTER_PLACES: readonly PlaceAtReferral[] = ['night_shelter', 'shelter_24h'];

/**
 * The costs of one participant up to and including `date` (a day number), or null when they had
 * no tenancy yet. The comparison window runs from the first tenancy's start to the end of the
 * last tenancy (or through the date while a tenancy runs): after someone left, neither route is
 * counted further (docs/business-case.md, limitations).
 */
export function participantCase(p: ParticipantFacts, tariffs: Tariffs, assumptions: Assumptions, dateIso: string): ParticipantCase | null {
  const date = dayOf(dateIso);
  const upTo = date + 1; // exclusive end: the date itself counts
  const tenancies = p.tenancies.filter((t) => dayOf(t.start) <= date);
  if (tenancies.length === 0) return null;
  const start = Math.min(...tenancies.map((t) => dayOf(t.start)));
  const running = tenancies.some((t) => t.end === null || dayOf(t.end) > date);
  const windowEnd = running ? upTo : Math.min(upTo, Math.max(...tenancies.map((t) => dayOf(t.end!))));

  // —— Housing First: guidance hours, integrated over the intensity in force each day ——
  // Integers: tenths of an hour per week × days; hours = sum / 70.
  let guidanceTenthDays = 0;
  let neighbourhoodTenthDays = 0;
  for (const e of p.episodes) {
    const from = dayOf(e.start);
    const to = Math.min(e.end ? dayOf(e.end) : Infinity, windowEnd);
    if (to <= from) continue;
    const changes = [...e.intensities].map((i) => ({ day: dayOf(i.from), tenths: Math.round(i.hoursPerWeek * 10) })).sort((a, b) => a.day - b.day);
    let sum = 0;
    let cursor = from;
    let tenths = Math.round(e.hoursPerWeek * 10);
    for (const c of changes) {
      if (c.day <= cursor) {
        tenths = c.tenths;
        continue;
      }
      if (c.day >= to) break;
      sum += (c.day - cursor) * tenths;
      cursor = c.day;
      tenths = c.tenths;
    }
    sum += (to - cursor) * tenths;
    if (e.neighbourhoodTeam) neighbourhoodTenthDays += sum;
    else guidanceTenthDays += sum;
  }
  // Half up on an exact fraction: floor((2·n + 70) / 140) = round(n / 70).
  const exactCents = (tenthDays: number, tariff: number) => Math.floor((2 * tenthDays * tariff + 70) / 140);
  const guidanceCents = exactCents(guidanceTenthDays, tariffs.guidance_hour);
  const neighbourhoodTeamCents = exactCents(neighbourhoodTenthDays, tariffs.neighbourhood_team_hour);

  const oneOffCents = tenancies.length * tariffs.one_off_per_home;
  const tenancyDays = tenancies.reduce((n, t) => n + overlap(dayOf(t.start), t.end ? dayOf(t.end) : Infinity, start, windowEnd), 0);
  const rentArrearsCents = p.rentArrearsCovered
    ? p.rentArrearsCovered.filter((r) => dayOf(r.on) <= date).reduce((n, r) => n + r.cents, 0)
    : roundCents(((tenancyDays * assumptions.rent_arrears_cases_per_100) / 100 / YEAR_DAYS) * tariffs.rent_arrears_covered);

  // —— The counterfactual: shelter, then (for some) sheltered housing ——
  let shelterWeight: number;
  let shelterEnd: number;
  let bwShare: number;
  if (p.currentPlace === 'sheltered_housing') {
    // Already in sheltered housing: they would have stayed there.
    shelterWeight = 0;
    shelterEnd = start;
    bwShare = 1;
  } else {
    // From the street or friends only a share would have entered shelter at all.
    shelterWeight = SHELTER_PLACES.includes(p.currentPlace) ? 1 : assumptions.street_shelter_share / 100;
    if (p.waitingListRegisteredOn) {
      // On the central waiting list: in shelter until a sheltered-housing place comes up.
      shelterEnd = Math.max(start, dayOf(p.waitingListRegisteredOn) + assumptions.waiting_list_months * MONTH_DAYS);
      bwShare = 1;
    } else {
      shelterEnd = start + assumptions.shelter_months * MONTH_DAYS;
      bwShare = assumptions.sheltered_housing_share / 100;
    }
  }
  // On the waiting list the sheltered-housing stay starts when the wait ends, also if that was before housing.
  const bwStart =
    p.currentPlace !== 'sheltered_housing' && p.waitingListRegisteredOn
      ? dayOf(p.waitingListRegisteredOn) + assumptions.waiting_list_months * MONTH_DAYS
      : shelterEnd;
  const bwEnd = bwStart + assumptions.sheltered_housing_months * MONTH_DAYS;
  const shelterNights = overlap(start, shelterEnd, start, windowEnd) * shelterWeight;
  const bwDays = overlap(bwStart, bwEnd, start, windowEnd) * (p.currentPlace === 'sheltered_housing' ? 1 : shelterWeight) * bwShare;
  const shelterCents = roundCents(shelterNights * tariffs.shelter_night);
  const shelteredHousingCents = roundCents(bwDays * tariffs.sheltered_housing_day);

  const hfTotal = guidanceCents + neighbourhoodTeamCents + oneOffCents + rentArrearsCents;
  const cfTotal = shelterCents + shelteredHousingCents;
  return {
    id: p.id,
    code: p.code,
    housedOn: isoOf(start),
    days: windowEnd - start,
    housingFirst: {
      guidanceHours: guidanceTenthDays / 70,
      guidanceCents,
      neighbourhoodTeamHours: neighbourhoodTenthDays / 70,
      neighbourhoodTeamCents,
      oneOffCents,
      rentArrearsCents,
      totalCents: hfTotal,
    },
    counterfactual: {
      shelterNights,
      shelterCents,
      shelteredHousingDays: bwDays,
      shelteredHousingCents,
      totalCents: cfTotal,
    },
    savingsCents: cfTotal - hfTotal,
  };
}

const emptyHf = (): HousingFirstCost => ({
  guidanceHours: 0, guidanceCents: 0, neighbourhoodTeamHours: 0, neighbourhoodTeamCents: 0, oneOffCents: 0, rentArrearsCents: 0, totalCents: 0,
});
const emptyCf = (): CounterfactualCost => ({ shelterNights: 0, shelterCents: 0, shelteredHousingDays: 0, shelteredHousingCents: 0, totalCents: 0 });

export const verdictOf = (participants: number, savingsCents: number): Verdict =>
  participants === 0 ? 'unknown' : savingsCents > 0 ? 'positive' : 'negative';

/** Sums the lines of every participant housed on or before the date. */
export function totalsOn(facts: readonly ParticipantFacts[], tariffs: Tariffs, assumptions: Assumptions, date: string): { totals: Totals; lines: ParticipantCase[] } {
  const lines: ParticipantCase[] = [];
  for (const p of facts) {
    const c = participantCase(p, tariffs, assumptions, date);
    if (c) lines.push(c);
  }
  const hf = emptyHf();
  const cf = emptyCf();
  let days = 0;
  for (const l of lines) {
    for (const k of Object.keys(hf) as (keyof HousingFirstCost)[]) hf[k] += l.housingFirst[k];
    for (const k of Object.keys(cf) as (keyof CounterfactualCost)[]) cf[k] += l.counterfactual[k];
    days += l.days;
  }
  const savingsCents = cf.totalCents - hf.totalCents;
  return {
    totals: {
      participants: lines.length,
      participantYears: days / YEAR_DAYS,
      housingFirst: hf,
      counterfactual: cf,
      savingsCents,
      verdict: verdictOf(lines.length, savingsCents),
    },
    lines,
  };
}

/** The last day of each month from `fromIso`'s month through `toIso` (the last point is `toIso` itself). */
export function monthEnds(fromIso: string, toIso: string): { month: string; date: string }[] {
  const out: { month: string; date: string }[] = [];
  let y = Number(fromIso.slice(0, 4));
  let m = Number(fromIso.slice(5, 7));
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > toIso.slice(0, 7)) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month, date: last < toIso ? last : toIso });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The break-even month: the first month after which cumulative savings stay positive through
 * the last point. Null when savings are not positive at the last point (never broken even).
 */
export function breakEven(points: readonly { month: string; savingsCents: number }[]): string | null {
  let candidate: string | null = null;
  for (const p of points) {
    if (p.savingsCents > 0) candidate ??= p.month;
    else candidate = null;
  }
  return candidate;
}

export interface SensitivityOptions {
  /** How far each tariff and assumption is varied, in percent of its value (default 50: −50 %…+50 %). */
  spreadPercent?: number;
  /** Own bounds for some parameters, e.g. `{ sheltered_housing_share: [0, 100] }`. */
  bounds?: Partial<Record<TariffKind | AssumptionKey, [number, number]>>;
}

const isTariff = (k: string): k is TariffKind => (TARIFF_KINDS as readonly string[]).includes(k);

/**
 * Varies each tariff and assumption on its own over its range and reports the total savings at
 * both ends, whether the verdict (positive / negative) changes within the range, and the value
 * at which it flips, found by bisection between the base value and the end that flips (the
 * crossing nearest the base when the savings are not monotonic). Tariffs' thresholds are whole
 * cents, assumptions' two decimals. Rows are ordered by swing, largest first (a tornado).
 */
export function sensitivity(
  facts: readonly ParticipantFacts[],
  tariffs: Tariffs,
  assumptions: Assumptions,
  date: string,
  opts: SensitivityOptions = {},
): SensitivityRow[] {
  const spread = (opts.spreadPercent ?? 50) / 100;
  const savingsWith = (key: TariffKind | AssumptionKey, value: number) => {
    const t = isTariff(key) ? { ...tariffs, [key]: value } : tariffs;
    const a = isTariff(key) ? assumptions : { ...assumptions, [key]: value };
    const { totals } = totalsOn(facts, t, a, date);
    return totals;
  };
  const baseTotals = totalsOn(facts, tariffs, assumptions, date).totals;
  const rows: SensitivityRow[] = [];
  for (const key of [...TARIFF_KINDS, ...ASSUMPTION_KEYS]) {
    const base = isTariff(key) ? tariffs[key] : assumptions[key];
    let [low, high] = opts.bounds?.[key] ?? [base * (1 - spread), base * (1 + spread)];
    if (!isTariff(key) && ASSUMPTION_UNITS[key] === 'percent') high = Math.min(100, high);
    low = Math.max(0, low);
    const precision = isTariff(key) ? 1 : 0.01;
    low = Math.round(low / precision) * precision;
    high = Math.round(high / precision) * precision;
    const atLow = savingsWith(key, low);
    const atHigh = savingsWith(key, high);
    const flipsLow = atLow.verdict !== baseTotals.verdict;
    const flipsHigh = atHigh.verdict !== baseTotals.verdict;
    let threshold: number | null = null;
    if (baseTotals.verdict !== 'unknown' && (flipsLow || flipsHigh)) {
      // Bisection between the base (same verdict) and the end that flips.
      let same = base;
      let other = flipsLow && (!flipsHigh || base - low <= high - base) ? low : high;
      for (let i = 0; i < 60 && Math.abs(other - same) > precision / 4; i++) {
        const mid = (same + other) / 2;
        if (savingsWith(key, mid).verdict === baseTotals.verdict) same = mid;
        else other = mid;
      }
      // The first value on the precision grid, going from the base outward, with the other verdict.
      const up = other > same;
      let grid = up ? Math.ceil(same / precision - 1e-9) : Math.floor(same / precision + 1e-9);
      for (let i = 0; i < 4 && savingsWith(key, grid * precision).verdict === baseTotals.verdict; i++) grid += up ? 1 : -1;
      const candidate = grid * precision;
      threshold = Number(candidate.toFixed(isTariff(key) ? 0 : 2));
    }
    rows.push({
      kind: isTariff(key) ? 'tariff' : 'assumption',
      key,
      base,
      low: Number(low.toFixed(2)),
      high: Number(high.toFixed(2)),
      savingsAtLowCents: atLow.savingsCents,
      savingsAtHighCents: atHigh.savingsCents,
      verdictAtLow: atLow.verdict,
      verdictAtHigh: atHigh.verdict,
      changesVerdict: flipsLow || flipsHigh,
      threshold,
    });
  }
  return rows.sort((a, b) => Math.abs(b.savingsAtHighCents - b.savingsAtLowCents) - Math.abs(a.savingsAtHighCents - a.savingsAtLowCents));
}

/**
 * The whole business case on a date: totals, per participant per year, the cumulative monthly
 * series from the first housing to the date with the break-even month, the sensitivity view,
 * and the line of every participant.
 */
export function computeBusinessCase(
  facts: readonly ParticipantFacts[],
  tariffs: Tariffs,
  assumptions: Assumptions,
  date: string,
  opts: SensitivityOptions = {},
): BusinessCase {
  const { totals, lines } = totalsOn(facts, tariffs, assumptions, date);
  const years = totals.participantYears;
  const perParticipantPerYear =
    years > 0
      ? {
          housingFirstCents: roundCents(totals.housingFirst.totalCents / years),
          counterfactualCents: roundCents(totals.counterfactual.totalCents / years),
          savingsCents: roundCents(totals.counterfactual.totalCents / years) - roundCents(totals.housingFirst.totalCents / years),
        }
      : null;
  const first = lines.reduce<string | null>((min, l) => (min === null || l.housedOn < min ? l.housedOn : min), null);
  const monthly: MonthPoint[] = first
    ? monthEnds(first, date).map(({ month, date: d }) => {
        const t = totalsOn(facts, tariffs, assumptions, d).totals;
        return { month, date: d, housingFirstCents: t.housingFirst.totalCents, counterfactualCents: t.counterfactual.totalCents, savingsCents: t.savingsCents };
      })
    : [];
  return {
    date,
    totals,
    perParticipantPerYear,
    monthly,
    breakEvenMonth: breakEven(monthly),
    sensitivity: sensitivity(facts, tariffs, assumptions, date, opts),
    lines,
  };
}
