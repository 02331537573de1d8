/**
 * Pure outcome measures over built histories: returns to homelessness (in the spirit of HUD
 * System Performance Measure 2), sustainable recovery against a versioned definition, and
 * small-cell suppression. Dates are ISO 'YYYY-MM-DD'; no database here. docs/outcomes.md.
 */

const DAY = 86_400_000;
/** Whole days from `from` to `to` (ISO dates, UTC). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** `date` plus n calendar months (the day clipped to the month's end: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

// —— Exits ——

/** Exits that end housing in a negative way: the event of the retention curve. */
export const NEGATIVE_EXITS = ['evicted', 'returned_to_shelter', 'left_without_notice', 'detention'] as const;
/** Exits to a permanent, non-homeless destination: the population of the returns measure. */
export const PERMANENT_EXITS = ['moved_on', 'guidance_completed'] as const;

export type ExitClass = 'negative' | 'permanent' | 'neutral';

/**
 * How an end reason counts. negative: evicted, returned to shelter, left without notice,
 * detention (the retention curve's event). permanent: moved on to other housing, guidance
 * completed while staying in the home (censored in retention, the returns measure follows
 * them). Everything else (admitted to care, deceased, moved out of the region, other) is a
 * neutral exit: censored, and not followed for returns.
 */
export function exitClass(reason: string): ExitClass {
  if ((NEGATIVE_EXITS as readonly string[]).includes(reason)) return 'negative';
  if ((PERMANENT_EXITS as readonly string[]).includes(reason)) return 'permanent';
  return 'neutral';
}

// —— Returns to homelessness ——

/** One person's built history for the returns measure. */
export interface ReturnHistory {
  /** Exits from the programme's housing with whether the destination was permanent (non-homeless). */
  exits: { date: string; permanent: boolean }[];
  /** Dates the person was (again) known homeless: a later referral as homeless, a shelter entry. */
  homelessEntries: string[];
}

export const RETURN_BANDS = [
  { key: '0-180', from: 0, to: 180 },
  { key: '181-365', from: 181, to: 365 },
  { key: '366-730', from: 366, to: 730 },
] as const;
export type ReturnBand = (typeof RETURN_BANDS)[number]['key'];

/** Horizons for "returned within N months", each with the people followed at least that long. */
export const RETURN_HORIZONS = [
  { months: 6, days: 180 },
  { months: 12, days: 365 },
  { months: 24, days: 730 },
] as const;

export interface ReturnsResult {
  /** People whose first permanent exit fell in the window. */
  exits: number;
  /** First returns by band (days after the exit, inclusive bounds). */
  bands: Record<ReturnBand, number>;
  /** Returns within 730 days (the sum of the bands). */
  total: number;
  /** Per horizon: people followed at least that long by `asOf`, and how many of them returned within it. */
  within: { months: number; days: number; followed: number; returns: number }[];
}

/** One person's first permanent exit in [from, to] and the days to their first return (null: none within 730 days by asOf). */
export function firstExitAndReturn(h: ReturnHistory, window: { from: string; to: string }, asOf: string): { exit: string; days: number | null } | null {
  const exit = h.exits
    .filter((e) => e.permanent && e.date >= window.from && e.date <= window.to && e.date <= asOf)
    .map((e) => e.date)
    .sort()[0];
  if (!exit) return null;
  const entry = h.homelessEntries.filter((d) => d >= exit && d <= asOf).sort()[0];
  if (!entry) return { exit, days: null };
  const days = daysBetween(exit, entry);
  return { exit, days: days <= 730 ? days : null };
}

/**
 * Returns to homelessness in the spirit of HUD SPM 2: take each person's *first* exit to a
 * permanent destination that falls in the look-back window [from, to]; a return is the first
 * later entry into homelessness, counted in bands 0–180, 181–365 and 366–730 days after the exit
 * (day 0 = the exit day; a return on day 731 or later is not counted). Entries after `asOf` are
 * not known yet. `within` gives the cumulative rate for 6, 12 and 24 months over the people
 * followed at least that long, so a recent exit does not flatter the rate.
 */
export function returnsToHomelessness(histories: readonly ReturnHistory[], window: { from: string; to: string }, asOf: string): ReturnsResult {
  const bands: Record<ReturnBand, number> = { '0-180': 0, '181-365': 0, '366-730': 0 };
  const within = RETURN_HORIZONS.map((h) => ({ months: h.months, days: h.days, followed: 0, returns: 0 }));
  let exits = 0;
  for (const h of histories) {
    const r = firstExitAndReturn(h, window, asOf);
    if (!r) continue;
    exits += 1;
    if (r.days !== null) {
      const band = RETURN_BANDS.find((b) => r.days! >= b.from && r.days! <= b.to)!;
      bands[band.key] += 1;
    }
    const followedDays = daysBetween(r.exit, asOf);
    for (const w of within) {
      if (followedDays < w.days) continue;
      w.followed += 1;
      if (r.days !== null && r.days <= w.days) w.returns += 1;
    }
  }
  return { exits, bands, total: bands['0-180'] + bands['181-365'] + bands['366-730'], within };
}

// —— Sustainable recovery ——

/** A version of the programme's definition of sustainable recovery. */
export interface RecoveryDefinition {
  minHousedMonths: number;
  /** No negative exit (returned to shelter, evicted, left without notice, detention) up to the date. */
  requireNoReturn: boolean;
  /** No ZRM domain scored 1 (acute problem) at the last measurement on or before the date. */
  requireNoDomainAtOne: boolean;
  /** The goal in percent (the Living Lab: more than 90 %). */
  goalPercent: number;
}

