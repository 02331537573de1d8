import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openPostgres, type Database } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { randomCode } from '../src/server/domain/participants/participants.service.js';
import { DEFAULT_PRIORITY, priorityKey } from '../src/server/domain/waitingList/waitingList.priority.js';
import { PARTICIPANT_PHASES, TARGET_GROUPS, type ParticipantPhase } from '../src/shared/enums.js';
import { buildRegion, TEST_PASSWORD } from '../test/support/builders.js';
import { ms, time, type BenchSection } from './lib.js';

const N = 10_000;

/** A seeded PRNG (mulberry32), so every run builds the same data set. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10 000 participants in one region, in bulk (multi-row inserts of 500), split over two providers. */
async function fill(database: Database) {
  const r = await buildRegion(database);
  const rnd = prng(20261121);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const day = (from: number, span: number) => new Date(Date.UTC(2020, 0, 1) + (from + Math.floor(rnd() * span)) * 86_400_000).toISOString().slice(0, 10);
  const codes = new Set<string>();
  for (let start = 0; start < N; start += 500) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    const orgValues: unknown[] = [];
    const orgTuples: string[] = [];
    for (let i = start; i < Math.min(N, start + 500); i++) {
      let code = randomCode((max) => Math.floor(rnd() * max));
      while (codes.has(code)) code = randomCode((max) => Math.floor(rnd() * max));
      codes.add(code);
      const id = crypto.randomUUID();
      const phase = pick(PARTICIPANT_PHASES) as ParticipantPhase;
      const referred = day(0, 900);
      const waiting = rnd() < 0.6 ? day(-400, 400) : null;
      const targetGroup = pick(TARGET_GROUPS);
      const key = priorityKey(DEFAULT_PRIORITY, { code, phase, waitingListRegisteredOn: waiting, firstReferredOn: referred, targetGroup, currentPlace: 'night_shelter' });
      const provider = i % 2 === 0 ? r.orgs.providerA : r.orgs.providerB;
      const b = values.length;
      tuples.push(`($${b + 1},$${b + 2},$${b + 3},$${b + 4},'Bench','Deelnemer ' || $${b + 5},'bench|deelnemer',DATE '1980-01-01',$${b + 6},'night_shelter',$${b + 7},$${b + 8},$${b + 9},$${b + 10},$${b + 11})`);
      values.push(r.regionId, id, r.programmeId, code, String(i), targetGroup, waiting, provider, phase, referred, referred);
      tuples[tuples.length - 1] = tuples[tuples.length - 1].replace(/\)$/, `,$${b + 12})`);
      values.push(key);
      const o = orgValues.length;
      orgTuples.push(`($${o + 1},$${o + 2},$${o + 3},'provider',DATE '2021-01-01'),($${o + 1},$${o + 2},$${o + 4},'referrer',DATE '2021-01-01')`);
      orgValues.push(r.regionId, id, provider, r.orgs.referral);
    }
    await database.query(
      `INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, target_group,
                                 current_place, waiting_list_registered_on, provider_id, phase, phase_since, first_referred_on, priority_key)
       VALUES ${tuples.join(',')}`,
      values,
    );
    await database.query(`INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since) VALUES ${orgTuples.join(',')}`, orgValues);
  }
  await database.query('ANALYZE');
  return r;
}

/** The by-name list's first page on PostgreSQL with 10 000 participants (goal: under 200 ms). */
export async function participantsBench(): Promise<BenchSection> {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `eerstethuis_bench_p_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  const lines = ['| request (in-process, PostgreSQL 15, 10 000 participants) | p50 | p99 | requests |', '|---|---|---|---|'];
  try {
    await migrate(database);
    const r = await fill(database);
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database });
    const login = async (email: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: TEST_PASSWORD } });
      return `eh_session=${res.cookies.find((x) => x.name === 'eh_session')!.value}`;
    };
    const office = await login(r.emails.office);
    const care = await login(r.emails.careWorker);
    const get = (cookie: string, url: string) => () => app.inject({ method: 'GET', url, headers: { cookie } });
    const row = async (label: string, fn: () => Promise<unknown>, n = 200) => {
      const t = await time(fn, n);
      lines.push(`| ${label} | ${ms(t.p50)} | ${ms(t.p99)} | ${t.n} |`);
    };
    await row('by-name list, first page (50), programme office', get(office, '/api/v1/participants'));
    await row('by-name list, first page (50), care worker of one provider', get(care, '/api/v1/participants'));
    await row('by-name list, ?phase=ready, programme office', get(office, '/api/v1/participants?phase=ready'));
    await row('by-name list, 200 items, programme office', get(office, '/api/v1/participants?limit=200'), 100);
    await row('baseline: /api/health (one trivial query)', () => app.inject({ method: 'GET', url: '/api/health' }));
    const plan = await database.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM participants WHERE region_id = $1 AND merged_into_id IS NULL ORDER BY programme_id, priority_key LIMIT 51`,
      [r.regionId],
    );
    lines.push('', 'Plan of the list query (office):', '', '```', ...plan.map((p) => p['QUERY PLAN']), '```');
    await app.close();
  } finally {
    await database.close();
    await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await c.end();
  }
  return { title: 'By-name list of 10 000 participants (PostgreSQL)', lines };
}
