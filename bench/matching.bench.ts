import { greedy, maximiseFit, solveAssignment, type Assignment, type CostMatrix } from '../src/server/domain/matching/assignment.js';
import { ms, percentile, type BenchSection } from './lib.js';

/** mulberry32: a small seeded generator, so every run measures the same matrices. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer costs 0…999 (fit points), a share of the pairs forbidden (Infinity). */
function randomCosts(rows: number, cols: number, forbiddenShare: number, seed: number): CostMatrix {
  const next = generator(seed);
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = next() < forbiddenShare ? Infinity : Math.floor(next() * 1000);
  return { rows, cols, data };
}

/**
 * Fit scores as the matcher will produce them: a priority of the candidate shared by every
 * unit (waiting time, list) 0–499 plus a fit of the pair 0–499, maximised (costs = −fit), a
 * share of the pairs ineligible. All units want the same candidates: the harder shape.
 */
function sharedPriorityFit(rows: number, cols: number, forbiddenShare: number, seed: number): CostMatrix {
  const next = generator(seed);
  const priority = Float64Array.from({ length: cols }, () => Math.floor(next() * 500));
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[i * cols + j] = next() < forbiddenShare ? -Infinity : priority[j] + Math.floor(next() * 500);
  }
  return maximiseFit({ rows, cols, data });
}

/** Median time of `runs` calls of `fn`, and its (deterministic) answer. */
function timed(fn: () => Assignment, runs: number): { median: number; result: Assignment } {
  const times: number[] = [];
  let result: Assignment | undefined;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    result = fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), result: result! };
}

function measure(m: CostMatrix, runs: number) {
  // The first call runs partly unoptimised code (JIT warm-up): report it apart.
  const s = performance.now();
  solveAssignment(m);
  const cold = performance.now() - s;
  greedy(m);
  return { cold, solver: timed(() => solveAssignment(m), runs), base: timed(() => greedy(m), runs) };
}

/**
 * The exact assignment solver (JV shortest augmenting paths) against the greedy baseline on
 * seeded random matrices; times are the median of several runs, plus the very first run.
 */
export async function matchingBench(): Promise<BenchSection> {
  const seed = Number(process.env.BENCH_SEED ?? 20_240_611);
  const runs = 5;
  const cases: { label: string; target?: number; m: CostMatrix }[] = [
    { label: '1 000 units × 5 000 candidates, 20 % forbidden', target: 1000, m: randomCosts(1000, 5000, 0.2, seed) },
    { label: '2 000 × 2 000 dense', target: 2000, m: randomCosts(2000, 2000, 0, seed + 1) },
    { label: 'shared priority: 1 000 × 5 000, 20 % forbidden', m: sharedPriorityFit(1000, 5000, 0.2, seed + 2) },
    { label: 'shared priority: 2 000 × 2 000 dense', m: sharedPriorityFit(2000, 2000, 0, seed + 3) },
  ];
  const lines = [
    `Uniform random integer costs 0–999 (mulberry32, seed ${seed}, the next instances seed + 1, + 2, + 3; \`BENCH_SEED\` overrides).`,
    'Shared priority: fit = candidate priority 0–499 (the same for every unit) + pair fit 0–499, maximised (cost = −fit):',
    'every unit wants the same candidates, the harder and more realistic shape.',
    `Times include validation and the solver's working copy; median of ${runs} runs after one warm-up, first (cold) run apart.`,
    '',
    '| instance | solver (median) | first run | target | optimal cost | pairs | greedy (median) | greedy cost | greedy worse by |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { label, target, m } of cases) {
    const { cold, solver, base } = measure(m, runs);
    const opt = solver.result;
    const g = base.result;
    const diff = g.cost - opt.cost;
    const pct = opt.cost === 0 ? '∞' : ((100 * diff) / Math.abs(opt.cost)).toFixed(opt.cost < 0 ? 2 : 1);
    const worse = g.assigned === opt.assigned ? `${diff} (${pct} %)` : `${opt.assigned - g.assigned} fewer pairs`;
    const goal = target === undefined ? '–' : `< ${target / 1000} s ${solver.median < target ? '✓' : '✗'}`;
    lines.push(
      `| ${label} | ${ms(solver.median)} | ${ms(cold)} | ${goal} | ${opt.cost} | ${opt.assigned} | ${ms(base.median)} | ${g.cost} | ${worse} |`,
    );
  }
  return { title: 'Batch matching: exact assignment solver vs greedy', lines };
}
