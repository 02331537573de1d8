import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPostgres } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { generateNational } from '../src/server/db/generate/generate.js';
import { DATA_END } from '../src/server/db/generate/period.js';
import { ms, time, type BenchSection } from './lib.js';
import { generatedRegions, scratchDatabase } from './national-data.js';
import { officeCookie } from './national.bench.js';

/**
 * How cost grows with regions (docs/scaling.md): one database grown in three steps with
 * `generate --append` (5 → 10 → 20 regions; every step's first region has the same size as
 * GEN-01's batch). Region GEN-01 stays byte-for-byte the same in all steps, so its counter and
 * outcomes show the per-region cost as the database grows; the national figures (every
 * programme's counter in turn, one SQL aggregate over all regions) show the cross-region cost.
 * BENCH_SCALING_PARTICIPANTS (default 5 000) is the number of participants per 5 regions.
 */
export async function scalingBench(): Promise<BenchSection> {
  const per5 = Number(process.env.BENCH_SCALING_PARTICIPANTS ?? 5_000);
  const scratch = await scratchDatabase('eerstethuis_bench_scaling');
  const database = await openPostgres(scratch.url, 12);
  const lines = [
    `One PostgreSQL database grown with \`generate --append\`: 5 regions (${per5.toLocaleString('en')} participants), +5, +10. ` +
      'GEN-01 is the same region in every step. In-process requests (app.inject), date ' + DATA_END + '.',
    '',
    '| regions | participants | rows | GEN-01 counter p50 / p99 | GEN-01 outcomes p50 / p99 | national: all counters in turn (p50) | national SQL aggregate (p50) |',
    '|---|---|---|---|---|---|---|',
  ];
  try {
    await migrate(database);
    let rows = 0;
    for (const [add, participants] of [[5, per5], [5, per5], [10, 2 * per5]] as const) {
      const r = await generateNational(database, { regions: add, participants, seed: 1, append: true });
      rows += r.rows;
      const regions = await generatedRegions(database);
      const first = regions.find((x) => x.code === 'GEN-01')!;
      const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database });
      const cookie = await officeCookie(app, first.code);
      const counter = await time(() => app.inject({ method: 'GET', url: `/api/v1/programmes/${first.programmeId}/counter?date=${DATA_END}` }), 20, 2);
      const outcomes = await time(() => app.inject({ method: 'GET', url: `/api/v1/programmes/${first.programmeId}/outcomes?date=${DATA_END}`, headers: { cookie } }), 5, 1);
      const national = await time(async () => {
        for (const x of regions) await app.inject({ method: 'GET', url: `/api/v1/programmes/${x.programmeId}/counter?date=${DATA_END}` });
      }, 3, 1);
      const aggregate = await time(
        () =>
          database.query(
            `SELECT p.region_id, p.phase, count(*) FROM participants p GROUP BY 1, 2
             UNION ALL SELECT u.region_id, u.status, count(*) FROM units u GROUP BY 1, 2`,
          ),
        10,
        2,
      );
      await app.close();
      const total = regions.reduce((a, b) => a + b.participants, 0);
      lines.push(
        `| ${regions.length} | ${total.toLocaleString('en')} | ${rows.toLocaleString('en')} | ${ms(counter.p50)} / ${ms(counter.p99)} | ${ms(outcomes.p50)} / ${ms(outcomes.p99)} | ${ms(national.p50)} | ${ms(aggregate.p50)} |`,
      );
    }
  } finally {
    await database.close();
    await scratch.drop();
  }
  return { title: 'Scaling with regions (synthetic data, PostgreSQL)', lines };
}
