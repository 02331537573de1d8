import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { DATA_END } from '../src/server/db/generate/period.js';
import type { BenchSection } from './lib.js';
import { nationalData } from './national-data.js';
import { officeCookie } from './national.bench.js';

const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** autocannon against one route; `paths` rotate per request (different participants' pages). */
async function load(base: string, paths: string[], cookie: string | null): Promise<Load> {
  let i = 0;
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    headers: cookie ? { cookie } : {},
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors };
}

/**
 * API throughput and latency of the main read routes under concurrent load (autocannon, over
 * HTTP to a listening server), logged in as the programme office of the biggest generated
 * region, against a bare Fastify route that runs `SELECT 1` through the same pool, in the same
 * run. The ratio route/baseline is the figure (goal ≥ 0.5 for list and detail routes).
 */
export async function apiBench(): Promise<BenchSection> {
  const data = await nationalData();
  const region = data.regions[0];
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database: data.database });
  // The baseline: no session, no validation, no transaction; one trivial query on the same pool.
  app.get('/bench/select1', async () => {
    await data.database.query('SELECT 1');
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const cookie = await officeCookie(app, region.code);
  const ids = await data.database.query<{ id: string }>(
    `SELECT id FROM participants WHERE region_id = $1 ORDER BY priority_key LIMIT 200`,
    [region.id],
  );
  // Light routes first; the heavy aggregates last, each after the server drained the previous load.
  const routes: [string, string[], boolean][] = [
    ['by-name list, first page (`GET /api/v1/participants`)', ['/api/v1/participants'], true],
    ['participant page (`GET /api/v1/participants/{id}`, 200 different people)', ids.map((r) => `/api/v1/participants/${r.id}`), true],
    ['counter (`GET /api/v1/programmes/{id}/counter`)', [`/api/v1/programmes/${region.programmeId}/counter?date=${DATA_END}`], false],
    ['outcomes (`GET /api/v1/programmes/{id}/outcomes`)', [`/api/v1/programmes/${region.programmeId}/outcomes?date=${DATA_END}`], false],
  ];
  // Check every route answers 200 before loading it.
  for (const [label, paths] of routes) {
    const res = await fetch(base + paths[0], { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  }
  await load(base, ['/bench/select1'], null); // warm-up
  const baseline = await load(base, ['/bench/select1'], null);
  const lines = [
    `Region ${region.code} (${region.participants.toLocaleString('en')} participants, ${region.units.toLocaleString('en')} units) of ${data.label}; ` +
      `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route, over HTTP on 127.0.0.1, logged in as the programme office; PostgreSQL 15, pool of 12.`,
    '',
    '| route | requests/s | p50 | p99 | ratio to baseline (req/s) | non-2xx |',
    '|---|---|---|---|---|---|',
    `| baseline: bare Fastify route, \`SELECT 1\` on the same pool | ${baseline.rps.toFixed(0)} | ${baseline.p50} ms | ${baseline.p99} ms | 1.00 | ${baseline.non2xx} |`,
  ];
  // Requests still queued when autocannon stops would slow the next route: wait until a probe is quick again.
  const drained = async () => {
    for (let i = 0; i < 120; i++) {
      const t = performance.now();
      await fetch(`${base}/bench/select1`);
      if (performance.now() - t < 50) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  for (const [label, paths, goal] of routes) {
    await drained();
    const r = await load(base, paths, cookie);
    const ratio = r.rps / baseline.rps;
    lines.push(
      `| ${label} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${ratio.toFixed(2)}${goal ? (ratio >= 0.5 ? ' (goal ≥ 0.5 met)' : ' (goal ≥ 0.5 **not met**)') : ''} | ${r.non2xx + r.errors} |`,
    );
  }
  await app.close();
  return { title: 'API under load: main read routes against a bare baseline (national data, PostgreSQL)', lines };
}
