import pg from 'pg';
import { openPostgres, type Database } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { generateNational } from '../src/server/db/generate/generate.js';

/**
 * The synthetic national data set the `national`, `api` and `scaling` benches share, on
 * PostgreSQL. Size from the environment:
 *
 * - BENCH_REGIONS (default 10) and BENCH_PARTICIPANTS (default 50 000): generated into a fresh
 *   database that is dropped at the end of the run (a few minutes on 2 cores);
 * - BENCH_NATIONAL_URL: use this database instead and keep it — generated into when empty, used
 *   as it is otherwise (e.g. the full 40 × 200 000 made once with `eerstethuis generate`).
 */
export interface NationalData {
  database: Database;
  regions: { id: string; code: string; programmeId: string; participants: number; units: number }[];
  generated: { regions: number; participants: number; rows: number; seconds: number } | null;
  label: string;
}

const admin = () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let cached: Promise<NationalData> | null = null;
let drop: (() => Promise<void>) | null = null;

/** Creates an empty PostgreSQL database for a bench; returns its URL and a function that drops it. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** The regions of a generated database with their programme and size, biggest first. */
export async function generatedRegions(database: Database): Promise<NationalData['regions']> {
  return database.query<NationalData['regions'][number]>(
    `SELECT r.id, r.code, p.id AS "programmeId",
            (SELECT count(*)::int FROM participants x WHERE x.region_id = r.id) AS participants,
            (SELECT count(*)::int FROM units u WHERE u.region_id = r.id) AS units
       FROM regions r JOIN programmes p ON p.region_id = r.id
      WHERE r.code LIKE 'GEN-%'
      ORDER BY participants DESC, r.code`,
  );
}

/** Generates (or opens) a national data set of the given size. */
export async function openNational(regions: number, participants: number, url?: string): Promise<NationalData> {
  let target = url;
  let dropIt: (() => Promise<void>) | null = null;
  if (!target) {
    const s = await scratchDatabase('eerstethuis_bench_national');
    target = s.url;
    dropIt = s.drop;
  }
  const database = await openPostgres(target, 12);
  await migrate(database);
  let generated: NationalData['generated'] = null;
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if (n === 0) {
    let last = 0;
    const r = await generateNational(database, {
      regions,
      participants,
      seed: Number(process.env.BENCH_SEED ?? 1),
      onProgress: (p) => {
        if (p.participantsDone - last >= participants / 10) {
          last = p.participantsDone;
          process.stderr.write(`  generate: ${p.participantsDone}/${p.participantsTotal} participants, ${p.rows} rows\n`);
        }
      },
    });
    generated = { regions, participants, rows: r.rows, seconds: r.ms / 1000 };
  }
  const list = await generatedRegions(database);
  const total = list.reduce((a, b) => a + b.participants, 0);
  const data: NationalData = { database, regions: list, generated, label: `${list.length} regions × ${total.toLocaleString('en')} participants` };
  if (dropIt) {
    const d = dropIt;
    const prev = drop;
    drop = async () => {
      await prev?.();
      await database.close().catch(() => undefined);
      await d();
    };
  } else {
    const prev = drop;
    drop = async () => {
      await prev?.();
      await database.close().catch(() => undefined);
    };
  }
  return data;
}

/** The shared data set of this bench run (generated once, on first use). */
export function nationalData(): Promise<NationalData> {
  cached ??= openNational(
    Number(process.env.BENCH_REGIONS ?? 10),
    Number(process.env.BENCH_PARTICIPANTS ?? 50_000),
    process.env.BENCH_NATIONAL_URL || undefined,
  );
  return cached;
}

/** Closes and drops what the benches generated (called by bench/run.ts at the end). */
export async function closeNationalData(): Promise<void> {
  await drop?.();
  drop = null;
  cached = null;
}
