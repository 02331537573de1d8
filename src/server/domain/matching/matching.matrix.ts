import type { Tx } from '../../db/client.js';
import { effectiveRules, isEligible, type CandidateFacts, type EligibilityRule, type UnitFacts } from '../eligibility/eligibility.evaluate.js';
import type { BatchInput } from './matching.batch.js';
import { loadCandidates, loadRules, loadUnitFacts } from './matching.facts.js';
import { personalParts, scoreTotal } from './matching.score.js';

/** A batch matching problem: the homes, the candidates eligible for at least one, and the fit matrix. */
export interface BatchProblem {
  units: UnitFacts[];
  candidates: CandidateFacts[];
  input: BatchInput;
  /** Provider id of each provider group of `input.capacity`. */
  providerIds: string[];
  eligiblePairs: number;
}

/**
 * Builds the fit matrix of homes × candidates: the score (0–1000) of every eligible pair,
 * −Infinity where the rules or the engine exclude it. Candidates eligible for no home are left
 * out. `capacities` (provider id → places) become provider groups; providers without an entry
 * (and candidates without a provider) are unlimited.
 */
export function buildProblem(
  units: UnitFacts[],
  all: CandidateFacts[],
  rules: readonly EligibilityRule[],
  asOf: string,
  capacities: ReadonlyMap<string, number> = new Map(),
): BatchProblem {
  const unitRules = units.map((u) => effectiveRules(u, rules));
  const personal = all.map((c) => {
    const [a, b] = personalParts(c, asOf);
    return a.points + b.points;
  });
  const U = units.length;
  const N = all.length;
  // Homes of one location with the same rooms and rules are alike for everyone except the few
  // people whose facts name a home (an earlier decline of it, a call about chosen homes): one
  // row of scores per kind of home, copied per home and patched for those people. A delivery of
  // 1 000 homes has a few dozen kinds, which keeps 5 million pairs to a fraction of a second.
  const special: number[] = [];
  for (let c = 0; c < N; c++) {
    if (all[c].declinedUnitIds.length || all[c].nominations.some((n) => n.unitIds.length)) special.push(c);
  }
  const kindRows = new Map<string, Float64Array>();
  const rowOf = (u: number): Float64Array => {
    const unit = units[u];
    const key = [unit.programmeId, unit.locationId, unit.municipalityId, unit.district, unit.rooms, unitRules[u].map((r) => r.id).join(',')].join('|');
    let row = kindRows.get(key);
    if (!row) {
      row = new Float64Array(N);
      for (let c = 0; c < N; c++) row[c] = isEligible(unit, all[c], unitRules[u]) ? scoreTotal(unit, all[c], personal[c]) : -Infinity;
      kindRows.set(key, row);
    }
    return row;
  };
  const full = new Float64Array(U * N);
  const useful = new Uint8Array(N);
  for (let u = 0; u < U; u++) {
    const base = u * N;
    full.set(rowOf(u), base);
    for (const c of special) full[base + c] = isEligible(units[u], all[c], unitRules[u]) ? scoreTotal(units[u], all[c], personal[c]) : -Infinity;
    for (let c = 0; c < N; c++) if (full[base + c] !== -Infinity) useful[c] = 1;
  }
  // Candidates eligible for no home are left out of the matrix.
  const keep: number[] = [];
  for (let c = 0; c < N; c++) if (useful[c]) keep.push(c);
  const C = keep.length;
  const fit = new Float64Array(U * C);
  let eligiblePairs = 0;
  for (let u = 0; u < U; u++) {
    for (let j = 0; j < C; j++) {
      const f = full[u * N + keep[j]];
      fit[u * C + j] = f;
      if (f !== -Infinity) eligiblePairs += 1;
    }
  }
  const candidates = keep.map((c) => all[c]);
  const providerIds = [...capacities.keys()].sort();
  const group = new Map(providerIds.map((p, i) => [p, i]));
  const providerOf = Int32Array.from(candidates, (c) => (c.providerId && group.has(c.providerId) ? group.get(c.providerId)! : -1));
  const capacity = Int32Array.from(providerIds, (p) => capacities.get(p)!);
  return { units, candidates, input: { units: U, candidates: C, fit, providerOf, capacity }, providerIds, eligiblePairs };
}

/**
 * Loads a project delivery's matching problem from the database: the given homes (or the
 * available homes of a location), the programme's rules and its `ready` candidates.
 */
export async function loadProblem(
  tx: Tx,
  regionId: string,
  q: { programmeId: string; unitIds: readonly string[]; asOf: string; capacities?: ReadonlyMap<string, number> },
): Promise<BatchProblem> {
  const units = await loadUnitFacts(tx, regionId, { unitIds: q.unitIds, programmeId: q.programmeId });
  const rules = await loadRules(tx, regionId, q.programmeId);
  const candidates = await loadCandidates(tx, regionId, { programmeId: q.programmeId, asOf: q.asOf, phases: ['ready'] });
  return buildProblem(units, candidates, rules, q.asOf, q.capacities);
}
