/**
 * The linear assignment problem, solved exactly: given a `rows × cols` cost matrix, pick at most
 * one column per row and one row per column so that as many rows as possible are assigned and,
 * among those assignments, the total cost is minimal.
 *
 * For batch matching, rows are units and columns are candidates (or the other way round: the
 * solver transposes internally so that it always works with rows ≤ cols). Pairs that the
 * eligibility rules exclude are "forbidden": they are never part of the answer.
 *
 * Pure functions over typed arrays: no database, no I/O. See `solveAssignment` for the method.
 */

/** Costs in row-major order: entry (i, j) is `data[i * cols + j]`. */
export type CostData = Float64Array | Int32Array;

/**
 * A cost matrix. A pair is forbidden (ineligible) when `forbidden[k] !== 0` or when its cost is
 * `Infinity` (only a `Float64Array` can hold that, hence the mask for `Int32Array` costs).
 */
export interface CostMatrix {
  rows: number;
  cols: number;
  /** `rows * cols` finite costs (or `Infinity` for a forbidden pair), row-major. */
  data: CostData;
  /** Optional mask in the same layout as `data`: nonzero marks a forbidden pair. */
  forbidden?: Uint8Array;
}

/** The answer of `solveAssignment` and `greedy`. */
export interface Assignment {
  /** Sum of the costs of the assigned pairs (forbidden pairs are never assigned). */
  cost: number;
  /** Number of assigned pairs. */
  assigned: number;
  /** Column of each row, −1 when the row is unassigned. */
  rowToCol: Int32Array;
  /** Row of each column, −1 when the column is unassigned. */
  colToRow: Int32Array;
  /**
   * Rows left without a column, ascending: every column is forbidden for them, there are not
   * enough eligible columns to go round, or (rows > cols) there are simply fewer columns.
   */
  unassignedRows: number[];
}

/** Checks the shape and the values of a cost matrix; throws a RangeError naming the problem. */
function validate(input: CostMatrix): void {
  const { rows, cols, data, forbidden } = input;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(
      `rijen en kolommen moeten gehele getallen ≥ 0 zijn / rows and cols must be integers ≥ 0 (rows=${rows}, cols=${cols})`,
    );
  }
  if (data.length !== rows * cols) {
    throw new RangeError(`data heeft ${data.length} waarden, verwacht ${rows * cols} / data has ${data.length} values, expected ${rows * cols}`);
  }
  if (forbidden !== undefined && forbidden.length !== rows * cols) {
    throw new RangeError(
      `forbidden heeft ${forbidden.length} waarden, verwacht ${rows * cols} / forbidden has ${forbidden.length} values, expected ${rows * cols}`,
    );
  }
}

function invalidCost(k: number, cols: number, value: number): RangeError {
  const where = `(${Math.floor(k / cols)}, ${k % cols})`;
  return new RangeError(`ongeldige kosten ${value} op ${where} / invalid cost ${value} at ${where}: use Infinity or the mask for a forbidden pair`);
}

/**
 * Costs of 2^53 and more are no longer exact in a double; the penalty for forbidden pairs times
 * the number of rows must stay below that for the answer to be exact (for integer costs).
 */
const EXACT_LIMIT = 2 ** 53;

/** Row visits per pass of the augmenting row reduction, per row of the matrix. */
const ARR_BUDGET = 4;

interface Working {
  /** n × m costs, n ≤ m, every entry finite (forbidden pairs carry the penalty). */
  c: Float64Array;
  n: number;
  m: number;
  /** The penalty given to forbidden pairs, or Infinity when there are none. */
  penalty: number;
}

/**
 * Copies the costs into one Float64Array in the orientation the solver wants (rows ≤ cols), so
 * the hot loops read a single monomorphic typed array, and replaces forbidden pairs by a finite
 * penalty M.
 *
 * Why a penalty and why this M: with n ≤ m every working row gets a column, so an assignment's
 * working cost is k·M + F, where k is the number of forbidden pairs it uses and F the sum of its
 * finite costs. |F| ≤ S = Σ_rows max|finite cost in the row| for every assignment, so with
 * M = 2S + 1 any assignment with k forbidden pairs is cheaper than any with k + 1: minimising
 * the working cost first minimises k (= maximises the number of eligible pairs, since any set of
 * eligible pairs extends to a full row assignment) and then F. Dropping the forbidden pairs
 * afterwards gives the maximum-cardinality assignment of minimum cost. A constant M (rather than
 * shifting each row) keeps F equal to the original costs, so ties between different sets of
 * unassigned rows are decided by the true cost.
 */
