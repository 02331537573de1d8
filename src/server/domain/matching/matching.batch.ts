import { greedy, maximiseFit, solveAssignment } from './assignment.js';

/**
 * Batch matching for a project delivery (docs/matching.md): assign U homes to C candidates so
 * that as many homes as possible are filled and, among those assignments, the total fit is the
 * largest, with at most `capacity[p]` homes going to the candidates of care provider p (the
 * places it can guide). Pure functions; the matrix is built by matching.matrix.ts.
 */
export interface BatchInput {
  units: number;
  candidates: number;
  /** U × C fit scores, row-major; −Infinity marks an ineligible pair. Scores are ≥ 0. */
  fit: Float64Array;
  /** The provider group of each candidate (index into `capacity`), −1 for none. */
  providerOf: Int32Array;
  /** Places per provider group; −1 for no limit. */
  capacity: Int32Array;
}

export interface BatchResult {
  /** The candidate of each home, −1 when it stays unfilled. */
  unitToCandidate: Int32Array;
  filled: number;
  totalFit: number;
}

function summarise(inp: BatchInput, unitToCandidate: Int32Array): BatchResult {
  let filled = 0;
  let totalFit = 0;
  for (let u = 0; u < inp.units; u++) {
    const c = unitToCandidate[u];
    if (c < 0) continue;
    filled += 1;
    totalFit += inp.fit[u * inp.candidates + c];
  }
  return { unitToCandidate, filled, totalFit };
}

/** Checks the shape; throws a RangeError naming the problem. */
function validate(inp: BatchInput) {
  if (inp.fit.length !== inp.units * inp.candidates) throw new RangeError(`fit has ${inp.fit.length} values, expected ${inp.units * inp.candidates}`);
  if (inp.providerOf.length !== inp.candidates) throw new RangeError('providerOf must have one entry per candidate');
  for (let k = 0; k < inp.fit.length; k++) {
    const f = inp.fit[k];
    if (f !== -Infinity && !(f >= 0 && Number.isFinite(f))) throw new RangeError(`invalid fit ${f} at ${k}: scores are ≥ 0, −Infinity for ineligible`);
  }
}

/** Provider groups whose limit can bind: fewer places than both the homes and their eligible candidates. */
function bindingGroups(inp: BatchInput): boolean[] {
  const eligibleCount = new Int32Array(inp.capacity.length);
  for (let c = 0; c < inp.candidates; c++) {
    const p = inp.providerOf[c];
    if (p < 0) continue;
    for (let u = 0; u < inp.units; u++) {
      if (inp.fit[u * inp.candidates + c] !== -Infinity) {
        eligibleCount[p] += 1;
        break;
      }
    }
  }
  return Array.from(inp.capacity, (cap, p) => cap >= 0 && cap < Math.min(inp.units, eligibleCount[p]));
}

/**
 * The optimal batch: the most homes filled, then the largest total fit, within the provider
 * limits. Deterministic for the same input.
 *
 * Without a binding limit this is the plain rectangular assignment problem (`solveAssignment` on
 * cost = −fit). With limits it is reduced to an assignment problem of the same kind:
 *
 * 1. For a limited provider p (K = min(places, U)), only each home's K best eligible candidates
 *    of p can matter: if an optimal answer gave home u a candidate of p outside its K best, at
 *    most K − 1 of those K are taken by other homes, so u can swap to a free one of them — same
 *    provider, same count, no less fit. The union of these lists is p's relevant set R_p.
 * 2. Add |R_p| − places "absorber" rows per limited provider, each of which may take any of
 *    R_p's candidates at cost 0, and give every home a private "vacancy" column at cost
 *    V = U · max fit + 1. Every row can then be assigned, so the solver (which maximises the
 *    number of assigned rows first) assigns all absorbers: they hold |R_p| − places of p's
 *    candidates, leaving at most `places` for the homes. Since a vacancy costs more than any
 *    total fit could win back, the solver fills as many homes as possible first and then
 *    maximises the fit — exactly the objective, now under the limits. Filler rows that may
 *    take any column at cost 0 make the matrix square (the optimum is unchanged).
 */
