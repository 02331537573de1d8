import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedyBatch, solveBatch, type BatchInput, type BatchResult } from './matching.batch.js';

const X = -Infinity; // an ineligible pair in the tables below

function input(table: number[][], providerOf: number[], capacity: number[]): BatchInput {
  return {
    units: table.length,
    candidates: providerOf.length,
    fit: Float64Array.from(table.flat()),
    providerOf: Int32Array.from(providerOf),
    capacity: Int32Array.from(capacity),
  };
}

/**
 * Reference by exhaustive search, independent of the reduction: every way to give each home a
 * distinct eligible candidate or nothing, within the providers' places; the best has the most
 * homes filled, then the largest total fit.
 */
function bruteForce(inp: BatchInput): { filled: number; totalFit: number } {
  const { units: U, candidates: C, fit, providerOf, capacity } = inp;
  const taken = new Array<boolean>(C).fill(false);
  const used = new Array<number>(capacity.length).fill(0);
  let best = { filled: -1, totalFit: -Infinity };
  const go = (u: number, filled: number, total: number) => {
    if (u === U) {
      if (filled > best.filled || (filled === best.filled && total > best.totalFit)) best = { filled, totalFit: total };
      return;
    }
    go(u + 1, filled, total);
    for (let c = 0; c < C; c++) {
      const f = fit[u * C + c];
      const p = providerOf[c];
      if (taken[c] || f === -Infinity || (p >= 0 && capacity[p] >= 0 && used[p] >= capacity[p])) continue;
      taken[c] = true;
      if (p >= 0) used[p]++;
      go(u + 1, filled + 1, total + f);
      taken[c] = false;
      if (p >= 0) used[p]--;
    }
  };
  go(0, 0, 0);
  return best;
}

/** Every promise of a batch answer: distinct eligible candidates, limits kept, totals right. */
function expectValid(inp: BatchInput, r: BatchResult) {
  const seen = new Set<number>();
  const used = new Array<number>(inp.capacity.length).fill(0);
  let filled = 0;
  let total = 0;
  for (let u = 0; u < inp.units; u++) {
    const c = r.unitToCandidate[u];
    if (c < 0) continue;
    expect(seen.has(c)).toBe(false);
    seen.add(c);
    expect(inp.fit[u * inp.candidates + c]).not.toBe(-Infinity);
    const p = inp.providerOf[c];
    if (p >= 0) used[p]++;
    filled++;
    total += inp.fit[u * inp.candidates + c];
  }
  inp.capacity.forEach((cap, p) => cap >= 0 && expect(used[p]).toBeLessThanOrEqual(cap));
  expect(r.filled).toBe(filled);
  expect(r.totalFit).toBe(total);
}

describe('batch matching with provider places', () => {
  it('gives a limited provider no more homes than it has places, and fills the rest from others', () => {
    // Provider 0 has the best candidates (0, 1, 2) but one place; provider 1 (3, 4) is unlimited.
    const inp = input(
      [
        [900, 880, 870, 500, 400],
        [900, 880, 870, 450, 420],
        [900, 880, 870, 300, 100],
      ],
      [0, 0, 0, 1, 1],
      [1, -1],
    );
    const best = solveBatch(inp);
    expectValid(inp, best);
    expect(best.filled).toBe(3);
    expect(best.totalFit).toBe(bruteForce(inp).totalFit);
    expect([...best.unitToCandidate].filter((c) => c <= 2)).toHaveLength(1);
  });

  it('fills as many homes as possible before maximising the score', () => {
    // Home 0 could take the excellent candidate 0, but then home 1 (only eligible for 0) stays empty.
    const inp = input(
      [
        [1000, 10],
        [1, X],
      ],
      [-1, -1],
      [],
    );
    const r = solveBatch(inp);
    expect(r.filled).toBe(2);
    expect([...r.unitToCandidate]).toEqual([1, 0]);
    const g = greedyBatch(inp);
    expect(g.filled).toBe(1);
  });

  it('a provider with no places gets no home', () => {
    const inp = input([[500, 100]], [0, 1], [0, -1]);
    expect([...solveBatch(inp).unitToCandidate]).toEqual([1]);
  });

  it('equals exhaustive search on random instances and is never worse than greedy (fast-check)', () => {
    const instance = fc
      .record({ U: fc.integer({ min: 1, max: 4 }), C: fc.integer({ min: 1, max: 6 }), P: fc.integer({ min: 1, max: 3 }) })
      .chain(({ U, C, P }) =>
        fc.record({
          fit: fc.array(fc.oneof(fc.constant(-Infinity), fc.integer({ min: 0, max: 1000 })), { minLength: U * C, maxLength: U * C }),
          providerOf: fc.array(fc.integer({ min: -1, max: P - 1 }), { minLength: C, maxLength: C }),
          capacity: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: P, maxLength: P }),
          U: fc.constant(U),
          C: fc.constant(C),
        }),
      );
    fc.assert(
      fc.property(instance, ({ fit, providerOf, capacity, U, C }) => {
        const inp: BatchInput = { units: U, candidates: C, fit: Float64Array.from(fit), providerOf: Int32Array.from(providerOf), capacity: Int32Array.from(capacity) };
        const best = solveBatch(inp);
        expectValid(inp, best);
        const ref = bruteForce(inp);
        expect(best.filled).toBe(ref.filled);
        expect(best.totalFit).toBe(ref.totalFit);
        const g = greedyBatch(inp);
        expectValid(inp, g);
        expect(g.filled < best.filled || (g.filled === best.filled && g.totalFit <= best.totalFit)).toBe(true);
        // Deterministic: the same input gives the same answer.
        expect([...solveBatch(inp).unitToCandidate]).toEqual([...best.unitToCandidate]);
      }),
      { numRuns: 500 },
    );
  });
});