function workingCopy(input: CostMatrix, transposed: boolean): Working {
  const { rows, cols, data, forbidden } = input;
  const n = transposed ? cols : rows;
  const m = transposed ? rows : cols;
  const c = new Float64Array(n * m);
  const rowMaxAbs = new Float64Array(n);
  let forbiddenCount = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const k = base + j;
      let value = data[k];
      if (forbidden !== undefined && forbidden[k] !== 0) value = Infinity;
      else if (value !== value || value === -Infinity) throw invalidCost(k, cols, value);
      const wr = transposed ? j : i;
      c[transposed ? j * m + i : k] = value;
      if (value === Infinity) {
        forbiddenCount++;
      } else {
        const a = value < 0 ? -value : value;
        if (a > rowMaxAbs[wr]) rowMaxAbs[wr] = a;
      }
    }
  }
  if (forbiddenCount === 0) return { c, n, m, penalty: Infinity };
  let s = 0;
  for (let r = 0; r < n; r++) s += rowMaxAbs[r];
  const penalty = 2 * s + 1;
  if (!(penalty * n < EXACT_LIMIT)) {
    throw new RangeError('kosten te groot om exact op te lossen / costs too large to solve exactly (penalty × rows ≥ 2^53)');
  }
  for (let k = 0; k < c.length; k++) if (c[k] === Infinity) c[k] = penalty;
  return { c, n, m, penalty };
}

/**
 * Initialisation of Jonker & Volgenant (1987) for a square matrix: column reduction, reduction
 * transfer and two rounds of augmenting row reduction. It assigns most rows cheaply and leaves
 * prices `v` such that every assigned row sits on a column of minimal reduced cost
 * (c[i][x[i]] − v[x[i]] ≤ c[i][j] − v[j]), which is what the augmentation needs. Returns the
 * number of free rows written to `free`.
 */
function initSquare(c: Float64Array, n: number, v: Float64Array, x: Int32Array, y: Int32Array, free: Int32Array): number {
  // Column reduction: v[j] = min over the column. Computed in one row-major pass (a column walk
  // over a large matrix would miss the cache on every read); strict < keeps the lowest row.
  const argmin = new Int32Array(n);
  for (let j = 0; j < n; j++) v[j] = c[j];
  for (let i = 1; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const h = c[base + j];
      if (h < v[j]) {
        v[j] = h;
        argmin[j] = i;
      }
    }
  }
  // Assign each column to its minimal row unless that row already has one; the reverse order
  // is JV's (it tends to leave the lower-index columns for the row reduction).
  const matches = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = argmin[j];
    if (++matches[i] === 1) {
      x[i] = j;
      y[j] = i;
    } else if (v[j] < v[x[i]]) {
      const j1 = x[i];
      x[i] = j;
      y[j] = i;
      y[j1] = -1;
    } else {
      y[j] = -1;
    }
  }
  // Reduction transfer: a row matched once gets its column's price lowered as far as its second
  // best column allows, which moves slack to the rows that will have to compete later.
  let numFree = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i] === 0) {
      free[numFree++] = i;
    } else if (matches[i] === 1) {
      const j1 = x[i];
      const base = i * n;
      let min = Infinity;
      for (let j = 0; j < n; j++) {
        if (j !== j1) {
          const h = c[base + j] - v[j];
          if (h < min) min = h;
        }
      }
      v[j1] -= min;
    }
  }
  return augmentingRowReduction(c, n, v, x, y, free, numFree);
}

/**
 * Augmenting row reduction (JV 1987), an auction-like pass: each free row takes its cheapest
 * column by reduced cost and lowers that column's price until the row is indifferent between
 * it and its second best; a displaced row is tried again at once. Two passes, as in JV.
 *
 * It only ever lowers the price of the column a row takes, and never frees a column, so it
 * keeps the conditions the augmentation needs (every assigned row on a column of minimal
 * reduced cost) and, for rectangular matrices, the rectangular ones (free columns keep price
 * 0, all prices ≤ 0). Hence it is valid for n < m as well, where it does most of the work when
 * many rows want the same columns.
 *
 * The work is capped (ARR_BUDGET row visits per row and pass): when the price steps are tiny, rows can
 * bounce for a long time; the rows still free simply go on to the exact augmentation.
 * Returns the number of free rows left in `free`.
 */
