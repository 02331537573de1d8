import fs from 'node:fs';
import { machine, type BenchSection } from './lib.js';
import { counterBench } from './counter.bench.js';
import { startupBench } from './startup.bench.js';
import { matchingBench } from './matching.bench.js';

/**
 * `npm run bench`: runs every benchmark and writes docs/performance.md. Benchmarks, not tests:
 * shared machines are noisy, so figures are recorded with the machine, never asserted in CI.
 */
const BENCHES: [string, () => Promise<BenchSection>][] = [
  ['startup', startupBench],
  ['counter', counterBench],
  ['matching', matchingBench],
];

const only = process.argv.slice(2);
const sections: BenchSection[] = [];
for (const [name, run] of BENCHES) {
  if (only.length && !only.includes(name)) continue;
  console.log(`bench: ${name}…`);
  const s = await run();
  console.log([`## ${s.title}`, ...s.lines].join('\n'));
  sections.push(s);
}

const doc = [
  '# Performance',
  '',
  'Written by `npm run bench` (benchmarks live in `bench/`; they never run in `npm test`).',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- Machine: ${machine()}`,
  `- Command: \`npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}\``,
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
].join('\n');
fs.writeFileSync('docs/performance.md', doc);
console.log('docs/performance.md written');
process.exit(0);
