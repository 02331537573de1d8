import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bruteForce } from '../support/assignment-brute-force.js';

// Runs the real CLI (`eerstethuis assign FILE`) as a process on generated OR-Library files.
// It needs no database, so it runs once, in the unit project.

const BIN = path.resolve('bin/eerstethuis.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-assign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'assign', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('eerstethuis assign FILE', () => {
  it('prints the optimal cost (equal to brute force) and a 1-based assignment of that cost', () => {
    // A seeded 7 × 7 instance with costs 1..100, written the way OR-Library does: n on its own
    // line, then the costs wrapped at 5 per line regardless of where a row ends.
    let s = 20_240_611;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
    const n = 7;
    const costs = Array.from({ length: n * n }, () => ((next() >>> 16) % 100) + 1);
    const lines = [` ${n}`];
    for (let k = 0; k < costs.length; k += 5) lines.push(' ' + costs.slice(k, k + 5).join(' '));
    const file = path.join(dir, 'assign7.txt');
    fs.writeFileSync(file, lines.join('\n') + '\n');

    const { code, stdout, stderr } = run(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = stdout.trim().split('\n');
    const best = bruteForce({ rows: n, cols: n, data: Float64Array.from(costs) });
    expect(out[0]).toBe(`optimal cost: ${best.cost}`);
    // Then one "row -> col" line per row, 1-based, a permutation whose cost is the optimum.
    const pairs = out.slice(1).map((l) => l.match(/^(\d+) -> (\d+)$/)!.slice(1).map(Number));
    expect(pairs.map(([r]) => r)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(pairs.map(([, c]) => c)).size).toBe(n);
    expect(pairs.reduce((sum, [r, c]) => sum + costs[(r - 1) * n + (c - 1)], 0)).toBe(best.cost);
  });

  it('refuses a truncated file with a clear message and exit code 2', () => {
    const file = path.join(dir, 'truncated.txt');
    fs.writeFileSync(file, '3\n1 2 3\n4 5\n');
    const { code, stdout, stderr } = run(file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bestand afgekapt');
    expect(stderr).toContain('truncated file: found 5 of 9 costs');
  });

  it('refuses a missing file or argument with exit code 2', () => {
    const missing = run(path.join(dir, 'does-not-exist.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/kan het bestand niet lezen \/ cannot read the file \(ENOENT\)/);
    const none = run();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage: eerstethuis assign FILE/);
  });
});