function augmentingRowReduction(c: Float64Array, m: number, v: Float64Array, x: Int32Array, y: Int32Array, free: Int32Array, numFree: number): number {
  for (let pass = 0; pass < 2 && numFree > 0; pass++) {
    let budget = ARR_BUDGET * x.length;
    let k = 0;
    const prvNumFree = numFree;
    numFree = 0;
    while (k < prvNumFree) {
      const i = free[k++];
      const base = i * m;
      let umin = c[base] - v[0];
      let j1 = 0;
      let usubmin = Infinity;
      let j2 = -1;
      for (let j = 1; j < m; j++) {
        const h = c[base + j] - v[j];
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      let i0 = y[j1];
      const lowers = umin < usubmin;
      if (budget > 0) {
        budget--;
        if (lowers) v[j1] -= usubmin - umin;
        else if (i0 >= 0) {
          // A tie: take the second best column instead, which may be free.
          j1 = j2;
          i0 = y[j2];
        }
        x[i] = j1;
        y[j1] = i;
        if (i0 >= 0) {
          if (lowers) free[--k] = i0;
          else free[numFree++] = i0;
        }
      } else {
        x[i] = j1;
        y[j1] = i;
        if (i0 >= 0) free[numFree++] = i0;
      }
    }
  }
  return numFree;
}

/**
 * Augments the free rows one by one along shortest paths (Dijkstra on reduced costs, dense,
 * as in JV's augmentation phase), then updates the prices so reduced costs stay ≥ 0.
 *
 * Works on n × m with n ≤ m. On a rectangular matrix (`solveFromZero`) the prices start at 0
 * and only ever decrease, and a free column is never re-priced (it would have ended the
 * search), so the free columns keep the highest price 0: the dual conditions of the
 * rectangular problem (v ≤ 0, v = 0 on unassigned columns) hold and the result is optimal
 * (Crouse 2016).
 *
 * Scratch arrays are passed in so the loop allocates nothing.
 */
function augment(
  c: Float64Array,
  m: number,
  v: Float64Array,
  x: Int32Array,
  y: Int32Array,
  free: Int32Array,
  numFree: number,
  d: Float64Array,
  pred: Int32Array,
  collist: Int32Array,
): void {
  for (let f = 0; f < numFree; f++) {
    const freeRow = free[f];
    const fbase = freeRow * m;
    for (let j = 0; j < m; j++) {
      d[j] = c[fbase + j] - v[j];
      pred[j] = freeRow;
      collist[j] = j;
    }
    // collist[0, low): columns whose distance is final ("ready");
    // collist[low, up): columns at the current minimum distance, still to scan ("todo");
    // collist[up, m): the rest.
    let low = 0;
    let up = 0;
    let last = 0;
    let min = 0;
    let endOfPath = -1;
    while (endOfPath < 0) {
      if (up === low) {
        // Collect every column at the new minimum distance; if one is free the path ends there.
        last = low;
        min = d[collist[up++]];
        for (let k = up; k < m; k++) {
          const j = collist[k];
          const h = d[j];
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            collist[k] = collist[up];
            collist[up++] = j;
          }
        }
        // Of the free columns at minimum distance take the lowest index (deterministic and
        // independent of how the swaps above happened to order them).
        for (let k = low; k < up; k++) {
          const j = collist[k];
          if (y[j] < 0 && (endOfPath < 0 || j < endOfPath)) endOfPath = j;
        }
        if (endOfPath >= 0) break;
      }
      // Scan the row assigned to the next todo column: relax every column not yet reached.
      const j1 = collist[low++];
      const i = y[j1];
      const base = i * m;
      const h = c[base + j1] - v[j1] - min;
      for (let k = up; k < m; k++) {
        const j = collist[k];
        const v2 = c[base + j] - v[j] - h;
        if (v2 < d[j]) {
          pred[j] = i;
          if (v2 === min) {
            if (y[j] < 0) {
              endOfPath = j;
              break;
            }
            collist[k] = collist[up];
            collist[up++] = j;
          }
          d[j] = v2;
        }
      }
    }
    // Price update on the ready columns keeps every reduced cost ≥ 0 and the matched ones at
    // their row's minimum.
    for (let k = 0; k < last; k++) {
      const j = collist[k];
      v[j] += d[j] - min;
    }
    // Flip the path back to the free row.
    let i: number;
    do {
      i = pred[endOfPath];
      y[endOfPath] = i;
      const j = endOfPath;
      endOfPath = x[i];
      x[i] = j;
    } while (i !== freeRow);
  }
}

