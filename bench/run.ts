import fs from 'node:fs';
import { machine, type BenchSection } from './lib.js';
import { counterBench } from './counter.bench.js';
import { startupBench } from './startup.bench.js';
import { participantsBench } from './participants.bench.js';
import { matchingBench } from './matching.bench.js';
import { matchingDbBench } from './matching-db.bench.js';
import { nationalBench } from './national.bench.js';
import { apiBench } from './api.bench.js';
import { scalingBench } from './scaling.bench.js';
import { closeNationalData } from './national-data.js';

/**
 * `npm run bench`: runs every benchmark and writes docs/performance.md. Benchmarks, not tests:
 * shared machines are noisy, so figures are recorded with the machine, never asserted in CI.
 */
const BENCHES: [string, () => Promise<BenchSection>][] = [
  ['startup', startupBench],
  ['counter', counterBench],
  ['participants', participantsBench],
  ['matching', matchingBench],
  ['matching-db', matchingDbBench],
  // On the synthetic national data set (bench/national-data.ts; size from BENCH_REGIONS and
  // BENCH_PARTICIPANTS, or an existing database in BENCH_NATIONAL_URL), generated once per run.
  ['national', nationalBench],
  ['api', apiBench],
  ['scaling', scalingBench],
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
await closeNationalData();

// A partial run (`npm run bench -- matching`) replaces only its own sections and keeps the others.
const previous = new Map<string, string>();
if (fs.existsSync('docs/performance.md')) {
  const parts = fs.readFileSync('docs/performance.md', 'utf8').split(/^## /m).slice(1);
  for (const part of parts) previous.set(part.slice(0, part.indexOf('\n')).trim(), `## ${part.trimEnd()}`);
}
for (const s of sections) previous.set(s.title, [`## ${s.title}`, '', `Measured ${new Date().toISOString().slice(0, 10)}.`, '', ...s.lines].join('\n'));

const doc = [
  '# Performance',
  '',
  'Written by `npm run bench` (benchmarks live in `bench/`; they never run in `npm test`).',
  '`npm run bench -- NAME…` runs some of them (startup, counter, participants, matching, matching-db, national, api, scaling) and keeps the other sections.',
  'The national, api and scaling benches generate a synthetic data set first (docs/scaling.md: `BENCH_REGIONS`, `BENCH_PARTICIPANTS`, `BENCH_NATIONAL_URL`, `BENCH_SCALING_PARTICIPANTS`).',
  '',
  `- Machine: ${machine()}`,
  `- Last command: \`npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  ...[...previous.values()].flatMap((text) => [text, '']),
].join('\n');
fs.writeFileSync('docs/performance.md', doc);
console.log('docs/performance.md written');
process.exit(0);