export function solveBatch(inp: BatchInput): BatchResult {
  validate(inp);
  const { units: U, candidates: C, fit } = inp;
  const binding = bindingGroups(inp);
  if (!binding.some(Boolean)) {
    const a = solveAssignment(maximiseFit({ rows: U, cols: C, data: fit }));
    return summarise(inp, a.rowToCol);
  }

  // 1. Relevant candidates: all candidates of unlimited groups, the per-home K best of limited ones.
  const keep = new Uint8Array(C);
  const byGroup = new Map<number, number[]>();
  for (let c = 0; c < C; c++) {
    const p = inp.providerOf[c];
    if (p >= 0 && binding[p]) {
      const list = byGroup.get(p) ?? [];
      list.push(c);
      byGroup.set(p, list);
    } else keep[c] = 1;
  }
  for (const [p, members] of byGroup) {
    const K = Math.min(inp.capacity[p], U);
    if (K === 0) continue;
    const bestC = new Int32Array(K);
    const bestF = new Float64Array(K);
    for (let u = 0; u < U; u++) {
      let len = 0;
      for (const c of members) {
        const f = fit[u * C + c];
        if (f === -Infinity) continue;
        // Insertion into the short list in (fit desc, index asc) order; members ascend, so strict > keeps the lower index first.
        if (len === K && !(f > bestF[K - 1])) continue;
        let pos = len < K ? len++ : K - 1;
        while (pos > 0 && f > bestF[pos - 1]) {
          bestF[pos] = bestF[pos - 1];
          bestC[pos] = bestC[pos - 1];
          pos--;
        }
        bestF[pos] = f;
        bestC[pos] = c;
      }
      for (let i = 0; i < len; i++) keep[bestC[i]] = 1;
    }
  }
  const cols: number[] = [];
  for (let c = 0; c < C; c++) if (keep[c]) cols.push(c);

  // 2. Absorber rows per limited provider.
  const absorberGroup: number[] = [];
  for (const [p] of byGroup) {
    const relevant = cols.filter((c) => inp.providerOf[c] === p).length;
    for (let i = 0; i < relevant - inp.capacity[p]; i++) absorberGroup.push(p);
  }
  const m = cols.length + U;
  // Filler rows that may take any column at cost 0 make the matrix square: any assignment of
  // the real rows extends to the fillers at no cost, so the optimum is unchanged, and the square
  // solver (with JV's initialisation) is several times faster here than the rectangular one.
  const rows = Math.max(m, U + absorberGroup.length);
  const fillerFrom = U + absorberGroup.length;
  let maxFit = 0;
  for (let k = 0; k < fit.length; k++) if (fit[k] > maxFit) maxFit = fit[k];
  const vacancy = U * maxFit + 1;
  const data = new Float64Array(rows * m);
  const forbidden = new Uint8Array(rows * m).fill(1);
  for (let u = 0; u < U; u++) {
    for (let j = 0; j < cols.length; j++) {
      const f = fit[u * C + cols[j]];
      if (f === -Infinity) continue;
      data[u * m + j] = 0 - f;
      forbidden[u * m + j] = 0;
    }
    data[u * m + cols.length + u] = vacancy;
    forbidden[u * m + cols.length + u] = 0;
  }
  for (let a = 0; a < absorberGroup.length; a++) {
    const r = U + a;
    for (let j = 0; j < cols.length; j++) {
      if (inp.providerOf[cols[j]] === absorberGroup[a]) forbidden[r * m + j] = 0;
    }
  }
  forbidden.fill(0, fillerFrom * m);
  const sol = solveAssignment({ rows, cols: m, data, forbidden });
  const unitToCandidate = new Int32Array(U).fill(-1);
  for (let u = 0; u < U; u++) {
    const j = sol.rowToCol[u];
    if (j >= 0 && j < cols.length) unitToCandidate[u] = cols[j];
  }
  return summarise(inp, unitToCandidate);
}

/**
 * The greedy baseline a person would follow by hand: take the best-fitting remaining pair
 * (ties: lowest home, then lowest candidate) whose provider still has a place, until none is
 * left. Without limits this is `greedy` of assignment.ts on the same matrix.
 */
export function greedyBatch(inp: BatchInput): BatchResult {
  validate(inp);
  const { units: U, candidates: C, fit } = inp;
  if (!bindingGroups(inp).some(Boolean)) {
    return summarise(inp, greedy(maximiseFit({ rows: U, cols: C, data: fit })).rowToCol);
  }
  const pairs: number[] = [];
  for (let k = 0; k < fit.length; k++) if (fit[k] !== -Infinity) pairs.push(k);
  // Row-major flat index order is (home, candidate) order, so a stable sort on fit keeps the tie-break.
  pairs.sort((a, b) => fit[b] - fit[a] || a - b);
  const unitToCandidate = new Int32Array(U).fill(-1);
  const taken = new Uint8Array(C);
  const used = new Int32Array(inp.capacity.length);
  for (const k of pairs) {
    const u = Math.floor(k / C);
    const c = k % C;
    if (unitToCandidate[u] >= 0 || taken[c]) continue;
    const p = inp.providerOf[c];
    if (p >= 0 && inp.capacity[p] >= 0 && used[p] >= inp.capacity[p]) continue;
    unitToCandidate[u] = c;
    taken[c] = 1;
    if (p >= 0) used[p] += 1;
  }
  return summarise(inp, unitToCandidate);
}