function emptyAssignment(rows: number, cols: number): Assignment {
  const unassignedRows: number[] = [];
  for (let i = 0; i < rows; i++) unassignedRows.push(i);
  return { cost: 0, assigned: 0, rowToCol: new Int32Array(rows).fill(-1), colToRow: new Int32Array(cols).fill(-1), unassignedRows };
}

/** Fills in cost, counts and the unassigned rows from `rowToCol`. */
function summarise(input: CostMatrix, rowToCol: Int32Array, colToRow: Int32Array): Assignment {
  const unassignedRows: number[] = [];
  let cost = 0;
  let assigned = 0;
  for (let i = 0; i < input.rows; i++) {
    const j = rowToCol[i];
    if (j < 0) unassignedRows.push(i);
    else {
      cost += input.data[i * input.cols + j];
      assigned++;
    }
  }
  return { cost, assigned, rowToCol, colToRow, unassignedRows };
}

/** Full JV on a square n × n working matrix: initialisation, then augmentation. */
function solveSquare(c: Float64Array, n: number): { x: Int32Array; v: Float64Array } {
  const v = new Float64Array(n);
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(n).fill(-1);
  const free = new Int32Array(n);
  let numFree = n;
  if (n > 1) numFree = initSquare(c, n, v, x, y, free);
  else free[0] = 0;
  augment(c, n, v, x, y, free, numFree, new Float64Array(n), new Int32Array(n), new Int32Array(n));
  return { x, v };
}

/**
 * A rectangular n × m problem (n < m) from zero prices: augmenting row reduction, then
 * augmentation. Zero prices and both phases keep the rectangular dual conditions (prices ≤ 0,
 * 0 on free columns). Fast when the rows' favourite columns are spread out (short paths).
 */
function solveFromZero(c: Float64Array, n: number, m: number): { x: Int32Array; v: Float64Array } {
  const v = new Float64Array(m);
  const x = new Int32Array(n).fill(-1);
  const y = new Int32Array(m).fill(-1);
  const free = new Int32Array(n);
  for (let i = 0; i < n; i++) free[i] = i;
  const numFree = augmentingRowReduction(c, m, v, x, y, free, n);
  augment(c, m, v, x, y, free, numFree, new Float64Array(m), new Int32Array(m), new Int32Array(m));
  return { x, v };
}

/**
 * A rectangular n × m problem (n < m, m not much larger than n) solved as the square m × m
 * problem with m − n dummy rows (a dummy row's column is a column left free). Why: from zero
 * prices, the path searches of a rectangular problem whose rows compete for the same columns
 * get very long (on a shared-priority instance, 1 000 × 1 001 took 60 times the path-search
 * work of 1 000 × 1 000); the square problem gets JV's column reduction and reduction
 * transfer, which settle most of it.
 *
 * The dummy rows cost the largest working cost K on every column. Any constant would be
 * correct (it adds K · (m − n) to every assignment); the largest makes the column reduction
 * hand every column to a real row, as in a square problem, instead of to a dummy row.
 *
 * The dummy rows are identical, so at the optimum each sits on a column of maximal price V;
 * subtracting V from every price turns the square duals into rectangular ones (all ≤ 0, 0 on
 * the free columns) without changing any reduced cost.
 */
function solvePadded(c: Float64Array, n: number, m: number): { x: Int32Array; v: Float64Array } {
  const p = new Float64Array(m * m);
  p.set(c);
  let top = -Infinity;
  for (let k = 0; k < c.length; k++) if (c[k] > top) top = c[k];
  p.fill(top, n * m);
  const { x, v } = solveSquare(p, m);
  let vmax = -Infinity;
  for (let j = 0; j < m; j++) if (v[j] > vmax) vmax = v[j];
  for (let j = 0; j < m; j++) v[j] -= vmax;
  return { x: x.slice(0, n), v };
}

