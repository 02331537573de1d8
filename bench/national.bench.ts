import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import { DATA_END } from '../src/server/db/generate/period.js';
import { GENERATE_PASSWORD, generatedEmail } from '../src/server/db/generate/generate.js';
import { ms, time, type BenchSection } from './lib.js';
import { nationalData, type NationalData } from './national-data.js';

/** Logs in as a generated region's programme office (in-process) and returns the cookie. */
export async function officeCookie(app: FastifyInstance, code: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: generatedEmail(code, 'office'), password: GENERATE_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${code}: ${res.statusCode} ${res.body}`);
  return `eh_session=${res.cookies.find((c) => c.name === 'eh_session')!.value}`;
}

/** A few regions to measure: the biggest, one in the middle, the smallest (all when few). */
export function sampleRegions<T>(regions: T[], n = 3): T[] {
  if (regions.length <= n) return regions;
  const idx = new Set([0, Math.floor((regions.length - 1) / 2), regions.length - 1]);
  return [...idx].sort((a, b) => a - b).map((i) => regions[i]);
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Sequential scans in a plan, with the rows they read. */
function seqScans(node: PlanNode, out: { table: string; rows: number }[] = []) {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) {
    out.push({ table: node['Relation Name'], rows: (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) });
  }
  for (const c of node.Plans ?? []) seqScans(c, out);
  return out;
}

/**
 * The main queries of the counter and the outcomes, as EXPLAIN (ANALYZE, FORMAT JSON) in the
 * region's access context. The outcome functions are SECURITY DEFINER (not inlined: EXPLAIN shows
 * only a function scan), so their bodies are read from pg_proc and explained with the arguments
 * filled in: the check follows the function whatever its current text.
 */
async function explainMain(database: Database, region: NationalData['regions'][number]) {
  const [sizes] = await database.query<Record<string, number>>(
    `SELECT ${['units', 'unit_status_events', 'participants', 'participant_phase_events', 'tenancies', 'zrm_measurements', 'participant_placements', 'referrals', 'guidance_episodes', 'guidance_handovers']
      .map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`)
      .join(', ')}`,
  );
  const large = (t: string) => (sizes[t] ?? 0) >= 10_000;
  const fn = async (name: string) => {
    const [r] = await database.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = $1`, [name]);
    return r?.src
      .replace(/\bp_programme\b/g, `'${region.programmeId}'::uuid`)
      .replace(/\bp_date\b/g, `'${DATA_END}'::date`)
      .replace(/\$1\b/g, `'${region.programmeId}'::uuid`)
      .replace(/\$2\b/g, `'${DATA_END}'::date`);
  };
  const queries: [string, string | undefined][] = [
    ['counter: units of the programme', `SELECT u.id, u.municipality_id, u.form, u.tranche_id,
        ARRAY(SELECT pp.organisation_id FROM pledge_partners pp WHERE pp.region_id = u.region_id AND pp.pledge_id = u.pledge_id)
        || array_remove(ARRAY[l.corporation_id, l.provider_id], NULL) AS partner_ids
       FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.region_id = '${region.id}' AND u.programme_id = '${region.programmeId}'`],
    ['counter: status events', `SELECT e.unit_id, e.status, e.effective_date, e.seq FROM unit_status_events e JOIN units u ON u.id = e.unit_id
       WHERE e.region_id = '${region.id}' AND u.programme_id = '${region.programmeId}' ORDER BY e.effective_date, e.seq`],
    ['outcomes: outcome_spells', await fn('outcome_spells')],
    ['outcomes: outcome_zrm', await fn('outcome_zrm')],
    ['by-name list: first page', `SELECT id FROM participants WHERE region_id = '${region.id}' AND programme_id = '${region.programmeId}'
       AND merged_into_id IS NULL ORDER BY priority_key LIMIT 51`],
  ];
  const lines: string[] = [];
  await database.withSession(async (run) => {
    await run('BEGIN');
    await run(`SELECT set_config('app.region_id', $1, true)`, [region.id]);
    for (const [label, q] of queries) {
      if (!q) {
        lines.push(`| ${label} | (function not present) | |`);
        continue;
      }
      const [row] = (await run(`EXPLAIN (ANALYZE, FORMAT JSON) ${q}`, [])) as { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }[];
      const plan = row['QUERY PLAN'][0];
      const scans = seqScans(plan.Plan);
      const bad = scans.filter((s) => large(s.table));
      lines.push(
        `| ${label} | ${plan['Execution Time'].toFixed(1)} ms | ${bad.length ? bad.map((s) => `**${s.table}** (${s.rows} rows read)`).join(', ') : scans.length ? `none of large tables (small: ${[...new Set(scans.map((s) => s.table))].join(', ')})` : 'none'} |`,
      );
    }
    await run('ROLLBACK');
  });
  return lines;
}

/**
 * The counter and the outcome figures over the national data set on PostgreSQL (in-process
 * requests through the whole stack), per sampled region and for all regions in turn (a national
 * report), with the main queries' plans checked for sequential scans of large tables.
 */
export async function nationalBench(): Promise<BenchSection> {
  const data = await nationalData();
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database: data.database });
  const lines: string[] = [];
  if (data.generated) {
    const g = data.generated;
    lines.push(`Data set: \`eerstethuis generate --regions ${g.regions} --participants ${g.participants}\` (${g.rows.toLocaleString('en')} rows, generated in ${g.seconds.toFixed(0)} s in this run).`, '');
  } else {
    lines.push(`Data set: ${data.label} (existing database, BENCH_NATIONAL_URL).`, '');
  }
  lines.push(
    'Goal: counter p99 < 100 ms, outcomes p99 < 1 s. In-process requests (app.inject), PostgreSQL 15, date ' + DATA_END + '.',
    '',
    '| region | participants | units | counter p50 | counter p99 | outcomes p50 | outcomes p99 |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of sampleRegions(data.regions)) {
    const cookie = await officeCookie(app, r.code);
    const counter = await time(() => app.inject({ method: 'GET', url: `/api/v1/programmes/${r.programmeId}/counter?date=${DATA_END}` }), 100, 5);
    const outcomes = await time(async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/programmes/${r.programmeId}/outcomes?asOf=${DATA_END}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`outcomes ${res.statusCode} ${res.body.slice(0, 300)}`);
    }, 20, 2);
    lines.push(`| ${r.code} | ${r.participants.toLocaleString('en')} | ${r.units.toLocaleString('en')} | ${ms(counter.p50)} | ${ms(counter.p99)} | ${ms(outcomes.p50)} | ${ms(outcomes.p99)} |`);
  }
  // A national report: every region's counter in turn (what a national dashboard would compute).
  const national = await time(async () => {
    for (const r of data.regions) await app.inject({ method: 'GET', url: `/api/v1/programmes/${r.programmeId}/counter?date=${DATA_END}` });
  }, 5, 1);
  lines.push('', `National report (the counter of all ${data.regions.length} programmes in turn): p50 ${ms(national.p50)}, p99 ${ms(national.p99)} (5 runs).`, '');
  lines.push('Plans of the main queries (EXPLAIN ANALYZE, biggest region), sequential scans of tables over 10 000 rows in bold:', '');
  lines.push('| query | execution | sequential scans |', '|---|---|---|');
  lines.push(...(await explainMain(data.database, data.regions[0])));
  await app.close();
  return { title: 'National data set: counter and outcomes (PostgreSQL)', lines };
}
