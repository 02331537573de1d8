import type { CostMatrix } from '../../src/server/domain/matching/assignment.js';

/**
 * Reference answer for small assignment problems by exhaustive search, written independently
 * of the solver (no penalty, no prices): enumerates every injective map from the smaller side
 * to the larger one and keeps the lexicographically best (most eligible pairs, then least
 * cost). Any set of eligible pairs extends to such a full map, so this is the
 * maximum-cardinality assignment of minimum cost. At most 8! = 40 320 maps for 8 × 8.
 */
export function bruteForce(m: CostMatrix): { cost: number; assigned: number } {
  const { rows, cols, data, forbidden } = m;
  const flip = rows > cols;
  const n = flip ? cols : rows;
  const k = flip ? rows : cols;
  const at = (a: number, b: number) => (flip ? b * cols + a : a * cols + b);
  const ok = (idx: number) => !(forbidden && forbidden[idx]) && data[idx] !== Infinity;
  const used = new Array<boolean>(k).fill(false);
  let bestAssigned = -1;
  let bestCost = Infinity;
  const go = (a: number, assigned: number, cost: number) => {
    if (a === n) {
      if (assigned > bestAssigned || (assigned === bestAssigned && cost < bestCost)) {
        bestAssigned = assigned;
        bestCost = cost;
      }
      return;
    }
    for (let b = 0; b < k; b++) {
      if (used[b]) continue;
      used[b] = true;
      const idx = at(a, b);
      if (ok(idx)) go(a + 1, assigned + 1, cost + data[idx]);
      else go(a + 1, assigned, cost);
      used[b] = false;
    }
  };
  if (n === 0) return { cost: 0, assigned: 0 };
  go(0, 0, 0);
  return { cost: bestCost, assigned: bestAssigned };
}