/** Columns of the first restricted problem in `solveRectangular`, per row. */
const RESTRICTED_SHARE = 1.1;

/** Widest restricted problem (columns per row) that `solveRectangular` solves padded. */
const PADDED_MAX = 1.25;

/**
 * Rectangular n × m, n < m (units × more candidates).
 *
 * When the rows' favourite columns are spread out (each row's two cheapest columns together
 * make n or more distinct columns), the paths are short and `solveFromZero` on the whole
 * matrix is fastest.
 *
 * Otherwise the rows compete for the same columns (candidates share a priority, say) and the
 * problem is solved on a subset S of the columns first, then proved optimal on all of them:
 *
 * - Why it is exact: the restricted solution comes with prices v ≤ 0 on S (0 on its free
 *   columns) and row values u_i = c[i][x_i] − v[x_i] with c[i][j] − v[j] ≥ u_i on S. Give every
 *   column outside S the price 0 (it is free). If also c[i][j] ≥ u_i for every j outside S,
 *   these (u, v) are feasible for the dual of the whole rectangular problem and satisfy
 *   complementary slackness with the restricted assignment, which is therefore optimal for the
 *   whole matrix. Otherwise every column that violates it joins S and the restricted problem
 *   is solved again; S only grows, so this ends (at worst with all columns).
 * - Why it pays: S starts with about 1.1 n columns, so the restricted problem is nearly square
 *   (cheap as a padded square problem, see `solvePadded`) and narrow (each step of a path
 *   scans |S| columns instead of m).
 */
function solveRectangular(c: Float64Array, n: number, m: number): Int32Array {
  // One pass: each row's two cheapest columns, and each column's cheapest entry.
  const inS = new Uint8Array(m);
  const colMin = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * m;
    let b1 = 0;
    let b2 = -1;
    if (c[base] < colMin[0]) colMin[0] = c[base];
    for (let j = 1; j < m; j++) {
      const h = c[base + j];
      if (h < colMin[j]) colMin[j] = h;
      if (h < c[base + b1]) {
        b2 = b1;
        b1 = j;
      } else if (b2 < 0 || h < c[base + b2]) {
        b2 = j;
      }
    }
    inS[b1] = 1;
    inS[b2] = 1; // m > n ≥ 1, so b2 ≥ 0
  }
  let size = 0;
  for (let j = 0; j < m; j++) size += inS[j];
  if (size >= n) return solveFromZero(c, n, m).x;

  // Fill S up to 1.1 n columns (at least n + 1, so the restricted problem stays rectangular)
  // with the columns whose cheapest entry is lowest: those every row would compete for.
  const target = Math.min(m, Math.max(n + 1, Math.ceil(RESTRICTED_SHARE * n)));
  const byColMin = Int32Array.from({ length: m }, (_, j) => j).sort((a, b) => colMin[a] - colMin[b] || a - b);
  for (let k = 0; k < m && size < target; k++) {
    if (inS[byColMin[k]] === 0) {
      inS[byColMin[k]] = 1;
      size++;
    }
  }
  for (;;) {
    const cols = new Int32Array(size);
    for (let j = 0, k = 0; j < m; j++) if (inS[j] !== 0) cols[k++] = j;
    const sub = new Float64Array(n * size);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      const sbase = i * size;
      for (let k = 0; k < size; k++) sub[sbase + k] = c[base + cols[k]];
    }
    // Padding pays while the dummy rows are few; once a failed proof has widened S a lot (rows
    // spread over many equal columns, say), starting from zero is faster and needs no m² copy.
    const { x, v } = size <= PADDED_MAX * n ? solvePadded(sub, n, size) : solveFromZero(sub, n, size);
    if (size === m) return x;
    // The proof: no column outside S may be cheaper for a row than that row's value u_i.
    let added = 0;
    for (let i = 0; i < n; i++) {
      const u = sub[i * size + x[i]] - v[x[i]];
      const base = i * m;
      for (let j = 0; j < m; j++) {
        if (inS[j] === 0 && c[base + j] < u) {
          inS[j] = 2; // joins S for the next round
          added++;
        }
      }
    }
    if (added === 0) {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = cols[x[i]];
      return out;
    }
    for (let j = 0; j < m; j++) if (inS[j] === 2) inS[j] = 1;
    size += added;
  }
}

