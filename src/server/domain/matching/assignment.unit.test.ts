import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedy, maximiseFit, solveAssignment, type Assignment, type CostMatrix } from './assignment.js';
import { bruteForce } from '../../../../test/support/assignment-brute-force.js';

const F = Infinity; // a forbidden pair, in the tables below

function matrix(table: number[][], cols = table[0]?.length ?? 0): CostMatrix {
  return { rows: table.length, cols, data: Float64Array.from(table.flat()) };
}

/** Every structural promise of an Assignment, checked against its input. */
function expectValid(m: CostMatrix, a: Assignment) {
  expect(a.rowToCol.length).toBe(m.rows);
  expect(a.colToRow.length).toBe(m.cols);
  let cost = 0;
  let assigned = 0;
  const unassigned: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    const j = a.rowToCol[i];
    if (j === -1) {
      unassigned.push(i);
      continue;
    }
    expect(j).toBeGreaterThanOrEqual(0);
    expect(j).toBeLessThan(m.cols);
    expect(a.colToRow[j]).toBe(i);
    const k = i * m.cols + j;
    expect(m.forbidden?.[k] ?? 0).toBe(0);
    expect(m.data[k]).not.toBe(Infinity);
    cost += m.data[k];
    assigned++;
  }
  for (let j = 0; j < m.cols; j++) {
    const i = a.colToRow[j];
    if (i !== -1) expect(a.rowToCol[i]).toBe(j);
  }
  expect(a.unassignedRows).toEqual(unassigned);
  expect(a.assigned).toBe(assigned);
  expect(a.cost).toBeCloseTo(cost, 9);
}

function transpose(m: CostMatrix): CostMatrix {
  const data = new Float64Array(m.rows * m.cols);
  const forbidden = m.forbidden ? new Uint8Array(m.rows * m.cols) : undefined;
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      data[j * m.rows + i] = m.data[i * m.cols + j];
      if (forbidden && m.forbidden) forbidden[j * m.rows + i] = m.forbidden[i * m.cols + j];
    }
  }
  return { rows: m.cols, cols: m.rows, data, forbidden };
}

// Random instances up to 8 × 8: small integer ranges (many ties, the hard part for JV's
// tie handling), some negative costs, and optionally forbidden pairs, given either as
// Infinity in a Float64Array or as a mask beside an Int32Array.
const instance = (opts: { forbidden: boolean; maxSide?: number }) =>
  fc
    .tuple(fc.integer({ min: 0, max: opts.maxSide ?? 8 }), fc.integer({ min: 0, max: opts.maxSide ?? 8 }), fc.integer({ min: 1, max: 60 }), fc.boolean())
    .chain(([rows, cols, range, asMask]) => {
      const cell = fc.integer({ min: -Math.floor(range / 4), max: range });
      const len = rows * cols;
      const cells = fc.array(opts.forbidden ? fc.option(cell, { freq: 3, nil: null }) : cell, { minLength: len, maxLength: len });
      return cells.map((values): CostMatrix => {
        if (!asMask) return { rows, cols, data: Float64Array.from(values, (v) => (v === null ? Infinity : v)) };
        const forbidden = Uint8Array.from(values, (v) => (v === null ? 1 : 0));
        // Masked cells hold a misleadingly cheap cost: the mask must win.
        return { rows, cols, data: Int32Array.from(values, (v) => (v === null ? -1000 : v)), forbidden };
      });
    });

/** A tiny seeded generator for instances too large to draw cell by cell with fast-check. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Units × candidates where the candidates carry a shared priority (every unit prefers the
 * same candidates) plus a little per-pair fit: the hard, realistic shape, and the one that
 * sends rectangular matrices through the restricted-columns path of the solver.
 * With `decoys`, that share of the columns is very cheap for one row (of the first quarter)
 * and dear for all others: they look attractive column-wise, so the solver's first choice of columns is
 * wrong and its optimality check has to add the columns the other rows need.
 */
function sharedPriority(rows: number, cols: number, seed: number, forbiddenShare: number, decoys = 0): CostMatrix {
  const next = lcg(seed);
  const priority = Array.from({ length: cols }, () => Math.floor(next() * 50));
  // Decoys belong to the first quarter of the rows, so most rows still agree on their favourites.
  const fan = Array.from({ length: cols }, () => (next() < decoys ? Math.floor(next() * Math.max(1, rows >> 2)) : -1));
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const cost = fan[j] < 0 ? 100 - priority[j] + Math.floor(next() * 8) : fan[j] === i ? Math.floor(next() * 3) : 150 + Math.floor(next() * 8);
      data[i * cols + j] = next() < forbiddenShare ? Infinity : cost;
    }
  }
  return { rows, cols, data };
}