export const DEFAULT_RECOVERY_DEFINITION: RecoveryDefinition = { minHousedMonths: 12, requireNoReturn: true, requireNoDomainAtOne: true, goalPercent: 90 };

/** What the recovery rule reads of one participant. */
export interface RecoveryFacts {
  housingStart: string;
  /** The first exit from the programme's housing on or before the date (null: still housed). */
  exit: { date: string; reason: string } | null;
  /** The lowest domain score of the last ZRM measurement on or before the date (null: none, or no domain scored). */
  lastMinScore: number | null;
  /** A return to homelessness after a permanent exit (a later referral as homeless), if any. */
  returnedOn?: string | null;
}

export type RecoveryStatus = 'not_counted' | 'excluded' | 'recovered' | 'returned' | 'domain_at_one' | 'no_measurement';

/**
 * One participant under a definition, on `asOf`:
 * - not_counted: housing started less than minHousedMonths before asOf (too early to tell);
 * - excluded: died or was admitted to care before completing minHousedMonths (could not complete);
 * - returned: a negative exit on or before asOf, or a return to homelessness after a permanent
 *   exit (when the definition requires no return);
 * - no_measurement / domain_at_one: the ZRM condition fails (when required) — without a
 *   measurement the condition cannot be shown, so the person does not count as recovered;
 * - recovered: otherwise. Someone who moved on to other housing or completed guidance counts as
 *   housed (a permanent destination, as in HUD SPM 7b.2).
 */
export function recoveryStatus(f: RecoveryFacts, def: RecoveryDefinition, asOf: string): RecoveryStatus {
  const completesOn = addMonths(f.housingStart, def.minHousedMonths);
  if (completesOn > asOf) return 'not_counted';
  const exitKind = f.exit ? exitClass(f.exit.reason) : null;
  if (f.exit && exitKind === 'neutral' && f.exit.date < completesOn && (f.exit.reason === 'deceased' || f.exit.reason === 'admitted_to_care')) return 'excluded';
  if (def.requireNoReturn && (exitKind === 'negative' || (f.returnedOn && f.returnedOn <= asOf))) return 'returned';
  // Without the return condition, a negative exit still ends housing: it must come after the period.
  if (!def.requireNoReturn && exitKind === 'negative' && f.exit!.date < completesOn) return 'returned';
  if (def.requireNoDomainAtOne) {
    if (f.lastMinScore === null) return 'no_measurement';
    if (f.lastMinScore <= 1) return 'domain_at_one';
  }
  return 'recovered';
}

export interface RecoveryResult {
  /** Participants counted (housed at least minHousedMonths before the date, minus exclusions). */
  denominator: number;
  numerator: number;
  /** numerator / denominator (0–1); null when nobody is counted. */
  rate: number | null;
  goal: number;
  meetsGoal: boolean | null;
  excluded: number;
  returned: number;
  domainAtOne: number;
  withoutMeasurement: number;
}

/** The sustainable-recovery rate over participants, against the definition's goal (a share 0–1). */
export function recoveryRate(facts: readonly RecoveryFacts[], def: RecoveryDefinition, asOf: string): RecoveryResult {
  const c = { excluded: 0, returned: 0, domainAtOne: 0, withoutMeasurement: 0, recovered: 0, counted: 0 };
  for (const f of facts) {
    const s = recoveryStatus(f, def, asOf);
    if (s === 'not_counted') continue;
    if (s === 'excluded') {
      c.excluded += 1;
      continue;
    }
    c.counted += 1;
    if (s === 'recovered') c.recovered += 1;
    if (s === 'returned') c.returned += 1;
    if (s === 'domain_at_one') c.domainAtOne += 1;
    if (s === 'no_measurement') c.withoutMeasurement += 1;
  }
  const rate = c.counted ? c.recovered / c.counted : null;
  const goal = def.goalPercent / 100;
  return {
    denominator: c.counted,
    numerator: c.recovered,
    rate,
    goal,
    meetsGoal: rate === null ? null : rate > goal,
    excluded: c.excluded,
    returned: c.returned,
    domainAtOne: c.domainAtOne,
    withoutMeasurement: c.withoutMeasurement,
  };
}

// —— Small cells ——

/** Cells resting on fewer people than this are suppressed for municipalities and in exports. */
export const MIN_CELL = 5;

/** Whether a cell resting on n people must be suppressed. */
export const isSmallCell = (n: number, min = MIN_CELL): boolean => n < min;

/**
 * A count inside a figure whose base is large enough: 1–4 would point at individuals, so it
 * becomes null ("fewer than 5"); 0 and counts of 5 or more stay. With `apply` false (the
 * programme office) the count passes unchanged.
 */
export function maskCount(count: number, apply: boolean, min = MIN_CELL): number | null {
  if (!apply) return count;
  return count > 0 && count < min ? null : count;
}

/**
 * Suppresses a whole figure (cell) when it rests on fewer than `min` people: its value and its
 * n become null and `suppressed` true. With `apply` false the figure passes unchanged.
 */
export function suppressCell<T extends { n: number | null }>(cell: T, apply: boolean, blank: Omit<T, 'n' | 'suppressed'>, min = MIN_CELL): T & { suppressed: boolean } {
  if (!apply || cell.n === null || !isSmallCell(cell.n, min)) return { ...cell, suppressed: false };
  return { ...(blank as T), n: null, suppressed: true };
}