/**
 * Solves the linear assignment problem exactly: the assignment with the most eligible pairs
 * and, among those, the least total cost.
 *
 * Method: Jonker–Volgenant shortest augmenting paths with dual prices (LAPJV, Jonker &
 * Volgenant 1987), with the rectangular dual conditions of Crouse (2016, "On implementing 2D
 * rectangular assignment algorithms"). The matrix is first oriented so that rows ≤ cols
 * (transposed when rows > cols). A square matrix gets JV's initialisation (column reduction,
 * reduction transfer, augmenting row reduction), which assigns most rows before any path
 * search; every remaining free row is then added along a shortest augmenting path (dense
 * Dijkstra on reduced costs). A rectangular matrix (see `solveRectangular`) is solved from
 * zero prices when its rows want different columns, and otherwise on a nearly square subset
 * of the columns (as a padded square problem), then proved optimal for all columns through
 * the dual prices, adding columns until the proof holds. O(n²·m) for n ≤ m in the worst case;
 * memory O(n·m): a Float64Array copy of the costs and, for the restricted problem, about
 * 2.3 n² more (the n × 1.1 n subset and its padded square).
 *
 * Forbidden pairs get a finite penalty M larger than any difference the finite costs can
 * make (see `workingCopy`), so the solver always finds a full assignment of the working
 * matrix; the pairs that used M are dropped afterwards and their rows reported as unassigned.
 *
 * Deterministic: no randomness and fixed scan orders (lowest index first wherever a choice
 * between equals is made in index order), so the same input always gives the same answer.
 * When several assignments are optimal, which one is returned is fixed by the input but not
 * otherwise specified (it is not, for instance, the lexicographically smallest).
 *
 * Exact for integer costs as long as sums of n of them (and n times the penalty M, which is
 * checked: a RangeError otherwise) stay below 2^53; for fractional costs, exact up to
 * floating-point rounding.
 *
 * @throws RangeError on a malformed matrix or a NaN / −Infinity cost.
 */
export function solveAssignment(input: CostMatrix): Assignment {
  validate(input);
  const { rows, cols } = input;
  if (rows === 0 || cols === 0) return emptyAssignment(rows, cols);
  const transposed = rows > cols;
  const { c, n, m, penalty } = workingCopy(input, transposed);
  const x = n === m ? solveSquare(c, n).x : solveRectangular(c, n, m);

  // Map back to the caller's orientation, dropping pairs that carried the penalty.
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  for (let r = 0; r < n; r++) {
    const j = x[r];
    if (penalty !== Infinity && c[r * m + j] === penalty) {
      // A finite cost can never equal M (M > 2·max|cost|), so this pair is a forbidden one.
      continue;
    }
    const row = transposed ? j : r;
    const col = transposed ? r : j;
    rowToCol[row] = col;
    colToRow[col] = row;
  }
  return summarise(input, rowToCol, colToRow);
}

/** Is (row, col) at flat index k forbidden in `input`? */
function isForbidden(input: CostMatrix, k: number): boolean {
  return (input.forbidden !== undefined && input.forbidden[k] !== 0) || input.data[k] === Infinity;
}

/** Length of each row's list of next-best columns in `greedy`. */
const GREEDY_LIST = 16;

/**
 * The greedy baseline: repeatedly takes the cheapest remaining eligible pair (ties: lowest row,
 * then lowest column) until no eligible pair is left. What a person sorting a list by hand
 * would do; `solveAssignment` is never worse when both assign the same number of rows, and
 * can assign more rows when greedy blocks itself with forbidden pairs.
 *
 * Implementation: every row keeps a short sorted list of its cheapest free eligible columns,
 * and a binary heap orders the rows by (cost of their list's head, row). A popped row whose
 * head was taken meanwhile moves along its list (and refills it with one scan of the row when
 * it runs out) and goes back into the heap. A row's key only ever grows, so a key in the heap
 * is never larger than the row's true best cost, and the first pop whose head is still free
 * is the cheapest remaining pair. O(rows·cols) for the first scans plus one O(cols) scan per
 * refill; the lists make refills rare even when every row wants the same columns.
 *
 * @throws RangeError on a malformed matrix or a NaN / −Infinity cost.
 */
