import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/db/seed/demo.js';
import { ms, time, type BenchSection } from './lib.js';
import pg from 'pg';

async function measure(database: Database, label: string) {
  await migrate(database);
  await seedDemo(database);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
  const list = await app.inject({ method: 'GET', url: '/api/v1/programmes' });
  const id = list.json().items[0].id;
  const counter = await time(() => app.inject({ method: 'GET', url: `/api/v1/programmes/${id}/counter?date=2021-01-15` }), 300);
  const history = await time(() => app.inject({ method: 'GET', url: `/api/v1/programmes/${id}/counter/history` }), 100);
  const baseline = await time(() => app.inject({ method: 'GET', url: '/api/health' }), 300);
  await app.close();
  return [
    `| ${label} | counter on a date | ${ms(counter.p50)} | ${ms(counter.p99)} | ${counter.n} |`,
    `| ${label} | counter month by month (programme period) | ${ms(history.p50)} | ${ms(history.p99)} | ${history.n} |`,
    `| ${label} | baseline: /api/health (one trivial query) | ${ms(baseline.p50)} | ${ms(baseline.p99)} | ${baseline.n} |`,
  ];
}

/** The counter routes on the demo region (217 units), PGlite and PostgreSQL, in-process (app.inject). */
export async function counterBench(): Promise<BenchSection> {
  const lines = ['| database | route | p50 | p99 | requests |', '|---|---|---|---|---|'];
  const lite = await openPglite();
  lines.push(...(await measure(lite, 'PGlite')));
  await lite.close();
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `eerstethuis_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString());
    lines.push(...(await measure(db, 'PostgreSQL 15')));
    await db.close();
    await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
  } catch (err) {
    lines.push(`| PostgreSQL | not measured: ${(err as Error).message} | | | |`);
  } finally {
    await c.end().catch(() => undefined);
  }
  return { title: 'Counter (demo region, in-process requests)', lines };
}
