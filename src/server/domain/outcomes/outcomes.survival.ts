/**
 * The Kaplan–Meier estimator with Greenwood's variance and 95 % confidence intervals. Pure
 * functions: no database, no dates — times are numbers (the service uses days). docs/outcomes.md
 * describes the methods and their sources.
 */

/** One person's follow-up: the time observed and whether it ended in the event (else censored). */
export interface Observation {
  time: number;
  event: boolean;
}

/** A pre-counted group of observations at one time (what SQL aggregation hands over). */
export interface TimeCount {
  time: number;
  events: number;
  censored: number;
}

/** One step of the curve: at `time`, the survival after the events at that time. */
export interface KmStep {
  time: number;
  /** Number at risk just before `time`: everyone whose follow-up reached `time`. */
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood's standard error of `survival`. */
  standardError: number;
  /** 95 % confidence interval, by the method the curve was built with. */
  lower: number;
  upper: number;
}

export type CiMethod = 'log-log' | 'plain';

export interface KmCurve {
  /** People observed. */
  n: number;
  events: number;
  method: CiMethod;
  steps: KmStep[];
}

/** 97.5th percentile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/**
 * The 95 % interval around `s` with Greenwood's sum `g` = Σ dᵢ / (nᵢ (nᵢ − dᵢ)).
 * - 'plain': S ± z·SE (Greenwood), clipped to [0, 1].
 * - 'log-log' (default; Kalbfleisch & Prentice 1980, R survival's conf.type = "log-log"):
 *   θ = log(−log S) with SE(θ) = √g / |log S|; the interval S^exp(±z·SE(θ)) stays inside (0, 1)
 *   and behaves better in the tails and for small n than the plain one.
 * At S = 1 (no events yet) the interval is [1, 1]; at S = 0 it is [0, 0].
 */
export function confidenceInterval(s: number, g: number, method: CiMethod = 'log-log'): { lower: number; upper: number } {
  if (s >= 1) return { lower: 1, upper: 1 };
  if (s <= 0) return { lower: 0, upper: 0 };
  if (method === 'plain') {
    const se = s * Math.sqrt(g);
    return { lower: Math.max(0, s - Z_95 * se), upper: Math.min(1, s + Z_95 * se) };
  }
  const seTheta = Math.sqrt(g) / Math.abs(Math.log(s));
  return { lower: Math.pow(s, Math.exp(Z_95 * seTheta)), upper: Math.pow(s, Math.exp(-Z_95 * seTheta)) };
}

/**
 * Kaplan–Meier from counts per time (several rows with the same time are added up). At a time
 * with both events and censorings, the events happen first: the censored are still at risk for
 * the events at that time (the usual convention, Kaplan & Meier 1958). Steps are returned for
 * every time with an event or a censoring, in time order; survival only drops at events.
 * Greenwood's variance: Var(S(t)) = S(t)² Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ)). Once everyone at risk
 * has had the event (S = 0) the standard error is reported as 0.
 */
export function kaplanMeierFromCounts(counts: readonly TimeCount[], method: CiMethod = 'log-log'): KmCurve {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const c of counts) {
    if (!Number.isFinite(c.time) || c.time < 0) throw new RangeError(`time must be a finite number ≥ 0, got ${c.time}`);
    const cur = byTime.get(c.time) ?? { events: 0, censored: 0 };
    cur.events += c.events;
    cur.censored += c.censored;
    byTime.set(c.time, cur);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  let atRisk = 0;
  for (const c of byTime.values()) atRisk += c.events + c.censored;
  const n = atRisk;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  const steps: KmStep[] = [];
  for (const time of times) {
    const { events, censored } = byTime.get(time)!;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = atRisk > events ? greenwood + events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
      totalEvents += events;
    }
    const finite = Number.isFinite(greenwood) && survival > 0;
    const standardError = finite ? survival * Math.sqrt(greenwood) : 0;
    const ci = finite ? confidenceInterval(survival, greenwood, method) : { lower: 0, upper: 0 };
    steps.push({ time, atRisk, events, censored, survival, standardError, lower: ci.lower, upper: ci.upper });
    atRisk -= events + censored;
  }
  return { n, events: totalEvents, method, steps };
}

/**
 * The Kaplan–Meier estimator over individual observations, with ties (events before censorings
 * at the same time) and right-censoring. See kaplanMeierFromCounts for the conventions.
 */
export function kaplanMeier(observations: readonly Observation[], method: CiMethod = 'log-log'): KmCurve {
  return kaplanMeierFromCounts(
    observations.map((o) => ({ time: o.time, events: o.event ? 1 : 0, censored: o.event ? 0 : 1 })),
    method,
  );
}

/** The estimate at time t: survival with its SE and interval, and how many were still at risk. */
export interface SurvivalAt {
  time: number;
  survival: number;
  standardError: number;
  lower: number;
  upper: number;
  /** People still followed at t (at risk just after t); the estimate rests on these. */
  atRisk: number;
  /** False when t lies beyond the longest follow-up: the curve does not reach t. */
  reached: boolean;
}

/**
 * S(t): the value of the last step at or before t (a right-continuous step function); before the
 * first step S = 1. When t is beyond the last observed time the curve is undefined there:
 * `reached` is false and the last value is given for reference.
 */
export function survivalAt(curve: KmCurve, t: number): SurvivalAt {
  let last: KmStep | null = null;
  let atRiskAfter = curve.n;
  for (const s of curve.steps) {
    if (s.time > t) break;
    last = s;
    atRiskAfter = s.atRisk - s.events - s.censored;
  }
  const maxTime = curve.steps.length ? curve.steps[curve.steps.length - 1].time : 0;
  const reached = curve.n > 0 && t <= maxTime;
  if (!last) return { time: t, survival: 1, standardError: 0, lower: 1, upper: 1, atRisk: atRiskAfter, reached };
  return {
    time: t,
    survival: last.survival,
    standardError: last.standardError,
    lower: last.lower,
    upper: last.upper,
    atRisk: atRiskAfter,
    reached,
  };
}