export function greedy(input: CostMatrix): Assignment {
  validate(input);
  const { rows, cols, data } = input;
  for (let k = 0; k < data.length; k++) {
    const value = data[k];
    if ((value !== value || value === -Infinity) && !isForbidden(input, k)) throw invalidCost(k, cols, value);
  }
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  const L = GREEDY_LIST;
  const listCol = new Int32Array(rows * L);
  const listCost = new Float64Array(rows * L);
  const listLen = new Int32Array(rows);
  const listPos = new Int32Array(rows);
  const heap = new Int32Array(rows);
  let size = 0;

  // Refills row i's list with its L cheapest free eligible columns, in (cost, column) order,
  // by insertion into the short sorted list; columns come in ascending order, so strict < keeps
  // the lower column first among equal costs. Returns whether the row has any left.
  const refill = (i: number): boolean => {
    const base = i * cols;
    const lb = i * L;
    let len = 0;
    for (let j = 0; j < cols; j++) {
      if (colToRow[j] >= 0 || isForbidden(input, base + j)) continue;
      const h = data[base + j];
      if (len === L && !(h < listCost[lb + L - 1])) continue;
      let p = len < L ? len++ : L - 1;
      while (p > 0 && h < listCost[lb + p - 1]) {
        listCost[lb + p] = listCost[lb + p - 1];
        listCol[lb + p] = listCol[lb + p - 1];
        p--;
      }
      listCost[lb + p] = h;
      listCol[lb + p] = j;
    }
    listLen[i] = len;
    listPos[i] = 0;
    return len > 0;
  };
  const key = (i: number) => listCost[i * L + listPos[i]];
  const less = (a: number, b: number) => key(a) < key(b) || (key(a) === key(b) && a < b);
  const push = (i: number) => {
    let p = size++;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      if (!less(i, heap[parent])) break;
      heap[p] = heap[parent];
      p = parent;
    }
    heap[p] = i;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap[--size];
    let p = 0;
    for (;;) {
      let child = 2 * p + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1], heap[child])) child++;
      if (!less(heap[child], last)) break;
      heap[p] = heap[child];
      p = child;
    }
    heap[p] = last;
    return top;
  };

  for (let i = 0; i < rows; i++) if (refill(i)) push(i);
  while (size > 0) {
    const i = pop();
    const j = listCol[i * L + listPos[i]];
    if (colToRow[j] < 0) {
      rowToCol[i] = j;
      colToRow[j] = i;
      continue;
    }
    // Taken meanwhile: skip the taken columns of the list (taken columns stay taken), refill
    // when it runs out, and queue the row again under its new, larger key.
    let pos = listPos[i] + 1;
    while (pos < listLen[i] && colToRow[listCol[i * L + pos]] >= 0) pos++;
    listPos[i] = pos;
    if (pos < listLen[i] || refill(i)) push(i);
  }
  return summarise(input, rowToCol, colToRow);
}

/**
 * Turns a fit-score matrix (higher is better) into a cost matrix for `solveAssignment` and
 * `greedy`: cost = −fit, so minimising the cost maximises the total fit (the negated
 * `cost` of the answer is the total fit). A fit of −Infinity, or a masked pair, is forbidden.
 * Negation rather than `max − fit` keeps fractional scores exact.
 *
 * @throws RangeError on a malformed matrix or a NaN / +Infinity fit.
 */
export function maximiseFit(fit: CostMatrix): CostMatrix {
  validate(fit);
  const data = new Float64Array(fit.data.length);
  for (let k = 0; k < data.length; k++) {
    if (fit.forbidden !== undefined && fit.forbidden[k] !== 0) continue; // masked: value unused
    const f = fit.data[k];
    if (f !== f || f === Infinity) {
      const where = `(${Math.floor(k / fit.cols)}, ${k % fit.cols})`;
      throw new RangeError(`ongeldige score ${f} op ${where} / invalid fit ${f} at ${where}`);
    }
    data[k] = 0 - f; // 0 − f, not −f: no −0 in the costs
  }
  return fit.forbidden === undefined
    ? { rows: fit.rows, cols: fit.cols, data }
    : { rows: fit.rows, cols: fit.cols, data, forbidden: fit.forbidden };
}