/**
 * The same problem made square with cols − rows dummy rows of cost 0: a different code path
 * (JV's square initialisation, all columns at once) with the same optimum.
 */
function padded(m: CostMatrix): CostMatrix {
  const data = new Float64Array(m.cols * m.cols);
  data.set(m.data);
  return { rows: m.cols, cols: m.cols, data };
}

/** The textbook greedy, O(rows² · cols): a reference for `greedy`. */
function naiveGreedy(m: CostMatrix): Int32Array {
  const rowToCol = new Int32Array(m.rows).fill(-1);
  const taken = new Uint8Array(m.cols);
  for (;;) {
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < m.rows; i++) {
      if (rowToCol[i] >= 0) continue;
      for (let j = 0; j < m.cols; j++) {
        const k = i * m.cols + j;
        if (taken[j] || m.forbidden?.[k] || m.data[k] === Infinity) continue;
        if (bi < 0 || m.data[k] < m.data[bi * m.cols + bj]) {
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) return rowToCol;
    rowToCol[bi] = bj;
    taken[bj] = 1;
  }
}

describe('solveAssignment: fixed cases', () => {
  it('finds the known optimum of a hand-made 3 × 3 instance', () => {
    //        c0 c1 c2
    // r0   [  4, 1, 3 ]
    // r1   [  2, 0, 5 ]
    // r2   [  3, 2, 2 ]
    // The six permutations (column of r0, r1, r2):
    //   (0,1,2) 4+0+2 = 6   (0,2,1) 4+5+2 = 11   (1,0,2) 1+2+2 = 5
    //   (1,2,0) 1+5+3 = 9   (2,0,1) 3+2+2 = 7    (2,1,0) 3+0+3 = 6
    // so the optimum is 5: r0→c1, r1→c0, r2→c2, and it is unique.
    // Greedy takes (r1,c1)=0 first, then (r2,c2)=2, then (r0,c0)=4: 6, one worse.
    const m = matrix([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(a.cost).toBe(5);
    expect(Array.from(a.rowToCol)).toEqual([1, 0, 2]);
    expect(Array.from(a.colToRow)).toEqual([1, 0, 2]);
    const g = greedy(m);
    expectValid(m, g);
    expect(g.cost).toBe(6);
    expect(Array.from(g.rowToCol)).toEqual([0, 1, 2]);
  });

  it('solves a rectangular instance both ways round', () => {
    // Two units, four candidates: r0 is cheapest at c2 (1), r1 too (1); r1's next best is c3 (2),
    // r0's next best is c0 (5): 1 + 2 = 3 beats 5 + 1 = 6.
    const m = matrix([
      [5, 9, 1, 7],
      [8, 6, 1, 2],
    ]);
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(a.cost).toBe(3);
    expect(Array.from(a.rowToCol)).toEqual([2, 3]);
    expect(a.unassignedRows).toEqual([]);
    const t = transpose(m);
    const b = solveAssignment(t);
    expectValid(t, b);
    expect(b.cost).toBe(3);
    expect(Array.from(b.colToRow)).toEqual([2, 3]);
    // Four rows, two columns: two rows must stay out.
    expect(b.unassignedRows).toEqual([0, 1]);
  });

  it('leaves a row with every column forbidden unassigned and still solves the rest', () => {
    const m = matrix([
      [3, 1, 4],
      [F, F, F],
      [1, 5, 9],
    ]);
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(a.unassignedRows).toEqual([1]);
    expect(a.cost).toBe(2); // r0→c1 (1) + r2→c0 (1)
    expect(a.colToRow[2]).toBe(-1);
  });

  it('when too few columns are eligible, keeps the most pairs and then the cheapest ones', () => {
    // All three rows want only c0; the cheapest of them gets it.
    const m = matrix([
      [7, F],
      [4, F],
      [6, F],
    ]);
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(Array.from(a.rowToCol)).toEqual([-1, 0, -1]);
    expect(a.unassignedRows).toEqual([0, 2]);
    expect(a.cost).toBe(4);
  });

  it('prefers an extra pair over a cheaper total, where greedy blocks itself', () => {
    // Only r0 can take c1. Greedy takes (r0,c0)=0 first and leaves r1 without a column;
    // the solver pairs both, at cost 100.
    const m = matrix([
      [0, 100],
      [0, F],
    ]);
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(a.assigned).toBe(2);
    expect(a.cost).toBe(100);
    const g = greedy(m);
    expectValid(m, g);
    expect(g.assigned).toBe(1);
    expect(g.cost).toBe(0);
  });

  it('honours the mask over the cost of an Int32Array matrix', () => {
    const m: CostMatrix = { rows: 2, cols: 2, data: Int32Array.from([-50, 1, 1, 1]), forbidden: Uint8Array.from([1, 0, 0, 0]) };
    const a = solveAssignment(m);
    expectValid(m, a);
    expect(Array.from(a.rowToCol)).toEqual([1, 0]);
    expect(a.cost).toBe(2);
  });

  it('handles 0 × n, n × 0 and 0 × 0', () => {
    for (const [rows, cols] of [
      [0, 5],
      [4, 0],
      [0, 0],
    ]) {
      const m: CostMatrix = { rows, cols, data: new Float64Array(0) };
      const a = solveAssignment(m);
      expectValid(m, a);
      expect(a.cost).toBe(0);
      expect(a.assigned).toBe(0);
      expect(a.unassignedRows).toEqual(Array.from({ length: rows }, (_, i) => i));
      expect(Array.from(a.colToRow)).toEqual(new Array(cols).fill(-1));
      expectValid(m, greedy(m));
    }
  });

  it('solves 1 × 1, and a matrix where everything is forbidden', () => {
    expect(solveAssignment(matrix([[-3]])).cost).toBe(-3);
    const none = matrix([
      [F, F],
      [F, F],
    ]);
    const a = solveAssignment(none);
    expectValid(none, a);
    expect(a.assigned).toBe(0);
    expect(a.unassignedRows).toEqual([0, 1]);
  });

  it('rejects malformed input', () => {
    expect(() => solveAssignment({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/expected 4/);
    expect(() => solveAssignment({ rows: -1, cols: 2, data: new Float64Array(0) })).toThrow(RangeError);
    expect(() => solveAssignment(matrix([[1, NaN]]))).toThrow(/invalid cost NaN at \(0, 1\)/);
    expect(() => solveAssignment(matrix([[1, -Infinity]]))).toThrow(/invalid cost/);
    expect(() => greedy(matrix([[NaN]]))).toThrow(/invalid cost/);
    expect(() => solveAssignment({ rows: 1, cols: 2, data: new Float64Array(2), forbidden: new Uint8Array(1) })).toThrow(/forbidden has 1/);
    expect(() => solveAssignment(matrix([[2 ** 60, F]]))).toThrow(/too large/);
  });
});

describe('maximiseFit', () => {
  it('maximises the total fit, with −Infinity as ineligible', () => {
    // Fit: r0 likes c0 (9) but r1 likes c0 even more relative to c1: 9+2 = 11 < 8+7 = 15.
    const fit = matrix([
      [9, 8],
      [7, 2],
    ]);
    const a = solveAssignment(maximiseFit(fit));
    expect(Array.from(a.rowToCol)).toEqual([1, 0]);
    expect(-a.cost).toBe(15);
    const blocked = solveAssignment(maximiseFit(matrix([[9, -Infinity], [7, 2]])));
    expect(Array.from(blocked.rowToCol)).toEqual([0, 1]);
    expect(-blocked.cost).toBe(11);
    expect(() => maximiseFit(matrix([[Infinity]]))).toThrow(/invalid fit/);
    expect(Object.is(maximiseFit(matrix([[0]])).data[0], 0)).toBe(true);
  });
});

describe('solveAssignment: properties', () => {
  it('equals brute force on random instances up to 8 × 8 (square and rectangular)', () => {
    fc.assert(
      fc.property(instance({ forbidden: false }), (m) => {
        const a = solveAssignment(m);
        expectValid(m, a);
        const best = bruteForce(m);
        expect(a.assigned).toBe(Math.min(m.rows, m.cols));
        expect(a.cost).toBe(best.cost);
      }),
      { numRuns: 200 },
    );
  });

  it('equals brute force with forbidden pairs: most pairs first, then least cost', () => {
    fc.assert(
      fc.property(instance({ forbidden: true }), (m) => {
        const a = solveAssignment(m);
        expectValid(m, a);
        const best = bruteForce(m);
        expect(a.assigned).toBe(best.assigned);
        expect(a.cost).toBe(best.cost);
      }),
      { numRuns: 200 },
    );
  });

  it('never does worse than greedy', () => {
    fc.assert(
      fc.property(instance({ forbidden: true }), (m) => {
        const a = solveAssignment(m);
        const g = greedy(m);
        expectValid(m, g);
        // Greedy may pair fewer rows when forbidden pairs are about (see the fixed case above);
        // with equally many pairs its cost is never lower. Without forbidden pairs both always
        // pair min(rows, cols), so then the solver's cost is simply ≤ greedy's.
        expect(a.assigned).toBeGreaterThanOrEqual(g.assigned);
        if (a.assigned === g.assigned) expect(a.cost).toBeLessThanOrEqual(g.cost);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(instance({ forbidden: false }), (m) => {
        expect(solveAssignment(m).cost).toBeLessThanOrEqual(greedy(m).cost);
      }),
      { numRuns: 100 },
    );
  });

  it('greedy takes the cheapest remaining pair first, ties by row then column', () => {
    // Up to 12 × 40: more columns than greedy's per-row list holds, so refills are exercised.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (rows, cols, range, seed) => {
        const next = lcg(seed);
        const data = Float64Array.from({ length: rows * cols }, () => (next() < 0.15 ? Infinity : Math.floor(next() * range)));
        const m: CostMatrix = { rows, cols, data };
        const g = greedy(m);
        expectValid(m, g);
        expect(Array.from(g.rowToCol)).toEqual(Array.from(naiveGreedy(m)));
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input, or a copy of it, gives the same answer', () => {
    fc.assert(
      fc.property(instance({ forbidden: true, maxSide: 12 }), (m) => {
        const a = solveAssignment(m);
        const copy: CostMatrix = { ...m, data: m.data.slice(), forbidden: m.forbidden?.slice() };
        const b = solveAssignment(copy);
        expect(b).toEqual(a);
        expect(greedy(copy)).toEqual(greedy(m));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same optimum transposed, and through the square and the rectangular code (larger instances)', () => {
    // Square matrices take JV's square initialisation; adding one forbidden column makes the
    // same problem rectangular, which takes the rectangular code (from zero prices, or on a
    // subset of the columns, padded). Both must agree, also on sizes brute force cannot reach.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, range, seed) => {
        const next = lcg(seed);
        const square = new Float64Array(n * n);
        for (let k = 0; k < square.length; k++) square[k] = next() < 0.1 ? Infinity : Math.floor(next() * range);
        const wide = new Float64Array(n * (n + 1));
        for (let i = 0; i < n; i++) {
          wide.set(square.subarray(i * n, i * n + n), i * (n + 1));
          wide[i * (n + 1) + n] = Infinity;
        }
        const sq: CostMatrix = { rows: n, cols: n, data: square };
        const a = solveAssignment(sq);
        const b = solveAssignment({ rows: n, cols: n + 1, data: wide });
        const t = transpose(sq);
        const c = solveAssignment(t);
        expectValid(sq, a);
        expectValid(t, c);
        expect([b.assigned, b.cost]).toEqual([a.assigned, a.cost]);
        expect([c.assigned, c.cost]).toEqual([a.assigned, a.cost]);
      }),
      { numRuns: 60 },
    );
  });

  it('is exact on wide matrices whose rows all want the same columns (restricted-columns path)', () => {
    // Brute force reaches 5 rows × 12 columns; the padded square problem checks larger ones.
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.nat(), fc.constantFrom(0, 0.2), fc.constantFrom(0, 0.5), (n, extra, seed, share, decoys) => {
        const m = sharedPriority(n, 2 * n + extra, seed, share, decoys);
        const a = solveAssignment(m);
        expectValid(m, a);
        const best = bruteForce(m);
        expect([a.assigned, a.cost]).toEqual([best.assigned, best.cost]);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 2, max: 4 }), fc.nat(), fc.constantFrom(0, 0.1, 0.3), fc.constantFrom(0, 0.4, 0.7), (n, ratio, seed, share, decoys) => {
        const m = sharedPriority(n, ratio * n, seed, share, decoys);
        const a = solveAssignment(m);
        expectValid(m, a);
        const b = solveAssignment(padded(m));
        expect([a.assigned, a.cost]).toEqual([b.assigned - (m.cols - m.rows), b.cost]);
        const t = transpose(m);
        const c = solveAssignment(t);
        expectValid(t, c);
        expect([c.assigned, c.cost]).toEqual([a.assigned, a.cost]);
      }),
      { numRuns: 120 },
    );
  });

  it('matches brute force on fractional costs up to rounding', () => {
    const cell = fc.oneof({ arbitrary: fc.double({ min: -5, max: 5, noNaN: true }), weight: 6 }, { arbitrary: fc.constant(Infinity), weight: 1 });
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })).chain(([rows, cols]) =>
          fc.array(cell, { minLength: rows * cols, maxLength: rows * cols }).map((v): CostMatrix => ({ rows, cols, data: Float64Array.from(v) })),
        ),
        (m) => {
          const a = solveAssignment(m);
          expectValid(m, a);
          const best = bruteForce(m);
          expect(a.assigned).toBe(best.assigned);
          expect(a.cost).toBeCloseTo(best.cost, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
